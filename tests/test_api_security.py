"""The HTTP API's guards over real HTTP (uvicorn on 127.0.0.1), with the fake models.

The token is checked before the body is read; the body limit counts the bytes received
(chunked too); 422s echo nothing; /docs and /openapi.json follow the token; sessions are
server-issued and open only with their token; a full disk is reported, never lost silently.
"""

from __future__ import annotations

import errno
import json

import httpx
import pytest

from assistant.core import Assistant
from assistant.session_store import SessionStore
from tests.fakes import ScriptedBackend
from tests.serving import raw_exchange, running, sse
from ui.api import create_app

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LIMIT = 8192
REPLY = "The first one is a solid pick for the price."


@pytest.fixture(scope="module")
def fake_assistant(fake_settings, fake_embedder) -> Assistant:
    return Assistant.load(fake_settings, backend=ScriptedBackend(default=REPLY), embed=fake_embedder)


@pytest.fixture(scope="module")
def app(fake_settings, fake_assistant, tmp_path_factory):
    # Only sessions and limits come from these settings; the assistant brings the index.
    settings = fake_settings.model_copy(
        update={"data_dir": tmp_path_factory.mktemp("api-sec"), "api_token": TOKEN, "max_request_bytes": LIMIT}
    )
    return create_app(settings, assistant=fake_assistant)


@pytest.fixture(scope="module")
def base_url(app):
    with running(app) as url:
        yield url


@pytest.fixture()
def client(base_url):
    with httpx.Client(base_url=base_url, headers=AUTH, timeout=30) as c:
        yield c


def chunked(size: int, piece: int = 1024) -> list[bytes]:
    return [f"{piece:x}\r\n".encode() + b"x" * piece + b"\r\n" for _ in range(size // piece)]


def head(path: str, *extra: str) -> str:
    return "\r\n".join([f"POST {path} HTTP/1.1", "Host: 127.0.0.1", *extra, "", ""])


# -- the body: authentication first, then a limit on the bytes actually read ----------------------


def test_token_is_checked_before_the_body_is_read(base_url):
    # A 300 MB chunked body without a token: answered 401 after the first chunk, then closed.
    answer, sent = raw_exchange(
        base_url, head("/v1/chat", "Transfer-Encoding: chunked", "Content-Type: application/json"), chunked(300 << 20)
    )
    assert answer.startswith(b"HTTP/1.1 401") and b"bearer token" in answer
    assert sent < 1 << 20  # refused long before the client could send the rest
    # The same with a declared length: no byte of the body needed.
    answer, sent = raw_exchange(base_url, head("/v1/chat", f"Content-Length: {300 << 20}"), [b"x" * 1024] * 1000)
    assert answer.startswith(b"HTTP/1.1 401") and sent < 1 << 20


def test_body_limit_counts_chunked_bytes(base_url):
    answer, sent = raw_exchange(
        base_url, head("/v1/chat", f"Authorization: Bearer {TOKEN}", "Transfer-Encoding: chunked"), chunked(5 << 20)
    )
    assert answer.startswith(b"HTTP/1.1 413") and b"SHOPASSIST_MAX_REQUEST_BYTES" in answer
    assert LIMIT < sent < 1 << 20
    # A chunked body within the limit is read whole and served.
    body = json.dumps({"query": "yoga mat", "k": 2}).encode()
    answer, _ = raw_exchange(
        base_url,
        head(
            "/v1/search",
            f"Authorization: Bearer {TOKEN}",
            "Transfer-Encoding: chunked",
            "Content-Type: application/json",
            "Connection: close",
        ),
        [f"{len(body):x}\r\n".encode() + body + b"\r\n", b"0\r\n\r\n"],
    )
    assert answer.startswith(b"HTTP/1.1 200") and b'"results"' in answer


def test_declared_length_over_the_limit_is_refused(client):
    response = client.post("/v1/search", content=b'{"query": "' + b"y" * LIMIT + b'"}')
    assert response.status_code == 413


def test_message_limits(client, fake_settings):
    too_long = "x" * (fake_settings.max_message_chars + 1)
    assert client.post("/v1/chat", json={"message": too_long}).status_code == 413
    assert client.post("/v1/chat", json={"message": "   "}).status_code == 422
    assert client.post("/v1/copilot", json={"conversation": []}).status_code == 422


def test_validation_errors_do_not_echo_the_body(client):
    canary = "CANARY-<script>alert(1)</script>"
    for body in ({"message": {"text": canary}}, {"query": canary, "k": canary}):
        response = client.post("/v1/chat" if "message" in body else "/v1/search", json=body)
        assert response.status_code == 422 and canary not in response.text and "CANARY" not in response.text
        assert response.json()["detail"][0]["loc"]
    response = client.post("/v1/search", content=b'{"query": "' + canary.encode() + b'", oops}')
    assert response.status_code == 422 and "CANARY" not in response.text
    bad_role = client.post("/v1/copilot", json={"conversation": [{"role": canary, "content": "hi"}]})
    assert bad_role.status_code == 422 and "CANARY" not in bad_role.text and "role" in bad_role.text


# -- the token ---------------------------------------------------------------------------------


def test_every_path_but_the_probes_needs_the_token(base_url):
    for path in ("/docs", "/openapi.json", "/redoc"):
        assert httpx.get(base_url + path).status_code == 401
        assert httpx.get(base_url + path, headers={"Authorization": f"Bearer {TOKEN}x"}).status_code == 401
        assert httpx.get(base_url + path, headers=AUTH).status_code == 200
    for wrong in ("", "Bearer", f"Bearer {TOKEN[:-1]}", f"bearer {TOKEN}", TOKEN, f"Bearer  {TOKEN}"):
        response = httpx.post(base_url + "/v1/sessions", headers={"Authorization": wrong})
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert httpx.get(base_url + "/healthz").status_code == 200
    ready = httpx.get(base_url + "/readyz").json()
    assert ready["ready"] and "capacity" not in ready  # details only with the token
    assert "capacity" in httpx.get(base_url + "/readyz", headers=AUTH).json()


def test_the_token_guards_the_api_not_a_web_app_beside_it(fake_settings, fake_assistant, tmp_path):
    # The web app (ui/web) is mounted at / on the API's app and has its own login; the body limit
    # holds for it too.
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route

    async def echo(request):
        return PlainTextResponse(str(len(await request.body())))

    settings = fake_settings.model_copy(update={"data_dir": tmp_path, "api_token": TOKEN, "max_request_bytes": LIMIT})
    app = create_app(settings, fake_assistant)
    app.mount("/", Starlette(routes=[Route("/", echo, methods=["GET", "POST"])]))
    with running(app) as url:
        assert httpx.get(url + "/").status_code == 200
        assert httpx.post(url + "/", content=b"x" * LIMIT).text == str(LIMIT)
        assert httpx.post(url + "/", content=b"x" * 2 * LIMIT).status_code == 413
        assert httpx.post(url + "/v1/sessions").status_code == 401
        assert httpx.post(url + "/v1/search", headers=AUTH, content=b"x" * 2 * LIMIT).status_code == 413


def test_without_a_token_setting_docs_are_open(fake_settings, fake_assistant, tmp_path):
    with running(create_app(fake_settings.model_copy(update={"data_dir": tmp_path}), fake_assistant)) as url:
        assert httpx.get(url + "/openapi.json").status_code == 200
        assert httpx.get(url + "/docs").status_code == 200


def test_tokens_are_compared_in_constant_time(client, monkeypatch):
    import hmac

    seen: list[tuple[bytes | str, bytes | str]] = []
    real = hmac.compare_digest

    def spy(a, b):
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    created = client.post("/v1/sessions").json()
    assert any(b == f"Bearer {TOKEN}".encode() for _, b in seen)  # the bearer token
    seen.clear()
    client.post("/v1/chat", json={"session_id": created["session_id"], "session_token": "nope", "message": "hi"})
    assert [len(a) for a, b in seen if isinstance(a, str)] == [64]  # the session token, by its SHA-256


# -- sessions ------------------------------------------------------------------------------------


def test_sessions_are_server_issued_and_need_their_token(client, app):
    created = client.post("/v1/sessions").json()
    sid, token = created["session_id"], created["session_token"]
    assert len(sid) == 32 and len(token) >= 40
    stored = (app.state.sessions.root / f"{sid}.json").read_text()
    assert token not in stored  # only its hash is kept

    def turn(message: str, **ids) -> httpx.Response:
        return client.post("/v1/chat", json={"message": message, **ids})

    with client.stream(
        "POST", "/v1/chat", json={"session_id": sid, "session_token": token, "message": "yoga mat"}
    ) as r:
        assert r.status_code == 200 and sse(r)[-1][0] == "done"
    with client.stream(
        "POST", "/v1/chat", headers={"X-Session-Token": token}, json={"session_id": sid, "message": "cheaper"}
    ) as r:
        done = sse(r)[-1]
    assert done[0] == "done" and done[1]["intent"] == "refine" and done[1]["session_id"] == sid

    other = client.post("/v1/sessions").json()
    refusals = [
        turn("hi", session_id=sid),  # no token
        turn("hi", session_id=sid, session_token=other["session_token"]),  # another session's token
        turn("hi", session_id="mine-123", session_token=token),  # a client-chosen id
        turn("hi", session_id=sid + "\n", session_token=token),  # "abc\n" is not an id
        turn("hi", session_id="../" + sid, session_token=token),
    ]
    assert [r.status_code for r in refusals] == [404] * 5
    assert len({r.json()["detail"] for r in refusals}) == 1  # one answer: nothing to probe
    assert not (app.state.sessions.root / "mine-123.json").exists()


def test_one_off_turn_without_a_session(client, app):
    before = set(app.state.sessions.root.glob("*.json"))
    with client.stream("POST", "/v1/chat", json={"message": "blue backpack"}) as r:
        names = [name for name, _ in sse(r)]
    assert names[0] == "intent" and names[-1] == "done"
    assert set(app.state.sessions.root.glob("*.json")) == before  # nothing saved


def test_session_files_are_redacted(client, app):
    created = client.post("/v1/sessions").json()
    message = "mail me at jo.doe@example.org or +44 20 7946 0958 about a yoga mat, card 4111 1111 1111 1111"
    with client.stream("POST", "/v1/chat", json={**created, "message": message}) as r:
        assert sse(r)[-1][0] == "done"
    stored = (app.state.sessions.root / f"{created['session_id']}.json").read_text()
    # whole secrets, not 4-digit pieces: "4111" can turn up by chance in a timestamp or an id
    for secret in ("jo.doe", "example.org", "7946 0958", "4111 1111", "4111111111111111"):
        assert secret not in stored
    assert "[EMAIL]" in stored and "[PHONE]" in stored and "[CARD]" in stored


# -- a full disk ---------------------------------------------------------------------------------


def disk_full(monkeypatch, store: SessionStore, after: int = 0) -> None:
    """The disk fills after `after` more successful session writes."""
    real, calls = store._write_atomic, {"n": 0}

    def write(path, data):
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(store, "_write_atomic", write)


def test_a_full_disk_holds_sessions_in_memory_and_shopping_goes_on(client, app, monkeypatch):
    # Issue 18: a read-only or full data dir answered 507 to every turn. Sessions are now kept in
    # memory (up to sessions_held_in_memory) and written by their next save the disk takes.
    store = app.state.sessions
    created = client.post("/v1/sessions").json()
    path = store.root / f"{created['session_id']}.json"
    disk_full(monkeypatch, store)
    fresh = client.post("/v1/sessions")
    assert fresh.status_code == 200
    for body in (created, fresh.json()):
        with client.stream("POST", "/v1/chat", json={**body, "message": "yoga mat"}) as r:
            assert r.status_code == 200 and sse(r)[-1][0] == "done"
    assert store.held() == 2 and json.loads(path.read_bytes())["session"]["turns"] == []
    monkeypatch.undo()  # the disk takes writes again: the next turn writes the whole session
    with client.stream("POST", "/v1/chat", json={**created, "message": "in blue"}) as r:
        assert sse(r)[-1][0] == "done"
    assert len(json.loads(path.read_bytes())["session"]["turns"]) == 4 and store.held() == 1


def test_full_disk_before_a_turn_is_a_507_when_no_session_can_be_held(client, app, monkeypatch):
    created = client.post("/v1/sessions").json()
    monkeypatch.setattr(app.state.sessions, "hold", 0)
    disk_full(monkeypatch, app.state.sessions)
    assert client.post("/v1/sessions").status_code == 507
    response = client.post("/v1/chat", json={**created, "message": "yoga mat"})
    assert response.status_code == 507 and "storage" in response.json()["detail"]
    assert str(app.state.sessions.root) not in response.text  # no server paths to the client


def test_full_disk_during_a_turn_ends_with_an_error_event(client, app, monkeypatch):
    created = client.post("/v1/sessions").json()
    path = app.state.sessions.root / f"{created['session_id']}.json"
    before = path.read_bytes()
    monkeypatch.setattr(app.state.sessions, "hold", 0)
    disk_full(monkeypatch, app.state.sessions, after=1)  # the check before the turn passes
    with client.stream("POST", "/v1/chat", json={**created, "message": "yoga mat"}) as r:
        assert r.status_code == 200
        events = sse(r)
    names = [name for name, _ in events]
    assert "products" in names and names[-1] == "error" and "done" not in names
    assert "not saved" in events[-1][1]["detail"]
    assert json.loads(path.read_bytes())["session"]["turns"] == json.loads(before)["session"]["turns"] == []
    monkeypatch.undo()
    with client.stream("POST", "/v1/chat", json={**created, "message": "yoga mat"}) as r:
        assert sse(r)[-1][0] == "done"  # the session is usable again once there is space


def test_a_card_number_is_never_a_price_bound_nor_saved(client, app):
    # Issue 18: "wallet under 4012888888881881" was saved as price_max and echoed as
    # "under $4,012,888,888,881,881"; a card written with dots and a street address were kept.
    created = client.post("/v1/sessions").json()
    for message in ("wallet under 4012888888881881", "card 4111.1111.1111.1111, ship to 221B Baker Street"):
        with client.stream("POST", "/v1/chat", json={**created, "message": message}) as r:
            events = sse(r)
        assert events[-1][0] == "done"
        assert "4,012" not in json.dumps(events) and "4012888888881881" not in json.dumps(events)
    stored = json.loads((app.state.sessions.root / f"{created['session_id']}.json").read_text())
    assert stored["session"]["request"]["constraints"]["price_max"] is None
    for secret in ("4012888888881881", "4111.1111", "Baker"):
        assert secret not in json.dumps(stored)
