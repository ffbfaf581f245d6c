-- Issue 19: servers whose BMC speaks Redfish. protocol is what the operator chose; auto probes /redfish/v1/ once
-- and remembers what answered in server_status.protocol_detected (cleared when the operator changes protocol).
alter table server add column protocol varchar(8) not null default 'ipmi'
    check (protocol in ('ipmi', 'redfish', 'auto'));
-- PEM CA bundle for fleets with a real PKI; without it the BMC's certificate is trusted on first use
alter table server add column ca_bundle text;
alter table server_status add column protocol_detected varchar(8)
    check (protocol_detected in ('ipmi', 'redfish'));

-- Trust on first use: the SHA-256 fingerprint of the certificate seen at the first successful poll. A BMC that
-- then presents another one is not polled (outcome CERTIFICATE_CHANGED) until an admin accepts presented_sha256.
create table bmc_certificate (
    server_id        bigint primary key references server (id) on delete cascade,
    pinned_sha256    varchar(64) not null,
    pinned_at        timestamptz not null,
    presented_sha256 varchar(64),
    presented_at     timestamptz
);
