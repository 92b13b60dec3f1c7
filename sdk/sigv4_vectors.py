#!/usr/bin/env python3
"""Writes requests signed by botocore's SigV4 signer for ecr-public, for the verifier's agreement test.

Usage: sigv4_vectors.py OUT.json [COUNT]   (COUNT defaults to 100)

Most requests come from a real botocore ecr-public client (every operation below, with its
X-Amz-Target, Content-Type and JSON body exactly as botocore serializes them), captured at
`before-send` instead of being sent. A few are bare AWSRequests signed by SigV4Auth with what the
client never produces but a signer must handle: a query string, percent-encoded and dot path
segments, repeated header lines and runs of spaces inside a value.

Each vector: kind, endpoint (the client's endpoint_url, null for botocore's own; a raw request's
URL), method, path (with the query string), headers ([[name, value], ...] as they go on the
wire, Host as urllib3 adds it), body_base64, access_key, secret_key, token (or null), region,
amz_date (the fixed instant botocore signed at). Deterministic: the same file every run.
Exit 77 when botocore is missing, so the caller can skip.
"""
import base64
import datetime
import json
import random
import sys
from urllib.parse import urlsplit

try:
    import botocore.auth
    import botocore.session
    from botocore.awsrequest import AWSRequest
    from botocore.config import Config
    from botocore.credentials import Credentials
except ImportError as e:  # pragma: no cover
    print(f"botocore not importable: {e}")
    sys.exit(77)

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "eu-central-1"]
ENDPOINTS = [
    None,  # botocore's own: https://api.ecr-public.<region>.amazonaws.com
    "http://127.0.0.1:8080",
    "http://localhost:9000/base/path",
    "https://judge.example.test/ecr/v1/",
]
NON_ASCII = "Dépôt ✓ für 容器 — ünïcödé 🚀"



def vector(kind, endpoint, method, url, headers, body, credentials, region, when):
    """One signed request as the C++ tests read it; `url` is the split URL it was sent to."""
    access_key, secret, token = credentials
    return {
        "kind": kind,
        "endpoint": endpoint,
        "method": method,
        "path": url.path + (f"?{url.query}" if url.query else ""),
        "headers": headers,
        "body_base64": base64.b64encode(body).decode(),
        "access_key": access_key, "secret_key": secret, "token": token,
        "region": region, "amz_date": when.strftime("%Y%m%dT%H%M%SZ"),
    }

def operations(i):
    """(operation name, input) pairs; varied by i so bodies differ."""
    repo = f"team-{i}/repo.{i}_x"
    return [
        ("describe_registries", {}),
        ("get_authorization_token", {}),
        ("get_registry_catalog_data", {}),
        ("describe_repositories", {"repositoryNames": [repo], "maxResults": 1 + i % 100}),
        ("create_repository", {"repositoryName": repo,
                               "catalogData": {"description": f"{NON_ASCII} #{i}", "aboutText": "é" * (i % 7 + 1),
                                               "architectures": ["ARM 64"], "operatingSystems": ["Linux"]},
                               "tags": [{"Key": "k", "Value": f"v{i} ✓"}]}),
        ("put_repository_catalog_data", {"repositoryName": repo,
                                         "catalogData": {"usageText": f"docker pull {repo}\n\ttabs and  spaces"}}),
        ("tag_resource", {"resourceArn": f"arn:aws:ecr-public::123456789012:repository/{repo}",
                          "tags": [{"Key": "名前", "Value": NON_ASCII}]}),
        ("describe_images", {"repositoryName": repo, "imageIds": [{"imageTag": f"v{i}"}], "nextToken": "a/b+c=="}),
        ("batch_delete_image", {"repositoryName": repo, "imageIds": [{"imageDigest": "sha256:" + "ab" * 32}]}),
        ("upload_layer_part", {"repositoryName": repo, "uploadId": f"upload-{i}", "partFirstByte": 0,
                               "partLastByte": 4, "layerPartBlob": bytes([0, 255, 10, i % 256, 13])}),
        ("put_registry_catalog_data", {"displayName": f"Registry {i}"}),
        ("delete_repository_policy", {"repositoryName": repo}),
    ]


# Loading the service model is most of a client's cost: one session for all.
SESSION = botocore.session.get_session()


class Captured(Exception):
    pass


def signing_time(i):
    base = datetime.datetime(2024, 2, 28, 23, 51, 7)
    return base + datetime.timedelta(minutes=97 * i, seconds=13 * i)


def client_vector(i, rng):
    region = REGIONS[i % len(REGIONS)]
    endpoint = ENDPOINTS[(i // len(REGIONS)) % len(ENDPOINTS)]
    token = f"FQoGZXIvYXdzE{i}//token+with/slashes==" if i % 3 == 0 else None
    access_key, secret = f"AKIDEXAMPLE{i:04d}", f"wJalrXUtnFEMI/K7MDENG+bPxRfiCY{i:04d}KEY"
    op, params = operations(i)[i % len(operations(i))]
    when = signing_time(i)
    botocore.auth.get_current_datetime = lambda: when

    client = SESSION.create_client(
        "ecr-public", region_name=region, endpoint_url=endpoint, aws_access_key_id=access_key,
        aws_secret_access_key=secret, aws_session_token=token,
        config=Config(retries={"max_attempts": 0}))
    captured = {}

    def before_send(request, **kwargs):
        captured["request"] = request
        raise Captured()

    client.meta.events.register("before-send", before_send)
    try:
        getattr(client, op)(**params)
    except Captured:
        pass
    request = captured["request"]
    url = urlsplit(request.url)
    headers = [["Host", botocore.auth._host_from_url(request.url)]]
    headers += [[k, v.decode() if isinstance(v, bytes) else v] for k, v in request.headers.items()]
    body = request.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    return vector(f"client:{op}", endpoint, request.method, url, headers, body, (access_key, secret, token), region, when)


RAW_URLS = [
    "https://h.example.test/",
    "https://h.example.test/a/./b/../c//d/",
    "https://h.example.test/with%20space/and%2Fslash/%E2%9C%93",
    "https://h.example.test/q?b=2&a=1&a=0&c=%2F&empty=",
    "http://h.example.test:8443/base/path?X-Param=v%20w&z",
]


def raw_vector(i, rng):
    j = i // 10  # raw vectors are every tenth: vary on their own count
    region = REGIONS[j % len(REGIONS)]
    token = "raw-token" if j % 2 else None
    access_key, secret = f"AKIDRAW{i:04d}", f"rawsecret{i:04d}/+="
    url = RAW_URLS[j % len(RAW_URLS)]
    body = json.dumps({"n": i, "text": NON_ASCII}, ensure_ascii=False).encode() if j % 3 else b""
    request = AWSRequest(method="POST" if j % 4 else "GET", url=url, data=body)
    request.headers["X-Amz-Target"] = "SpencerFrontendService.DescribeImages"
    request.headers["Content-Type"] = "application/x-amz-json-1.1"
    request.headers["X-Custom"] = "  runs   of \t spaces  "
    request.headers["X-Custom"] = "second line"  # HTTPHeaders appends: a repeated header line
    request.headers["User-Agent"] = "never signed"
    when = signing_time(i)
    botocore.auth.get_current_datetime = lambda: when
    creds = Credentials(access_key, secret, token)
    botocore.auth.SigV4Auth(creds, "ecr-public", region).add_auth(request)
    parts = urlsplit(url)
    headers = [["Host", botocore.auth._host_from_url(url)]] + [[k, v] for k, v in request.headers.items()]
    return vector("raw", url, request.method, parts, headers, body, (access_key, secret, token), region, when)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    rng = random.Random(15)
    vectors = []
    for i in range(count):
        vectors.append(raw_vector(i, rng) if i % 10 == 9 else client_vector(i, rng))
    with open(out, "w") as f:
        json.dump(vectors, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
