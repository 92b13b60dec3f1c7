#!/usr/bin/env python3
"""Checks SDK case inputs against botocore: its client-side validation and its JSON serializer.

Usage: case_inputs_botocore.py CASES.json

CASES.json is a cases file as drivers read it (an array of {"id", "operation"|"paginator", "input",
"max_attempts"}). For each case, the input (wire form: blobs base64) becomes botocore parameters
(blobs as bytes), passes botocore's ParamValidator for the ecr-public operation, and is serialized
by botocore's awsJson serializer to the same JSON document. Prints one line per failure and exits
1 when there is any; exits 77 when botocore is missing, so the caller can skip.
"""
import base64
import json
import sys

try:
    import botocore.session
    from botocore.serialize import create_serializer
    from botocore.validate import ParamValidator
except ImportError as e:  # pragma: no cover
    print(f"botocore not importable: {e}")
    sys.exit(77)


def to_params(shape, value):
    """The wire value as a botocore caller passes it: blobs as bytes, everything else as is."""
    if shape.type_name == "structure" and isinstance(value, dict):
        return {k: to_params(shape.members[k], v) if k in shape.members else v for k, v in value.items()}
    if shape.type_name == "list" and isinstance(value, list):
        return [to_params(shape.member, v) for v in value]
    if shape.type_name == "map" and isinstance(value, dict):
        return {k: to_params(shape.value, v) for k, v in value.items()}
    if shape.type_name == "blob" and isinstance(value, str):
        return base64.b64decode(value)
    return value


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        cases = json.load(f)
    model = botocore.session.get_session().get_service_model("ecr-public")
    serializer = create_serializer(model.metadata["protocol"])
    failures = 0
    for case in cases:
        name = case.get("operation") or case.get("paginator")
        op = model.operation_model(name)
        params = to_params(op.input_shape, case["input"])
        report = ParamValidator().validate(params, op.input_shape)
        if report.has_errors():
            failures += 1
            print(f"{case['id']}: botocore rejects the input: {report.generate_report()}")
            continue
        body = serializer.serialize_to_request(params, op)["body"]
        sent = json.loads(body.decode() if isinstance(body, bytes) else body or "{}")
        if sent != case["input"]:
            failures += 1
            print(f"{case['id']}: botocore serializes {sent!r}, the case says {case['input']!r}")
    print(f"{len(cases)} case inputs checked with botocore {botocore.__version__}, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
