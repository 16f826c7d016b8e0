-- Analytics member snapshots stored as changes: a chunk row is written only on a day its chunk
-- changed since the tag's previous stored day, either in full (diff = false: the chunk as it is that
-- day; an empty bitmap when it became empty) or as the ids that joined or left (diff = true: the
-- symmetric difference). A day's chunk is the newest full row at or before it XOR the diff rows
-- after that one up to the day. Existing rows are every chunk of their day in full: they read back
-- as before and the next snapshot stores only what changed since.
alter table analytics_members add column diff boolean not null default false;

-- Before, a chunk that emptied had no row on the next day; now no row means unchanged, so a chunk
-- stored on a day and missing from the tag's next stored day gets a full, empty row there (zero
-- bytes: the empty set).
insert into analytics_members (tag_id, snapshot_day, value_code, chunk, members, diff)
select m.tag_id, n.snapshot_day, m.value_code, m.chunk, cast('' as bytea), false
from analytics_members m
join analytics_member_day n on n.tag_id = m.tag_id
  and n.snapshot_day = (select min(d.snapshot_day) from analytics_member_day d
                        where d.tag_id = m.tag_id and d.snapshot_day > m.snapshot_day)
where not exists (select 1 from analytics_members x
                  where x.tag_id = m.tag_id and x.snapshot_day = n.snapshot_day
                    and x.value_code = m.value_code and x.chunk = m.chunk);
