-- One awsJson DescribeRepositories call per request, headers shaped like an SDK's (the reference
-- server does not verify signatures). No response() hook: it would slow wrk down.
wrk.method = "POST"
wrk.path = "/"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "SpencerFrontendService.DescribeRepositories"
wrk.headers["X-Amz-Date"] = "20250101T000000Z"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/ecr-public/aws4_request, "
  .. "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" .. string.rep("0", 64)
