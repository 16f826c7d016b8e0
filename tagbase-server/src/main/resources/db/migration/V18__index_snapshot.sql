-- The marker of the index snapshot written at a clean shutdown (tagging/IndexSnapshots): the
-- snapshot file is used at the next start only when its label is here and the database still
-- matches the counts taken with it. The row is deleted as soon as the server has started.
create table index_snapshot (
  label            varchar(64) primary key,
  taken_at         timestamp   not null,
  customers        bigint      not null,
  last_customer_id bigint      not null,
  last_history_id  bigint      not null
);
