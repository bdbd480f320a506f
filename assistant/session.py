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
from assistant.reply import Reply, Suggestion
from assistant.search import Why

HISTORY_TURNS = 4  # turns kept in prompts; the session file keeps them all


class Turn(BaseModel):
    role: str  # "user" | "assistant"
    content: str


class ShownCard(BaseModel):
    """A product card of the last reply: which product, why it matched and, for a close
    alternative offered when nothing matched, the constraint it breaks."""

    id: str
    why: Why = Field(default_factory=Why)
    breaks: str | None = None


class LastReply(BaseModel):
    """What the last reply showed beside its text, kept so that a face resuming the session (a
    page reload) shows it as it was. Ids and short wording only: titles, prices and stock are
    read from the records again when shown, and the session's byte cap stays far away."""

    # The product panel. A reply without cards (a policy answer, chit-chat) leaves the cards
    # of the reply before on screen, so they stay here too.
    cards: list[ShownCard] = Field(default_factory=list)
    suggestions: list[Suggestion] = Field(default_factory=list)
    empty_reason: str | None = None  # nothing matched: the constraint that left nothing
    not_carried: str | None = None
    handoff: bool = False
    compared: bool = False  # a comparison table was part of the reply
    # The products a question or comparison was about ("compare 1 and 3"): "the cheaper of those
    # two" chooses among them, while the panel keeps the list they came from.
    about: list[str] = Field(default_factory=list)
    citations: list[dict[str, str]] = Field(default_factory=list)  # {"source", "section"} per passage

    @classmethod
    def of(cls, reply: Reply, showed_cards: bool, before: LastReply) -> LastReply:
        """`showed_cards`: the turn sent product cards (maybe none: nothing matched)."""
        if reply.intent == "chitchat":
            # Small talk changes nothing on screen ("thanks" after a question about the second
            # card): what the shopper looks at, and what "that brand" points at, stay as they were.
            return before.model_copy(update={"suggestions": reply.suggestions})
        cards = before.cards
        if showed_cards:
            cards = [ShownCard(id=c.id, why=c.why) for c in reply.products] or [
                ShownCard(id=a.card.id, why=a.card.why, breaks=a.breaks) for a in reply.alternatives
            ]
        return cls(
            cards=cards,
            suggestions=reply.suggestions,
            empty_reason=reply.empty_reason,
            not_carried=reply.not_carried,
            handoff=reply.handoff,
            compared=reply.comparison is not None,
            about=[] if showed_cards else [c.id for c in reply.products],
            citations=[{"source": c.get("source", ""), "section": c.get("section", "")} for c in reply.citations],
        )


class Session(BaseModel):
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:16])
    turns: list[Turn] = Field(default_factory=list)
    request: Request = Field(default_factory=Request)  # what the shopper is looking for now
    shown: list[str] = Field(default_factory=list)  # ids shown in the last results, in order
    seen: list[str] = Field(default_factory=list)  # every id shown in this request ("show more")
    last: LastReply = Field(default_factory=LastReply)  # what the last reply showed beside its text
    language: str = "en"  # the shopper's language, "en" or "zh": replies follow it
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

    def remember(self, reply: Reply, showed_cards: bool) -> None:
        """Keep what the turn's reply showed beside its text (see `LastReply`)."""
        self.last = LastReply.of(reply, showed_cards, self.last)
