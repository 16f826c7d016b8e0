-- A rule tag's program: FLAG (one rule), LAYERED (first-match list of value and rule), RFM or
-- LIFECYCLE (template settings as JSON in definition).
alter table rule_tag add column program varchar(20) default 'FLAG' not null;

-- The number a statistical tag computed for each customer at its last evaluation.
create table tag_number (
  tag_id      bigint not null references tag (id),
  customer_id bigint not null references customer (id),
  number      double precision not null,
  as_of       date not null,
  primary key (tag_id, customer_id)
);
create index tag_number_customer on tag_number (customer_id);
