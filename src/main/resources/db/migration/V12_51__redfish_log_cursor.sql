-- Issue 19: where the last read of each Redfish log of a server ended (redfish.entity.LogCursor), so that a poll
-- reads only the entries newer than the last one stored. Written in the transaction that stores those entries.
create table redfish_log_cursor (
    server_id      bigint        not null references server (id) on delete cascade,
    -- the LogService's @odata.id (…/LogServices/Sel): a server has several logs (SEL, Lclog, IML, EventLog, …)
    log_uri        varchar(1024) not null,
    -- the newest entry read (the anchor); null while the log was empty
    last_id        varchar(255),
    last_created   timestamptz,
    -- Members@odata.count at that read
    entry_count    integer       not null,
    newest_first   boolean       not null,
    top_skip_works boolean       not null,
    updated_at     timestamptz   not null,
    primary key (server_id, log_uri)
);
