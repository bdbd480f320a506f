"""`Session`: one shopper's conversation — turns, the active request, shown products.

Serialisable (JSON), so the API, the UI and `shopassist ask --session ID` can resume it; the
files, tokens and locks are `assistant.session_store.SessionStore`'s job.
"""

from __future__ import annotations

import time
import uuid

from pydantic import BaseModel, Field

from assistant.constraints import Constraints
from assistant.dialogue import Request

HISTORY_TURNS = 4  # turns kept in prompts; the session file keeps them all


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
