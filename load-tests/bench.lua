-- wrk script of load-tests/bench: the same for nginx and the gateway, so the client costs the same on both sides.
--
--   wrk -t1 -c64 -d10s --latency -s bench.lua http://127.0.0.1:PORT -- URLS_FILE
--
-- URLS_FILE has one request per line, "host path"; each thread turns through all of them from its own starting point,
-- sending the line's Host header. done() prints one machine-readable line, "BENCH key=value ...", for the bench script.

local threads = 0

function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

function init(args)
  local file = args[1]
  if file == nil then
    error("usage: wrk ... -s bench.lua URL -- URLS_FILE")
  end
  prepared = {}
  for line in io.lines(file) do
    local host, path = line:match("^(%S+)%s+(%S+)$")
    if host then
      prepared[#prepared + 1] = wrk.format("GET", path, { Host = host })
    end
  end
  if #prepared == 0 then
    error("no requests in " .. file)
  end
  -- Threads start far apart in the list so that they do not ask for the same streams in step.
  position = ((id or 0) * 7919) % #prepared
end

function request()
  position = position % #prepared + 1
  return prepared[position]
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d"
      .. " connect=%d read=%d write=%d status=%d timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
