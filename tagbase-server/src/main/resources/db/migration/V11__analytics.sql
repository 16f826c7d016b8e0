-- Analytics: the size of every tag, tag value and saved segment, one row per key per day, kept for
-- as long as the database lives so trends can be drawn for any period; and the dashboard's settings.

-- One row per day a snapshot was taken: the live population that day (the denominator of coverage).
create table analytics_day (
  snapshot_day date primary key,
  population   bigint not null,
  taken_at     timestamp with time zone not null
);

-- Members of each index key on that day: a tag code, "code=value" for a layered tag's value,
-- "@segment" for a saved segment.
create table analytics_size (
  snapshot_day date not null references analytics_day (snapshot_day),
  index_key    varchar(200) not null,
  member_count bigint not null,
  primary key (index_key, snapshot_day)
);

-- Which tags the dashboard reads (value tier, lifecycle, RFM score axes, conversion event).
create table analytics_setting (
  name          varchar(60) primary key,
  setting_value varchar(200) not null,
  updated_by    varchar(100) not null,
  updated_at    timestamp with time zone not null
);
