-- what the SDR looked like when names were last read, DCMI support and the cipher suite that worked
alter table server_status add column sdr_signature varchar(128);
alter table server_status add column dcmi_supported boolean;
alter table server_status add column cipher_suite_used integer;

create table power_reading (
    id            bigserial primary key,
    server_id     bigint      not null references server (id) on delete cascade,
    current_watts integer     not null,
    min_watts     integer,
    max_watts     integer,
    avg_watts     integer,
    collected_at  timestamptz not null
);
create index power_reading_server_time on power_reading (server_id, collected_at desc);
create index sensor_reading_time on sensor_reading (collected_at);
create index collection_run_time on collection_run (started_at);
