#!/usr/bin/env python3
"""Recomputes the SigV4 Authorization header of a captured request with botocore's signer.

Input: a JSON file holding a list of captured requests, each with method, url, headers
([[name, value], ...] as captured, X-Amz-Date included), body_base64, region, service, access_key,
secret_key, token. Output: one line per request, the Authorization header botocore computes for it
at its X-Amz-Date. One process for many requests: importing botocore costs most of a second. Exit
77 when botocore is missing, so the caller can skip instead of fail.
"""
import base64
import datetime
import json
import sys

try:
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError as e:  # pragma: no cover
    print(f"botocore not importable: {e}")
    sys.exit(77)

# What botocore has not added yet when it signs (Content-Length), adds itself (date, token,
# signature), or never sends (libcurl's default Accept, which it leaves unsigned). Everything else
# the client sent is what botocore would sign: a header libcurl signed but botocore would not (or
# the other way round) shows up as a different SignedHeaders list.
NOT_AT_SIGNING_TIME = {"authorization", "content-length", "x-amz-date", "x-amz-security-token", "accept"}


def sign(captured):
    headers = {}
    amz_date = None
    for name, value in captured["headers"]:
        if name.lower() == "x-amz-date":
            amz_date = value
        if name.lower() not in NOT_AT_SIGNING_TIME:
            headers[name] = value
    if amz_date is None:
        return "error: the captured request has no X-Amz-Date"
    body = base64.b64decode(captured["body_base64"])
    request = AWSRequest(method=captured["method"], url=captured["url"], headers=headers, data=body)
    creds = Credentials(captured["access_key"], captured["secret_key"], captured.get("token") or None)
    signer = botocore.auth.SigV4Auth(creds, captured["service"], captured["region"])
    when = datetime.datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ")
    # Sign at the captured instant instead of now.
    botocore.auth.get_current_datetime = lambda: when
    signer.add_auth(request)
    return request.headers["Authorization"]


def main():
    with open(sys.argv[1]) as f:
        for captured in json.load(f):
            print(sign(captured))


if __name__ == "__main__":
    main()
