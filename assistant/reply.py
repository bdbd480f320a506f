"""What a turn gives back: the public event kinds, product cards and the final `Reply`.

The CLI, the HTTP API (as server-sent events), the web app and the evaluator all read these
models, so they are the contract between the core and its faces. Cards, prices and stock come
from catalog records, never from generated text.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, field_validator

from assistant.search import Why
from common.schema import Product
from common.untrusted import plain_text, safe_url


class EventKind(StrEnum):
    """Streamed in this order: intent, constraints, products, text (many), done (the `Reply`).

    `writing` comes twice around the model's sentences, after the text built from the records:
    {"more": true, "budget_s": ...} when the model starts (a page shows that more is coming),
    {"more": false} when it has stopped. A turn without a model has none."""

    INTENT = "intent"
    CONSTRAINTS = "constraints"
    PRODUCTS = "products"
    TEXT = "text"
    WRITING = "writing"
    DONE = "done"


class Event(BaseModel):
    type: EventKind
    data: Any


class ProductCard(BaseModel):
    id: str
    title: str
    brand: str | None
    price: float | None
    currency: str
    image_url: str | None
    rating: float | None
    stock: int | None
    in_stock: bool
    category: str
    why: Why = Field(default_factory=Why)

    @classmethod
    def of(cls, p: Product, why: Why | None = None) -> ProductCard:
        # Ingest already cleans records; cleaning again here covers indexes written by older
        # versions or other tools. A card never carries markup or a non-http(s) image URL.
        return cls(
            id=p.id,
            title=plain_text(p.title, keep_urls=False),
            brand=plain_text(p.brand, keep_urls=False) if p.brand else p.brand,
            price=p.price,
            currency=p.currency,
            image_url=safe_url(p.image_url),
            rating=p.rating,
            stock=p.stock,
            in_stock=p.in_stock,
            category=plain_text(p.category_path, keep_urls=False),
            why=why or Why(),
        )


class Alternative(BaseModel):
    """A close product that breaks one stated constraint; never listed among `Reply.products`."""

    card: ProductCard
    breaks: str  # the constraint it breaks, readable ("not in red", "over your budget of ₹1,000")


class RequestChip(BaseModel):
    """One part of the active request, shown as a removable chip ("for women", "under ₹1,000")."""

    slot: str  # type | audience | colour | not colour | brand | not brand | price | rating | in stock | attribute
    label: str

    @field_validator("label")
    @classmethod
    def _plain(cls, value: str) -> str:  # may hold a catalog brand or attribute
        return plain_text(value, keep_urls=False)


class Suggestion(BaseModel):
    """A next step computed from the results, shown as a button; clicking sends `message`."""

    label: str  # "in black (12)"
    message: str  # "in black"

    @field_validator("label", "message")
    @classmethod
    def _plain(cls, value: str) -> str:  # built from catalog values (brands, types, attributes)
        return plain_text(value, keep_urls=False)


class ComparisonTable(BaseModel):
    """Side-by-side attributes of shown products, from their records."""

    columns: list[str]  # product titles
    rows: list[tuple[str, list[str]]]  # (attribute, one value per column)

    @classmethod
    def of(cls, products: list[Product], rows: list[tuple[str, list[str]]]) -> ComparisonTable:
        # As for cards: plain text, even from an index that ingest did not clean.
        return cls(
            columns=[plain_text(p.title, keep_urls=False) for p in products],
            rows=[(name, [plain_text(v, keep_urls=False) for v in values]) for name, values in rows],
        )


class Reply(BaseModel):
    session_id: str
    text: str
    products: list[ProductCard]
    constraints: dict[str, Any]
    constraints_text: list[str]
    intent: str
    request: list[RequestChip] = Field(default_factory=list)  # the active request after this turn
    changes: list[str] = Field(default_factory=list)  # what this turn changed in it
    suggestions: list[Suggestion] = Field(default_factory=list)
    alternatives: list[Alternative] = Field(default_factory=list)
    comparison: ComparisonTable | None = None
    not_carried: str | None = None  # a product type, brand or attribute the shop does not carry
    empty_reason: str | None = None
    citations: list[dict[str, str]] = Field(default_factory=list)
    handoff: bool = False
    grounding_corrections: int = 0  # prices corrected + sentences removed
    sentences_removed: int = 0  # unsupported generated sentences dropped by grounding
    used_fallback: bool = False  # the deterministic text stood in for the model's
    # One line when the search could not rank the way the settings say and ranked another way
    # (a shard did not answer: this server's copy of the vectors ranked instead).
    degraded: str | None = None
    timings_ms: dict[str, float] = Field(default_factory=dict)

    @field_validator("citations")
    @classmethod
    def _plain_citations(cls, citations: list[dict[str, str]]) -> list[dict[str, str]]:
        return plain_citations(citations)


def plain_citations(citations: list[dict[str, str]]) -> list[dict[str, str]]:
    """Policy passages shown beside an answer, as plain text (policy documents are untrusted:
    ingest cleans them; this covers stores written by older versions or other tools)."""
    return [{k: plain_text(v, multiline=k == "text") for k, v in c.items()} for c in citations]
