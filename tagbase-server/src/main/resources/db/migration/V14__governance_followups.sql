-- Governance follow-ups: change requests cover template settings and a tag's own definition as well
-- as rules, and the last day each tag was viewed and used (for the idle finding).

-- What a request changes: RULE (the rule text), TEMPLATE (template settings as JSON, program says
-- which template) or DEFINITION (the tag's fields as JSON). base_version is the tag's definition
-- version when a DEFINITION request was made; effect_json the per-value dry run of a template.
alter table tag_change_request add column change_kind varchar(12) default 'RULE' not null;
alter table tag_change_request add column program varchar(20);
alter table tag_change_request add column base_version integer;
alter table tag_change_request add column effect_json varchar(100000);
alter table tag_change_request alter column current_text set data type varchar(100000);
alter table tag_change_request alter column proposed set data type varchar(100000);

-- The last day a tag was viewed (its pages, its API reads, members and charts) and used (segment
-- counts, previews and exports, rule evaluations, automation runs). Written at most once per tag
-- per day. tracked_from is when tracking began for the tag, so tags that existed before tracking
-- are not idle at once.
create table tag_activity (
  tag_code     varchar(64) primary key,
  last_viewed  date,
  last_used    date,
  tracked_from date not null
);
insert into tag_activity (tag_code, tracked_from) select code, current_date from tag;
