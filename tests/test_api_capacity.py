"""Capacity as a decision (assistant/capacity.py) over real HTTP: 429 with Retry-After over the
turn limit, the deterministic text when the generation queue is long, a deadline on generation,
and a client that goes away releasing its session and its generation slot."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import httpx
import pytest

from assistant.capacity import GenerationGate
from assistant.core import Assistant
from assistant.engine import SearchEngine
from assistant.policy_search import PolicySearch
from tests.serving import GatedBackend, SlowBackend, running, sse
from ui.api import create_app


@pytest.fixture(scope="module")
def parts(fake_settings, fake_embedder):
    """The index and policies, loaded once; each test builds its Assistant around them."""
    return SearchEngine.load(fake_settings, fake_embedder), PolicySearch.open(fake_settings, fake_embedder)


@pytest.fixture()
def serve(parts, fake_settings, tmp_path):
    @contextmanager
    def serve(backend, **overrides):
        settings = fake_settings.model_copy(update=overrides)
        core = Assistant(settings, parts[0], backend, parts[1])
        app = create_app(settings.model_copy(update={"data_dir": tmp_path}), assistant=core)
        with running(app) as url, httpx.Client(base_url=url, timeout=30) as client:
            yield client, core, app

    return serve


def chat_in_thread(client: httpx.Client, body: dict, out: list) -> threading.Thread:
    def run() -> None:
        with client.stream("POST", "/v1/chat", json=body) as r:
            out.append((r.status_code, sse(r) if r.status_code == 200 else r.json()))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def wait_for(condition, timeout_s: float = 10.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


def test_gate_sheds_when_the_expected_wait_is_too_long():
    gate = GenerationGate(slots=1, wait_s=0.2, deadline_s=5)
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with gate.slot() as granted:
            assert granted
            held.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    started = time.monotonic()
    with gate.slot() as granted:  # no history yet: waits its 0.2 s, then gives up
        assert not granted
    assert 0.15 < time.monotonic() - started < 2
    gate.mean_s = 3.0  # now generations are known to take 3 s: give up at once
    started = time.monotonic()
    with gate.slot() as granted:
        assert not granted
    assert time.monotonic() - started < 0.1
    release.set()
    thread.join(5)
    assert gate.stats()["shed"] == 2 and gate.stats()["running"] == 0
    with gate.slot() as granted:
        assert granted


def test_over_the_turn_limit_is_429_with_retry_after(serve):
    backend = GatedBackend()
    with serve(backend, max_active_turns=2, generation_wait_s=30) as (client, core, app):
        results: list = []
        threads = [chat_in_thread(client, {"message": "blue backpack"}, results) for _ in range(2)]
        wait_for(lambda: core.gate.running == 1 and core.gate.waiting == 1)
        refused = client.post("/v1/chat", json={"message": "yoga mat"})
        assert refused.status_code == 429 and 1 <= int(refused.headers["retry-after"]) <= 60
        conversation = [{"role": "customer", "content": "can I return shoes?"}]
        assert client.post("/v1/copilot", json={"conversation": conversation}).status_code == 429
        assert client.post("/v1/search", json={"query": "yoga mat"}).status_code == 200  # no generation
        backend.release.set()
        for t in threads:
            t.join(30)
        assert [status for status, _ in results] == [200, 200]
        assert all(events[-1][0] == "done" and not events[-1][1]["used_fallback"] for _, events in results)
        assert app.state.turns.stats() == {"limit": 2, "active": 0, "refused": 2}


def test_long_queue_gets_the_deterministic_text_at_once(serve):
    backend = GatedBackend()
    with serve(backend, generation_slots=1, generation_wait_s=0.3) as (client, core, _):
        results: list = []
        first = chat_in_thread(client, {"message": "blue backpack"}, results)
        wait_for(lambda: core.gate.running == 1)
        started = time.monotonic()
        with client.stream("POST", "/v1/chat", json={"message": "yoga mat under 40"}) as r:
            events = sse(r)
        took = time.monotonic() - started
        done = events[-1][1]
        assert took < 5 and done["used_fallback"] and done["products"]
        assert all(p["price"] <= 40 for p in done["products"]) and done["text"]
        assert backend.calls == 1  # the second turn never reached the model
        backend.release.set()
        first.join(30)
        assert results[0][1][-1][1]["used_fallback"] is False


def test_generation_is_cut_at_the_deadline(serve):
    backend = SlowBackend(every_s=0.05)
    with serve(backend, generation_deadline_s=0.6) as (client, _, _):
        started = time.monotonic()
        with client.stream("POST", "/v1/chat", json={"message": "blue backpack"}) as r:
            done = sse(r)[-1][1]
        assert time.monotonic() - started < 10
    assert backend.closed.is_set()  # the backend's stream was stopped, not abandoned
    # Whole sentences only (the one the deadline stopped is dropped), and far fewer than offered.
    assert done["text"].rstrip().endswith(".") and not done["used_fallback"]
    assert not any(s.endswith(" fin") for s in done["text"].split(". "))
    assert 1 <= done["text"].count("The first one is") < 40


def test_a_client_that_goes_away_releases_its_session_and_slot(serve):
    backend = SlowBackend(every_s=0.05)
    with serve(backend, generation_deadline_s=60) as (client, core, app):
        created = client.post("/v1/sessions").json()
        body = {**created, "message": "blue backpack"}
        with client.stream("POST", "/v1/chat", json=body) as r:
            for line in r.iter_lines():
                if line.startswith("event: writing"):
                    break  # generation is under way; hang up
        wait_for(backend.closed.is_set)
        wait_for(lambda: core.gate.running == 0 and app.state.turns.active == 0)
        backend.closed.clear()
        with client.stream("POST", "/v1/chat", json=body) as r:
            assert r.status_code == 200  # not 409: the first turn let go of the session


def test_one_turn_at_a_time_per_session(serve):
    backend = GatedBackend()
    with serve(backend) as (client, core, _):
        created = client.post("/v1/sessions").json()
        results: list = []
        first = chat_in_thread(client, {**created, "message": "blue backpack"}, results)
        wait_for(backend.started.is_set)
        second = client.post("/v1/chat", json={**created, "message": "cheaper"})
        assert second.status_code == 409 and "already taking a turn" in second.json()["detail"]
        backend.release.set()
        first.join(30)
        assert results[0][0] == 200 and results[0][1][-1][0] == "done"
        with client.stream("POST", "/v1/chat", json={**created, "message": "cheaper"}) as r:
            assert sse(r)[-1][1]["intent"] == "refine"
