-- Roles and data scopes: custom roles made of permissions (the built-in roles live in code), users
-- that can be disabled, and API keys that carry a role like users do (api_key.role, from V1).

create table app_role (
  code       varchar(40)  primary key,
  name_zh    varchar(100) not null,
  name_en    varchar(100) not null,
  data_scope varchar(20)  not null,
  created_by varchar(100) not null,
  created_at timestamp with time zone not null,
  updated_at timestamp with time zone not null
);

create table app_role_permission (
  role_code  varchar(40) not null references app_role (code),
  permission varchar(40) not null,
  primary key (role_code, permission)
);

alter table app_user add column disabled_at timestamp with time zone;
alter table app_user add column updated_at timestamp with time zone;

-- The user an API key acts for: a key with a role limited to own customers sees that user's.
alter table api_key add column acts_as varchar(100);
