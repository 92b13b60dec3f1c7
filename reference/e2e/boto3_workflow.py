"""End-to-end workflow through boto3: all 23 operations, all 4 paginators, a multi-part layer
upload, a Docker schema-2 image and an OCI index, and the error codes boto3 surfaces.

run(url, results) records named assertions; the fault-observability test calls it in-process.
Assertions follow the behaviour reference, specs/ecr-public/behaviour.md: strict for D/M facts,
lenient (either of the listed codes) where it marks a behaviour E/U.
"""

import base64
import datetime
import hashlib
import json
import re
import struct
import threading
import time
import urllib.error
import urllib.request
import uuid
import zlib

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

import e2e_support

ACCOUNT = "123456789012"  # `serve` default --account-id
MiB = 1024 * 1024
JSON_TYPE = "application/x-amz-json-1.1"
SCHEMA2 = "application/vnd.docker.distribution.manifest.v2+json"
DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json"
DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip"
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"

ALL_OPERATIONS = {
    "BatchCheckLayerAvailability", "BatchDeleteImage", "CompleteLayerUpload", "CreateRepository",
    "DeleteRepository", "DeleteRepositoryPolicy", "DescribeImageTags", "DescribeImages",
    "DescribeRegistries", "DescribeRepositories", "GetAuthorizationToken", "GetRegistryCatalogData",
    "GetRepositoryCatalogData", "GetRepositoryPolicy", "InitiateLayerUpload", "ListTagsForResource",
    "PutImage", "PutRegistryCatalogData", "PutRepositoryCatalogData", "SetRepositoryPolicy",
    "TagResource", "UntagResource", "UploadLayerPart",
}
TIMESTAMP_MEMBERS = {"createdAt", "imagePushedAt", "expiresAt"}
UUID_RE = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
MAX_PAGES = 60  # a paginator beyond this is taken as never ending


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


def png(width, height):
    """A valid grey PNG, for logoImageBlob (the service takes 60..2048 px PNGs)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class Wire:
    """Keeps every raw HTTP response boto3 sees (before parsing) and which operations ran."""

    def __init__(self):
        self.responses = []  # (operation, status, headers, body bytes)
        self.last = {}

    def hook(self, operation_model, response_dict, **_):
        entry = (operation_model.name, response_dict["status_code"], dict(response_dict["headers"]),
                 response_dict["body"])
        self.responses.append(entry)
        self.last[operation_model.name] = entry

    def last_json(self, operation):
        _, _, _, body = self.last[operation]
        return json.loads(body) if body else {}

    @property
    def operations(self):
        return {r[0] for r in self.responses}


_SESSION = None
_SESSION_LOCK = threading.Lock()


def make_client(url, region="us-east-1", validate=True, wire=None):
    # One session for the process: it caches the loaded service model, which makes each further
    # client ~10x cheaper. Sessions are not thread-safe, clients are: create under a lock.
    global _SESSION
    with _SESSION_LOCK:
        if _SESSION is None:
            _SESSION = boto3.session.Session()
        client = _SESSION.client(
            "ecr-public", region_name=region, endpoint_url=url,
            aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            config=Config(retries={"max_attempts": 1}, connect_timeout=5, read_timeout=60,
                          parameter_validation=validate))
    if wire is not None:
        client.meta.events.register("before-parse.ecr-public.*", wire.hook)
    return client


class Workflow:
    def __init__(self, url, results, west_url=None):
        self.url = url
        self.west_url = west_url
        self.r = results
        self.wire = Wire()
        self.c = make_client(url, wire=self.wire)
        self.nv = make_client(url, validate=False, wire=self.wire)  # reaches server-side checks
        self.prefix = "e2e-%s" % uuid.uuid4().hex[:8]
        self.repo = self.prefix + "/app"
        self.other = self.prefix + "/other"
        self.alias = None
        self.error_codes = set()
        self.layers = {}  # name -> bytes

    # --- helpers -------------------------------------------------------------------------------

    def expect_error(self, name, codes, fn, **kwargs):
        """Asserts the call fails with one of `codes` (str or tuple), HTTP 400 (500 only for
        ServerException). Returns the error response dict, or None."""
        codes = (codes,) if isinstance(codes, str) else tuple(codes)
        try:
            out = fn(**kwargs)
        except ClientError as e:
            code = e.response.get("Error", {}).get("Code")
            status = e.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
            ok = self.r.check(name, code in codes, "got %s (HTTP %s: %s), want %s" % (
                code, status, e.response.get("Error", {}).get("Message"), " or ".join(codes)))
            want_status = 500 if code == "ServerException" else 400
            self.r.check(name + " [HTTP %d]" % want_status, status == want_status, "HTTP %s" % status)
            if ok and len(codes) == 1:
                self.error_codes.add(code)
            return e.response
        self.r.check(name, False, "succeeded (%s), want %s" % (
            json.dumps(out, default=str)[:300], " or ".join(codes)))
        return None

    def upload(self, repo, data, part_size=None, registry_id=None):
        """Initiate, upload parts, complete; returns the CompleteLayerUpload output."""
        extra = {"registryId": registry_id} if registry_id else {}
        init = self.c.initiate_layer_upload(repositoryName=repo, **extra)
        uid = init["uploadId"]
        part_size = part_size or max(len(data), 1)
        for first in range(0, len(data), part_size):
            chunk = data[first:first + part_size]
            self.c.upload_layer_part(repositoryName=repo, uploadId=uid, partFirstByte=first,
                                     partLastByte=first + len(chunk) - 1, layerPartBlob=chunk, **extra)
        return self.c.complete_layer_upload(repositoryName=repo, uploadId=uid, layerDigests=[sha(data)], **extra)

    def put(self, repo, manifest, tag=None, media_type=None, **kwargs):
        args = dict(repositoryName=repo, imageManifest=manifest, **kwargs)
        if tag:
            args["imageTag"] = tag
        if media_type:
            args["imageManifestMediaType"] = media_type
        return self.c.put_image(**args)

    def describe_image(self, repo, digest):
        out = self.c.describe_images(repositoryName=repo, imageIds=[{"imageDigest": digest}])
        return out["imageDetails"][0]

    def paginate(self, name, operation, result_key, expected, page_size, **kwargs):
        """Runs a boto3 paginator and checks: terminates, no duplicates, nothing missing, page
        sizes respected, several pages when there is enough data."""
        pages, items = 0, []
        paginator = self.c.get_paginator(operation)
        for page in paginator.paginate(PaginationConfig={"PageSize": page_size}, **kwargs):
            pages += 1
            got = page.get(result_key, [])
            self.r.check("%s: page %d holds at most %d items" % (name, pages, page_size), len(got) <= page_size,
                         "%d items" % len(got))
            items.extend(got)
            if pages >= MAX_PAGES:
                break
        self.r.check("%s: pagination terminates" % name, pages < MAX_PAGES, "%d pages and counting" % pages)
        keys = [expected(i) for i in items]
        self.r.check("%s: no item twice" % name, len(keys) == len(set(keys)),
                     "duplicates: %s" % sorted({k for k in keys if keys.count(k) > 1}))
        return pages, keys

    # --- steps ---------------------------------------------------------------------------------

    def registry(self):
        r, c = self.r, self.c
        data = c.get_registry_catalog_data()
        r.check("GetRegistryCatalogData returns registryCatalogData", isinstance(data.get("registryCatalogData"), dict),
                data)
        put = c.put_registry_catalog_data(displayName="e2e registry")
        r.equal("PutRegistryCatalogData echoes displayName", put["registryCatalogData"].get("displayName"),
                "e2e registry")
        r.equal("GetRegistryCatalogData after put", c.get_registry_catalog_data()["registryCatalogData"].get(
            "displayName"), "e2e registry")

        before = time.time()
        auth = c.get_authorization_token()["authorizationData"]
        token = base64.b64decode(auth["authorizationToken"]).decode()
        r.check("authorization token decodes to AWS:<password>", token.startswith("AWS:"), token[:20])
        r.equal("decoded authorization token has exactly one ':'", token.count(":"), 1)
        hours = (auth["expiresAt"].timestamp() - before) / 3600
        r.check("authorization token expires 12 h ahead", 11.9 < hours < 12.1, "%.3f h" % hours)
        if self.west_url:  # a server started with --region us-west-2
            west = make_client(self.west_url, region="us-west-2", wire=self.wire)
            self.expect_error("GetAuthorizationToken outside us-east-1", "UnsupportedCommandException",
                              west.get_authorization_token)

    def repositories(self):
        r, c = self.r, self.c
        catalog = {"description": "e2e repository", "architectures": ["x86-64", "RISC-V"],
                   "operatingSystems": ["Linux", "Plan 9"], "logoImageBlob": png(64, 64),
                   "aboutText": "# About", "usageText": "docker pull"}
        out = c.create_repository(repositoryName=self.repo, catalogData=catalog,
                                  tags=[{"Key": "team", "Value": "e2e"}, {"Key": "env", "Value": ""}])
        repo = out["repository"]
        raw = self.wire.last_json("CreateRepository")
        r.equal("CreateRepository repositoryName", repo.get("repositoryName"), self.repo)
        r.equal("CreateRepository registryId", repo.get("registryId"), ACCOUNT)
        r.equal("CreateRepository ARN (empty region field)", repo.get("repositoryArn"),
                "arn:aws:ecr-public::%s:repository/%s" % (ACCOUNT, self.repo))
        r.check("CreateRepository createdAt is a datetime", isinstance(repo.get("createdAt"), datetime.datetime),
                repo.get("createdAt"))
        cat = out.get("catalogData", {})
        r.equal("CreateRepository catalogData.description", cat.get("description"), "e2e repository")
        r.check("unknown architectures and operating systems are kept",
                "RISC-V" in cat.get("architectures", []) and "Plan 9" in cat.get("operatingSystems", []), cat)
        r.check("catalog data output has a logoUrl", str(cat.get("logoUrl", "")).startswith("http"), cat)
        r.check("catalog data output never echoes logoImageBlob",
                "logoImageBlob" not in raw.get("catalogData", {}), list(raw.get("catalogData", {})))
        plain = c.create_repository(repositoryName=self.other)
        r.equal("CreateRepository without catalog data returns catalogData {}", plain.get("catalogData"), {})

        self.expect_error("CreateRepository twice", "RepositoryAlreadyExistsException",
                          c.create_repository, repositoryName=self.repo)
        self.expect_error("CreateRepository with an invalid name", "InvalidParameterException",
                          self.nv.create_repository, repositoryName="Bad__Name")
        self.expect_error("CreateRepository with a 1-character name", "InvalidParameterException",
                          self.nv.create_repository, repositoryName="a")
        toomany = self.prefix + "/toomany"
        self.expect_error("CreateRepository with 51 tags", "TooManyTagsException", c.create_repository,
                          repositoryName=toomany, tags=[{"Key": "k%d" % i, "Value": "v"} for i in range(51)])
        self.expect_error("CreateRepository with tags is all-or-nothing", "RepositoryNotFoundException",
                          c.describe_repositories, repositoryNames=[toomany])
        self.expect_error("CreateRepository with a 129-character tag key",
                          ("InvalidTagParameterException", "InvalidParameterException"), self.nv.create_repository,
                          repositoryName=self.prefix + "/badtag", tags=[{"Key": "k" * 129, "Value": "v"}])

        regs = c.describe_registries()["registries"]
        raw_regs = self.wire.last_json("DescribeRegistries").get("registries", [])
        r.equal("DescribeRegistries returns the caller's registry", len(regs), 1)
        reg, raw_reg = regs[0], raw_regs[0] if raw_regs else {}
        for member in ("registryId", "registryArn", "registryUri", "verified", "aliases"):
            r.check("DescribeRegistries Registry.%s present (required)" % member, member in raw_reg, raw_reg)
        r.equal("Registry.registryId", reg.get("registryId"), ACCOUNT)
        r.equal("Registry.registryArn", reg.get("registryArn"), "arn:aws:ecr-public::%s:registry/%s" % (ACCOUNT, ACCOUNT))
        aliases = reg.get("aliases", [])
        primary = [a for a in aliases if a.get("primaryRegistryAlias")]
        r.check("a primary ACTIVE default alias exists", primary and primary[0].get("status") == "ACTIVE"
                and primary[0].get("defaultRegistryAlias") is True, aliases)
        for a in aliases:
            for member in ("name", "status", "primaryRegistryAlias", "defaultRegistryAlias"):
                r.check("RegistryAlias.%s present" % member, member in a, a)
        self.alias = primary[0]["name"] if primary else "unknown"
        r.equal("Registry.registryUri", reg.get("registryUri"), "public.ecr.aws/" + self.alias)
        r.equal("repositoryUri uses the registry alias", repo.get("repositoryUri"),
                "public.ecr.aws/%s/%s" % (self.alias, self.repo))

        got = c.describe_repositories(repositoryNames=[self.repo])["repositories"]
        r.equal("DescribeRepositories by name", [x.get("repositoryName") for x in got], [self.repo])
        r.equal("DescribeRepositories repositoryUri", got[0].get("repositoryUri") if got else None,
                "public.ecr.aws/%s/%s" % (self.alias, self.repo))
        self.expect_error("DescribeRepositories of a missing name", "RepositoryNotFoundException",
                          c.describe_repositories, repositoryNames=[self.prefix + "/missing"])
        self.expect_error("DescribeRepositories repositoryNames with maxResults", "InvalidParameterException",
                          c.describe_repositories, repositoryNames=[self.repo], maxResults=1)

        cat = c.get_repository_catalog_data(repositoryName=self.repo)["catalogData"]
        r.equal("GetRepositoryCatalogData description", cat.get("description"), "e2e repository")
        r.check("GetRepositoryCatalogData never echoes logoImageBlob",
                "logoImageBlob" not in self.wire.last_json("GetRepositoryCatalogData").get("catalogData", {}), cat)
        put = c.put_repository_catalog_data(repositoryName=self.repo,
                                            catalogData={"description": "updated", "logoImageBlob": png(60, 60)})
        r.equal("PutRepositoryCatalogData description", put["catalogData"].get("description"), "updated")
        r.check("PutRepositoryCatalogData never echoes logoImageBlob",
                "logoImageBlob" not in self.wire.last_json("PutRepositoryCatalogData").get("catalogData", {}), put)
        self.expect_error("GetRepositoryCatalogData of a missing repository", "RepositoryNotFoundException",
                          c.get_repository_catalog_data, repositoryName=self.prefix + "/missing")

    def tags(self):
        r, c = self.r, self.c
        arn = "arn:aws:ecr-public::%s:repository/%s" % (ACCOUNT, self.repo)

        def tagset():
            try:
                tags = c.list_tags_for_resource(resourceArn=arn)["tags"]
            except ClientError as e:
                r.check("ListTagsForResource succeeds", False, e.response.get("Error", {}).get("Code"))
                return None
            raw = self.wire.last_json("ListTagsForResource").get("tags", [])
            r.check("ListTagsForResource tags use Key/Value", all(set(t) <= {"Key", "Value"} and "Key" in t for t in raw),
                    raw)
            return {t.get("Key"): t.get("Value") for t in tags}

        r.equal("ListTagsForResource after CreateRepository", tagset(), {"team": "e2e", "env": ""})
        c.tag_resource(resourceArn=arn, tags=[{"Key": "team", "Value": "platform"}, {"Key": "new", "Value": "1"}])
        r.equal("TagResource overwrites and adds", tagset(), {"team": "platform", "env": "", "new": "1"})
        c.untag_resource(resourceArn=arn, tagKeys=["new", "absent-key"])
        r.equal("UntagResource removes (absent keys are a no-op)", tagset(), {"team": "platform", "env": ""})
        self.expect_error("TagResource beyond 50 tags", "TooManyTagsException", c.tag_resource, resourceArn=arn,
                          tags=[{"Key": "bulk%d" % i, "Value": "x"} for i in range(49)])
        r.equal("a rejected TagResource changes nothing", tagset(), {"team": "platform", "env": ""})
        self.expect_error("TagResource on a missing repository", "RepositoryNotFoundException", c.tag_resource,
                          resourceArn=arn + "-missing", tags=[{"Key": "a", "Value": "b"}])
        self.expect_error("ListTagsForResource with a malformed ARN", "InvalidParameterException",
                          c.list_tags_for_resource, resourceArn="not-an-arn")

    def policies(self):
        r, c = self.r, self.c
        policy = {"Version": "2012-10-17", "Statement": [{"Sid": "AllowPush", "Effect": "Allow",
                                                          "Principal": {"AWS": "arn:aws:iam::%s:root" % ACCOUNT},
                                                          "Action": ["ecr-public:PutImage"]}]}
        self.expect_error("GetRepositoryPolicy without a policy", "RepositoryPolicyNotFoundException",
                          c.get_repository_policy, repositoryName=self.repo)
        self.expect_error("DeleteRepositoryPolicy without a policy", "RepositoryPolicyNotFoundException",
                          c.delete_repository_policy, repositoryName=self.repo)
        out = c.set_repository_policy(repositoryName=self.repo, policyText=json.dumps(policy))
        r.equal("SetRepositoryPolicy returns the policy (as JSON)", json.loads(out["policyText"]), policy)
        got = c.get_repository_policy(repositoryName=self.repo)
        r.equal("GetRepositoryPolicy returns the policy (as JSON)", json.loads(got["policyText"]), policy)
        r.equal("GetRepositoryPolicy repositoryName", got.get("repositoryName"), self.repo)
        self.expect_error("SetRepositoryPolicy with text that is not JSON", "InvalidParameterException",
                          c.set_repository_policy, repositoryName=self.repo, policyText="not json {")
        deleted = c.delete_repository_policy(repositoryName=self.repo)
        r.equal("DeleteRepositoryPolicy returns the deleted policy",
                json.loads(deleted.get("policyText") or "null"), policy)
        self.expect_error("GetRepositoryPolicy after delete", "RepositoryPolicyNotFoundException",
                          c.get_repository_policy, repositoryName=self.repo)
        self.expect_error("SetRepositoryPolicy on a missing repository", "RepositoryNotFoundException",
                          c.set_repository_policy, repositoryName=self.prefix + "/missing", policyText=json.dumps(policy))

    def layers_and_uploads(self):
        r, c = self.r, self.c
        config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers"}}).encode()
        big = bytes((i * 7 + 3) & 0xFF for i in range(256)) * (5 * MiB // 256) + b"tail" * 256  # 5 MiB + 1 KiB
        small = b"second layer " * 100
        self.layers = {"config": config, "big": big, "small": small}

        check = c.batch_check_layer_availability(repositoryName=self.repo,
                                                 layerDigests=[sha(config), "not-a-digest", ""])
        by_digest = {l["layerDigest"]: l for l in check.get("layers", [])}
        failures = {f.get("layerDigest"): f.get("failureCode") for f in check.get("failures", [])}
        r.check("BatchCheckLayerAvailability: an absent blob is UNAVAILABLE or a failure",
                by_digest.get(sha(config), {}).get("layerAvailability") == "UNAVAILABLE" or sha(config) in failures,
                check)
        r.equal("BatchCheckLayerAvailability: malformed digest is InvalidLayerDigest", failures.get("not-a-digest"),
                "InvalidLayerDigest")
        r.equal("BatchCheckLayerAvailability: empty digest is MissingLayerDigest", failures.get(""),
                "MissingLayerDigest")

        # The big layer in two parts: 5 MiB (the service minimum for non-last parts) + 1 KiB.
        init = c.initiate_layer_upload(repositoryName=self.repo)
        uid = init["uploadId"]
        r.check("InitiateLayerUpload uploadId is a UUID", re.match(UUID_RE, uid), uid)
        r.check("InitiateLayerUpload partSize is a non-negative integer",
                isinstance(init.get("partSize"), int) and init["partSize"] >= 0, init.get("partSize"))
        p1 = c.upload_layer_part(repositoryName=self.repo, uploadId=uid, partFirstByte=0, partLastByte=5 * MiB - 1,
                                 layerPartBlob=big[:5 * MiB])
        r.equal("UploadLayerPart lastByteReceived = partLastByte", p1.get("lastByteReceived"), 5 * MiB - 1)
        r.equal("UploadLayerPart echoes uploadId", p1.get("uploadId"), uid)
        gap = self.expect_error("UploadLayerPart with a gap", "InvalidLayerPartException", c.upload_layer_part,
                                repositoryName=self.repo, uploadId=uid, partFirstByte=5 * MiB + 10,
                                partLastByte=5 * MiB + 19, layerPartBlob=big[5 * MiB + 10:5 * MiB + 20])
        if gap is not None:
            r.equal("InvalidLayerPartException.lastValidByteReceived", gap.get("lastValidByteReceived"), 5 * MiB - 1)
        self.expect_error("UploadLayerPart whose blob length differs from its range", "InvalidLayerPartException",
                          c.upload_layer_part, repositoryName=self.repo, uploadId=uid, partFirstByte=5 * MiB,
                          partLastByte=5 * MiB + 99, layerPartBlob=b"short")
        p2 = c.upload_layer_part(repositoryName=self.repo, uploadId=uid, partFirstByte=5 * MiB,
                                 partLastByte=len(big) - 1, layerPartBlob=big[5 * MiB:])
        r.equal("second UploadLayerPart lastByteReceived", p2.get("lastByteReceived"), len(big) - 1)
        done = c.complete_layer_upload(repositoryName=self.repo, uploadId=uid, layerDigests=[sha(big)])
        r.equal("CompleteLayerUpload returns the computed digest", done.get("layerDigest"), sha(big))
        self.expect_error("CompleteLayerUpload twice", ("UploadNotFoundException", "LayerAlreadyExistsException"),
                          c.complete_layer_upload, repositoryName=self.repo, uploadId=uid, layerDigests=[sha(big)])

        r.equal("config blob upload (one part)", self.upload(self.repo, config).get("layerDigest"), sha(config))
        # Through the registry alias instead of the account id (alias-accepting operation).
        r.equal("layer upload with registryId = alias",
                self.upload(self.repo, small, registry_id=self.alias).get("layerDigest"), sha(small))
        self.expect_error("CompleteLayerUpload of a layer the repository holds", "LayerAlreadyExistsException",
                          self.upload, repo=self.repo, data=config)

        check = c.batch_check_layer_availability(repositoryName=self.repo, layerDigests=[sha(big), sha(config)])
        avail = {l["layerDigest"]: l for l in check.get("layers", [])}
        r.equal("BatchCheckLayerAvailability: uploaded layer AVAILABLE",
                avail.get(sha(big), {}).get("layerAvailability"), "AVAILABLE")
        r.equal("BatchCheckLayerAvailability: layerSize", avail.get(sha(big), {}).get("layerSize"), len(big))

        empty = c.initiate_layer_upload(repositoryName=self.repo)["uploadId"]
        self.expect_error("CompleteLayerUpload without parts", "EmptyUploadException", c.complete_layer_upload,
                          repositoryName=self.repo, uploadId=empty, layerDigests=[sha(b"")])
        bad = c.initiate_layer_upload(repositoryName=self.repo)["uploadId"]
        c.upload_layer_part(repositoryName=self.repo, uploadId=bad, partFirstByte=0, partLastByte=4, layerPartBlob=b"hello")
        self.expect_error("CompleteLayerUpload with a wrong digest", "InvalidLayerException", c.complete_layer_upload,
                          repositoryName=self.repo, uploadId=bad, layerDigests=[sha(b"world")])
        tiny = c.initiate_layer_upload(repositoryName=self.repo)["uploadId"]
        c.upload_layer_part(repositoryName=self.repo, uploadId=tiny, partFirstByte=0, partLastByte=0, layerPartBlob=b"a")
        c.upload_layer_part(repositoryName=self.repo, uploadId=tiny, partFirstByte=1, partLastByte=1, layerPartBlob=b"b")
        self.expect_error("CompleteLayerUpload with a small non-last part", "LayerPartTooSmallException",
                          c.complete_layer_upload, repositoryName=self.repo, uploadId=tiny, layerDigests=[sha(b"ab")])
        self.expect_error("UploadLayerPart with an unknown upload id", "UploadNotFoundException", c.upload_layer_part,
                          repositoryName=self.repo, uploadId=str(uuid.uuid4()), partFirstByte=0, partLastByte=0,
                          layerPartBlob=b"x")
        bound = c.initiate_layer_upload(repositoryName=self.repo)["uploadId"]
        self.expect_error("an upload id is bound to its repository", "UploadNotFoundException", c.upload_layer_part,
                          repositoryName=self.other, uploadId=bound, partFirstByte=0, partLastByte=0, layerPartBlob=b"x")
        self.expect_error("InitiateLayerUpload in a missing repository", "RepositoryNotFoundException",
                          c.initiate_layer_upload, repositoryName=self.prefix + "/missing")
        self.expect_error("InitiateLayerUpload with an unknown registry alias", "RegistryNotFoundException",
                          c.initiate_layer_upload, registryId="nosuchalias", repositoryName=self.repo)

    def schema2(self, indent):
        """A Docker schema-2 manifest over the uploaded blobs; `indent` varies the exact bytes."""
        L = self.layers
        doc = {"schemaVersion": 2, "mediaType": SCHEMA2,
               "config": {"mediaType": DOCKER_CONFIG, "size": len(L["config"]), "digest": sha(L["config"])},
               "layers": [{"mediaType": DOCKER_LAYER, "size": len(L["big"]), "digest": sha(L["big"])},
                          {"mediaType": DOCKER_LAYER, "size": len(L["small"]), "digest": sha(L["small"])}]}
        return json.dumps(doc, indent=indent)

    def images(self):
        r, c = self.r, self.c
        L = self.layers
        m1 = self.schema2(3)  # odd indentation: the stored bytes must be these, not a re-serialisation
        d1 = sha(m1.encode())
        missing = json.loads(m1)
        missing["layers"].append({"mediaType": DOCKER_LAYER, "size": 1, "digest": sha(b"never uploaded")})
        self.expect_error("PutImage referencing a missing layer", "LayersNotFoundException", self.put, repo=self.repo,
                          manifest=json.dumps(missing), tag="missing")
        self.expect_error("PutImage with a wrong imageDigest", "ImageDigestDoesNotMatchException", self.put,
                          repo=self.repo, manifest=m1, tag="v1", imageDigest="sha256:" + "0" * 64)
        self.expect_error("PutImage without any media type", "InvalidParameterException", self.put, repo=self.repo,
                          manifest=json.dumps({k: v for k, v in json.loads(m1).items() if k != "mediaType"}), tag="x")
        out = self.put(self.repo, m1, tag="v1", imageDigest=d1)["image"]
        r.equal("PutImage imageDigest = sha256 of the exact manifest bytes", out["imageId"].get("imageDigest"), d1)
        r.equal("PutImage echoes the manifest byte for byte", out.get("imageManifest"), m1)
        r.equal("PutImage imageManifestMediaType", out.get("imageManifestMediaType"), SCHEMA2)
        r.equal("PutImage imageId.imageTag", out["imageId"].get("imageTag"), "v1")
        self.expect_error("PutImage of the same manifest and tag", "ImageAlreadyExistsException", self.put,
                          repo=self.repo, manifest=m1, tag="v1")
        self.put(self.repo, m1, tag="latest")
        r.equal("the same manifest with a new tag adds the tag", sorted(self.describe_image(self.repo, d1).get(
            "imageTags", [])), ["latest", "v1"])
        detail = self.describe_image(self.repo, d1)
        r.equal("DescribeImages artifactMediaType is the config media type", detail.get("artifactMediaType"),
                DOCKER_CONFIG)
        r.equal("DescribeImages imageManifestMediaType", detail.get("imageManifestMediaType"), SCHEMA2)
        r.check("DescribeImages imageSizeInBytes counts the layers",
                detail.get("imageSizeInBytes", 0) >= len(L["big"]) + len(L["small"]), detail.get("imageSizeInBytes"))

        # Tag moves: a different manifest (other bytes, same content) takes v1, then latest.
        m2, m3 = self.schema2(2), self.schema2(None)
        d2, d3 = sha(m2.encode()), sha(m3.encode())
        self.put(self.repo, m2, tag="v1")
        r.equal("a moved tag leaves the old image", self.describe_image(self.repo, d1).get("imageTags", []), ["latest"])
        r.equal("the moved tag is on the new image", self.describe_image(self.repo, d2).get("imageTags", []), ["v1"])
        self.put(self.repo, m3, tag="latest")
        old = self.r.step("describe the untagged image", self.describe_image, self.repo, d1)
        r.check("an image left without tags stays in the repository", old is not None, "gone")
        if old is not None:
            raw = self.wire.last_json("DescribeImages")["imageDetails"][0]
            r.check("imageTags is omitted (or empty) for an untagged image", not raw.get("imageTags"), raw)

        # OCI image manifest over the same blobs, then an OCI index over it and m2.
        oci = json.dumps({"schemaVersion": 2, "mediaType": OCI_MANIFEST,
                          "config": {"mediaType": OCI_CONFIG, "size": len(L["config"]), "digest": sha(L["config"])},
                          "layers": [{"mediaType": OCI_LAYER, "size": len(L["small"]), "digest": sha(L["small"])}]},
                         separators=(",", ":"))
        doci = sha(oci.encode())
        out = self.put(self.repo, oci, tag="oci-amd64")["image"]
        r.equal("PutImage OCI manifest digest", out["imageId"].get("imageDigest"), doci)
        r.equal("PutImage OCI manifest media type", out.get("imageManifestMediaType"), OCI_MANIFEST)

        def index(digests):
            return json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": [
                {"mediaType": mt, "size": size, "digest": d, "platform": {"architecture": arch, "os": "linux"}}
                for d, mt, size, arch in digests]})
        idx = index([(doci, OCI_MANIFEST, len(oci), "amd64"), (d2, SCHEMA2, len(m2), "arm64")])
        didx = sha(idx.encode())
        self.expect_error("PutImage of an index referencing a missing manifest", "ReferencedImagesNotFoundException",
                          self.put, repo=self.repo, manifest=index([("sha256:" + "e" * 64, OCI_MANIFEST, 10, "amd64")]),
                          tag="broken")
        out = self.put(self.repo, idx, tag="multi")["image"]
        r.equal("PutImage OCI index digest", out["imageId"].get("imageDigest"), didx)
        r.equal("PutImage OCI index media type", out.get("imageManifestMediaType"), OCI_INDEX)
        sizes = {d["imageDigest"]: d.get("imageSizeInBytes") for d in
                 c.describe_images(repositoryName=self.repo,
                                   imageIds=[{"imageDigest": x} for x in (doci, d2, didx)])["imageDetails"]}
        r.equal("index imageSizeInBytes is the largest of its manifests", sizes.get(didx),
                max(sizes.get(doci) or 0, sizes.get(d2) or 0))
        self.expect_error("DescribeImages of a missing tag", "ImageNotFoundException", c.describe_images,
                          repositoryName=self.repo, imageIds=[{"imageTag": "no-such-tag"}])
        self.expect_error("DescribeImages imageIds with maxResults", "InvalidParameterException", c.describe_images,
                          repositoryName=self.repo, imageIds=[{"imageDigest": d1}], maxResults=1)
        self.expect_error("DescribeImages of a missing repository", "RepositoryNotFoundException", c.describe_images,
                          repositoryName=self.prefix + "/missing")
        for i in range(3):
            self.put(self.repo, m3, tag="t%d" % i)
        self.digests = {"d1": d1, "d2": d2, "d3": d3, "oci": doci, "index": didx}

        tags = {t["imageTag"]: t["imageDetail"]["imageDigest"]
                for t in c.describe_image_tags(repositoryName=self.repo)["imageTagDetails"]}
        r.equal("DescribeImageTags: one entry per tag, each on its image", tags,
                {"v1": d2, "latest": d3, "oci-amd64": doci, "multi": didx, "t0": d3, "t1": d3, "t2": d3})

    def pagination(self):
        r, c = self.r, self.c
        names = ["%s/page-%d" % (self.prefix, i) for i in range(7)]
        for n in names:
            c.create_repository(repositoryName=n)
        mine = set(names) | {self.repo, self.other}
        pages, keys = self.paginate("DescribeRepositories paginator", "describe_repositories", "repositories",
                                    lambda x: x["repositoryName"], 2)
        r.check("DescribeRepositories paginator returns every repository", mine <= set(keys), mine - set(keys))
        r.check("DescribeRepositories paginator gives several pages", pages >= 5, "%d pages" % pages)
        first = c.describe_repositories(maxResults=3)
        r.equal("DescribeRepositories maxResults=3 page size", len(first.get("repositories", [])), 3)
        token = first.get("nextToken")
        r.check("a nextToken comes with a partial page", isinstance(token, str) and token, first.get("nextToken"))

        pages, keys = self.paginate("DescribeImages paginator", "describe_images", "imageDetails",
                                    lambda x: x["imageDigest"], 2, repositoryName=self.repo)
        r.equal("DescribeImages paginator returns every image", set(keys), set(self.digests.values()))
        r.check("DescribeImages paginator gives several pages", pages >= 3, "%d pages" % pages)
        pages, keys = self.paginate("DescribeImageTags paginator", "describe_image_tags", "imageTagDetails",
                                    lambda x: x["imageTag"], 2, repositoryName=self.repo)
        r.equal("DescribeImageTags paginator returns every tag", set(keys),
                {"v1", "latest", "oci-amd64", "multi", "t0", "t1", "t2"})
        r.check("DescribeImageTags paginator gives several pages", pages >= 4, "%d pages" % pages)
        pages, keys = self.paginate("DescribeRegistries paginator", "describe_registries", "registries",
                                    lambda x: x["registryId"], 1)
        r.equal("DescribeRegistries paginator returns the registry", keys, [ACCOUNT])

        self.expect_error("a garbage nextToken", "InvalidParameterException", c.describe_repositories,
                          nextToken="garbage-token")
        img_token = c.describe_images(repositoryName=self.repo, maxResults=1).get("nextToken")
        if r.check("DescribeImages maxResults=1 gives a nextToken", img_token, "no nextToken"):
            self.expect_error("a nextToken used on another repository", "InvalidParameterException",
                              c.describe_images, repositoryName=self.other, nextToken=img_token)
        self.expect_error("maxResults=0", "InvalidParameterException", self.nv.describe_repositories, maxResults=0)
        self.expect_error("maxResults=1001", "InvalidParameterException", self.nv.describe_repositories,
                          maxResults=1001)
        for n in names:
            c.delete_repository(repositoryName=n)

    def deletes(self):
        r, c = self.r, self.c
        d = self.digests
        try:
            out = c.batch_delete_image(repositoryName=self.repo, imageIds=[
                {"imageTag": "no-such-tag"}, {}, {"imageDigest": "bad digest"}, {"imageDigest": d["oci"]}])
        except ClientError as e:
            r.check("BatchDeleteImage reports per-item problems with HTTP 200", False,
                    "the whole call failed: %s" % e.response.get("Error", {}).get("Code"))
            out = {}
        codes = {json.dumps(f.get("imageId"), sort_keys=True): f.get("failureCode") for f in out.get("failures", [])}
        r.equal("BatchDeleteImage: a missing tag is a per-item ImageNotFound",
                codes.get(json.dumps({"imageTag": "no-such-tag"})), "ImageNotFound")
        r.equal("BatchDeleteImage: an empty id is MissingDigestAndTag", codes.get("{}"), "MissingDigestAndTag")
        r.equal("BatchDeleteImage: a malformed digest is InvalidImageDigest",
                codes.get(json.dumps({"imageDigest": "bad digest"})), "InvalidImageDigest")
        r.equal("BatchDeleteImage: an image referenced by an index is kept",
                codes.get(json.dumps({"imageDigest": d["oci"]})), "ImageReferencedByManifestList")
        # Whether an empty imageIds list is sent or omitted is not documented (E): accept both.
        r.equal("BatchDeleteImage: nothing deleted", out.get("imageIds") or [], [])

        out = c.batch_delete_image(repositoryName=self.repo, imageIds=[{"imageTag": "multi"}])
        r.equal("deleting the last tag of the index deletes it (digest and tag returned)", out.get("imageIds"),
                [{"imageDigest": d["index"], "imageTag": "multi"}])
        out = c.batch_delete_image(repositoryName=self.repo, imageIds=[{"imageDigest": d["d3"]}])
        r.equal("deleting by digest returns one entry per tag",
                sorted(x.get("imageTag") for x in out.get("imageIds", [])), ["latest", "t0", "t1", "t2"])
        out = c.batch_delete_image(repositoryName=self.repo, imageIds=[{"imageDigest": d["d1"]}])
        r.equal("deleting an untagged image by digest returns the digest only", out.get("imageIds"),
                [{"imageDigest": d["d1"]}])
        out = c.batch_delete_image(repositoryName=self.repo, imageIds=[{"imageDigest": d["d1"]}])
        r.equal("BatchDeleteImage twice: ImageNotFound failure",
                [f.get("failureCode") for f in out.get("failures", [])], ["ImageNotFound"])
        left = {x["imageDigest"] for x in c.describe_images(repositoryName=self.repo)["imageDetails"]}
        r.equal("images left after the deletes", left, {d["d2"], d["oci"]})
        self.expect_error("BatchDeleteImage in a missing repository", "RepositoryNotFoundException",
                          c.batch_delete_image, repositoryName=self.prefix + "/missing", imageIds=[{"imageTag": "a"}])

        self.expect_error("DeleteRepository of a repository with images", "RepositoryNotEmptyException",
                          c.delete_repository, repositoryName=self.repo)
        r.check("a refused DeleteRepository keeps the repository",
                c.describe_repositories(repositoryNames=[self.repo])["repositories"], "gone")
        out = c.delete_repository(repositoryName=self.repo, force=True)
        r.equal("DeleteRepository force returns the repository", out["repository"].get("repositoryName"), self.repo)
        self.expect_error("DescribeRepositories after delete", "RepositoryNotFoundException",
                          c.describe_repositories, repositoryNames=[self.repo])
        listed = {x["repositoryName"] for x in c.describe_repositories()["repositories"]}
        r.check("a deleted repository is no longer listed", self.repo not in listed, listed)
        self.expect_error("DeleteRepository twice", "RepositoryNotFoundException", c.delete_repository,
                          repositoryName=self.repo)
        c.create_repository(repositoryName=self.repo)
        arn = "arn:aws:ecr-public::%s:repository/%s" % (ACCOUNT, self.repo)
        r.equal("tags go with the repository (re-created repository has none)",
                c.list_tags_for_resource(resourceArn=arn)["tags"], [])
        r.equal("a re-created repository has no images", c.describe_images(repositoryName=self.repo)["imageDetails"], [])
        c.delete_repository(repositoryName=self.repo)
        c.delete_repository(repositoryName=self.other)

    def open_readings(self):
        """Behaviour AWS leaves open (behaviour reference §4.1, §5.2, §5.5, §3 ImageTag): either
        documented answer passes, anything else fails, in a repository of its own."""
        r, c = self.r, self.c
        repo = self.prefix + "/readings"
        c.create_repository(repositoryName=repo)
        arn = "arn:aws:ecr-public::%s:repository/%s" % (ACCOUNT, repo)

        def refused_or(name, fn, kwargs, stored):
            """The call is refused with a tag/parameter error, or it succeeds and `stored()` holds."""
            try:
                fn(**kwargs)
            except ClientError as e:
                code = e.response.get("Error", {}).get("Code")
                r.check(name + " (refused)", code in ("InvalidTagParameterException", "InvalidParameterException"),
                        "refused with %s" % code)
                return
            ok, detail = stored()
            r.check(name + " (accepted)", ok, detail)

        def tags():
            return {t.get("Key"): t.get("Value") for t in c.list_tags_for_resource(resourceArn=arn).get("tags", [])}
        refused_or("a tag value outside AWS's general tagging set is refused or stored as sent", c.tag_resource,
                   dict(resourceArn=arn, tags=[{"Key": "odd", "Value": "v!"}]),
                   lambda: (tags().get("odd") == "v!", tags()))
        refused_or("a tag key named twice in one request is refused or the last value wins", c.tag_resource,
                   dict(resourceArn=arn, tags=[{"Key": "twice", "Value": "1"}, {"Key": "twice", "Value": "2"}]),
                   lambda: (tags().get("twice") == "2", tags()))

        layer, config = b"readings layer", json.dumps({"architecture": "amd64", "os": "linux"}).encode()
        self.upload(repo, layer)
        self.upload(repo, config)

        def manifest(seed):
            return json.dumps({"schemaVersion": 2, "mediaType": SCHEMA2,
                               "config": {"mediaType": DOCKER_CONFIG, "size": len(config), "digest": sha(config)},
                               "layers": [{"mediaType": DOCKER_LAYER, "size": len(layer), "digest": sha(layer)}],
                               "annotations": {"seed": seed}})

        def image_tags(digest):
            return self.describe_image(repo, digest).get("imageTags") or []
        m = manifest("odd tag")
        refused_or("an image tag outside Docker's grammar is refused or stored as sent", self.put,
                   dict(repo=repo, manifest=m, tag="odd+tag"),
                   lambda: (image_tags(sha(m.encode())) == ["odd+tag"], image_tags(sha(m.encode()))))
        m = manifest("untagged")
        refused_or("an untagged schema-2 push is refused or leaves the image untagged", self.put,
                   dict(repo=repo, manifest=m), lambda: (image_tags(sha(m.encode())) == [], image_tags(sha(m.encode()))))

        absent = sha(b"never uploaded here")
        out = c.batch_check_layer_availability(repositoryName=repo, layerDigests=[absent])
        as_layer = [x.get("layerAvailability") for x in out.get("layers", [])] == ["UNAVAILABLE"]
        as_failure = [x.get("failureCode") for x in out.get("failures", [])] == ["MissingLayerDigest"]
        r.check("an absent layer is UNAVAILABLE or a MissingLayerDigest failure", as_layer != as_failure, out)
        c.delete_repository(repositoryName=repo, force=True)

    def raw_protocol(self):
        """Protocol-level errors, sent without boto3 (it cannot send them)."""
        r = self.r

        def post(body, target="SpencerFrontendService.DescribeRegistries", ctype=JSON_TYPE):
            # Shaped like an SDK's SigV4 header (the reference server does not verify signatures).
            headers = {"Content-Type": ctype, "X-Amz-Date": "20250101T000000Z",
                       "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/ecr-public/"
                                        "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0" * 64}
            if target:
                headers["X-Amz-Target"] = target
            req = urllib.request.Request(self.url + "/", data=body, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(req, timeout=10) as resp:
                    return resp.status, dict(resp.headers), resp.read()
            except urllib.error.HTTPError as e:
                return e.code, dict(e.headers), e.read()

        for name, args in [("malformed JSON", (b"{not json",)),
                           ("unknown X-Amz-Target", (b"{}", "SpencerFrontendService.NoSuchOperation")),
                           ("missing X-Amz-Target", (b"{}", None))]:
            status, headers, body = post(*args)
            r.equal("%s is HTTP 400" % name, status, 400)
            try:
                doc = json.loads(body)
            except ValueError:
                doc = {}
            r.check("%s names its error in __type" % name, doc.get("__type") and doc.get("__type") != "ServerException",
                    body[:200])
            r.check("%s carries x-amzn-RequestId" % name, {k.lower() for k in headers} & {"x-amzn-requestid"},
                    headers)
        status, _, body = post(b"")
        r.equal("an empty body counts as {}", status, 200)
        # The reference answers as AWS JSON services do (behaviour reference §2.2).
        for name, args, code in [("unknown X-Amz-Target", (b"{}", "SpencerFrontendService.NoSuchOperation"),
                                  "UnknownOperationException"),
                                 ("a string where maxResults is an integer", (b'{"maxResults":"5"}',),
                                  "SerializationException")]:
            status, _, body = post(*args)
            try:
                doc = json.loads(body)
            except ValueError:
                doc = {}
            r.equal("%s is %s" % (name, code), (status, doc.get("__type") if isinstance(doc, dict) else None), (400, code))

    def wire_checks(self):
        r = self.r
        missing_ops = ALL_OPERATIONS - self.wire.operations
        r.check("all 23 operations were called", not missing_ops, sorted(missing_ops))
        bad_type, no_id, bad_status, string_times = [], [], [], []
        for op, status, headers, body in self.wire.responses:
            h = {k.lower(): v for k, v in headers.items()}
            if h.get("content-type", "").split(";")[0].strip() != JSON_TYPE:
                bad_type.append((op, h.get("content-type")))
            if not h.get("x-amzn-requestid"):
                no_id.append(op)
            try:
                doc = json.loads(body) if body else {}
            except ValueError:
                doc = {}
            if status != 200:
                code = doc.get("__type", "") if isinstance(doc, dict) else ""
                if status != (500 if code.split("#")[-1] == "ServerException" else 400):
                    bad_status.append((op, status, code))
            stack = [doc]
            while stack:
                v = stack.pop()
                if isinstance(v, dict):
                    for k, x in v.items():
                        if k in TIMESTAMP_MEMBERS and not isinstance(x, (int, float)):
                            string_times.append((op, k, x))
                        stack.append(x)
                elif isinstance(v, list):
                    stack.extend(v)
        r.check("every response has Content-Type application/x-amz-json-1.1", not bad_type, bad_type[:5])
        r.check("every response has x-amzn-RequestId", not no_id, no_id[:5])
        r.check("every error is HTTP 400 (ServerException 500)", not bad_status, bad_status[:5])
        r.check("timestamps are epoch-second numbers", not string_times, string_times[:5])
        r.check("at least 12 distinct modelled error codes asserted", len(self.error_codes) >= 12,
                sorted(self.error_codes))
        r.notes.append("operations called: %d of %d" % (len(ALL_OPERATIONS & self.wire.operations),
                                                        len(ALL_OPERATIONS)))
        r.notes.append("distinct modelled error codes asserted (%d): %s" % (len(self.error_codes),
                                                                            ", ".join(sorted(self.error_codes))))


def run(url, results, args=None):
    """Runs the whole workflow against `url`; args.west_url, when set, is a server started with
    --region us-west-2."""
    w = Workflow(url, results, getattr(args, "west_url", None))
    w.r.step("registry", w.registry)
    if w.r.step("repositories", w.repositories) is None and w.alias is None:
        w.alias = "unknown"
    w.r.step("tags", w.tags)
    w.r.step("policies", w.policies)
    w.r.step("layers", w.layers_and_uploads)
    if w.layers:
        w.r.step("images", w.images)
    if getattr(w, "digests", None):
        w.r.step("pagination", w.pagination)
        w.r.step("deletes", w.deletes)
    w.r.step("open readings", w.open_readings)
    w.r.step("raw protocol", w.raw_protocol)
    w.wire_checks()
    return results


if __name__ == "__main__":
    e2e_support.main_for(run, __doc__, west=True)
