-- wrk: POST a distinct schema per request (a record named after a per-thread counter) to its own subject.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function request()
  counter = counter + 1
  local name = string.format("R%d_%d", tid or 0, counter)
  local schema = string.format(
    '{\\"type\\":\\"record\\",\\"name\\":\\"%s\\",\\"namespace\\":\\"bench\\",\\"fields\\":[{\\"name\\":\\"id\\",\\"type\\":\\"string\\"}]}',
    name)
  local body = '{"schema":"' .. schema .. '"}'
  return wrk.format("POST", "/subjects/" .. name .. "-value/versions",
    {["Content-Type"] = "application/vnd.schemaregistry.v1+json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("p99_ms %.3f\n", latency:percentile(99) / 1000))
end
