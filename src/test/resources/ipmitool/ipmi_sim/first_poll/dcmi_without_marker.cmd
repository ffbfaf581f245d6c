power status
sdr info
sel info
dcmi power reading
