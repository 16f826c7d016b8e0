-- Rule tags: one rule per tag, what it reads (for dependency order and real-time re-evaluation),
-- and how its last evaluation went.
create table rule_tag (
  tag_id            bigint primary key references tag (id),
  definition        varchar(10000) not null,
  version           integer not null,
  depends_on        varchar(4000) not null,
  reads_events      varchar(4000) not null,
  time_relative     boolean not null,
  updated_by        varchar(100) not null,
  updated_at        timestamp with time zone not null,
  last_evaluated_at timestamp with time zone,
  last_as_of        date,
  last_result       varchar(1000),
  last_error        varchar(2000)
);
