-- A rule tag's program: FLAG (one rule), LAYERED (first-match list of value and rule), RFM or
-- LIFECYCLE (template settings as JSON in definition).
alter table rule_tag add column program varchar(20) default 'FLAG' not null;
