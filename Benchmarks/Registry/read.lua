-- wrk: GET /schemas/ids/{id} over ids 1…N (N from the environment variable SCHEMAS), round robin.
local n = tonumber(os.getenv("SCHEMAS") or "1")
local i = 0

function request()
  i = i % n + 1
  return wrk.format("GET", "/schemas/ids/" .. i)
end

function done(summary, latency, requests)
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
end
