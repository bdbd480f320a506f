"""Many shoppers at once through the HTTP API, each LLM backend side by side in one run.

Each configuration runs `shopassist serve` as its own process on 127.0.0.1 (demo catalog and
policies, real models), then S client threads each create a session and send T turns (search,
"cheaper", "show more", compare, detail, a policy question, ...) over server-sent events. Per
configuration it prints completed turns, 5xx (target 0), 429s, SSE errors, how many turns got
the deterministic text, p50/p95 time to the first product card and to `done`, and a leak check:
the products and constraints of every turn must equal those of the same script run alone,
serially, in this process (retrieval does not depend on generated text, so any difference means
one session saw another's state).

Configurations:
  queue-all     transformers in process, capacity control off (every turn waits for the model,
                as before assistant/capacity.py): the baseline
  transformers  transformers in process, default capacity settings (1 generation slot)
  vllm          `vllm serve` (from .venv-vllm, via common/vllm_server.py) behind the openai
                backend, default capacity settings (8 concurrent streams, batched by vLLM);
                skipped when .venv-vllm is absent

Everything is bounded: a configuration stops starting turns after --time-limit-s and waits at
most --drain-s for the turns in flight; each request has a client timeout.
Usage: python bench/api_load.py [--sessions 20] [--turns 20] [--configs queue-all,transformers,vllm]
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import BENCH_DIR, REPO, percentile  # noqa: E402
from common.models import llm_model_path  # noqa: E402
from common.offline import OFFLINE_ENV, go_offline  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.vllm_server import free_port, start_vllm_server, vllm_available  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

# One product type per session (sessions beyond these reuse them with another budget).
TOPICS = [
    "backpack", "wallet", "lipstick", "perfume for women", "socks", "dress", "wireless earbuds",
    "bluetooth speaker", "power bank", "coffee maker", "mug", "kitchen knife", "necklace",
    "earrings", "tent", "sleeping bag", "yoga mat", "board game", "smartwatch", "dog toy",
    "sandals", "slippers", "kettle", "running shoes for women",
]  # fmt: skip


TOKEN = secrets.token_urlsafe(32)  # the served API runs as it would exposed: with a token


def script(i: int, turns: int) -> list[str]:
    """Session i's messages: a product type, refinements, shown-item questions, a policy one."""
    topic, budget = TOPICS[i % len(TOPICS)], 40 + 15 * (i // len(TOPICS)) + 5 * (i % 4)
    cycle = [
        topic,
        "cheaper",
        "show more",
        "compare the first two",
        "tell me more about the second one",
        "how long do I have to return an item?",
        f"{topic} under ${budget}",
        "in black",
        "show more",
        "thanks!",
    ]
    return [cycle[t % len(cycle)] for t in range(turns)]


def fingerprint(reply: dict) -> tuple[list[str], str]:
    """What a turn showed: product ids in order and the active request's constraints."""
    return [p["id"] for p in reply["products"]], json.dumps(reply["constraints"], sort_keys=True)


class SilentBackend:
    """Generates nothing: the reference run needs only products and constraints."""

    name = "silent"

    def stream(self, messages, sampling, adapter=None) -> Iterator[str]:
        return iter(())


def reference(settings: Settings, scripts: list[list[str]]) -> list[list[tuple[list[str], str]]]:
    core = Assistant.load(settings, backend=SilentBackend())
    out = []
    for messages in scripts:
        session = Session()
        out.append([fingerprint(core.reply(session, m).model_dump()) for m in messages])
    return out


@dataclass
class Result:
    name: str
    planned: int
    done: int = 0
    status_5xx: int = 0
    status_429: int = 0
    other_errors: int = 0  # SSE error events, 4xx other than 429, timeouts, dropped streams
    unfinished: int = 0  # turns still waiting when the drain time ran out (then the server stops)
    shed: int = 0  # turns the generation gate answered with the record text (queue too long)
    mean_generation_s: float | None = None
    fallback: int = 0  # turns answered with the deterministic text
    leaks: int = 0  # turns whose products or constraints differ from the reference
    first_card_s: list[float] = field(default_factory=list)
    done_s: list[float] = field(default_factory=list)
    # Turns unfinished at the end count with the time they had waited so far (a lower bound), so
    # percentiles do not describe only the turns lucky enough to finish.
    waited_s: list[float] = field(default_factory=list)
    wall_s: float = 0.0
    closed: bool = False  # the run is over: what happens to turns still in flight is not counted
    notes: list[str] = field(default_factory=list)


@contextmanager
def serve(data_dir: Path, env: dict[str, str], log: Path, ready_timeout_s: float) -> Iterator[str]:
    """`shopassist serve` on a free 127.0.0.1 port until the block ends; yields its base URL."""
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "ui.cli",
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--data-dir",
        str(data_dir),
    ]
    full_env = {**os.environ, **OFFLINE_ENV, "PYTHONPATH": str(REPO), "SHOPASSIST_API_TOKEN": TOKEN, **env}
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            cmd, cwd=REPO, env=full_env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_timeout_s
        while True:
            try:
                if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"shopassist serve did not become ready; see {log}")
            time.sleep(1.0)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def one_turn(client: httpx.Client, body: dict) -> tuple[int, dict | str | None, float | None, float, int]:
    """(status, done reply | error detail | None, s to first card, s to end, 429s seen). 429s are
    retried after their Retry-After (at most 5 s), so a refused turn is still a turn."""
    refused = 0
    while True:
        started = time.monotonic()
        first_card, event = None, None
        with client.stream("POST", "/v1/chat", json=body) as r:
            if r.status_code == 429:
                refused += 1
                r.read()
                time.sleep(min(5.0, float(r.headers.get("retry-after", "1"))))
                continue
            if r.status_code != 200:
                r.read()
                return r.status_code, r.text, None, time.monotonic() - started, refused
            outcome: dict | str | None = None
            for line in r.iter_lines():
                if line.startswith("event:"):
                    event = line.split(":", 1)[1].strip()
                    if event == "products" and first_card is None:
                        first_card = time.monotonic() - started
                elif line.startswith("data:") and event in ("done", "error"):
                    data = json.loads(line.split(":", 1)[1])
                    outcome = data if event == "done" else str(data.get("detail"))
            return 200, outcome, first_card, time.monotonic() - started, refused


def run_load(name: str, url: str, scripts: list[list[str]], expected, args) -> Result:
    result = Result(name, planned=sum(len(s) for s in scripts))
    lock = threading.Lock()
    stop_at = time.monotonic() + args.time_limit_s
    timeout = httpx.Timeout(args.turn_timeout_s, connect=10)
    in_flight: dict[int, float] = {}  # shopper -> when its current turn started
    auth = {"Authorization": f"Bearer {TOKEN}"}

    def shopper(i: int) -> None:
        with httpx.Client(base_url=url, timeout=timeout, headers=auth) as client:
            try:
                created = client.post("/v1/sessions")
            except httpx.HTTPError as exc:
                with lock:
                    result.other_errors += 1
                    result.notes.append(f"session {i}: {exc!r}")
                return
            if created.status_code != 200:
                with lock:
                    result.status_5xx += created.status_code >= 500
                    result.other_errors += created.status_code < 500
                return
            ids = created.json()
            for t, message in enumerate(scripts[i]):
                if time.monotonic() > stop_at:
                    return
                in_flight[i] = time.monotonic()
                try:
                    status, outcome, first_card, took, refused = one_turn(client, {**ids, "message": message})
                except httpx.HTTPError as exc:
                    with lock:
                        if result.closed:
                            return
                        result.other_errors += 1
                        result.notes.append(f"session {i} turn {t}: {exc!r}")
                    continue
                with lock:
                    if result.closed:
                        return
                    del in_flight[i]
                    result.status_429 += refused
                    if status >= 500:
                        result.status_5xx += 1
                    elif not isinstance(outcome, dict):
                        result.other_errors += 1
                        result.notes.append(f"session {i} turn {t}: {status} {str(outcome)[:120]}")
                    else:
                        result.done += 1
                        result.done_s.append(took)
                        if first_card is not None:
                            result.first_card_s.append(first_card)
                        result.fallback += bool(outcome.get("used_fallback"))
                        own = outcome.get("session_id") == ids["session_id"]
                        if not own or fingerprint(outcome) != expected[i][t]:
                            result.leaks += 1
                            result.notes.append(f"session {i} turn {t} ({message!r}) differs from its run alone")

    started = time.monotonic()
    threads = [threading.Thread(target=shopper, args=(i,), daemon=True) for i in range(len(scripts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, stop_at + args.drain_s - time.monotonic()))
    with lock:
        result.wall_s = time.monotonic() - started
        result.unfinished = sum(t.is_alive() for t in threads)
        result.waited_s = [time.monotonic() - s for s in in_flight.values()]
        result.closed = True
    capacity = httpx.get(f"{url}/readyz", headers=auth, timeout=30).json().get("capacity", {})
    result.shed = capacity.get("generation", {}).get("shed", 0)
    result.mean_generation_s = capacity.get("generation", {}).get("mean_generation_s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--turns", type=int, default=20)
    parser.add_argument("--configs", default="queue-all,transformers,vllm")
    parser.add_argument("--time-limit-s", type=float, default=600.0, help="per configuration: start no turn after")
    parser.add_argument("--drain-s", type=float, default=180.0, help="then wait this long for turns in flight")
    parser.add_argument("--turn-timeout-s", type=float, default=300.0, help="client read timeout per turn")
    parser.add_argument("--ready-timeout-s", type=float, default=300.0)
    args = parser.parse_args()
    go_offline()
    os.environ.setdefault("SHOPASSIST_MODEL_CACHE_DIR", str(REPO / ".cache" / "models"))

    data_dir = BENCH_DIR / "api-load"
    settings = Settings(data_dir=data_dir)
    if not (settings.index_dir).exists():
        ingest_catalog(settings, REPO / "data" / "catalog.csv", progress=False)
        ingest_policies(settings, [REPO / "data" / "policies"])
    scripts = [script(i, args.turns) for i in range(args.sessions)]
    expected = reference(settings, scripts)

    configs = {
        "queue-all": {
            "SHOPASSIST_LLM_BACKEND": "transformers",
            "SHOPASSIST_GENERATION_WAIT_S": "100000",
            "SHOPASSIST_GENERATION_DEADLINE_S": "100000",
            "SHOPASSIST_MAX_ACTIVE_TURNS": "100000",
        },
        "transformers": {"SHOPASSIST_LLM_BACKEND": "transformers"},
        "vllm": {"SHOPASSIST_LLM_BACKEND": "openai"},
    }
    results: list[Result] = []
    for name in args.configs.split(","):
        env = dict(configs[name])
        if name == "vllm" and not vllm_available():
            print(f"{name}: skipped, .venv-vllm is absent (bash scripts/setup-vllm.sh)")
            continue
        log = BENCH_DIR / f"api-load-{name}.log"
        server = start_vllm_server(llm_model_path(settings), log_dir=BENCH_DIR) if name == "vllm" else nullcontext()
        try:
            with server as vllm_url:
                if vllm_url:
                    env["SHOPASSIST_OPENAI_BASE_URL"] = vllm_url
                with serve(data_dir, env, log, args.ready_timeout_s) as url:
                    print(f"{name}: serving at {url}; {args.sessions} sessions x {args.turns} turns", flush=True)
                    results.append(run_load(name, url, scripts, expected, args))
        except RuntimeError as exc:  # a server that would not start: report it, run the others
            print(f"{name}: not run: {str(exc)[:2000]}", flush=True)
            continue
        print(f"{name}: {results[-1].done}/{results[-1].planned} turns in {results[-1].wall_s:.0f}s", flush=True)

    print(
        f"\n{args.sessions} concurrent sessions x {args.turns} turns each; time limit {args.time_limit_s:g}s per "
        f"configuration, then at most {args.drain_s:g}s to drain; {os.cpu_count()} CPUs"
    )
    header = f"{'config':<13}{'done':>9}{'5xx':>5}{'429':>6}{'err':>5}{'unfin':>6}{'record':>7}{'shed':>5}{'leaks':>6}"
    header += f"{'card p50':>10}{'card p95':>10}{'done p50':>10}{'done p95':>10}{'turns/min':>10}"
    print(header)
    for r in results:
        q = lambda v, p: f"{percentile(v, p):.2f}s" if v else "-"  # noqa: E731
        print(
            f"{r.name:<13}{f'{r.done}/{r.planned}':>9}{r.status_5xx:>5}{r.status_429:>6}{r.other_errors:>5}"
            f"{r.unfinished:>6}{r.fallback:>7}{r.shed:>5}{r.leaks:>6}{q(r.first_card_s, 50):>10}{q(r.first_card_s, 95):>10}"
            f"{q(r.done_s + r.waited_s, 50):>10}{q(r.done_s + r.waited_s, 95):>10}{r.done / r.wall_s * 60:>10.1f}"
        )
    print(
        "done: turns with a `done` event; err: SSE errors, other 4xx, dropped streams; unfin: turns still "
        "waiting when the run ended; record: turns whose text came from the records (model failed, "
        "said nothing supported, or was skipped); shed: of those, skipped because the generation queue "
        "was long; leaks: turns whose products or constraints differ from the script run alone; "
        "done p50/p95 count unfinished turns with the time they had waited (a lower bound)"
    )
    for r in results:
        if r.mean_generation_s is not None:
            print(f"{r.name}: mean generation {r.mean_generation_s:.1f}s")
    by_name = {r.name: r for r in results}
    base = by_name.get("queue-all")
    for r in results:
        if base and r is not base and r.done_s and base.done_s:
            ours, theirs = r.done_s + r.waited_s, base.done_s + base.waited_s
            print(
                f"{r.name} vs queue-all: {r.done / max(1, base.done):.1f}x the turns done per run; time to done "
                f"queue-all/{r.name}: p50 {percentile(theirs, 50) / percentile(ours, 50):.1f}x, "
                f"p95 {percentile(theirs, 95) / percentile(ours, 95):.1f}x"
            )
    for r in results:
        for note in r.notes[:10]:
            print(f"  {r.name}: {note}")


if __name__ == "__main__":
    main()
