-- IPMI Monitor schema. Times are timestamptz (UTC); BMC clocks are kept as raw epoch seconds too.

create table server (
    id                  bigserial primary key,
    bmc_ip              varchar(255) not null unique,
    bmc_port            integer      not null default 623 check (bmc_port between 1 and 65535),
    server_name         varchar(255) not null,
    server_ip           varchar(255),
    enabled             boolean      not null default true,
    use_nvidia_password boolean      not null default false,
    ipmi_user           varchar(255),
    ipmi_pass_enc       text,
    cipher_suite        integer,
    notes               text,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    version             bigint       not null default 0
);

-- one row per server: last poll outcome, SEL bookkeeping for incremental reads, and the collection lease
create table server_status (
    server_id          bigint primary key references server (id) on delete cascade,
    power_state        varchar(16),
    reachable          boolean     not null default false,
    last_outcome       varchar(32),
    last_error         text,
    last_attempt_at    timestamptz,
    last_success_at    timestamptz,
    last_duration_ms   bigint,
    sel_entries        integer,
    sel_last_add       bigint,
    sel_last_erase     bigint,
    sel_last_record_id integer,
    sel_overflow       boolean,
    sdr_names_at       timestamptz,
    lease_owner        varchar(128),
    lease_until        timestamptz,
    version            bigint      not null default 0
);

create table collection_run (
    id          bigserial primary key,
    server_id   bigint      not null references server (id) on delete cascade,
    started_at  timestamptz not null,
    duration_ms bigint      not null,
    outcome     varchar(32) not null,
    error       text,
    new_events  integer     not null default 0,
    instance    varchar(128)
);
create index collection_run_server_time on collection_run (server_id, started_at desc);

create table sel_event (
    id              bigserial primary key,
    server_id       bigint       not null references server (id) on delete cascade,
    record_id       integer      not null,
    record_type     integer      not null,
    event_time      timestamptz,
    bmc_timestamp   bigint,
    pre_init        boolean      not null default false,
    sensor_type     varchar(64),
    sensor_type_code integer,
    sensor_number   integer,
    sensor_name     varchar(64),
    event_type_code integer,
    event_offset    integer,
    deassertion     boolean      not null default false,
    description     text         not null,
    detail          text,
    severity        varchar(16)  not null,
    raw_hex         varchar(64),
    -- record id + BMC timestamp + raw bytes: survives SEL clears and record-id reuse
    fingerprint     varchar(64)  not null,
    collected_at    timestamptz  not null default now(),
    resolved_at     timestamptz,
    unique (server_id, fingerprint)
);
create index sel_event_server_time on sel_event (server_id, event_time desc);
create index sel_event_time on sel_event (event_time desc);
create index sel_event_collected on sel_event (collected_at desc);

create table sdr_name (
    server_id     bigint      not null references server (id) on delete cascade,
    sensor_number integer     not null,
    sensor_name   varchar(64) not null,
    entity        varchar(16),
    primary key (server_id, sensor_number)
);

create table sensor_reading (
    id            bigserial primary key,
    server_id     bigint      not null references server (id) on delete cascade,
    sensor_name   varchar(64) not null,
    kind          varchar(16) not null,
    value         double precision,
    unit          varchar(32),
    status        varchar(16),
    lower_nr      double precision,
    lower_critical double precision,
    lower_nc      double precision,
    upper_nc      double precision,
    upper_critical double precision,
    upper_nr      double precision,
    collected_at  timestamptz not null
);
create index sensor_reading_server_time on sensor_reading (server_id, collected_at desc);
