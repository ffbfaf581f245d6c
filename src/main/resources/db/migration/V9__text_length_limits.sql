-- Bounded lengths for the text people store (issue 14), the numbers the application checks on every way in
-- (fleet.control.ServerInput for servers, alerting.control.ChannelSpec for channels), kept here as well so that
-- nothing can store more. char_length counts code points; the application counts UTF-16 units, never fewer, so
-- whatever it accepts fits. bmc_ip, server_name and server_ip are varchar(255) since V1, channel names
-- varchar(128) since V4: bounded by their type already.

-- Server rows written before there were limits are brought within them first, so that the constraints hold for
-- every row and an admin's later change to an old row never fails on a field it did not touch:
-- - notes are cut to their first 4,000 characters (what the issue found was a 10 MB note from an INI import);
-- - a user name over 64 characters is cut: none ever signed in, IPMI 2.0 carries at most 16 bytes of it;
-- - an encrypted password too long for a 128-character one cannot be cut: it is removed, and IPMI_PASS applies
--   (IPMI 2.0 passwords have at most 20 bytes). A 128-character password encrypts to at most 555 characters.
update server set notes = left(notes, 4000) where char_length(notes) > 4000;
update server set ipmi_user = left(ipmi_user, 64) where char_length(ipmi_user) > 64;
update server set ipmi_pass_enc = null where char_length(ipmi_pass_enc) > 1024;

alter table server
    add constraint server_notes_length check (char_length(notes) <= 4000),
    add constraint server_ipmi_user_length check (char_length(ipmi_user) <= 64),
    add constraint server_ipmi_pass_length check (char_length(ipmi_pass_enc) <= 1024);

-- Channels and settings have been bounded by the application since they exist (URL and Authorization 2,000
-- characters, which encrypt to at most 8,043; 20 addresses of at most 254; a number of seconds). NOT VALID: checked
-- for every row written from now on, while rows already there are not read, so the upgrade cannot fail on a row
-- written some other way.
alter table alert_channel
    add constraint alert_channel_url_length check (char_length(url_enc) <= 8192) not valid,
    add constraint alert_channel_auth_length check (char_length(auth_enc) <= 8192) not valid,
    add constraint alert_channel_recipients_length check (char_length(recipients) <= 5200) not valid;
alter table app_setting
    add constraint app_setting_value_length check (char_length(value) <= 1000) not valid;
