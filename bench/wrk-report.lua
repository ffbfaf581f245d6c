-- wrk -s bench/wrk-report.lua: prints one JSON line with the latency percentiles (ms), request rate and errors.
-- WRK_LABEL in the environment names the run. Latency is wrk's per-request latency (first byte sent .. response
-- complete) over the whole measured run.
local label = os.getenv("WRK_LABEL") or ""
local non2xx = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status < 200 or status > 399 then bad = bad + 1 end end
function done(summary, latency, requests)
  for _, t in ipairs(threads) do non2xx = non2xx + (t:get("bad") or 0) end
  local function ms(us) return string.format("%.2f", us / 1000) end
  local e = summary.errors
  io.write(string.format(
    '{"label":"%s","requests":%d,"duration_s":%.2f,"rps":%.1f,"bytes":%d,' ..
    '"p50_ms":%s,"p75_ms":%s,"p90_ms":%s,"p95_ms":%s,"p99_ms":%s,"mean_ms":%s,"max_ms":%s,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d,"status":%d},"non_2xx_3xx":%d}\n',
    label, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), summary.bytes,
    ms(latency:percentile(50)), ms(latency:percentile(75)), ms(latency:percentile(90)), ms(latency:percentile(95)),
    ms(latency:percentile(99)), ms(latency.mean), ms(latency.max),
    e.connect, e.read, e.write, e.timeout, e.status, non2xx))
end
