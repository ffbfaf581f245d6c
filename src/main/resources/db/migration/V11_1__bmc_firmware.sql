-- The BMC's firmware identity from `mc info` (manufacturer/product/revision/aux), read with the SDR names (when the
-- SDR changes, or daily). dcmi_supported is asked once per BMC and kept until this changes (issue 18).
alter table server_status add column bmc_firmware varchar(200);
