"""Every fault switch is observable: for each name from `ecr-conform serve --list-faults`, start a
server with `--fault NAME`, run the boto3 workflow (and, only if that notices nothing, the AWS CLI
workflow) and require at least one failed assertion. A fault that no assertion notices fails the
test, by name. A fault-free baseline run must pass first, so failures can be blamed on the fault.
"""

import argparse
import concurrent.futures
import sys
import time

import boto3_workflow
import cli_workflow
import e2e_support


def observe(binary, fault, aws):
    """Returns (fault, failures, which workflow noticed, seconds)."""
    started = time.monotonic()
    try:
        with e2e_support.Server(binary, ["--fault", fault]) as server, \
                e2e_support.Server(binary, ["--fault", fault, "--region", "us-west-2"]) as west:
            args = argparse.Namespace(aws=aws, west_url=west.url)
            results = boto3_workflow.run(server.url, e2e_support.Results(), args)
            via = "boto3"
            if not results.failures:
                results = cli_workflow.run(server.url, e2e_support.Results(), args)
                via = "aws cli"
    except Exception as e:  # noqa: BLE001 - a server that does not start is observable, but say so
        return fault, [("server starts", str(e))], "start", time.monotonic() - started
    return fault, results.failures, via, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--aws", help="path of the aws CLI (default: from PATH)")
    parser.add_argument("--jobs", type=int, default=2, help="servers at a time (one per fault)")
    parser.add_argument("--fault", action="append", help="only these faults")
    args = parser.parse_args()

    with e2e_support.Server(args.binary) as server, \
            e2e_support.Server(args.binary, ["--region", "us-west-2"]) as west:
        baseline = boto3_workflow.run(server.url, e2e_support.Results(), argparse.Namespace(west_url=west.url))
    if baseline.failures:
        for name, detail in baseline.failures:
            print("BASELINE FAIL %s: %s" % (name, detail))
        print("the fault-free server fails the workflow: fault observability cannot be judged")
        sys.exit(1)

    faults = args.fault or e2e_support.list_faults(args.binary)
    if not faults:
        print("serve --list-faults printed no faults")
        sys.exit(1)
    unobserved = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for fault, failures, via, seconds in pool.map(lambda f: observe(args.binary, f, args.aws), faults):
            if failures:
                first = "; ".join(n for n, _ in failures[:3])
                print("observed  %-36s by %d assertion(s) via %s (%.1fs): %s" % (fault, len(failures), via, seconds,
                                                                                first))
            else:
                print("UNOBSERVED %-35s no boto3 or CLI assertion failed (%.1fs)" % (fault, seconds))
                unobserved.append(fault)
    print("%d faults, %d observed" % (len(faults), len(faults) - len(unobserved)))
    if unobserved:
        print("faults no assertion notices: " + ", ".join(unobserved))
        sys.exit(1)


if __name__ == "__main__":
    main()
