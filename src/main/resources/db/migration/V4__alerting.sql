-- Alerting: where notifications go, what fired, and every notification owed to a channel. Uniqueness in the
-- database (not memory) is what makes "fired once" hold across restarts and several instances.

create table alert_channel (
    id            bigserial primary key,
    name          varchar(128) not null unique,
    type          varchar(16)  not null check (type in ('WEBHOOK', 'EMAIL')),
    -- webhooks: the URL (often carries a token, so encrypted like BMC passwords), body format, optional
    -- Authorization header value (encrypted)
    url_enc       text,
    url_shown     varchar(300),
    format        varchar(16)  check (format in ('GENERIC', 'ALERTMANAGER')),
    auth_enc      text,
    -- e-mail: comma-separated addresses
    recipients    text,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now()
);

create table alert (
    id              bigserial primary key,
    rule            varchar(32)  not null,
    severity        varchar(16)  not null,
    server_id       bigint       not null references server (id) on delete cascade,
    -- what the alert is about: sel:<event id>, sensor:<server>:<name>, unreachable:<server>, stale:<server>
    fingerprint     varchar(300) not null,
    sel_event_id    bigint       references sel_event (id) on delete set null,
    summary         text         not null,
    description     text,
    state           varchar(16)  not null check (state in ('FIRING', 'RESOLVED')),
    started_at      timestamptz  not null,
    resolved_at     timestamptz,
    acknowledged_by varchar(255),
    acknowledged_at timestamptz
);
-- one firing alert per condition; a condition that comes back after its resolution is a new alert
create unique index alert_firing_once on alert (fingerprint) where state = 'FIRING';
-- a SEL event alerts once, ever
create unique index alert_sel_event_once on alert (sel_event_id);
create index alert_started on alert (started_at desc);

-- the newest SEL event of each server that was already there when alerting first saw the server: the SEL
-- history read by a first poll is not "new" and must not flood the channels
create table alert_sel_watermark (
    server_id    bigint primary key references server (id) on delete cascade,
    sel_event_id bigint not null
);

create table alert_delivery (
    id              bigserial primary key,
    alert_id        bigint      not null references alert (id) on delete cascade,
    channel_id      bigint      not null references alert_channel (id) on delete cascade,
    kind            varchar(16) not null check (kind in ('FIRE', 'RESOLVE')),
    status          varchar(16) not null default 'PENDING' check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_until     timestamptz,
    last_error      text,
    sent_at         timestamptz,
    unique (alert_id, channel_id, kind)
);
create index alert_delivery_due on alert_delivery (next_attempt_at) where status in ('PENDING', 'SENDING');
