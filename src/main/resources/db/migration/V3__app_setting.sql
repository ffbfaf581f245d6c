-- settings changed at runtime from the settings page; they override MicroProfile Config and are shared by
-- every instance on this database
create table app_setting (
    name       varchar(64) primary key,
    value      text        not null,
    updated_at timestamptz not null default now()
);
