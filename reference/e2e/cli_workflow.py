"""End-to-end workflow through the AWS CLI (`aws ecr-public ...`): every command exits 0 with the
expected output, as a user of the real service would see it.

run(url, results) records named assertions; the fault-observability test calls it in-process.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import uuid

import e2e_support

ACCOUNT = "123456789012"
SCHEMA2 = "application/vnd.docker.distribution.manifest.v2+json"


def sha(data):
    return "sha256:" + hashlib.sha256(data).hexdigest()


class Cli:
    def __init__(self, url, aws, workdir):
        self.url = url
        self.aws = aws
        self.workdir = workdir
        self.env = dict(os.environ)
        for k in list(self.env):
            if k.startswith("AWS_"):
                del self.env[k]
        self.env.update({
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            "AWS_DEFAULT_REGION": "us-east-1", "AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "standard",
            "AWS_CONFIG_FILE": os.path.join(workdir, "no-config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(workdir, "no-credentials"),
        })

    def __call__(self, *args, parse=True):
        """Runs `aws ecr-public ARGS`; returns (exit code, parsed JSON stdout or text, stderr)."""
        cmd = [self.aws, "ecr-public", *args, "--endpoint-url", self.url, "--region", "us-east-1",
               "--output", "json", "--cli-read-timeout", "30", "--cli-connect-timeout", "5"]
        p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=120, cwd=self.workdir)
        out = p.stdout
        if parse and p.returncode == 0:
            try:
                out = json.loads(p.stdout) if p.stdout.strip() else {}
            except ValueError:
                pass
        return p.returncode, out, p.stderr

    def file(self, name, data):
        path = os.path.join(self.workdir, name)
        with open(path, "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path


def run(url, results, args=None):
    aws = getattr(args, "aws", None) or shutil.which("aws")
    r = results
    if not r.check("aws CLI found", aws, "no `aws` on PATH"):
        return results
    with tempfile.TemporaryDirectory() as workdir:
        cli = Cli(url, aws, workdir)
        r.step("cli workflow", _workflow, cli, r)
    return results


def ok(r, name, result):
    code, out, err = result
    r.check("%s exits 0" % name, code == 0, "exit %d: %s" % (code, err.strip()[-400:]))
    return out if code == 0 and isinstance(out, dict) else {}


def _workflow(cli, r):
    repo = "cli-%s/app" % uuid.uuid4().hex[:8]
    arn = "arn:aws:ecr-public::%s:repository/%s" % (ACCOUNT, repo)

    catalog = {"description": "made by the CLI test", "architectures": ["ARM 64", "x86-64"],
               "operatingSystems": ["Linux"], "aboutText": "about", "usageText": "usage"}
    out = ok(r, "create-repository", cli("create-repository", "--repository-name", repo,
                                         "--catalog-data", json.dumps(catalog),
                                         "--tags", "Key=team,Value=cli", "Key=stage,Value=test"))
    rep = out.get("repository", {})
    r.equal("create-repository repositoryName", rep.get("repositoryName"), repo)
    r.equal("create-repository repositoryArn", rep.get("repositoryArn"), arn)
    r.equal("create-repository registryId", rep.get("registryId"), ACCOUNT)
    r.equal("create-repository catalogData.description", out.get("catalogData", {}).get("description"),
            catalog["description"])
    r.equal("create-repository catalogData.architectures", out.get("catalogData", {}).get("architectures"),
            catalog["architectures"])

    out = ok(r, "list-tags-for-resource", cli("list-tags-for-resource", "--resource-arn", arn))
    r.equal("list-tags-for-resource shows the create-repository tags",
            {t.get("Key"): t.get("Value") for t in out.get("tags", [])}, {"team": "cli", "stage": "test"})

    regs = ok(r, "describe-registries", cli("describe-registries")).get("registries", [])
    reg = regs[0] if regs else {}
    r.equal("describe-registries registryId", reg.get("registryId"), ACCOUNT)
    r.equal("describe-registries registryArn", reg.get("registryArn"),
            "arn:aws:ecr-public::%s:registry/%s" % (ACCOUNT, ACCOUNT))
    r.equal("describe-registries verified", reg.get("verified"), False)
    alias = next((a.get("name") for a in reg.get("aliases", []) if a.get("primaryRegistryAlias")), None)
    r.check("describe-registries has a primary alias", alias, reg)

    out = ok(r, "describe-repositories", cli("describe-repositories", "--repository-names", repo))
    got = out.get("repositories", [])
    r.equal("describe-repositories returns the repository", [x.get("repositoryName") for x in got], [repo])
    r.equal("describe-repositories repositoryUri", got[0].get("repositoryUri") if got else None,
            "public.ecr.aws/%s/%s" % (alias, repo))
    r.check("describe-repositories createdAt is shown", got and got[0].get("createdAt"), got)

    # Blobs through the CLI's own layer-upload commands, then the image.
    config = json.dumps({"architecture": "arm64", "os": "linux"}).encode()
    layer = os.urandom(3000)
    for name, data in (("config", config), ("layer", layer)):
        init = ok(r, "initiate-layer-upload (%s)" % name, cli("initiate-layer-upload", "--repository-name", repo))
        uid = init.get("uploadId", "none")
        ok(r, "upload-layer-part (%s)" % name, cli(
            "upload-layer-part", "--repository-name", repo, "--upload-id", uid, "--part-first-byte", "0",
            "--part-last-byte", str(len(data) - 1), "--layer-part-blob", "fileb://" + cli.file(name, data)))
        done = ok(r, "complete-layer-upload (%s)" % name, cli(
            "complete-layer-upload", "--repository-name", repo, "--upload-id", uid, "--layer-digests", sha(data)))
        r.equal("complete-layer-upload layerDigest (%s)" % name, done.get("layerDigest"), sha(data))

    manifest = json.dumps({"schemaVersion": 2, "mediaType": SCHEMA2,
                           "config": {"mediaType": "application/vnd.docker.container.image.v1+json",
                                      "size": len(config), "digest": sha(config)},
                           "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
                                       "size": len(layer), "digest": sha(layer)}]}, indent=2)
    digest = sha(manifest.encode())
    out = ok(r, "put-image", cli("put-image", "--repository-name", repo, "--image-tag", "v1",
                                 "--image-manifest", "file://" + cli.file("manifest.json", manifest)))
    image = out.get("image", {})
    r.equal("put-image imageDigest", image.get("imageId", {}).get("imageDigest"), digest)
    r.equal("put-image imageTag", image.get("imageId", {}).get("imageTag"), "v1")
    r.equal("put-image echoes the manifest", image.get("imageManifest"), manifest)
    ok(r, "put-image (second tag)", cli("put-image", "--repository-name", repo, "--image-tag", "stable",
                                        "--image-manifest", "file://" + cli.file("manifest.json", manifest)))

    out = ok(r, "describe-images", cli("describe-images", "--repository-name", repo))
    details = out.get("imageDetails", [])
    r.equal("describe-images lists the image", [d.get("imageDigest") for d in details], [digest])
    r.equal("describe-images tags", sorted(details[0].get("imageTags", [])) if details else None, ["stable", "v1"])
    r.equal("describe-images media type", details[0].get("imageManifestMediaType") if details else None, SCHEMA2)

    out = ok(r, "describe-image-tags", cli("describe-image-tags", "--repository-name", repo))
    tags = {t.get("imageTag"): t.get("imageDetail", {}).get("imageDigest") for t in out.get("imageTagDetails", [])}
    r.equal("describe-image-tags", tags, {"v1": digest, "stable": digest})

    out = ok(r, "batch-delete-image", cli("batch-delete-image", "--repository-name", repo,
                                          "--image-ids", "imageTag=v1"))
    r.equal("batch-delete-image returns the removed tag", out.get("imageIds"),
            [{"imageDigest": digest, "imageTag": "v1"}])
    r.equal("batch-delete-image has no failures", out.get("failures"), [])
    out = ok(r, "batch-delete-image (missing tag)", cli("batch-delete-image", "--repository-name", repo,
                                                        "--image-ids", "imageTag=nope"))
    r.equal("batch-delete-image reports a missing tag as a failure",
            [f.get("failureCode") for f in out.get("failures", [])], ["ImageNotFound"])

    code, out, err = cli("get-login-password", parse=False)
    r.check("get-login-password exits 0", code == 0, "exit %d: %s" % (code, err.strip()[-400:]))
    password = out.strip()
    r.check("get-login-password prints a password without ':'", password and ":" not in password, password[:40])

    policy = {"Version": "2008-10-17", "Statement": [{"Sid": "pull", "Effect": "Allow", "Principal": "*",
                                                      "Action": ["ecr-public:BatchCheckLayerAvailability"]}]}
    path = "file://" + cli.file("policy.json", json.dumps(policy))
    out = ok(r, "set-repository-policy", cli("set-repository-policy", "--repository-name", repo, "--policy-text", path))
    r.equal("set-repository-policy policyText", json.loads(out.get("policyText") or "null"), policy)
    out = ok(r, "get-repository-policy", cli("get-repository-policy", "--repository-name", repo))
    r.equal("get-repository-policy policyText", json.loads(out.get("policyText") or "null"), policy)
    out = ok(r, "delete-repository-policy", cli("delete-repository-policy", "--repository-name", repo))
    r.equal("delete-repository-policy returns the deleted policy", json.loads(out.get("policyText") or "null"), policy)
    code, _, err = cli("get-repository-policy", "--repository-name", repo)
    r.check("get-repository-policy after delete fails with RepositoryPolicyNotFoundException",
            code != 0 and "RepositoryPolicyNotFoundException" in err, "exit %d: %s" % (code, err.strip()[-300:]))

    code, _, err = cli("delete-repository", "--repository-name", repo)
    r.check("delete-repository without --force refuses a repository with images",
            code != 0 and "RepositoryNotEmptyException" in err, "exit %d: %s" % (code, err.strip()[-300:]))
    out = ok(r, "delete-repository --force", cli("delete-repository", "--repository-name", repo, "--force"))
    r.equal("delete-repository returns the repository", out.get("repository", {}).get("repositoryName"), repo)
    code, _, err = cli("describe-repositories", "--repository-names", repo)
    r.check("describe-repositories after delete fails with RepositoryNotFoundException",
            code != 0 and "RepositoryNotFoundException" in err, "exit %d: %s" % (code, err.strip()[-300:]))


def _args(parser):
    parser.add_argument("--aws", help="path of the aws CLI (default: from PATH)")


if __name__ == "__main__":
    e2e_support.main_for(run, __doc__, _args)
