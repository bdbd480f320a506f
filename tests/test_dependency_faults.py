"""A frozen dependency never stalls shopping (issue 18): every call to Chroma, the model and the
disk has a deadline, a dependency that timed out is skipped for a while instead of holding turn
slots, and /readyz answers within a second. Fast: the frozen parts are fakes that block on an
event (a real frozen `chroma run` is in tests/test_api_degraded.py, marked slow)."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from assistant.policy_search import UNAVAILABLE_REPLY, PolicyIndexUnavailable
from assistant.session import Session
from assistant.session_store import SessionStorageError, SessionStore
from common.dependency import Dependency, DependencyUnavailable
from ui.api import create_app


@pytest.fixture()
def thaw() -> Iterator[threading.Event]:
    """Set at the end of each test: whatever a fake froze is released, so no thread stays stuck."""
    event = threading.Event()
    yield event
    event.set()


def test_a_call_that_never_returns_times_out_then_fails_fast_until_a_probe_answers(thaw):
    dep = Dependency("fake", timeout_s=0.2, retry_s=0.3, workers=2)
    started = time.monotonic()
    with pytest.raises(DependencyUnavailable, match="did not answer within 0.2s"):
        dep.call(thaw.wait)
    assert time.monotonic() - started < 1.0 and not dep.available()
    started = time.monotonic()
    with pytest.raises(DependencyUnavailable, match="not answering"):
        dep.call(lambda: "never called")
    assert time.monotonic() - started < 0.5  # fails at once: no new stuck thread
    time.sleep(0.35)
    assert dep.call(lambda: "back") == "back" and dep.available()
    assert dep.stats()["timeouts"] == 1


def test_stuck_calls_are_bounded_and_an_error_is_an_answer(thaw):
    dep = Dependency("fake", timeout_s=0.1, retry_s=0.0, max_stuck=2)
    assert [dep.call(abs, -i) for i in range(40)] == list(range(40))  # many calls, none stuck
    for _ in range(2):
        with pytest.raises(DependencyUnavailable, match="did not answer"):
            dep.call(thaw.wait)
    with pytest.raises(DependencyUnavailable, match="2 calls are still waiting"):
        dep.call(lambda: 1)  # retry time over, but two threads are still stuck
    thaw.set()
    time.sleep(0.1)
    assert dep.call(lambda: 1) == 1 and dep.stats()["stuck"] == 0

    def refused():
        raise ConnectionRefusedError("refused")

    with pytest.raises(ConnectionRefusedError):
        dep.call(refused)
    assert dep.available()  # a quick error is no freeze: callers handle it as before


def test_the_async_call_answers_on_the_event_loop(thaw):
    dep = Dependency("fake", timeout_s=0.2, retry_s=5.0)
    started = time.monotonic()
    with pytest.raises(DependencyUnavailable):
        asyncio.run(dep.acall(thaw.wait))
    assert time.monotonic() - started < 1.0


class FrozenCollection:
    """A Chroma collection whose server stopped answering."""

    def __init__(self, thaw: threading.Event):
        self.thaw = thaw

    def count(self) -> int:
        self.thaw.wait()
        return 0

    def query(self, **_):
        self.thaw.wait()
        return {}


def frozen_assistant(make_assistant, thaw, **settings):
    core, backend = make_assistant(default="Returns take 30 days.", dependency_timeout_s=0.3, **settings)
    core.policies.collection = FrozenCollection(thaw)
    core.policies.chroma = Dependency("Chroma", timeout_s=0.3, retry_s=30.0)
    return core, backend


def test_a_frozen_chroma_costs_a_policy_answer_a_deadline_not_the_turn(make_assistant, thaw):
    core, _ = frozen_assistant(make_assistant, thaw)
    started = time.monotonic()
    with pytest.raises(PolicyIndexUnavailable, match="did not answer within 0.3s"):
        core.policies.search("how long do returns take?")
    assert time.monotonic() - started < 5.0  # the deadline plus a loaded machine's slack
    started = time.monotonic()
    reply = core.reply(Session(), "what is your return policy?")
    assert reply.text == UNAVAILABLE_REPLY and time.monotonic() - started < 3.0  # skipped, no new wait
    shop = core.reply(Session(), "a yoga mat")
    assert shop.products


def test_readyz_answers_within_a_second_whatever_chroma_does(make_assistant, thaw, tmp_path, fake_settings):
    core, _ = frozen_assistant(make_assistant, thaw)
    app = create_app(fake_settings.model_copy(update={"data_dir": tmp_path}), assistant=core)
    with TestClient(app) as client:
        for _ in range(3):
            started = time.monotonic()
            ready = client.get("/readyz")
            assert time.monotonic() - started < 1.0
            assert ready.status_code == 200 and ready.json()["degraded"] is True
            assert ready.json()["dependencies"]["policies"] == "unavailable"


class FrozenBackend:
    """A model server that accepts the request and never sends a token."""

    name = "openai"

    def __init__(self, thaw: threading.Event):
        self.thaw, self.calls = thaw, 0

    def stream(self, messages, sampling, adapter=None) -> Iterator[str]:
        self.calls += 1
        self.thaw.wait()
        yield from ()


def test_a_frozen_model_costs_one_turn_its_stall_time_then_turns_skip_it(make_assistant, thaw):
    core, _ = make_assistant(llm_stall_s=0.4, dependency_retry_s=30.0)
    frozen = FrozenBackend(thaw)
    core.writer.backend = frozen
    core.writer.model = Dependency("the openai model", timeout_s=0.4, retry_s=30.0)
    started = time.monotonic()
    first = core.reply(Session(), "a yoga mat")
    assert first.used_fallback and first.products and time.monotonic() - started < 2.0
    assert core.gate.stats()["running"] == 0  # the slot is free again
    started = time.monotonic()
    second = core.reply(Session(), "a blue backpack")
    assert second.used_fallback and time.monotonic() - started < 1.0 and frozen.calls == 1


def test_a_disk_that_hangs_is_a_storage_error_within_the_deadline(tmp_path, thaw, monkeypatch):
    store = SessionStore(tmp_path / "sessions")
    store.disk = Dependency("the data disk", timeout_s=0.3, retry_s=30.0)
    session = store.create_local()
    monkeypatch.setattr(store, "_write_atomic", lambda path, data: thaw.wait())
    started = time.monotonic()
    with pytest.raises(SessionStorageError, match="did not answer"):
        store.save(session)
    assert time.monotonic() - started < 5.0  # the deadline plus a loaded machine's slack
