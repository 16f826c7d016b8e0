-- The console user (app_user.username) who owns a customer: their sales rep. Automations assign
-- follow-up tasks to the owner; a sales rep's data scope is the customers they own.
alter table customer add column owner varchar(100);
create index customer_owner on customer (owner);
