"""HTTP API (FastAPI) over the same `Assistant` the CLI and UI use.

POST /v1/sessions          -> {"session_id"}
POST /v1/chat              -> server-sent events: intent, constraints, products, text, done
POST /v1/search            -> ranked products with constraints and why
POST /v1/copilot           -> suggested agent reply, intent, policy passages, products
GET  /healthz, /readyz     -> liveness; readiness once the index and models are loaded

Optional bearer token (settings.api_token); request size and message length limits; one turn
at a time per session (a second concurrent turn gets 409).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool

from assistant.core import Assistant
from assistant.session import SessionStore
from common.errors import ShopAssistError
from common.settings import Settings

log = logging.getLogger(__name__)


class ChatRequest(BaseModel):
    session_id: str | None = None
    message: str


class SearchRequest(BaseModel):
    query: str
    k: int = Field(default=10, ge=1, le=100)


class CopilotRequest(BaseModel):
    conversation: list[dict[str, str]]  # [{"role": "customer"|"agent"|"user"|"assistant", "content"}]


def create_app(settings: Settings, assistant: Assistant | None = None) -> FastAPI:
    """Build the app. The assistant loads in the background unless one is given (tests)."""
    app = FastAPI(title="shopassist", version="0.1.0")
    state: dict[str, Any] = {"assistant": assistant, "error": None}
    sessions = SessionStore(settings.sessions_dir)

    def load() -> None:
        try:
            state["assistant"] = Assistant.load(settings)
        except Exception as exc:  # reported by /readyz, not a crash
            log.exception("assistant failed to load")
            state["error"] = str(exc)

    if assistant is None:
        threading.Thread(target=load, daemon=True).start()

    @app.middleware("http")
    async def limit_size(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and int(length) > settings.max_request_bytes:
            return JSONResponse({"detail": f"request body over {settings.max_request_bytes} bytes"}, status_code=413)
        return await call_next(request)

    def authorised(request: Request) -> None:
        if settings.api_token and request.headers.get("authorization") != f"Bearer {settings.api_token}":
            raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})

    def ready() -> Assistant:
        if state["assistant"] is None:
            raise HTTPException(503, state["error"] or "still loading the index and models")
        return state["assistant"]

    def check_message(text: str) -> None:
        if not text.strip():
            raise HTTPException(422, "message is empty")
        if len(text) > settings.max_message_chars:
            raise HTTPException(413, f"message over {settings.max_message_chars} characters")

    @app.get("/healthz")
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> JSONResponse:
        if state["assistant"] is None:
            return JSONResponse({"ready": False, "error": state["error"]}, status_code=503)
        return JSONResponse({"ready": True, "products": len(state["assistant"].engine.catalog)})

    @app.post("/v1/sessions", dependencies=[Depends(authorised)])
    def new_session() -> dict[str, str]:
        return {"session_id": sessions.create().id}

    @app.post("/v1/search", dependencies=[Depends(authorised)])
    def search(body: SearchRequest) -> dict[str, Any]:
        check_message(body.query)
        engine = ready().engine
        query, result = engine.search(body.query, k=body.k)
        return {
            "query": query.text,
            "constraints": result.constraints.model_dump(exclude_defaults=True),
            "empty_reason": result.empty_reason,
            "results": [
                {
                    "product": hit.product.model_dump(exclude={"attributes", "content_hash"}),
                    "score": hit.fused,
                    "why": hit.why.model_dump(),
                }
                for hit in result.hits
            ],
        }

    @app.post("/v1/chat", dependencies=[Depends(authorised)])
    async def chat(body: ChatRequest):
        check_message(body.message)
        core = ready()
        try:
            session = sessions.load_or_create(body.session_id)
        except ShopAssistError as exc:
            raise HTTPException(404, str(exc)) from exc
        lock = sessions.lock(session.id)
        if not lock.acquire(blocking=False):
            raise HTTPException(409, f"session {session.id} is already taking a turn")

        def events() -> Iterator[dict[str, str]]:
            try:
                for event in core.respond(session, body.message):
                    yield {"event": event.type, "data": _json(event.data)}
                sessions.save(session)
            except ShopAssistError as exc:
                yield {"event": "error", "data": json.dumps({"detail": str(exc)})}
            finally:
                lock.release()

        return EventSourceResponse(iterate_in_threadpool(events()), ping=15)

    @app.post("/v1/copilot", dependencies=[Depends(authorised)])
    def copilot(body: CopilotRequest) -> dict[str, Any]:
        if not body.conversation:
            raise HTTPException(422, "conversation is empty")
        for turn in body.conversation:
            check_message(turn.get("content", ""))
        try:
            return ready().copilot(body.conversation).model_dump()
        except ShopAssistError as exc:
            raise HTTPException(422, str(exc)) from exc

    return app


def _json(data: Any) -> str:
    if isinstance(data, BaseModel):
        return data.model_dump_json()
    if isinstance(data, list):
        return json.dumps([d.model_dump() if isinstance(d, BaseModel) else d for d in data])
    return json.dumps(data)
