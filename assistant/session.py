"""`Session`: one shopper's conversation — turns, the active request, shown products.

Serialisable (JSON), so the API, the UI and `shopassist ask --session ID` can resume it. The
store keeps one JSON file per session under the data dir and hands out one lock per session,
so a session takes one turn at a time.
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from pathlib import Path

from pydantic import BaseModel, Field

from assistant.constraints import Constraints
from assistant.dialogue import Request
from common.errors import ShopAssistError

HISTORY_TURNS = 4  # turns kept in prompts; the session file keeps them all
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class Turn(BaseModel):
    role: str  # "user" | "assistant"
    content: str


class Session(BaseModel):
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:16])
    turns: list[Turn] = Field(default_factory=list)
    request: Request = Field(default_factory=Request)  # what the shopper is looking for now
    shown: list[str] = Field(default_factory=list)  # ids shown in the last results, in order
    seen: list[str] = Field(default_factory=list)  # every id shown in this request ("show more")
    created_at: float = Field(default_factory=time.time)

    @property
    def constraints(self) -> Constraints:
        """The hard filters of the active request."""
        return self.request.constraints

    def history(self) -> list[Turn]:
        return self.turns[-HISTORY_TURNS:]

    # The core changes a session only through these, so its invariants live in one place.
    def new_request(self, request: Request) -> None:
        """Start or replace the active request; nothing shown for it yet."""
        self.request = request
        self.shown, self.seen = [], []

    def update_request(self, request: Request) -> None:
        """Refine the active request; what was seen for it stays seen ("show more" pages on)."""
        self.request = request

    def clear_request(self) -> None:
        self.new_request(Request())

    def show(self, product_ids: list[str]) -> None:
        """Record the products shown this turn, in order ("the second one" points into them)."""
        self.shown = list(product_ids)
        self.seen = list(dict.fromkeys(self.seen + self.shown))

    def add_exchange(self, message: str, reply_text: str) -> None:
        self.turns += [Turn(role="user", content=message), Turn(role="assistant", content=reply_text)]


class SessionStore:
    def __init__(self, root: Path):
        self.root = root
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def path(self, session_id: str) -> Path:
        if not SESSION_ID.match(session_id):
            raise ShopAssistError(f"invalid session id {session_id!r}: use letters, digits, - and _")
        return self.root / f"{session_id}.json"

    def create(self) -> Session:
        session = Session()
        self.save(session)
        return session

    def load(self, session_id: str) -> Session:
        path = self.path(session_id)
        if not path.is_file():
            raise ShopAssistError(f"no session {session_id!r}; start one without --session")
        return Session.model_validate_json(path.read_text(encoding="utf-8"))

    def load_or_create(self, session_id: str | None) -> Session:
        if session_id is None:
            return self.create()
        path = self.path(session_id)
        return self.load(session_id) if path.is_file() else Session(id=session_id)

    def save(self, session: Session) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.path(session.id)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(session.model_dump_json(), encoding="utf-8")
        tmp.replace(path)  # atomic: a crash never leaves half a session

    def lock(self, session_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(session_id, threading.Lock())
