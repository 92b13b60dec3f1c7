-- A mix of reads (~70%) and writes (~30%) over the repositories seed.py created, for the load
-- test: every response status is counted per thread and summed in done(), as one line:
--   LOAD requests=N 2xx=N 4xx=N 5xx=N other=N connect=N read=N write=N timeout=N
-- Writes cycle through bounded sets of tags, manifests and repository names, so the server's
-- state (and memory) stays bounded however long the run.
local repos = tonumber(os.getenv("BENCH_REPOS") or "10")
local account = os.getenv("BENCH_ACCOUNT") or "123456789012"
local config_digest = os.getenv("BENCH_CONFIG_DIGEST")
local config_size = os.getenv("BENCH_CONFIG_SIZE")
local layer_digest = os.getenv("BENCH_LAYER_DIGEST")
local layer_size = os.getenv("BENCH_LAYER_SIZE")

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local auth = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/ecr-public/aws4_request, "
  .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" .. string.rep("0", 64)

local function quote(s)
  return '"' .. s:gsub('\\', '\\\\'):gsub('"', '\\"') .. '"'
end

local function post(op, body)
  return wrk.format("POST", "/", {
    ["Content-Type"] = "application/x-amz-json-1.1",
    ["X-Amz-Target"] = "SpencerFrontendService." .. op,
    ["X-Amz-Date"] = "20250101T000000Z",
    ["Authorization"] = auth,
  }, body)
end

local n = 0
local upload_id = nil   -- from the last InitiateLayerUpload answer on this thread
local pending = nil     -- what the next response answers
c2, c4, c5, cother = 0, 0, 0, 0

local function repo(k) return string.format("bench/r%02d", k % repos) end
local function arn(k) return string.format("arn:aws:ecr-public::%s:repository/%s", account, repo(k)) end

local function manifest(v)
  return string.format('{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json",'
    .. '"config":{"mediaType":"application/vnd.docker.container.image.v1+json","size":%s,"digest":"%s"},'
    .. '"layers":[{"mediaType":"application/vnd.docker.image.rootfs.diff.tar.gzip","size":%s,"digest":"%s"}],'
    .. '"variant":%d}', config_size, config_digest, layer_size, layer_digest, v)
end

local reads = {
  function(k) return post("DescribeRepositories", "{}") end,
  function(k) return post("DescribeRepositories", '{"repositoryNames":["' .. repo(k) .. '"]}') end,
  function(k) return post("DescribeImages", '{"repositoryName":"' .. repo(k) .. '","maxResults":5}') end,
  function(k) return post("DescribeImageTags", '{"repositoryName":"' .. repo(k) .. '"}') end,
  function(k) return post("BatchCheckLayerAvailability", '{"repositoryName":"' .. repo(k)
      .. '","layerDigests":["' .. layer_digest .. '","' .. config_digest .. '"]}') end,
  function(k) return post("ListTagsForResource", '{"resourceArn":"' .. arn(k) .. '"}') end,
  function(k) return post("GetRepositoryCatalogData", '{"repositoryName":"' .. repo(k) .. '"}') end,
  function(k) return post("GetRepositoryPolicy", '{"repositoryName":"' .. repo(k) .. '"}') end,
  function(k) return post("GetAuthorizationToken", "{}") end,
  function(k) return post("DescribeRegistries", "{}") end,
  function(k) return post("GetRegistryCatalogData", "{}") end,
}

local writes = {
  function(k) local v = k % 50
    return post("PutImage", '{"repositoryName":"' .. repo(k) .. '","imageTag":"t' .. (k % 20)
      .. '","imageManifest":' .. quote(manifest(v)) .. '}') end,
  function(k) return post("BatchDeleteImage", '{"repositoryName":"' .. repo(k)
      .. '","imageIds":[{"imageTag":"t' .. (k % 20) .. '"}]}') end,
  function(k) return post("TagResource", '{"resourceArn":"' .. arn(k) .. '","tags":[{"Key":"k' .. (k % 20)
      .. '","Value":"v' .. k .. '"}]}') end,
  function(k) return post("UntagResource", '{"resourceArn":"' .. arn(k) .. '","tagKeys":["k' .. (k % 20) .. '"]}') end,
  function(k) return post("SetRepositoryPolicy", '{"repositoryName":"' .. repo(k) .. '","policyText":'
      .. quote('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":["ecr-public:DescribeImages"]}]}')
      .. '}') end,
  function(k) return post("PutRepositoryCatalogData", '{"repositoryName":"' .. repo(k)
      .. '","catalogData":{"description":"load ' .. k .. '"}}') end,
  function(k) local name = string.format("bench/tmp-%d-%d", id or 0, k % 8)
    if math.floor(k / 8) % 2 == 0 then return post("CreateRepository", '{"repositoryName":"' .. name .. '"}') end
    return post("DeleteRepository", '{"repositoryName":"' .. name .. '","force":true}') end,
  function(k)
    if upload_id == nil then
      pending = "initiate"
      return post("InitiateLayerUpload", '{"repositoryName":"bench/r00"}')
    end
    local uid = upload_id
    upload_id = nil
    -- base64 of "x": a one-byte part, so the upload map stays small; completion is left out (the
    -- server bounds uploads in progress).
    return post("UploadLayerPart", '{"repositoryName":"bench/r00","uploadId":"' .. uid
      .. '","partFirstByte":0,"partLastByte":0,"layerPartBlob":"eA=="}')
  end,
}

function request()
  n = n + 1
  local k = n * 7919 + (id or 0)
  if n % 10 < 3 then
    return writes[(k % #writes) + 1](k)
  end
  return reads[(k % #reads) + 1](k)
end

function response(status, headers, body)
  if status >= 200 and status < 300 then c2 = c2 + 1
  elseif status >= 400 and status < 500 then c4 = c4 + 1
  elseif status >= 500 then c5 = c5 + 1
  else cother = cother + 1 end
  -- Connections interleave, so the answer to InitiateLayerUpload is recognised by its content.
  if pending == "initiate" and body then
    local uid = body:match('"uploadId"%s*:%s*"([^"]+)"')
    if uid then
      upload_id = uid
      pending = nil
    end
  end
end

function done(summary, latency, requests)
  local t2, t4, t5, to = 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("c2")
    t4 = t4 + thread:get("c4")
    t5 = t5 + thread:get("c5")
    to = to + thread:get("cother")
  end
  local e = summary.errors
  io.write(string.format("LOAD requests=%d 2xx=%d 4xx=%d 5xx=%d other=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, t2, t4, t5, to, e.connect, e.read, e.write, e.timeout))
end
