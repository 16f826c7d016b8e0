-- Analytics: who held each tag (each value of a layered tag) on a snapshot day, as bitmaps of
-- customer ids, so a flow between two dates and the holders at a window's start are bitmap counts
-- instead of a replay of tag_history. Retention: every day for tagbase.analytics.members.daily-days
-- (90), then the last snapshot of each month for tagbase.analytics.members.monthly-months (24).

-- One row per tag and day whose members were stored, with when: the "end of the day" it stands for.
create table analytics_member_day (
  tag_id       bigint not null,
  snapshot_day date not null,
  taken_at     timestamp with time zone not null,
  primary key (tag_id, snapshot_day)
);

-- The holders of a tag value (value_code '' for a flag tag) as customer ids (customer.id, never
-- reused), cut into chunks of 65,536 ids (chunk = id / 65536), each a serialized RoaringBitmap of at
-- most 8 KB. An erased customer's bit is cleared: only that customer's chunk rows are rewritten.
create table analytics_members (
  tag_id       bigint not null,
  snapshot_day date not null,
  value_code   varchar(64) not null,
  chunk        integer not null,
  members      bytea not null,
  primary key (tag_id, snapshot_day, value_code, chunk)
);
create index analytics_members_chunk on analytics_members (chunk);

-- Conversion: the customers with an event of a type in a window, answered from the index alone.
create index customer_event_type_at on customer_event (event_type, occurred_at, customer_id);
