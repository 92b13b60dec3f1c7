"""An HTTP endpoint that is broken on purpose, one way per process, for tests/hostile_test.py:
nothing it sends may crash, hang or exhaust `ecr-conform run` or `ecr-conform fuzz`.

usage: hostile_server.py --mode MODE [--port 0] [--model service-2.json]
Prints the port it listens on as the first line of stdout, then serves until terminated.
Python standard library only (socket, threading, gzip/zlib), so it runs wherever the tests do.
"""
import argparse
import base64
import itertools
import json
import os
import random
import socket
import struct
import sys
import threading
import time

JSON_TYPE = "application/x-amz-json-1.1"
MODEL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "specs", "ecr-public", "2020-10-30", "service-2.json")

# gzip(gzip(1 GiB of zero bytes)), both at level 9: 1.8 KiB on the wire that inflate to 1 MiB and
# then to 1 GiB. Precomputed (hostile_bomb.b64 beside this file) because deflating a GiB takes half a minute.


def gzip_bomb():
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile_bomb.b64")) as f:
        return base64.b64decode(f.read())


class Model:
    """The service model, enough of it to shape outputs: operation -> output shape."""

    def __init__(self, path):
        with open(path) as f:
            m = json.load(f)
        self.shapes = m["shapes"]
        self.prefix = m["metadata"]["targetPrefix"]
        self.outputs = {name: op.get("output", {}).get("shape") for name, op in m["operations"].items()}

    def output_of(self, target):
        op = (target or "").partition(".")[2]
        return self.outputs.get(op)


class Shaper:
    """Builds JSON values for a shape: valid-enough ones, or ones whose every member is wrong."""

    def __init__(self, model):
        self.model = model
        self.counter = itertools.count()

    def valid(self, shape_name, depth=0):
        s = self.model.shapes[shape_name]
        t = s["type"]
        if t == "structure":
            if depth > 6:
                return {}
            return {k: self.valid(v["shape"], depth + 1) for k, v in s.get("members", {}).items()}
        if t == "list":
            return [self.valid(s["member"]["shape"], depth + 1)]
        if t == "map":
            return {"k": self.valid(s["value"]["shape"], depth + 1)}
        if t == "string":
            if "enum" in s:
                return s["enum"][0]
            return "v%d" % next(self.counter)
        if t in ("integer", "long"):
            return max(1, s.get("min", 1))
        if t == "boolean":
            return True
        if t == "timestamp":
            return time.time()
        if t == "blob":
            return base64.b64encode(b"blob").decode()
        return None

    # For each JSON kind, a value of another kind.
    WRONG = {
        "structure": [[1, 2], "structure", 7, True],
        "list": [{"a": 1}, "list", 3, False],
        "map": [["x"], 9, "map"],
        "string": [12345, {"s": 1}, ["s"], True, -1.5],
        "integer": ["5", {"n": 1}, [5], True, 1.5, 1e300],
        "long": ["5", {"n": 1}, [5], False, -9.9e300],
        "boolean": ["true", 1, {"b": 1}, [True]],
        "timestamp": ["2024-01-01T00:00:00Z", {"t": 1}, [1], True],
        "blob": [42, {"b": 1}, ["AAAA"], True],
    }

    def wrong(self, shape_name, variant, depth=0):
        """variant 0: every member a value of another JSON type; 1: null everywhere; 2: the
        containers right, every leaf wrong (reaches the readers of nested members)."""
        s = self.model.shapes[shape_name]
        t = s["type"]
        if variant == 1:
            if t == "structure" and depth == 0:
                return {k: None for k in s.get("members", {})}
            return None
        if variant == 2 and depth < 6:
            if t == "structure":
                return {k: self.wrong(v["shape"], variant, depth + 1) for k, v in s.get("members", {}).items()}
            if t == "list":
                return [self.wrong(s["member"]["shape"], variant, depth + 1), None]
            if t == "map":
                return {"k": self.wrong(s["value"]["shape"], variant, depth + 1)}
        if t == "structure" and depth == 0:
            return {k: self.wrong(v["shape"], variant, depth + 1) for k, v in s.get("members", {}).items()}
        choices = self.WRONG.get(t, [None])
        return choices[(next(self.counter)) % len(choices)]


def read_request(conn, buf):
    """One request off the connection: (headers dict lowercased, body), or None at EOF. `buf`
    carries bytes read past the request (pipelining) between calls."""
    while b"\r\n\r\n" not in buf[0]:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        buf[0] += chunk
        if len(buf[0]) > 1 << 20:
            return None
    head, _, rest = buf[0].partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        rest += chunk
    buf[0] = rest[length:]
    return headers, rest[:length]


def response(status, body, content_type=JSON_TYPE, extra=(), reason="X"):
    if isinstance(body, str):
        body = body.encode()
    head = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {content_type}", f"Content-Length: {len(body)}",
            "x-amzn-RequestId: 00000000-0000-0000-0000-000000000000"]
    head.extend(extra)
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


class Hostile:
    def __init__(self, mode, model, port):
        self.mode = mode
        self.model = model
        self.shaper = Shaper(model)
        self.port = port
        self.requests = itertools.count()
        self.bomb = gzip_bomb() if mode == "gzip_bomb" else None

    # Modes that answer every request with a complete HTTP response keep the connection alive.
    def serve_connection(self, conn):
        buf = [b""]
        try:
            while True:
                req = read_request(conn, buf)
                if req is None:
                    return
                if not getattr(self, "mode_" + self.mode)(conn, *req):
                    return
        except OSError:
            return
        finally:
            try:
                conn.close()
            except OSError:
                pass

    # -- modes: each returns True to keep the connection for the next request -----------------

    def mode_silent(self, conn, headers, body):
        while conn.recv(65536):  # hold the connection open, answer nothing, until the client leaves
            pass
        return False

    def mode_drip(self, conn, headers, body):
        payload = response(200, '{"repositories": []}' + " " * 4096)
        for i in range(len(payload)):
            conn.sendall(payload[i:i + 1])
            time.sleep(1)
        return False

    def mode_huge(self, conn, headers, body):
        size = 100 * (1 << 20) + 17
        conn.sendall(("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (JSON_TYPE, size)).encode())
        self._stream(conn, b'{"repositories": [', b'{"repositoryName": "r"},' * 2700, size - 19)
        return False

    def mode_endless(self, conn, headers, body):
        conn.sendall(("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nConnection: close\r\n\r\n" % JSON_TYPE).encode())
        self._stream(conn, b'{"repositories": [', b'{"repositoryName": "r"},' * 2700, None)
        return False

    def mode_chunked_endless(self, conn, headers, body):
        conn.sendall(("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nTransfer-Encoding: chunked\r\n\r\n" % JSON_TYPE).encode())
        piece = b'{"repositoryName": "r"},' * 2700
        chunk = b"%x\r\n" % len(piece) + piece + b"\r\n"
        conn.sendall(b"%x\r\n" % 18 + b'{"repositories": [' + b"\r\n")
        while True:
            conn.sendall(chunk)

    def _stream(self, conn, first, piece, limit):
        conn.sendall(first)
        sent = 0
        while limit is None or sent < limit:
            part = piece if limit is None else piece[:limit - sent]
            conn.sendall(part)
            sent += len(part)

    def mode_garbage(self, conn, headers, body):
        n = next(self.requests)
        junk = [b"SSH-2.0-OpenSSH_9.2\r\n", bytes(random.getrandbits(8) for _ in range(4096)),
                b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\0" * 64, b"HTTP/9.9 abc\r\n\r\n"][n % 4]
        conn.sendall(junk)
        return False

    def mode_reset(self, conn, headers, body):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False  # close() with linger 0 sends RST

    @staticmethod
    def _deep(depth, arrays):
        if arrays:
            return ('{"repositories":' + "[" * depth + "]" * depth + "}").encode()
        return ('{"a":' * depth + "1" + "}" * depth).encode()

    def mode_deep_nesting(self, conn, headers, body):
        n = next(self.requests)
        if not hasattr(self, "deep_docs"):
            # 200,000 levels (far past any recursion a parser or walker survives) as arrays and as
            # objects, and every 8th answer megabytes of it; built once.
            self.deep_docs = [self._deep(200000, True), self._deep(200000, False), self._deep(1 << 20, True)]
        doc = self.deep_docs[2] if n % 8 == 7 else self.deep_docs[n % 2]
        status = 200 if n % 3 else 400  # errors are parsed too
        conn.sendall(response(status, doc))
        return True

    def mode_invalid_utf8(self, conn, headers, body):
        n = next(self.requests)
        if n % 3 == 2:
            conn.sendall(response(400, b'{"__type":"RepositoryNotFoundException","message":"bad \xff\xfe\xc3\x28 text"}'))
            return True
        shape = self.model.output_of(headers.get("x-amz-target"))
        value = self.shaper.valid(shape) if shape else {}
        text = json.dumps(value).encode()
        # Every string's text, also keys and enum values, gets bytes that are not UTF-8.
        text = text.replace(b'"v', b'"\xff\xfev\xc3\x28').replace(b'"k"', b'"k\xed\xa0\x80"')
        if b"\xff" not in text:
            text = b'{"x\xff":"\xc0\xaf"}'
        conn.sendall(response(200, text))
        return True

    def mode_lying_length(self, conn, headers, body):
        n = next(self.requests)
        doc = b'{"repositories": [{"repositoryName": "r", "repositoryArn": "arn:aws:ecr-public::1:repository/r"}]}'
        if n % 2 == 0:  # promises more than it sends, then hangs up
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (JSON_TYPE.encode(), len(doc) + 5000) + doc)
            return False
        # promises less than it sends: the tail is junk in front of the next response
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (JSON_TYPE.encode(), len(doc) // 2) + doc)
        return True

    def mode_gzip_bomb(self, conn, headers, body):
        conn.sendall(response(200, self.bomb, extra=["Content-Encoding: gzip, gzip"]))
        return True

    def mode_redirect_loop(self, conn, headers, body):
        n = next(self.requests)
        status = 307 if n % 2 else 302
        conn.sendall(response(status, "", extra=[f"Location: http://127.0.0.1:{self.port}/"], reason="Redirect"))
        return True

    def mode_header_flood(self, conn, headers, body):
        n = next(self.requests)
        if n % 2:
            flood = ["X-Flood-%d: %d" % (i, i) for i in range(50000)]
        else:
            flood = ["X-Huge: " + "h" * (4 << 20)]
        conn.sendall(response(200, '{"repositories": []}', extra=flood))
        return True

    def mode_html_500(self, conn, headers, body):
        page = "<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>"
        conn.sendall(response(500, page, content_type="text/html; charset=utf-8", reason="Internal Server Error"))
        return True

    def mode_wrong_types(self, conn, headers, body):
        n = next(self.requests)
        if n % 5 == 4:  # errors with wrongly typed members too
            conn.sendall(response(400, json.dumps({"__type": 5, "message": ["m"], "code": {"c": 1}})))
            return True
        shape = self.model.output_of(headers.get("x-amz-target"))
        value = self.shaper.wrong(shape, n % 4 if n % 4 < 3 else 0) if shape else {"x": [1]}
        conn.sendall(response(200, json.dumps(value)))
        return True

    def mode_endless_pagination(self, conn, headers, body):
        shape = self.model.output_of(headers.get("x-amz-target"))
        value = self.shaper.valid(shape) if shape else {}
        if isinstance(value, dict) and "nextToken" in value:
            value["nextToken"] = "token-%d" % next(self.requests)
        conn.sendall(response(200, json.dumps(value)))
        return True


MODES = sorted(name[5:] for name in dir(Hostile) if name.startswith("mode_"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", required=True, choices=MODES)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--model", default=MODEL)
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(128)
    hostile = Hostile(args.mode, Model(args.model), sock.getsockname()[1])
    print(sock.getsockname()[1], flush=True)
    while True:
        conn, _ = sock.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        threading.Thread(target=hostile.serve_connection, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
