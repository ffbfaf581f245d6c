power status
sdr info
sel info
echo ipmi-monitor-section mc-info follows
mc info
echo ipmi-monitor-section dcmi follows
dcmi power reading
echo ipmi-monitor-section sdr-dump follows
sdr dump /var/lib/ipmi-monitor/work/sdr1234.bin
echo ipmi-monitor-section sdr-elist follows
set verbose 0
sdr elist
