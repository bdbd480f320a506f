"""One turn's plumbing: its timings, what a branch decided (`Outcome`), and the relay that passes
a branch's events to the shopper through the output filter (`observe`). Kept apart from
`assistant.core`, whose branches use them, so the core reads as the turn's decisions."""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field

from assistant.generation import Generation
from assistant.grounding import Grounder
from assistant.intent import Intent
from assistant.passage_grounding import PassageGrounder
from assistant.reply import Alternative, ComparisonTable, Event, EventKind, ProductCard, Suggestion
from common.schema import Product
from common.timing import ms_since
from common.untrusted import ShopperText

# A branch streams events and returns its outcome.
Branch = Generator[Event, None, "Outcome"]


@dataclass
class Timings:
    """Milliseconds since the request arrived, per stage; one object per turn."""

    start: float = field(default_factory=time.perf_counter)
    ms: dict[str, float] = field(default_factory=dict)

    def first(self, name: str) -> None:
        """The first time something happened (first card, first text)."""
        self.ms.setdefault(name, ms_since(self.start))

    def took(self, name: str, since: float) -> None:
        """How long a stage took, from a perf_counter() reading."""
        self.ms[name] = ms_since(since)

    def at(self, name: str, clock: float) -> None:
        """When something happened, from a perf_counter() reading."""
        self.ms[name] = ms_since(self.start, clock)


@dataclass
class Outcome:
    """What a branch decided, beyond the events it streamed."""

    intent: Intent
    products: list[ProductCard] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    empty_reason: str | None = None
    citations: list[dict[str, str]] = field(default_factory=list)
    handoff: bool = False
    comparison: ComparisonTable | None = None
    not_carried: str | None = None
    alternatives: list[Alternative] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    run: Generation | None = None  # the model's generation, when there was one
    grounder: Grounder | PassageGrounder | None = None
    used_fallback: bool = False
    degraded: str | None = None  # SearchResult.degraded: the shard that did not answer


def shopper_guard(products: list[Product]) -> ShopperText:
    """The output filter for text about these products: their image URLs and names allowed."""
    return ShopperText([p.image_url for p in products], names=[n for p in products for n in (p.title, p.brand)])


@dataclass
class Relayed:
    """What `observe` passed on: the text, and whether product cards were sent (none: the
    cards of the turn before stay on the shopper's screen). `text=False` keeps the text events
    from the shopper (a Chinese turn's text is written after the branch)."""

    texts: list[str] = field(default_factory=list)
    showed_cards: bool = False


def observe(branch: Branch, timings: Timings, relayed: Relayed, text: bool = True) -> Branch:
    """Relay a branch's events, noting the first card and first text and keeping the text.

    Every text event passes the one output filter on its way to the shopper (catalog text is
    untrusted, see common/untrusted.py): links and images only to the image URLs of this turn's
    cards, no HTML, no sentence that reads as an instruction to the assistant."""
    guard = ShopperText()
    while True:
        try:
            event = next(branch)
        except StopIteration as done:
            return done.value
        if event.type == EventKind.PRODUCTS:
            timings.first("first_card")
            relayed.showed_cards = True
            guard.allow([c.image_url for c in event.data], names=[n for c in event.data for n in (c.title, c.brand)])
        elif event.type == EventKind.TEXT:
            event = Event(type=EventKind.TEXT, data=guard.clean(event.data))
            if not event.data.strip():
                continue  # everything in it was filtered out
            relayed.texts.append(event.data)
            if not text:
                continue
            timings.first("first_text")
        yield event
