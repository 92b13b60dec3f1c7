"""Seeds a running reference server for the bench and the load test, with plain awsJson POSTs
(standard library only): N repositories `bench/rNN`, each with tags, a policy, one config blob,
one layer blob and a tagged image. Prints shell assignments the Lua scripts read from the env.

usage: seed.py URL [--repos N]
"""

import argparse
import base64
import hashlib
import json
import sys
import urllib.error
import urllib.request

ACCOUNT = "123456789012"
CONFIG = b'{"architecture":"amd64","os":"linux","load":true}'
LAYER = b"bench layer bytes " * 64


def sha(b):
    return "sha256:" + hashlib.sha256(b).hexdigest()


def call(url, op, body):
    req = urllib.request.Request(url + "/", data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "SpencerFrontendService." + op})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read() or b"{}")
    except urllib.error.HTTPError as e:
        payload = e.read()
        raise SystemExit("seed: %s failed: HTTP %d %s" % (op, e.code, payload[:300]))


def upload(url, repo, data):
    uid = call(url, "InitiateLayerUpload", {"repositoryName": repo})["uploadId"]
    call(url, "UploadLayerPart", {"repositoryName": repo, "uploadId": uid, "partFirstByte": 0,
                                  "partLastByte": len(data) - 1, "layerPartBlob": base64.b64encode(data).decode()})
    call(url, "CompleteLayerUpload", {"repositoryName": repo, "uploadId": uid, "layerDigests": [sha(data)]})


def main():
    p = argparse.ArgumentParser()
    p.add_argument("url")
    p.add_argument("--repos", type=int, default=10)
    args = p.parse_args()
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                           "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                                      "size": len(CONFIG), "digest": sha(CONFIG)},
                           "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                       "size": len(LAYER), "digest": sha(LAYER)}]})
    for i in range(args.repos):
        repo = "bench/r%02d" % i
        call(args.url, "CreateRepository", {"repositoryName": repo, "catalogData": {"description": "bench"},
                                            "tags": [{"Key": "bench", "Value": "yes"}]})
        upload(args.url, repo, CONFIG)
        upload(args.url, repo, LAYER)
        call(args.url, "PutImage", {"repositoryName": repo, "imageManifest": manifest, "imageTag": "base"})
    print("BENCH_REPOS=%d" % args.repos)
    print("BENCH_ACCOUNT=%s" % ACCOUNT)
    print("BENCH_CONFIG_DIGEST=%s" % sha(CONFIG))
    print("BENCH_CONFIG_SIZE=%d" % len(CONFIG))
    print("BENCH_LAYER_DIGEST=%s" % sha(LAYER))
    print("BENCH_LAYER_SIZE=%d" % len(LAYER))


if __name__ == "__main__":
    sys.exit(main())
