"""A loopback OpenAI-compatible chat server (``POST /v1/chat/completions``), written from the
public API shape that vLLM, llama.cpp's server, LM Studio and company gateways serve.

Each request is recorded (path, headers, JSON body) and answered by ``reply``: a function of the
request body that returns what the next response does (a text, an HTTP error, a stall). A request
with ``"stream": true`` gets the text as server-sent ``chat.completion.chunk`` events, a word a
chunk, ended by ``data: [DONE]``, as the API documents streaming.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """``text`` as the assistant's message, or ``status`` with an error body, after ``delay_s``."""

    text: str = ""
    status: int = 200
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)
    pause_s: float = 0.0  # streamed: the wait before each chunk after the first


@dataclass
class Recorded:
    path: str
    headers: dict[str, str]  # names in lower case
    body: dict[str, Any]


class FakeOpenAIServer:
    def __init__(self, reply: Callable[[dict[str, Any]], Reply]) -> None:
        self.reply = reply
        self.requests: list[Recorded] = []
        self.stop = threading.Event()  # ends stalled responses when the server closes
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._http.daemon_threads = True

    @property
    def base_url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # quiet test output
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = json.loads(self.rfile.read(length) or b"{}")
                headers = {k.lower(): v for k, v in self.headers.items()}
                server.requests.append(Recorded(self.path, headers, body))
                if self.path != "/v1/chat/completions":
                    self._send(404, {"error": {"message": "not found", "type": "invalid_request"}})
                    return
                reply = server.reply(body)
                if reply.delay_s and server.stop.wait(reply.delay_s):
                    return
                if reply.status != 200:
                    error = {"message": f"fake error {reply.status}", "type": "server_error"}
                    self._send(reply.status, {"error": error}, reply.headers)
                    return
                if body.get("stream"):
                    self._stream(body.get("model", ""), reply)
                    return
                self._send(200, completion(body.get("model", ""), reply.text), reply.headers)

            def _stream(self, model: str, reply: Reply) -> None:
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Cache-Control", "no-cache")
                    self.end_headers()  # HTTP/1.0: the stream ends when the connection closes
                    for i, piece in enumerate(re.findall(r"\s*\S+", reply.text)):
                        if i and reply.pause_s and server.stop.wait(reply.pause_s):
                            return
                        self._event(chunk(model, {"content": piece}))
                    self._event(chunk(model, {}, finish_reason="stop"))
                    self.wfile.write(b"data: [DONE]\n\n")
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _event(self, payload: dict[str, Any]) -> None:
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

            def _send(
                self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
            ) -> None:
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for k, v in (headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (its timeout): what a stalled server sees

        return Handler

    @contextmanager
    def running(self) -> Iterator[FakeOpenAIServer]:
        thread = threading.Thread(target=self._http.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.stop.set()
            self._http.shutdown()
            self._http.server_close()
            thread.join(5)


def completion(model: str, text: str) -> dict[str, Any]:
    """A chat.completion object as the OpenAI API documents it."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "logprobs": None,
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def chunk(model: str, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
    """A chat.completion.chunk object, one server-sent event of a streamed reply."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }


def prompt_of(body: dict[str, Any]) -> str:
    """The request's messages as one text (the numbered contexts are in it)."""
    return "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
