-- Jobs: the instance running a job (owner, its tagbase.instance-id) refreshes heartbeat_at while it
-- runs; a RUNNING job whose heartbeat stopped (its instance was killed), or that the starting
-- instance itself owned before a restart, is marked FAILED. Before this, a starting instance failed
-- every RUNNING job, a peer's running ones too.
alter table job add column heartbeat_at timestamp with time zone;
alter table job add column owner varchar(200);
update job set heartbeat_at = created_at where status = 'RUNNING';
