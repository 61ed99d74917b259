"""A scripted OpenAI-compatible chat completions server on 127.0.0.1, for tests and benchmarks."""

from __future__ import annotations

import json
import math
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: How the data block of a request looks (see prompts/label-units.yaml).
DATA_BLOCK = re.compile(r"<<<(REPORT-[0-9a-f]+)>>>\n(.*)\n<<<END \1>>>", re.DOTALL)
#: A numbered unit in the data block: "[u12] text".
UNIT_LINE = re.compile(r"^\[(u\d+)\] (.*)$", re.MULTILINE)
UNIT_ID = re.compile(r"^\[u\d+\] ", re.MULTILINE)
#: The id a scripted answer uses for words that are in no unit: a unit the report lacks.
MISSING_UNIT = "u999"
#: Field names of answers written the old way (quotes), mapped to the anchored answer's.
_RENAMED = {"hedge_cue": "hedge", "attribution_cue": "said", "stated_confidence": "confidence"}


@dataclass
class Request:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]
    received: float = field(default_factory=time.monotonic)

    @property
    def messages(self) -> list[dict[str, str]]:
        return list(self.body.get("messages", []))

    @property
    def response_format(self) -> dict[str, Any] | None:
        value = self.body.get("response_format")
        return value if isinstance(value, dict) else None

    @property
    def mode(self) -> str:
        """json_schema, json_object or prompted (no response_format)."""
        return self.response_format["type"] if self.response_format else "prompted"

    @property
    def data(self) -> str:
        """The report text inside the data block of the first user message."""
        for message in self.messages:
            if message["role"] == "user":
                match = DATA_BLOCK.search(message["content"])
                if match:
                    return match.group(2)
        raise AssertionError("no data block in the request")

    @property
    def report(self) -> str:
        """The data block without its unit ids: the report's words as the model saw them."""
        return UNIT_ID.sub("", self.data)

    @property
    def units(self) -> dict[str, str]:
        """The numbered units of the data block, by id."""
        return dict(UNIT_LINE.findall(self.data))

    def unit_of(self, quote: str) -> list[str]:
        """The ids of the units that hold quote (one, or consecutive ones it spans), else
        [MISSING_UNIT]: how a model that read the words would label them."""
        wanted = " ".join(quote.split()).strip()
        units = self.units
        for uid, text in units.items():
            if wanted and wanted in text:
                return [uid]
        spanned = [uid for uid, text in units.items() if text in wanted]
        return spanned or [MISSING_UNIT]


@dataclass
class Reply:
    """What the server answers: a chat completion (content) or an error (status, error)."""

    content: str | None = None
    finish_reason: str = "stop"
    status: int = 200
    error: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    usage: tuple[int, int] | None = None  # (prompt, completion); estimated when None


Responder = Callable[[Request], Reply]


def answer(claims: list[dict[str, Any]], entities: list[dict[str, Any]] | None = None,
           bluf: list[dict[str, Any]] | None = None) -> str:
    """An answer JSON. A claim may name its units, or give the report's words as "quote": the
    server then labels them with the ids of the units that hold them (see `label`). Kind
    defaults to fact; bullets may cite claims by "claim_ids" (c1, c2, ... in order)."""
    full = []
    for number, claim in enumerate(claims, start=1):
        full.append({"id": f"c{number}", "kind": "fact",
                     **{_RENAMED.get(k, k): v for k, v in claim.items()}})
    return json.dumps({"claims": full, "entities": entities or [], "bluf": bluf or []})


def label(content: str, request: Request) -> str:
    """An answer written with quotes, turned into the anchored form: unit ids for quotes and
    for the claims bullets cite. Content that is not such an answer is sent as it is."""
    try:
        data = json.loads(content)
    except ValueError:
        return content
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        return content
    units_of: dict[str, list[str]] = {}
    for claim in data["claims"]:
        if not isinstance(claim, dict):
            return content
        if "quote" in claim:
            claim["units"] = request.unit_of(claim.pop("quote"))
        if "id" in claim:
            units_of[claim.pop("id")] = claim.get("units", [])
    for bullet in data.get("bluf") or []:
        if isinstance(bullet, dict) and "claim_ids" in bullet:
            ids = bullet.pop("claim_ids")
            bullet["units"] = [u for cid in ids for u in units_of.get(cid, [MISSING_UNIT])]
    return json.dumps(data)


def labelling_answer(request: Request, limit: int = 4) -> Reply:
    """A good answer: the first units of the data block labelled, by their hedge words."""
    claims: list[dict[str, Any]] = []
    for uid, text in request.units.items():
        if len(text.split()) < 4:
            continue
        lowered = text.lower()
        claim: dict[str, Any] = {"units": [uid], "kind": "fact"}
        for word, which in (("likely", "assessment"), ("may", "uncertainty"),
                            ("might", "uncertainty"), ("could", "uncertainty")):
            if re.search(rf"\b{word}\b", lowered):
                claim = {"units": [uid], "hedge": word, "kind": which}
                break
        claims.append(claim)
        if len(claims) == limit:
            break
    first = next(iter(request.units.values()), "")
    bluf = [{"text": first, "units": claims[0]["units"]}] if claims else []
    return Reply(content=json.dumps({"claims": claims, "entities": [], "bluf": bluf}))




def error(status: int, message: str = "scripted failure", **headers: str) -> Reply:
    """An error reply in the OpenAI error shape; headers as keyword arguments (Retry_After)."""
    return Reply(status=status, error=message,
                 headers={k.replace("_", "-"): v for k, v in headers.items()})


class ScriptedServer:
    """A chat completions server whose replies are scripted per test.

    Replies pushed with ``push`` are used first, in order; then ``default`` answers.
    ``rejects_json_schema`` mimics llama-cpp-python: HTTP 500 for response_format json_schema.
    Every request is recorded in ``requests``.
    """

    def __init__(self, default: Responder = labelling_answer, *, delay: float = 0.0,
                 rejects_json_schema: bool = False, models: tuple[str, ...] = ("scripted-model",)
                 ) -> None:
        self.default = default
        self.delay = delay
        self.rejects_json_schema = rejects_json_schema
        self.models = models
        self.script: deque[Reply | Responder] = deque()
        self.requests: list[Request] = []
        #: Chat completions being answered now, and the most there ever were at once.
        self.in_flight = 0
        self.peak_in_flight = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    @property
    def completions(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def push(self, *replies: Reply | Responder) -> None:
        self.script.extend(replies)

    def start(self) -> ScriptedServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _reply(self, request: Request) -> Reply:
        if request.path.endswith("/models"):
            with self._lock:
                self.requests.append(request)
            return Reply(content=json.dumps({
                "object": "list", "data": [{"id": m, "object": "model", "owned_by": "tests"}
                                           for m in self.models]}))
        with self._lock:
            self.requests.append(request)
            scripted = self.script.popleft() if self.script else None
        if self.rejects_json_schema and request.mode == "json_schema":
            with self._lock:
                if scripted is not None:
                    self.script.appendleft(scripted)
            return error(500, "1 validation error: ('body', 'response_format', 'type') Input "
                         "should be 'text' or 'json_object'")
        if scripted is None:
            return self.default(request)
        return scripted if isinstance(scripted, Reply) else scripted(request)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else {}
                request = Request(self.command, self.path, dict(self.headers.items()), body)
                reply = server._reply(request)
                wait = max(server.delay, reply.delay)
                if wait and request.path.endswith("/chat/completions"):
                    with server._lock:
                        server.in_flight += 1
                        server.peak_in_flight = max(server.peak_in_flight, server.in_flight)
                    server._stop.wait(wait)
                    with server._lock:
                        server.in_flight -= 1
                if reply.status != 200:
                    payload: dict[str, Any] = {"error": {
                        "message": reply.error, "type": "server_error", "code": None}}
                elif request.path.endswith("/models"):
                    payload = json.loads(reply.content or "{}")
                else:
                    payload = server._completion(request, reply)
                data = json.dumps(payload).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client timed out and went away: that is the scripted fault

            do_GET = _serve  # http.server's naming
            do_POST = _serve  # http.server's naming

        return Handler

    @staticmethod
    def _completion(request: Request, reply: Reply) -> dict[str, Any]:
        content = label(reply.content or "", request) if reply.content else ""
        if reply.usage is not None:
            prompt, completion = reply.usage
        else:
            prompt = math.ceil(sum(len(m["content"]) for m in request.messages) / 4)
            completion = math.ceil(len(content) / 4)
        return {
            "id": "chatcmpl-scripted", "object": "chat.completion", "created": int(time.time()),
            "model": request.body.get("model", "scripted-model"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                         "finish_reason": reply.finish_reason, "logprobs": None}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion,
                      "total_tokens": prompt + completion},
        }


def serve(**options: Any) -> Iterator[ScriptedServer]:
    """Generator for a pytest fixture: a started server, stopped afterwards."""
    with ScriptedServer(**options) as server:
        yield server
