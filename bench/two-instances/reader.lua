-- wrk script of the readers: the dashboard, the annex page and the annex JSON in turn; counts every status.
local paths = { "/", "/annex", "/api/annex" }
local threads = {}
local n = 0

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
end

function request()
    n = n + 1
    return wrk.format("GET", paths[(n % #paths) + 1])
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    local line = {}
    for status, count in pairs(total) do
        table.insert(line, status .. "=" .. count)
    end
    table.sort(line)
    io.write("statuses " .. table.concat(line, " ") .. "\n")
    io.write(string.format("errors connect=%d read=%d write=%d timeout=%d status=%d\n",
        summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
