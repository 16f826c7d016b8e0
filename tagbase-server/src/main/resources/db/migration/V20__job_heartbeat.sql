-- Jobs: the server running a job refreshes heartbeat_at while it runs; a RUNNING job whose
-- heartbeat stopped (its server was killed or restarted) is marked FAILED by whichever server looks
-- next. Before this, a server starting up failed every RUNNING job, a peer's running ones too.
alter table job add column heartbeat_at timestamp with time zone;
update job set heartbeat_at = created_at where status = 'RUNNING';
