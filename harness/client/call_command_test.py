#!/usr/bin/env python3
"""End-to-end tests of `ecr-conform call`, one case per ctest entry.

Usage: call_command_test.py <path to ecr-conform> <case>
Each case runs the binary with a clean AWS environment (and, where it needs one, against a canned
HTTP server on loopback) and checks the exit code and what was printed. Exit 0 pass, 1 fail.
"""
import http.server
import json
import os
import subprocess
import sys
import threading
import time

BINARY = sys.argv[1]
CASE = sys.argv[2]

VALID_REGISTRIES = {
    "registries": [{
        "registryId": "123456789012",
        "registryArn": "arn:aws:ecr-public::123456789012:registry/123456789012",
        "registryUri": "public.ecr.aws/abcd1234",
        "verified": False,
        "aliases": [{"name": "abcd1234", "status": "ACTIVE", "primaryRegistryAlias": True,
                     "defaultRegistryAlias": True}],
    }]
}


class CannedServer:
    """Answers every POST with one canned (status, headers, body) and records the requests."""

    def __init__(self, status, body, headers=None):
        outer = self
        self.requests = []

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                outer.requests.append((dict(self.headers), self.rfile.read(length)))
                data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]

    def close(self):
        self.server.shutdown()


def run(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(env_extra or {})
    start = time.monotonic()
    p = subprocess.run([BINARY, *args], capture_output=True, text=True, env=env, timeout=15)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - start


failures = []


def check(condition, what, out="", err=""):
    if not condition:
        failures.append(f"{what}\n--- stdout\n{out}--- stderr\n{err}")


def case_validation():
    code, out, err, _ = run("call", "CreateRepository", "--input", "{}")
    check(code == 2, f"exit {code}, want 2", out, err)
    check("repositoryName" in err and "Invalid parameter" in err, "names repositoryName AWS-style", out, err)


def case_bad_json():
    code, out, err, _ = run("call", "DescribeRegistries", "--input", "{x", "--endpoint-url", "http://127.0.0.1:1")
    check(code == 2, f"exit {code}, want 2", out, err)
    check("not valid JSON" in err and "line 1, column 2" in err, "names the JSON problem", out, err)
    code, out, err, _ = run("call", "DescribeRegistries", "--input", "[1]")
    check(code == 2 and "must be a JSON object" in err, "rejects a non-object", out, err)


def case_unreachable():
    code, out, err, elapsed = run("call", "DescribeRegistries", "--endpoint-url", "http://127.0.0.1:1")
    check(code == 3, f"exit {code}, want 3", out, err)
    check(err.count("\n") == 1 and "http://127.0.0.1:1/" in err, "one line naming the URL", out, err)
    check(out == "", "nothing on stdout", out, err)
    check(elapsed < 3, f"took {elapsed:.1f}s", out, err)


def case_unknown_operation():
    code, out, err, _ = run("call", "DescribeNothing")
    check(code == 2, f"exit {code}, want 2", out, err)
    check("DescribeNothing" in err and "DescribeRegistries" in err and "CreateRepository" in err,
          "lists valid operations", out, err)


def case_no_endpoint():
    code, out, err, _ = run("call", "DescribeRegistries")
    check(code == 2, f"exit {code}, want 2", out, err)
    check("no endpoint" in err and "--endpoint-url" in err, "says how to give one", out, err)
    code, out, err, _ = run("call", "DescribeRegistries", env_extra={"AWS_ENDPOINT_URL": "localhost:4566"})
    check(code == 2 and "no scheme" in err, "invalid URL from the environment", out, err)


def with_server(status, body, headers=None, args=(), env_extra=None):
    server = CannedServer(status, body, headers)
    try:
        env = {"AWS_ENDPOINT_URL_ECR_PUBLIC": server.url, "AWS_REGION": "eu-west-1"}
        env.update(env_extra or {})
        return run("call", "DescribeRegistries", *args, env_extra=env), server.requests
    finally:
        server.close()


def case_success():
    (code, out, err, _), requests = with_server(200, VALID_REGISTRIES, args=("--input", '{"maxResults": 5}'))
    check(code == 0, f"exit {code}, want 0", out, err)
    check(out.startswith("HTTP 200\n") and '"registryId": "123456789012"' in out, "status and pretty body", out, err)
    check(len(requests) == 1, "one request", out, err)
    if requests:
        headers, body = requests[0]
        auth = headers.get("Authorization", "")
        check("/eu-west-1/ecr-public/aws4_request" in auth and "Credential=AKIDECRCONFORMTEST/" in auth,
              f"signed for eu-west-1 with dummy credentials: {auth}", out, err)
        check(json.loads(body) == {"maxResults": 5}, f"body sent: {body!r}", out, err)
        check(headers.get("X-Amz-Target") == "SpencerFrontendService.DescribeRegistries", "target", out, err)
    # The response breaks the output shape: findings, exit 1.
    (code, out, err, _), _ = with_server(200, {"registries": "nope"})
    check(code == 1 and "finding:" in out and "registries" in out, f"shape finding, exit {code}", out, err)
    # A session token goes along.
    (code, out, err, _), requests = with_server(200, VALID_REGISTRIES, env_extra={
        "AWS_ACCESS_KEY_ID": "AKIDUSER", "AWS_SECRET_ACCESS_KEY": "S", "AWS_SESSION_TOKEN": "TOK"})
    check(code == 0 and requests and requests[0][0].get("X-Amz-Security-Token") == "TOK", "session token", out, err)


def case_undeclared_error():
    (code, out, err, _), _ = with_server(400, {"__type": "com.example#WeirdException", "message": "odd"})
    check(code == 1, f"exit {code}, want 1", out, err)
    check("HTTP 400" in out and "WeirdException" in out and "NOT declared" in out, "says undeclared", out, err)


def case_declared_error():
    (code, out, err, _), _ = with_server(400, {"message": "bad"},
                                         headers={"X-Amzn-ErrorType": "InvalidParameterException"})
    check(code == 0, f"exit {code}, want 0", out, err)
    check("error: InvalidParameterException (declared by DescribeRegistries): bad" in out, "says declared", out, err)


CASES = {name[len("case_"):]: fn for name, fn in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    if CASE not in CASES:
        print(f"unknown case {CASE}; cases: {', '.join(CASES)}")
        sys.exit(2)
    CASES[CASE]()
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)
