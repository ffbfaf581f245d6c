-- Issue 19, protocol auto: when https://<bmc>/redfish/v1/ was last probed. A probe that found no Redfish service
-- falls back to IPMI (protocol_detected 'ipmi') and is tried again a day later.
alter table server_status add column protocol_probed_at timestamptz;

-- What auto detected is forgotten when the operator changes the protocol, whichever way the change comes (API,
-- settings page, import): switching to auto again probes at the next poll. The version moves so that a poll
-- that read the status before the change cannot write the old answer back (optimistic lock).
create function server_protocol_changed() returns trigger language plpgsql as $$
begin
    update server_status set protocol_detected = null, protocol_probed_at = null, version = version + 1
     where server_id = new.id and (protocol_detected is not null or protocol_probed_at is not null);
    return new;
end $$;

create trigger server_protocol_changed after update of protocol on server
    for each row when (old.protocol is distinct from new.protocol) execute function server_protocol_changed();
