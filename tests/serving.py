"""Helpers for HTTP tests: a real uvicorn server on 127.0.0.1, SSE parsing, and LLM backends
whose timing a test controls (one that blocks until released, one that streams slowly)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import uvicorn

from assistant.backends import Sampling
from common.vllm_server import free_port


@contextmanager
def running(app: Any, timeout_s: float = 30.0) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread on a free 127.0.0.1 port; yield its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + timeout_s
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "server did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def sse(response: httpx.Response) -> list[tuple[str, Any]]:
    """(event, data) pairs of a server-sent event stream."""
    events, name = [], None
    for line in response.iter_lines():
        if line.startswith("event:"):
            name = line.split(":", 1)[1].strip()
        elif line.startswith("data:") and name:
            events.append((name, json.loads(line.split(":", 1)[1].strip())))
    return events


def raw_exchange(base_url: str, head: str, chunks: list[bytes], timeout_s: float = 30.0) -> tuple[bytes, int]:
    """Send a request head and body chunks over a plain socket, stopping when the server answers
    or closes; returns (what it answered, body bytes sent). For bodies no client library will
    send half of: a chunked body that never ends, a huge one cut short."""
    host, port = base_url.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=timeout_s) as sock:
        sock.sendall(head.encode())
        for chunk in chunks:
            try:
                sock.sendall(chunk)
            except OSError:  # the server answered and closed: it read no further
                break
            sent += len(chunk)
            sock.settimeout(0.05)
            try:
                answer = sock.recv(65536)
            except TimeoutError:
                continue
            finally:
                sock.settimeout(timeout_s)
            if answer:
                return answer + _rest(sock), sent
        return _rest(sock), sent


def _rest(sock: socket.socket) -> bytes:
    data = b""
    try:
        while part := sock.recv(65536):
            data += part
    except OSError:
        pass
    return data


@dataclass
class GatedBackend:
    """Streams `reply` only once `release` is set: a generation a test holds open. Counts calls
    and how many are streaming at once."""

    reply: str = "The first one is a solid pick for the price."  # anchored: grounding keeps it
    release: threading.Event = field(default_factory=threading.Event)
    name: str = "gated"
    calls: int = 0
    started: threading.Event = field(default_factory=threading.Event)

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        self.calls += 1
        self.started.set()
        assert self.release.wait(timeout=30), "the test never released the generation"
        for i in range(0, len(self.reply), 8):
            yield self.reply[i : i + 8]


WORDS = "light sturdy roomy compact warm soft bright handy neat smart simple classic tough sleek cosy".split()


@dataclass
class SlowBackend:
    """Streams a sentence every `every_s` seconds, for ever, each different and about the first
    card (so grounding keeps it), the second of each pair split mid-word: a generation only a
    deadline (or the consumer going away) stops. `closed` is set when it is stopped."""

    every_s: float = 0.1
    name: str = "slow"
    closed: threading.Event = field(default_factory=threading.Event)

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        try:
            for a in WORDS:
                for b in WORDS:
                    time.sleep(self.every_s)
                    yield f"The first one is {a} and {b}. "
                    yield f"It is also {b} and fin"
                    time.sleep(self.every_s)
                    yield f"e for {a} days. "
        finally:
            self.closed.set()
