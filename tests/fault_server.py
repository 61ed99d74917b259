"""A server on 127.0.0.1 that answers every request with one scripted fault: a 200 whose body
is not what a chat completions server sends, or a function that writes the answer itself."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

#: A fault: (content type, body) of a 200 answer, or a function that writes the answer itself.
Fault = tuple[str, bytes] | Callable[[BaseHTTPRequestHandler, threading.Event], None]


class FaultyServer:
    """Answers every request with one fault; records how many requests came."""

    def __init__(self, fault: Fault) -> None:
        self.fault = fault
        self.requests = 0
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:  # http.server's naming
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                server.requests += 1
                if callable(server.fault):
                    server.fault(self, server.stop)
                    return
                kind, body = server.fault
                self.send_response(200)
                self.send_header("content-type", kind)
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST  # http.server's naming

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> FaultyServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
