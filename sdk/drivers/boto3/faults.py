"""Deliberate misbehaviour of the boto3 driver, switched on by ECRC_DRIVER_FAULTS=name,name.

The judge's own tests use these to prove it notices each kind of broken SDK (a wrong request, a
wrong decoding) and each kind of broken driver (a garbled results file). Request faults are
botocore event hooks, so the rest of the request is exactly what boto3 sends; output faults
rewrite the driver's result line.
"""

import base64
import datetime
import json
import os
import time

import botocore.auth
import botocore.compat
from botocore.credentials import Credentials

KNOWN = {
    # What the SDK sends.
    "wrong_target_prefix": "X-Amz-Target names SpencerFrontendServiceX.<Operation>",
    "wrong_content_type": "Content-Type is application/json instead of application/x-amz-json-1.1",
    "raw_blob": "blob members are sent as raw latin-1 text instead of base64 (cases with blob inputs only)",
    "unknown_member": 'every request body gets "ecrcBogus": 1',
    "null_member": "one optional input member the case lacks is sent as null "
    "(when the case sets every member, a present optional one is nulled; inputs without optional members are unchanged)",
    "signing_name_ecr": "requests are signed for service ecr instead of ecr-public",
    "wrong_region": "requests are signed for region us-west-2",
    "stale_date": "requests are signed with a clock 20 minutes slow",
    "body_changed_after_signing": "a space is appended to the JSON body after signing",
    "token_altered": "paginator requests after the first send nextToken without its last character",
    "wrong_secret": "requests are signed with a different secret key",
    "duplicate_key": 'the body repeats its first member textually ({"a":1,"a":1} form; an empty body is unchanged)',
    "no_retry": "max_attempts is ignored: always one attempt",
    # What the driver reports.
    "iso_timestamp": "output timestamps are reported as ISO-8601 strings",
    "wrong_error_code": "error codes are reported with X appended",
    "unknown_members_client_error": "a 2xx body with a member the output shape lacks is reported as client_error",
    "page_dropped": "paginator cases omit the last page",
    "wrong_output_value": "one string value of every output is altered",
    # A broken driver.
    "garbage_lines": "a non-JSON line is written before the first answer",
    "unknown_case": 'a line is written for case id "no-such-case"',
    "answer_twice": "the first case is answered twice",
    "exit_nonzero": "the driver exits 3 after answering every case",
    "hang": "after the first case the driver sleeps forever",
    "skip_case": "the first case is never answered",
}

STALE_BY_SECONDS = 20 * 60


class CaseState:
    """What the hooks need to know about the case being run."""

    def __init__(self):
        self.reset(None, False)

    def reset(self, case, is_paginator):
        self.case = case
        self.is_paginator = is_paginator
        self.calls = 0  # operation calls made so far (paginator pages; retries not counted)
        self.input_shape = None
        self.output_shape = None
        self.unknown_members = []  # paths of 2xx body members the output shape lacks


def _members_not_in_shape(shape, value, path):
    """Paths of JSON object members in value that shape (a botocore shape) does not model."""
    found = []
    if shape is None or value is None:
        return found
    if shape.type_name == "structure" and isinstance(value, dict):
        wire = {m.serialization.get("name", n): m for n, m in shape.members.items()}
        for key, item in value.items():
            if key not in wire:
                found.append(f"{path}.{key}")
            else:
                found.extend(_members_not_in_shape(wire[key], item, f"{path}.{key}"))
    elif shape.type_name == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_members_not_in_shape(shape.member, item, f"{path}[{i}]"))
    elif shape.type_name == "map" and isinstance(value, dict):
        for key, item in value.items():
            found.extend(_members_not_in_shape(shape.value, item, f"{path}.{key}"))
    return found


def _blobs_as_raw_text(shape, value):
    """value (a parsed request body) with every base64 blob replaced by its bytes as latin-1 text."""
    if shape is None or value is None:
        return value
    if shape.type_name == "structure" and isinstance(value, dict):
        wire = {m.serialization.get("name", n): m for n, m in shape.members.items()}
        return {k: _blobs_as_raw_text(wire.get(k), v) for k, v in value.items()}
    if shape.type_name == "list" and isinstance(value, list):
        return [_blobs_as_raw_text(shape.member, item) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {k: _blobs_as_raw_text(shape.value, v) for k, v in value.items()}
    if shape.type_name == "blob" and isinstance(value, str):
        return base64.b64decode(value).decode("latin-1")
    return value


def _null_one_member(shape, body):
    """body with one optional member of shape set to null: a missing one if any, else a present one."""
    if shape is None or shape.type_name != "structure":
        return body
    required = set(shape.required_members)
    optional = [m.serialization.get("name", n) for n, m in shape.members.items() if n not in required]
    missing = [name for name in optional if name not in body]
    chosen = missing[0] if missing else (optional[0] if optional else None)
    if chosen is not None:
        body = dict(body)
        body[chosen] = None
    return body


def _alter_one_string(value):
    """(value with its first string, depth first, altered; whether one was found)."""
    if isinstance(value, str):
        return value + "-altered", True
    if isinstance(value, list):
        out = list(value)
        for i, item in enumerate(out):
            out[i], done = _alter_one_string(item)
            if done:
                return out, True
        return out, False
    if isinstance(value, dict):
        out = dict(value)
        for key, item in out.items():
            out[key], done = _alter_one_string(item)
            if done:
                return out, True
        return out, False
    return value, False


def _set_header(headers, name, value):
    if name in headers:
        del headers[name]
    headers[name] = value


class Faults:
    def __init__(self, names):
        self.names = set(names)

    @classmethod
    def parse(cls, text):
        names = [n.strip() for n in text.split(",") if n.strip()]
        unknown = [n for n in names if n not in KNOWN]
        if unknown:
            raise ValueError(
                f"unknown fault(s) {', '.join(unknown)}; known faults: {', '.join(KNOWN)}"
            )
        return cls(names)

    def on(self, name):
        return name in self.names

    # -- the client ------------------------------------------------------------------------------

    def attempts(self, max_attempts):
        return 1 if self.on("no_retry") else max(1, max_attempts)

    def install(self, client, state):
        """Registers the request faults' hooks on a new client."""
        events = client.meta.events
        if self.on("token_altered"):
            events.register("before-parameter-build.ecr-public.*", self._hook_parameters(state))
        if self.names & {
            "wrong_target_prefix", "wrong_content_type", "raw_blob", "unknown_member", "null_member",
            "duplicate_key", "signing_name_ecr", "wrong_region", "wrong_secret",
        }:
            events.register("before-sign.ecr-public.*", self._hook_before_sign(state))
        if self.on("body_changed_after_signing"):
            events.register("before-send.ecr-public.*", self._hook_after_signing)
        if self.on("unknown_members_client_error"):
            events.register("after-call.ecr-public.*", self._hook_after_call(state))
        if self.on("stale_date"):
            # SigV4 reads the clock through this module-level name; the driver is a process of its
            # own, so patching it for the whole process is patching it for this client.
            def slow_clock(remove_tzinfo=True):
                now = botocore.compat.get_current_datetime(remove_tzinfo)
                return now - datetime.timedelta(seconds=STALE_BY_SECONDS)

            botocore.auth.get_current_datetime = slow_clock

    def _hook_parameters(self, state):
        def hook(params, **_):
            if not state.is_paginator:
                return
            state.calls += 1
            token = params.get("nextToken")
            if state.calls > 1 and token:
                params["nextToken"] = token[:-1] if len(token) > 1 else token + "x"

        return hook

    def _hook_before_sign(self, state):
        def hook(request, operation_name, **_):
            if self.on("wrong_target_prefix"):
                target = request.headers.get("X-Amz-Target", "")
                prefix, _, op = target.rpartition(".")
                _set_header(request.headers, "X-Amz-Target", f"{prefix}X.{op}")
            if self.on("wrong_content_type"):
                _set_header(request.headers, "Content-Type", "application/json")
            self._rewrite_body(request, state)
            signing = request.context.setdefault("signing", {})
            if self.on("signing_name_ecr"):
                signing["signing_name"] = "ecr"
            if self.on("wrong_region"):
                signing["region"] = "us-west-2"
            if self.on("wrong_secret"):
                signing["request_credentials"] = Credentials(
                    os.environ.get("AWS_ACCESS_KEY_ID", ""),
                    os.environ.get("AWS_SECRET_ACCESS_KEY", "") + "-not-the-secret",
                    os.environ.get("AWS_SESSION_TOKEN"),
                )

        return hook

    def _rewrite_body(self, request, state):
        if not self.names & {"raw_blob", "unknown_member", "null_member", "duplicate_key"}:
            return
        data = request.data
        text = data.decode("utf-8") if isinstance(data, (bytes, bytearray)) else (data or "{}")
        body = json.loads(text or "{}")
        if self.on("raw_blob"):
            body = _blobs_as_raw_text(state.input_shape, body)
        if self.on("null_member"):
            body = _null_one_member(state.input_shape, body)
        if self.on("unknown_member"):
            body["ecrcBogus"] = 1
        text = json.dumps(body)  # botocore's own serialisation: json.dumps with default separators
        if self.on("duplicate_key") and body:
            key, value = next(iter(body.items()))
            text = "{" + json.dumps(key) + ": " + json.dumps(value) + ", " + text[1:]
        request.data = text.encode("utf-8")
        if "Content-Length" in request.headers:
            _set_header(request.headers, "Content-Length", str(len(request.data)))

    @staticmethod
    def _hook_after_signing(request, **_):
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        request.body = body + b" "
        _set_header(request.headers, "Content-Length", str(len(request.body)))

    def _hook_after_call(self, state):
        def hook(http_response, **_):
            if http_response is None or http_response.status_code >= 300:
                return
            try:
                raw = json.loads(http_response.content or b"{}")
            except ValueError:
                return
            state.unknown_members.extend(_members_not_in_shape(state.output_shape, raw, ""))

        return hook

    # -- what the driver reports -------------------------------------------------------------------

    def timestamp(self, moment, epoch):
        return moment.isoformat() if self.on("iso_timestamp") else epoch

    def error_code(self, code):
        return code + "X" if self.on("wrong_error_code") else code

    def _unknown_members(self, state):
        if self.on("unknown_members_client_error") and state.unknown_members:
            return {"client_error": "response members not in the model: " + ", ".join(state.unknown_members)}
        return None

    def output(self, line, state):
        line = self._unknown_members(state) or line
        if self.on("wrong_output_value") and "output" in line:
            line = {"output": _alter_one_string(line["output"])[0]}
        return line

    def pages(self, line, state):
        line = self._unknown_members(state) or line
        if "output" not in line:
            return line
        pages = line["output"]
        if self.on("page_dropped") and pages:
            pages = pages[:-1]
        if self.on("wrong_output_value"):
            pages = [_alter_one_string(page)[0] for page in pages]
        return {"output": pages}

    # -- a broken driver ---------------------------------------------------------------------------

    def start(self, write):
        if self.on("garbage_lines"):
            write("this line is not JSON {")
        if self.on("unknown_case"):
            write({"case": "no-such-case", "output": {}})

    def answer(self, index, line, write):
        if not (self.on("skip_case") and index == 0):
            write(line)
        if self.on("answer_twice") and index == 0:
            write(line)
        if self.on("hang") and index == 0:
            while True:
                time.sleep(3600)

    def exit_code(self, code):
        return 3 if self.on("exit_nonzero") and code == 0 else code
