"""A stand-in Elasticsearch HTTP server: records every request the real client sends, answers just enough.

No Elasticsearch can run where these tests run, so the Elasticsearch path is tested at the wire: the official
client talks HTTP to this server, and tests assert the index definitions, documents and query bodies it received.
Searches (`_msearch`) are answered by `respond(bodies)`, which tests replace; by default every search matches
nothing, with the aggregations it asked for, empty.
"""

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    params: dict
    body: object  # parsed JSON, a list of parsed lines for NDJSON, or None

    @property
    def lines(self):
        return self.body if isinstance(self.body, list) else [self.body]


def bulk_lines(lines):
    """A bulk body's actions as (operation, metadata, document or None)."""
    lines, actions = list(lines), []
    while lines:
        ((operation, meta),) = lines.pop(0).items()
        document = lines.pop(0) if operation in ("index", "create", "update") else None
        actions.append((operation, meta, document))
    return actions


def empty_aggregations(aggs):
    answered = {}
    for name, agg in (aggs or {}).items():
        if "terms" in agg:
            answered[name] = {"buckets": []}
        elif "filters" in agg:
            answered[name] = {"buckets": {key: {"doc_count": 0} for key in agg["filters"]["filters"]}}
        else:
            answered[name] = {"doc_count": 0, **empty_aggregations(agg.get("aggs"))}
    return answered


def empty_response(body):
    return {
        "took": 1,
        "timed_out": False,
        "hits": {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []},
        "aggregations": empty_aggregations(body.get("aggs")),
        "status": 200,
    }


class FakeElasticsearch:
    def __init__(self):
        self.requests = []
        self.indices = set()
        self.aliases = {}
        self.respond = lambda bodies: [empty_response(body) for body in bodies]
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def sent(self, method=None, path_end=""):
        return [r for r in self.requests if (method is None or r.method == method) and r.path.endswith(path_end)]

    def searches(self):
        """The bodies of every search sent, as (index, body) pairs."""
        pairs = []
        for request in self.sent("POST", "/_msearch"):
            pairs += [
                (header["index"], body) for header, body in zip(request.body[::2], request.body[1::2], strict=True)
            ]
        return pairs

    def bulk_actions(self):
        """Every bulk action sent, as (operation, metadata, document or None)."""
        return [action for request in self.sent(path_end="/_bulk") for action in bulk_lines(request.body)]

    def _answer(self, request):
        path = request.path.strip("/")
        parts = path.split("/")
        if request.method == "HEAD":
            if parts[0] == "_alias":
                return (200 if parts[1] in self.aliases else 404), None
            return (200 if parts[0] in self.indices or parts[0] in self.aliases else 404), None
        if path.endswith("_msearch"):
            bodies = request.body[1::2]
            return 200, {"took": 1, "responses": self.respond(bodies)}
        if path == "_bulk":
            items = [
                {operation: {"_id": meta.get("_id"), "status": 200}} for operation, meta, _ in bulk_lines(request.body)
            ]
            return 200, {"took": 1, "errors": False, "items": items}
        if path == "_aliases":
            for action in request.body["actions"]:
                ((kind, spec),) = action.items()
                members = self.aliases.setdefault(spec["alias"], set())
                (members.add if kind == "add" else members.discard)(spec["index"])
            return 200, {"acknowledged": True}
        if parts[0] == "_alias" and request.method == "GET":
            return 200, {index: {"aliases": {parts[1]: {}}} for index in self.aliases.get(parts[1], ())}
        if len(parts) == 3 and parts[1] == "_alias" and request.method == "PUT":
            self.aliases.setdefault(parts[2], set()).add(parts[0])
            return 200, {"acknowledged": True}
        if len(parts) == 1 and request.method == "PUT":
            self.indices.add(parts[0])
            return 200, {"acknowledged": True, "shards_acknowledged": True, "index": parts[0]}
        if len(parts) == 1 and request.method == "DELETE":
            self.indices.discard(parts[0])
            return 200, {"acknowledged": True}
        if path.endswith("_delete_by_query"):
            return 200, {"took": 1, "deleted": 0, "failures": []}
        if path.endswith("_refresh"):
            return 200, {"_shards": {"total": 1, "successful": 1, "failed": 0}}
        return 200, {"result": "updated", "_shards": {"total": 1, "successful": 1, "failed": 0}}

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                if "ndjson" in (self.headers.get("Content-Type") or ""):
                    body = [json.loads(line) for line in raw.splitlines() if line.strip()]
                else:
                    body = json.loads(raw) if raw else None
                split = urlsplit(self.path)
                request = Request(self.command, split.path, parse_qs(split.query), body)
                fake.requests.append(request)
                status, answer = fake._answer(request)
                payload = json.dumps(answer).encode() if answer is not None else b""
                self.send_response(status)
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _serve

        return Handler
