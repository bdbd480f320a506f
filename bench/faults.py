"""Fault bench: a frozen dependency under concurrent shoppers, through the HTTP API on 127.0.0.1.

For each fault, one run: N shoppers chat without pause (product searches, which the model
writes, and policy questions, which need Chroma), a prober reads /readyz four times a second;
after `--warmup` seconds the fault starts, lasts `--seconds`, then ends, and the run goes on for
`--after` seconds. The faults, each the real thing:
- chroma: a `chroma run` server (policies and products live there) stopped with SIGSTOP;
- model:  an OpenAI-compatible model server (a small fake, streaming a fixed reply) stopped with
          SIGSTOP: it accepts connections and never answers, as a frozen `vllm serve` does;
- disk:   the data directory (a tmpfs mounted for the run) remounted read-only (needs root).
Per fault: turns started during the fault, answered (`done`), 5xx answers (target 0), 429s, SSE
error events, p95 seconds to `done` during the fault, the slowest /readyz (target < 1 s), and
recovery: seconds from the fault's end until a turn started after it gets the dependency's
answer again (a policy answer, the model's text, a saved turn).
The API runs in this process (deterministic embedder from tests/fakes.py, the `openai` backend
against the fake server); shoppers are threads with their own HTTP connections.
Usage: python bench/faults.py [--faults chroma,model,disk] [--seconds 20] [--shoppers 20]
       [--warmup 5] [--after 20]      (the issue's figure: --seconds 60)
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PRODUCT_MESSAGES = ["a grey ceramic mug", "a waterproof jacket under $120", "running shoes for women", "a yoga mat"]
POLICY_MESSAGES = ["How long do refunds take?", "What is your return policy?", "How fast do you ship?"]
POLICY_DOWN = "can't look up our store policies"


# -- the fake model server (run as its own process, so SIGSTOP freezes it) ------------------------
class FakeOpenAI(BaseHTTPRequestHandler):
    REPLY = "Here are a few good picks from the shop. The first one is a fine choice for everyday use."

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        body = json.dumps({"object": "list", "data": [{"id": "fake", "object": "model"}]}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.send_response(200)
        self.send_header("content-type", "text/event-stream")
        self.end_headers()
        for word in self.REPLY.split(" "):
            chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "fake"}
            chunk["choices"] = [{"index": 0, "delta": {"content": word + " "}, "finish_reason": None}]
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
            time.sleep(0.01)
        self.wfile.write(b"data: [DONE]\n\n")


def serve_fake_openai(port: int) -> None:
    ThreadingHTTPServer(("127.0.0.1", port), FakeOpenAI).serve_forever()


# -- measurements ------------------------------------------------------------------------------
@dataclass
class Turn:
    kind: str  # product | policy
    started: float
    ended: float | None = None
    status: int | None = None
    done: bool = False
    error_event: bool = False
    healthy: bool = False  # the dependency's own answer: policy text, model text, a saved turn


@dataclass
class Run:
    fault: str
    turns: list[Turn] = field(default_factory=list)
    readyz: list[tuple[float, float, int]] = field(default_factory=list)  # (at, seconds, status)
    fault_start: float = 0.0
    fault_end: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, seconds: float) -> None:
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not come up within {seconds:g}s")


def shopper(base: str, run: Run, index: int, stop: threading.Event, turn_timeout: float) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=turn_timeout) as client:
        session: dict[str, str] | None = None
        n = index
        while not stop.is_set():
            n += 1
            kind = "policy" if n % 3 == 0 else "product"
            message = (POLICY_MESSAGES if kind == "policy" else PRODUCT_MESSAGES)[n % 3]
            turn = Turn(kind, time.monotonic())
            with run.lock:
                run.turns.append(turn)
            try:
                if session is None:
                    created = client.post("/v1/sessions")
                    if created.status_code != 200:
                        turn.status, turn.ended = created.status_code, time.monotonic()
                        time.sleep(0.5)
                        continue
                    session = created.json()
                with client.stream("POST", "/v1/chat", json={"message": message, **session}) as response:
                    turn.status = response.status_code
                    done = None
                    if response.status_code == 200:
                        name = None
                        for line in response.iter_lines():
                            if line.startswith("event:"):
                                name = line.split(":", 1)[1].strip()
                            elif line.startswith("data:") and name == "done":
                                done = json.loads(line.split(":", 1)[1])
                            elif line.startswith("data:") and name == "error":
                                turn.error_event = True
                    else:
                        response.read()
                turn.ended = time.monotonic()
                if done is not None:
                    turn.done = True
                    if kind == "policy":
                        turn.healthy = POLICY_DOWN not in done["text"]
                    else:
                        turn.healthy = not done.get("used_fallback")
                    if run.fault == "disk":
                        turn.healthy = not turn.error_event
                if turn.status in (404, 507) or turn.error_event:
                    session = None  # start again with a new session
            except httpx.HTTPError:
                turn.ended = time.monotonic()
                turn.status = -1
            if turn.status == 429:
                time.sleep(0.5)


def prober(base: str, run: Run, stop: threading.Event) -> None:
    import httpx

    with httpx.Client(base_url=base, timeout=10.0) as client:
        while not stop.is_set():
            started = time.monotonic()
            try:
                status = client.get("/readyz").status_code
            except httpx.HTTPError:
                status = -1
            run.readyz.append((started, time.monotonic() - started, status))
            time.sleep(max(0.0, 0.25 - (time.monotonic() - started)))


def p95(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def summarise(run: Run, now: float) -> dict:
    during = [t for t in run.turns if run.fault_start <= t.started < run.fault_end]
    answered = [t for t in during if t.done]
    times = [t.ended - t.started for t in during if t.done and t.ended]
    after = sorted(
        (t for t in run.turns if t.started >= run.fault_end and t.healthy and t.ended), key=lambda t: t.ended
    )
    probes = [s for at, s, _ in run.readyz if run.fault_start <= at < run.fault_end]
    unfinished = [t for t in run.turns if t.ended is None]
    return {
        "fault": run.fault,
        "turns": len(during),
        "answered": len(answered),
        "5xx": sum(1 for t in run.turns if t.status is not None and t.status >= 500),
        "429": sum(1 for t in run.turns if t.status == 429),
        "errors": sum(1 for t in run.turns if t.error_event) + sum(1 for t in run.turns if t.status == -1),
        "unfinished": len(unfinished),
        "p95_done_s": p95(times),
        "readyz_max_s": max(probes) if probes else None,
        "readyz_unanswered": sum(1 for at, s, st in run.readyz if st == -1),
        "recovery_s": (after[0].ended - run.fault_end) if after else None,
    }


# -- one fault ---------------------------------------------------------------------------------------
class Fault:
    def __init__(self, kind: str, chroma: subprocess.Popen, model: subprocess.Popen, data_mount: Path | None):
        self.kind, self.chroma, self.model, self.data_mount = kind, chroma, model, data_mount

    def start(self) -> None:
        if self.kind == "chroma":
            os.kill(self.chroma.pid, signal.SIGSTOP)
        elif self.kind == "model":
            os.kill(self.model.pid, signal.SIGSTOP)
        elif self.kind == "disk":
            subprocess.run(["mount", "-o", "remount,ro", str(self.data_mount)], check=True)

    def end(self) -> None:
        if self.kind == "chroma":
            os.kill(self.chroma.pid, signal.SIGCONT)
        elif self.kind == "model":
            os.kill(self.model.pid, signal.SIGCONT)
        elif self.kind == "disk":
            subprocess.run(["mount", "-o", "remount,rw", str(self.data_mount)], check=True)


def run_fault(kind: str, args: argparse.Namespace, workdir: Path) -> dict:
    import uvicorn

    from assistant.core import Assistant
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog
    from ingest.policies import ingest_policies
    from tests.fakes import FAKE_EMBEDDING, HashEmbedder
    from ui.api import create_app

    data = workdir / kind
    data.mkdir(parents=True, exist_ok=True)
    mounted = False
    if kind == "disk":
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256m", "tmpfs", str(data)]).returncode == 0
        if not mounted:
            return {"fault": kind, "skipped": "cannot mount a tmpfs here (needs root); no read-only fault"}
    chroma_port, model_port = free_port(), free_port()
    chroma_bin = Path(sys.executable).with_name("chroma")
    procs = [
        subprocess.Popen(
            [
                str(chroma_bin),
                "run",
                "--path",
                str(workdir / f"chroma-{kind}"),
                "--host",
                "127.0.0.1",
                "--port",
                str(chroma_port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen([sys.executable, __file__, "--fake-openai", str(model_port)]),
    ]
    server = None
    stop = threading.Event()
    fault = Fault(kind, procs[0], procs[1], data if mounted else None)
    try:
        wait_http(f"http://127.0.0.1:{chroma_port}/api/v2/heartbeat", 60)
        wait_http(f"http://127.0.0.1:{model_port}/v1/models", 30)
        settings = Settings(
            data_dir=data,
            embedding_model=FAKE_EMBEDDING,
            chroma_url=f"http://127.0.0.1:{chroma_port}",
            llm_backend="openai",
            openai_base_url=f"http://127.0.0.1:{model_port}/v1",
            openai_model="fake",
        )
        embed = HashEmbedder()
        ingest_catalog(settings, ROOT / "data" / "catalog.csv", progress=False, embed=embed)
        ingest_policies(settings, [ROOT / "data" / "policies"], embed=embed)
        app = create_app(settings, assistant=Assistant.load(settings, embed=embed))
        port = free_port()
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        wait_http(f"{base}/healthz", 30)
        run = Run(kind)
        turn_timeout = args.warmup + args.seconds + args.after + 30
        threads = [
            threading.Thread(target=shopper, args=(base, run, i, stop, turn_timeout), daemon=True)
            for i in range(args.shoppers)
        ]
        threads.append(threading.Thread(target=prober, args=(base, run, stop), daemon=True))
        for t in threads:
            t.start()
        time.sleep(args.warmup)
        run.fault_start = time.monotonic()
        fault.start()
        try:
            time.sleep(args.seconds)
        finally:
            run.fault_end = time.monotonic()
            fault.end()
        time.sleep(args.after)
        stop.set()
        for t in threads:
            t.join(timeout=5)
        return summarise(run, time.monotonic())
    finally:
        stop.set()
        for p in procs:
            try:
                os.kill(p.pid, signal.SIGCONT)
            except ProcessLookupError:
                pass
        if kind == "disk" and mounted:
            subprocess.run(["mount", "-o", "remount,rw", str(data)], check=False)
        if server is not None:
            server.should_exit = True
        for p in procs:
            p.terminate()
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        if mounted:
            time.sleep(1)
            subprocess.run(["umount", "-l", str(data)], check=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--faults", default="chroma,model,disk")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long each fault lasts (the issue: 60)")
    parser.add_argument("--shoppers", type=int, default=20)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--after", type=float, default=20.0, help="seconds measured after the fault ends")
    parser.add_argument("--fake-openai", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.fake_openai:
        serve_fake_openai(args.fake_openai)
        return
    from common.offline import go_offline

    go_offline()
    # The server's warnings ("policy index unavailable", "calls fail fast") are the expected
    # degradation, once per turn: the table says it.
    logging.basicConfig(level=logging.ERROR)
    rows = []
    with tempfile.TemporaryDirectory(prefix="faults-") as tmp:
        for kind in args.faults.split(","):
            rows.append(run_fault(kind.strip(), args, Path(tmp)))
            print(json.dumps(rows[-1]), flush=True)
    print(
        f"\n{args.shoppers} shoppers, each fault {args.seconds:g} s (warm-up {args.warmup:g} s, then {args.after:g} s after)"
    )
    cols = ["turns", "answered", "5xx", "429", "errors", "unfinished", "p95_done_s", "readyz_max_s", "recovery_s"]
    print(f"{'fault':<8}" + "".join(f"{c:>14}" for c in cols))
    for row in rows:
        if "skipped" in row:
            print(f"{row['fault']:<8}  skipped: {row['skipped']}")
            continue
        cells = [
            "-" if row[c] is None else (f"{row[c]:.2f}" if isinstance(row[c], float) else str(row[c])) for c in cols
        ]
        print(f"{row['fault']:<8}" + "".join(f"{c:>14}" for c in cells))
    sys.stdout.flush()
    os._exit(0)  # turns a frozen dependency stalled may still hold server threads


if __name__ == "__main__":
    main()
