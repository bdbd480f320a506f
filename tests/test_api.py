"""The HTTP API over real HTTP on 127.0.0.1 (uvicorn in a thread), with the real assistant.

A thin layer over the real models; the guards, sessions, capacity and degraded modes are tested
with the fake models in test_api_security.py, test_api_capacity.py and test_api_degraded.py."""

from __future__ import annotations

import time

import httpx
import pytest

from assistant.core import Assistant
from tests.conftest import free_port
from tests.serving import running, sse
from ui.api import create_app

pytestmark = pytest.mark.model
TOKEN = "test-token"


@pytest.fixture(scope="module")
def base_url(demo_settings):
    settings = demo_settings.model_copy(update={"max_new_tokens": 24, "api_token": TOKEN, "max_message_chars": 300})
    with running(create_app(settings, assistant=Assistant.load(settings))) as url:
        yield url


@pytest.fixture()
def client(base_url):
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120) as c:
        yield c


def test_health_ready_and_openapi(base_url):
    assert httpx.get(f"{base_url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{base_url}/readyz").json()
    assert ready["ready"] and ready["products"] > 300
    assert httpx.get(f"{base_url}/openapi.json").status_code == 401  # behind the token, like /docs
    paths = httpx.get(f"{base_url}/openapi.json", headers={"Authorization": f"Bearer {TOKEN}"}).json()["paths"]
    assert {"/v1/chat", "/v1/search", "/v1/sessions", "/v1/copilot"} <= set(paths)


def test_token_is_required(base_url):
    assert httpx.post(f"{base_url}/v1/sessions").status_code == 401
    assert httpx.post(f"{base_url}/v1/sessions", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_chat_streams_events_and_resumes_session(client):
    created = client.post("/v1/sessions").json()
    session_id = created["session_id"]
    with client.stream("POST", "/v1/chat", json={**created, "message": "black wallet for men"}) as r:
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
        events = sse(r)
    names = [n for n, _ in events]
    assert names[0] == "intent" and names[-1] == "done" and names.index("products") < names.index("text")
    products = dict(events)["products"]
    assert products and all("black" in p["title"].lower() or p["why"]["attributes"].get("colour") for p in products)
    done = events[-1][1]
    assert done["session_id"] == session_id and done["constraints"]["audience"] == "men"
    with client.stream("POST", "/v1/chat", json={**created, "message": "cheaper"}) as r:
        done = sse(r)[-1][1]
    assert done["intent"] == "refine" and done["constraints"]["colours"] == ["black"]


def test_search_endpoint(client):
    body = client.post("/v1/search", json={"query": "rolex watches"}).json()
    assert body["results"] == [] and "rolex" in body["empty_reason"]
    body = client.post("/v1/search", json={"query": "yoga mat under 40", "k": 3}).json()
    assert 1 <= len(body["results"]) <= 3 and all(r["product"]["price"] <= 40 for r in body["results"])


def test_copilot_endpoint(client):
    conversation = [
        {"role": "customer", "content": "Hi, I bought running shoes last week and they are too small."},
        {"role": "agent", "content": "Sorry to hear that! Have you worn them outside?"},
        {"role": "customer", "content": "No. Can I return them and how long does the refund take?"},
    ]
    body = client.post("/v1/copilot", json={"conversation": conversation}).json()
    assert body["intent"] in ("policy", "support") and body["suggested_reply"]
    assert body["policies"] and body["policies"][0]["source"] == "returns.md"
    bad = client.post("/v1/copilot", json={"conversation": [{"role": "robot", "content": "hi"}]})
    assert bad.status_code == 422 and "role" in bad.text


def test_serve_command_starts_and_answers(demo_settings):
    import os
    import signal
    import subprocess
    import sys

    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ui.cli",
            "serve",
            "--port",
            str(port),
            "--data-dir",
            str(demo_settings.data_dir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "serve did not become ready"
            time.sleep(0.5)
        body = httpx.post(
            f"http://127.0.0.1:{port}/v1/search", json={"query": "dog shampoo", "k": 2}, timeout=30
        ).json()
        assert body["results"] and "shampoo" in body["results"][0]["product"]["title"].lower()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
