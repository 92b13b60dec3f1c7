#!/usr/bin/env python3
"""The boto3 driver of the SDK conformance judge: makes each case's call with boto3 and reports
what botocore decoded, as sdk/README.md "Driver protocol" says.

Conversions walk botocore's own service model (the operation's input and output shapes), never a
per-operation table, so a member botocore does not know is reported as `unsupported` rather than
guessed at. Deliberate misbehaviour for the judge's own tests lives in faults.py.
"""

import base64
import calendar
import datetime
import json
import os
import sys
import urllib.error
import urllib.request

import boto3
import botocore
import botocore.config
import botocore.exceptions
from botocore import xform_name

import faults as faults_module

SERVICE = "ecr-public"


class Unsupported(Exception):
    """The SDK lacks the operation or an input member: model drift, not a failure."""


# ---------------------------------------------------------------------------------------------
# Wire form <-> botocore's native form, driven by botocore's shapes.


def to_native(shape, value, path):
    """Case input (wire form: blobs base64, timestamps epoch seconds) to boto3 parameters."""
    if shape.type_name == "structure":
        if not isinstance(value, dict):
            return value  # botocore's validation reports the type mismatch as a client error
        native = {}
        members = shape.members
        wire_to_member = {m.serialization.get("name", n): n for n, m in members.items()}
        for key, item in value.items():
            if key not in wire_to_member:
                raise Unsupported(f"botocore {botocore.__version__} has no input member {path}.{key}")
            name = wire_to_member[key]
            native[name] = to_native(members[name], item, f"{path}.{key}")
        return native
    if shape.type_name == "list" and isinstance(value, list):
        return [to_native(shape.member, item, f"{path}[]") for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {k: to_native(shape.value, v, f"{path}.{k}") for k, v in value.items()}
    if shape.type_name == "blob" and isinstance(value, str):
        return base64.b64decode(value, validate=True)
    if shape.type_name == "timestamp" and isinstance(value, (int, float)):
        return datetime.datetime.fromtimestamp(value, tz=datetime.timezone.utc)
    return value


def epoch_seconds(moment):
    """A datetime as epoch seconds, fractions kept exactly (an integer when there are none)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    moment = moment.astimezone(datetime.timezone.utc)
    whole = calendar.timegm(moment.timetuple())
    if moment.microsecond == 0:
        return whole
    # Through the decimal text, so 1700000000.123 is not reported as 1700000000.1229999.
    return float(f"{whole}.{moment.microsecond:06d}")


def to_wire(shape, value, timestamp_format):
    """botocore's parsed output to wire form: model member names, blobs base64, epoch seconds.

    Only members of the shape are kept, which drops botocore's ResponseMetadata.
    """
    if value is None:
        return None
    if shape.type_name == "structure" and isinstance(value, dict):
        wire = {}
        for name, member in shape.members.items():
            if name in value:
                wire[member.serialization.get("name", name)] = to_wire(member, value[name], timestamp_format)
        return wire
    if shape.type_name == "list" and isinstance(value, list):
        return [to_wire(shape.member, item, timestamp_format) for item in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {k: to_wire(shape.value, v, timestamp_format) for k, v in value.items()}
    if shape.type_name == "blob" and isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if shape.type_name == "timestamp" and isinstance(value, datetime.datetime):
        return timestamp_format(value)
    return value


# ---------------------------------------------------------------------------------------------
# The driver.


def announce(endpoint, case_id):
    """Tells the judge which case the following requests belong to. Plain HTTP, no SDK, no proxy."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    body = json.dumps({"case": case_id}).encode("utf-8")
    request = urllib.request.Request(
        endpoint.rstrip("/") + "/__ecr-conform/case",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with opener.open(request, timeout=30) as response:
            response.read()
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace")[:200]
        raise RuntimeError(f"case announcement for {case_id} failed: HTTP {e.code} {detail}") from None
    except Exception as e:  # connection refused, timeout, ...
        raise RuntimeError(f"case announcement for {case_id} failed: {type(e).__name__}: {e}") from None


class Driver:
    def __init__(self, faults):
        self.faults = faults
        self.endpoint = os.environ["ECRC_SDK_ENDPOINT"]
        self.region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
        self.session = boto3.session.Session()
        self.clients = {}
        # What the current case's hooks look at (faults.py reads and writes it).
        self.state = faults_module.CaseState()

    def client(self, max_attempts):
        """A client making max_attempts attempts in standard retry mode.

        A client with retries is never reused: standard mode's retry quota is per client, so an
        earlier case's failures could otherwise cut a later case's retries short.
        """
        attempts = self.faults.attempts(max_attempts)
        if attempts == 1 and 1 in self.clients:
            return self.clients[1]
        config = botocore.config.Config(
            retries={"mode": "standard", "total_max_attempts": attempts},
            connect_timeout=30,
            read_timeout=60,
        )
        access_key = os.environ.get("AWS_ACCESS_KEY_ID")
        secret_key = os.environ.get("AWS_SECRET_ACCESS_KEY")
        client = self.session.client(
            SERVICE,
            endpoint_url=self.endpoint,
            region_name=self.region,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            aws_session_token=os.environ.get("AWS_SESSION_TOKEN"),
            config=config,
        )
        self.faults.install(client, self.state)
        if attempts == 1:
            self.clients[1] = client
        return client

    def timestamp_format(self, moment):
        return self.faults.timestamp(moment, epoch_seconds(moment))

    def run_case(self, case):
        """The result line of one case (without the `case` key)."""
        op_name = case.get("paginator") or case.get("operation")
        is_paginator = "paginator" in case
        self.state.reset(case, is_paginator)
        client = self.client(int(case.get("max_attempts", 1)))
        model = client.meta.service_model
        if op_name not in model.operation_names:
            return {"unsupported": f"botocore {botocore.__version__} has no operation {op_name}"}
        operation = model.operation_model(op_name)
        params = {}
        if operation.input_shape is not None:
            params = to_native(operation.input_shape, case.get("input") or {}, op_name)
        elif case.get("input"):
            raise Unsupported(f"botocore's {op_name} takes no input")
        self.state.input_shape = operation.input_shape
        self.state.output_shape = operation.output_shape
        method = xform_name(op_name)
        try:
            if is_paginator:
                if not client.can_paginate(method):
                    return {"unsupported": f"botocore {botocore.__version__} has no paginator for {op_name}"}
                pages = []
                for page in client.get_paginator(method).paginate(**params):
                    pages.append(self.output(operation, page))
                return self.faults.pages({"output": pages}, self.state)
            response = getattr(client, method)(**params)
            return self.faults.output({"output": self.output(operation, response)}, self.state)
        except botocore.exceptions.ClientError as e:
            error = e.response.get("Error", {})
            code = error.get("Code", "")
            return {"error": {"code": self.faults.error_code(code), "message": error.get("Message", "")}}

    def output(self, operation, response):
        if operation.output_shape is None:
            return {}
        return to_wire(operation.output_shape, response, self.timestamp_format)

    def answer(self, case):
        case_id = case.get("id", "")
        try:
            announce(self.endpoint, case_id)
        except RuntimeError as e:
            return {"case": case_id, "client_error": str(e)}
        try:
            line = self.run_case(case)
        except Unsupported as e:
            line = {"unsupported": str(e)}
        except Exception as e:  # never crash on a case: whatever failed locally is a client error
            line = {"client_error": f"{type(e).__name__}: {e}"}
        return {"case": case_id, **line}


def main(argv):
    if "--list-faults" in argv:
        for name, what in faults_module.KNOWN.items():
            print(f"{name}: {what}")
        return 0
    if "--sdk-version" in argv:
        print(f"boto3 {boto3.__version__}")
        return 0
    try:
        faults = faults_module.Faults.parse(os.environ.get("ECRC_DRIVER_FAULTS", ""))
    except ValueError as e:
        print(f"boto3 driver: {e}", file=sys.stderr)
        return 2
    for variable in ("ECRC_SDK_ENDPOINT", "ECRC_SDK_CASES", "ECRC_SDK_RESULTS"):
        if not os.environ.get(variable):
            print(f"boto3 driver: {variable} is not set (see sdk/README.md, Driver protocol)", file=sys.stderr)
            return 2
    with open(os.environ["ECRC_SDK_CASES"], encoding="utf-8") as f:
        cases = json.load(f)
    driver = Driver(faults)
    with open(os.environ["ECRC_SDK_RESULTS"], "a", encoding="utf-8") as results:

        def write(line):
            text = line if isinstance(line, str) else json.dumps(line, separators=(",", ":"), default=str)
            results.write(text + "\n")
            results.flush()

        faults.start(write)
        for index, case in enumerate(cases):
            faults.answer(index, driver.answer(case), write)
    return faults.exit_code(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
