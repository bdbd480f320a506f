"""HTTP API (FastAPI) over the same `Assistant` the CLI and the web app use.

POST /v1/sessions    -> {"session_id", "session_token"}: a new session; keep the token secret
POST /v1/chat        -> server-sent events: intent, constraints, products, text, done (or error)
POST /v1/search      -> ranked products with constraints and why
POST /v1/copilot     -> suggested agent reply, intent, policy passages, products; with a store,
                        `order`: the customer, orders, clause and proposed actions
POST /v1/copilot/execute -> run an action the agent confirmed (preconditions checked again)
GET  /healthz        -> liveness;  GET /readyz -> readiness and the state of each dependency

What guards it, in the order a request meets it (see the README's threat model):
- `RequestGuard`, before any route: the bearer token (settings.api_token, compared in constant
  time) is checked before a byte of the body is read, on the API's paths (/v1/, and /docs and
  /openapi.json too; the web app mounted beside it has its own login); then the body of any
  request, the web app's included, is read up to settings.max_request_bytes,
  counting the bytes actually received, so a chunked body cannot slip past a Content-Length
  check. Refusals close the connection, so the rest of an oversized body is never read.
- 422 responses name the field and the problem, never echo the input.
- Sessions are issued by the server and opened with their token (body `session_token` or header
  `X-Session-Token`); a session takes one turn at a time (a concurrent turn gets 409).
- Capacity (assistant/capacity.py): over settings.max_active_turns turns in flight, chat and
  copilot answer 429 with Retry-After; when the generation queue is long, turns get the
  deterministic text from the records at once instead of waiting.
- A session the disk refuses (full, read-only, not answering) is kept in memory, up to
  settings.sessions_held_in_memory, and written by its next save the disk takes; beyond that a
  turn is refused with 507 before it starts, or ends with an SSE `error` event instead of `done`.
- Every call to Chroma, the model server and the disk has a deadline (common/dependency.py);
  /readyz runs on the event loop and answers within a second whatever a dependency does.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections.abc import AsyncIterator, Generator, Iterator
from typing import Any, Literal

import anyio
from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, field_validator
from sse_starlette.sse import EventSourceResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assistant.capacity import TurnLimiter
from assistant.core import Assistant
from assistant.order_copilot import execute as execute_action
from assistant.reply import EventKind
from assistant.session import Session
from assistant.session_store import SessionLimitError, SessionNotFound, SessionStorageError, SessionStore
from assistant.store import Action
from common.errors import ShopAssistError
from common.settings import Settings

log = logging.getLogger(__name__)

# The paths the bearer token guards: the API's own. The probes (/healthz, /readyz) stay open for
# load balancers; every other path belongs to the web app mounted beside it (`shopassist serve`),
# which has its own login (settings.web_auth).
API_PATHS = ("/v1/", "/docs", "/redoc", "/openapi.json")
STORAGE_FAILED = "the server could not save this session (its storage is full or read-only); try again later"


class ChatRequest(BaseModel):
    message: str
    session_id: str | None = None  # from POST /v1/sessions; none: a one-off turn, not saved
    session_token: str | None = None  # or the X-Session-Token header


class SearchRequest(BaseModel):
    query: str
    k: int = Field(default=10, ge=1, le=100)


class CopilotTurn(BaseModel):
    role: Literal["customer", "shopper", "user", "agent", "support", "assistant"]
    content: str

    @field_validator("role", mode="before")
    @classmethod
    def _lower(cls, role: Any) -> Any:
        return role.lower() if isinstance(role, str) else role


class CopilotRequest(BaseModel):
    conversation: list[CopilotTurn] = Field(min_length=1)
    done: list[Action] = Field(default_factory=list)  # actions already run in this conversation


class ExecuteRequest(BaseModel):
    """An action the agent confirmed (from a proposal's `order.actions`), for the customer the
    conversation verifies; the store checks the policy's preconditions again."""

    conversation: list[CopilotTurn] = Field(min_length=1)
    action: Action
    confirmed_by: str = Field(min_length=1, max_length=200)  # the agent, for the action log


def bearer_ok(headers: list[tuple[bytes, bytes]], token: str | None) -> bool:
    """True when no token is configured or the Authorization header carries it (constant time)."""
    if not token:
        return True
    presented = next((v for k, v in headers if k == b"authorization"), b"")
    return hmac.compare_digest(presented, b"Bearer " + token.encode())


async def _refuse(send: Send, status: int, detail: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    """A JSON error that also closes the connection, so an unread body is dropped, not read."""
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestGuard:
    """ASGI middleware: the token before the body, then the body within its limit."""

    def __init__(self, app: ASGIApp, token: str | None, max_bytes: int):
        self.app = app
        self.token = token
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"].startswith(API_PATHS) and not bearer_ok(scope["headers"], self.token):
            await _refuse(send, 401, "missing or wrong bearer token", [(b"www-authenticate", b"Bearer")])
            return
        too_big = f"request body over {self.max_bytes} bytes (SHOPASSIST_MAX_REQUEST_BYTES)"
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None:
            if not declared.isdigit():
                await _refuse(send, 400, "Content-Length is not a number")
                return
            if int(declared) > self.max_bytes:
                await _refuse(send, 413, too_big)
                return
        body = bytearray()
        while True:  # count what arrives: chunked bodies declare no length
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await _refuse(send, 413, too_big)
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)


def _replay(body: bytes, receive: Receive) -> Receive:
    """A receive() that gives the app the body already read, then waits as the original does
    (streaming responses listen on it for the client going away)."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


def create_app(settings: Settings, assistant: Assistant | None = None, sessions: SessionStore | None = None) -> FastAPI:
    """Build the app. The assistant loads in the background unless one is given (tests, or the
    web app sharing it); `sessions` is given when the web app shares the session store."""
    app = FastAPI(title="shopassist", version="0.1.0")
    app.add_middleware(RequestGuard, token=settings.api_token, max_bytes=settings.max_request_bytes)
    state: dict[str, Any] = {"assistant": assistant, "error": None}
    sessions = sessions or SessionStore.from_settings(settings, hold=True)
    turns = TurnLimiter(settings.max_active_turns)
    app.state.sessions, app.state.turns = sessions, turns  # for operators' hooks and tests

    def load() -> None:
        try:
            state["assistant"] = Assistant.load(settings)
        except Exception as exc:  # reported by /readyz, not a crash
            log.exception("assistant failed to load")
            state["error"] = str(exc)
            return
        # Ready now; the first product question's indexes are built here, not in its turn.
        state["assistant"].warm_answers()

    if assistant is None:
        threading.Thread(target=load, daemon=True).start()

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # FastAPI's default answer quotes the offending input back; name the field and the
        # problem only, so nothing the client sent is reflected.
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    def ready() -> Assistant:
        if state["assistant"] is None:
            raise HTTPException(503, "still loading the index and models", headers={"Retry-After": "5"})
        return state["assistant"]

    def check_message(text: str) -> None:
        if not text.strip():
            raise HTTPException(422, "message is empty")
        if len(text) > settings.max_message_chars:
            raise HTTPException(413, f"message over {settings.max_message_chars} characters")

    def admit() -> float:
        """Count a turn in, or answer 429; returns its start time for `turns.leave`."""
        if not turns.enter():
            raise HTTPException(
                429,
                f"the assistant is serving {turns.limit} conversations; try again shortly",
                headers={"Retry-After": str(turns.retry_after_s())},
            )
        return time.monotonic()

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        # On the event loop, not a worker thread: it answers within a second even when every
        # worker thread is busy, and Chroma is probed with a deadline (`PolicySearch.astatus`).
        # Details (error text, capacity) only for callers who could use the API anyway.
        insider = bearer_ok(request.scope["headers"], settings.api_token)
        core = state["assistant"]
        if core is None:
            body: dict[str, Any] = {"ready": False, "error": state["error"] if insider else "not ready"}
            return JSONResponse(body, status_code=503)
        policies = await core.policies.astatus()
        dependencies = {"catalog": "ok", "policies": "ok" if policies is None else "unavailable"}
        detail: dict[str, Any] = {"policies": policies}
        shards = core.engine.retriever.shards
        if shards is not None:  # dense_search: shards; the last search's failure, none asked here
            dependencies["shards"] = "ok" if shards.problem is None else "unavailable"
            detail["shards"] = shards.problem
        body = {
            "ready": True,
            "degraded": any(status != "ok" for status in dependencies.values()),
            "products": len(core.engine.catalog),
            "dependencies": dependencies,
        }
        if insider:
            body["detail"] = detail
            body["capacity"] = {
                "generation": core.gate.stats(),
                "turns": turns.stats(),
                "sessions_held": sessions.held(),
            }
            body["dependencies_detail"] = {
                "chroma": core.policies.chroma.stats(),
                **({"model": core.writer.model.stats()} if core.writer.model else {}),
            }
        return JSONResponse(body)

    @app.post("/v1/sessions")
    def new_session() -> dict[str, str]:
        try:
            session, token = sessions.create()
        except SessionLimitError as exc:
            raise HTTPException(503, str(exc), headers={"Retry-After": "60"}) from exc
        except SessionStorageError as exc:
            log.error("%s", exc)
            raise HTTPException(507, STORAGE_FAILED) from exc
        return {"session_id": session.id, "session_token": token}

    @app.post("/v1/search")
    def search(body: SearchRequest) -> dict[str, Any]:
        check_message(body.query)
        engine = ready().engine
        query, result = engine.search(body.query, k=body.k)
        return {
            "query": query.text,
            "constraints": result.constraints.model_dump(exclude_defaults=True),
            "empty_reason": result.empty_reason,
            "degraded": result.degraded,
            "results": [
                {
                    "product": hit.product.model_dump(exclude={"attributes", "content_hash"}),
                    "score": hit.fused,
                    "why": hit.why.model_dump(),
                }
                for hit in result.hits
            ],
        }

    def claim(session_id: str, token: str) -> tuple[Session, threading.Lock]:
        """The session a turn will write to: opened by its token, locked for this turn, and
        shown to be writable before anything streams. Raises the HTTP error to answer."""
        try:
            session = sessions.open(session_id, token)
        except SessionNotFound as exc:
            raise HTTPException(404, str(exc)) from exc
        except SessionStorageError as exc:  # the disk did not answer in time
            log.error("%s", exc)
            raise HTTPException(507, STORAGE_FAILED) from exc
        lock = sessions.lock(session.id)
        if not lock.acquire(blocking=False):
            raise HTTPException(409, "this session is already taking a turn; wait for its reply")
        try:
            sessions.save(session)
        except SessionNotFound as exc:  # expired since it was opened
            lock.release()
            raise HTTPException(404, str(exc)) from exc
        except (SessionStorageError, SessionLimitError) as exc:
            lock.release()
            log.error("%s", exc)
            if isinstance(exc, SessionLimitError):
                raise HTTPException(413, str(exc)) from exc
            raise HTTPException(507, STORAGE_FAILED) from exc
        return session, lock

    @app.post("/v1/chat")
    def chat(body: ChatRequest, x_session_token: str | None = Header(default=None)) -> EventSourceResponse:
        check_message(body.message)
        core = ready()
        started = admit()
        lock: threading.Lock | None = None  # None: a one-off turn, nothing to lock or save
        try:
            if body.session_id is None:
                session = Session()
            else:
                session, lock = claim(body.session_id, body.session_token or x_session_token or "")
        except BaseException:
            turns.leave(time.monotonic() - started)
            raise

        def events() -> Iterator[dict[str, str]]:
            stream = core.respond(session, body.message)
            try:
                for event in stream:
                    if event.type == EventKind.DONE and lock is not None:
                        sessions.save(session)  # before `done`: a turn the client sees done is kept
                    yield {"event": event.type, "data": _json(event.data)}
            except SessionStorageError as exc:
                log.error("%s", exc)
                yield _error_event(STORAGE_FAILED + "; this turn was not saved")
            except ShopAssistError as exc:
                yield _error_event(str(exc))
            except Exception:
                log.exception("turn failed")
                yield _error_event("the turn failed on the server; try again")
            finally:
                stream.close()
                if lock is not None:
                    lock.release()
                turns.leave(time.monotonic() - started)

        stream = events()
        # Start it here: a started generator runs its cleanup (lock, turn count) when closed or
        # collected, even if the client is gone before the response streams a byte.
        first = next(stream)
        return EventSourceResponse(_in_threads(first, stream), ping=15)

    @app.post("/v1/copilot")
    def copilot(body: CopilotRequest) -> dict[str, Any]:
        for turn in body.conversation:
            check_message(turn.content)
        core = ready()
        started = admit()
        try:
            return core.copilot([t.model_dump() for t in body.conversation], done=body.done).model_dump()
        except ShopAssistError as exc:
            raise HTTPException(422, str(exc)) from exc
        finally:
            turns.leave(time.monotonic() - started)

    @app.post("/v1/copilot/execute")
    def copilot_execute(body: ExecuteRequest) -> dict[str, Any]:
        """200 with `result.done` false and `result.rule` when the policy refuses the action."""
        for turn in body.conversation:
            check_message(turn.content)
        try:
            # The store beside the assistant's index, as the proposal read it.
            conversation = [t.model_dump() for t in body.conversation]
            executed = execute_action(ready().settings.data_dir, conversation, body.action, body.confirmed_by)
        except ShopAssistError as exc:
            raise HTTPException(422, str(exc)) from exc
        return executed.model_dump()

    return app


async def _in_threads(first: dict[str, str], events: Generator[dict[str, str]]) -> AsyncIterator[dict[str, str]]:
    """Relay a blocking event generator from worker threads; when the client goes away, close
    it (in a thread, shielded from the cancellation) so its session lock and generation slot
    are released now rather than whenever it is garbage-collected."""
    try:
        yield first
        while True:
            item = await anyio.to_thread.run_sync(next, events, None)
            if item is None:
                return
            yield item
    finally:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(events.close)


def _error_event(detail: str) -> dict[str, str]:
    return {"event": "error", "data": json.dumps({"detail": detail})}


def _json(data: Any) -> str:
    if isinstance(data, BaseModel):
        return data.model_dump_json()
    if isinstance(data, list):
        return json.dumps([d.model_dump() if isinstance(d, BaseModel) else d for d in data])
    return json.dumps(data)
