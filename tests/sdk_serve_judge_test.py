#!/usr/bin/env python3
"""`ecr-conform serve --judge --report-dir DIR`: an SDK's own tests run against the judge, and on
SIGTERM the judge writes the standard report (suite sdk) of every request it received.

boto3 makes two correct calls, one signed with the wrong secret and one whose input breaks the
model, each of the last two announced as a case of its own; the report must pass the correct ones,
fail `sdk_signature` for the wrong secret naming `signature_matches`, record the bad input as the
caller's (`sdk_caller_input`, not `sdk_request_body`), and the process must exit 1.
"""
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

import boto3
import botocore.config

import process_util

KEY_ID = "AKIDJUDGETEST0000000"
SECRET = "judge-test-secret-0123456789"


def client(url, secret, validate=True):
    return boto3.client("ecr-public", endpoint_url=url, region_name="us-east-1", aws_access_key_id=KEY_ID,
                        aws_secret_access_key=secret,
                        config=botocore.config.Config(retries={"total_max_attempts": 1}, parameter_validation=validate))


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as out:
        proc = subprocess.Popen([binary, "serve", "--judge", "--report-dir", out, "--access-key-id", KEY_ID,
                                 "--secret-access-key", SECRET], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        good = client(url, SECRET)
        good.create_repository(repositoryName="judged")
        good.describe_repositories()
        urllib.request.urlopen(urllib.request.Request(url + "/__ecr-conform/case", data=b'{"case": "wrong-secret"}',
                                                      method="POST")).read()
        try:
            client(url, "not-the-secret-0123456789").describe_repositories()
        except Exception:  # the reference answers; the judge records the bad signature
            pass
        # A caller's input that breaks the model (a 1-character name) with botocore's own validation
        # off: the judge blames the caller, not the SDK.
        urllib.request.urlopen(urllib.request.Request(url + "/__ecr-conform/case", data=b'{"case": "caller"}',
                                                      method="POST")).read()
        try:
            client(url, SECRET, validate=False).create_repository(repositoryName="x")
        except Exception:  # the reference refuses it with InvalidParameterException
            pass
        proc.terminate()
        code = proc.wait(timeout=20)
        stderr = proc.stderr.read()
        report = json.load(open(os.path.join(out, "report.json"), encoding="utf-8"))
    checks = {c["id"]: c for c in report["checks"]}
    problems = []
    if code != 1:
        problems.append(f"exit {code}, want 1; stderr: {stderr}")
    if report["suites"] != ["sdk"]:
        problems.append(f"suites {report['suites']}")
    for ok in ("sdk_signature[CreateRepository]", "sdk_signature[DescribeRepositories]",
               "sdk_request_framing[CreateRepository]", "sdk_request_body[DescribeRepositories]"):
        if checks.get(ok, {}).get("outcome") != "passed":
            problems.append(f"{ok}: {checks.get(ok)}")
    bad = checks.get("sdk_signature[wrong-secret.DescribeRepositories]", {})
    if bad.get("outcome") != "failed" or "signature_matches" not in json.dumps(bad.get("findings")):
        problems.append(f"the wrong secret was not caught: {bad}")
    caller = checks.get("sdk_caller_input[caller.CreateRepository]", {})
    if caller.get("outcome") != "failed" or "repositoryName" not in json.dumps(caller.get("findings")):
        problems.append(f"the caller's invalid input was not recorded as such: {caller}")
    for wire in ("sdk_request_body[caller.CreateRepository]", "sdk_signature[caller.CreateRepository]"):
        if checks.get(wire, {}).get("outcome") != "passed":
            problems.append(f"the caller's input was blamed on the SDK: {checks.get(wire)}")
    if SECRET in json.dumps(report):
        problems.append("the judge's secret key is in the report")
    print(f"serve --judge: exit {code}, {len(checks)} checks")
    return process_util.exit_status(problems)


if __name__ == "__main__":
    sys.exit(main())
