"""`Product`: one catalog record after cleaning. Every part of shopassist speaks this type."""

from __future__ import annotations

import hashlib
import json

from pydantic import BaseModel, Field

# Audience words we normalise to. "kids" and "unisex" are expanded, not stored.
AUDIENCES = ("men", "women", "boys", "girls", "baby", "couple")
# An audience asked for -> the product audiences that satisfy it. A unisex product is stored as
# men+women; "kids" is any child's audience.
AUDIENCE_MATCHES = {
    "men": {"men"},
    "women": {"women"},
    "boys": {"boys"},
    "girls": {"girls"},
    "kids": {"boys", "girls", "baby"},
    "baby": {"baby"},
    "couple": {"couple"},
    # A son or daughter said with no age may be a child or a grown-up (assistant/data/audiences.json).
    "girls or women": {"girls", "women"},
    "boys or men": {"boys", "men"},
}
# Of an audience that accepts two, the one whose products rank first: a son or daughter with no
# age is a child more often (every such request in the dev sets A-F but "in college" is labelled
# boys or girls), and a grown-up's products still show where no child's match.
AUDIENCE_RANKS_FIRST = {"girls or women": "girls", "boys or men": "boys"}


class Product(BaseModel):
    id: str
    title: str
    description: str = ""
    category: list[str] = Field(default_factory=list)  # path, broad to narrow
    brand: str | None = None
    price: float | None = None  # None: the catalog gives no price
    currency: str = "USD"
    colours: list[str] = Field(default_factory=list)  # lower-case colour names
    audience: list[str] = Field(default_factory=list)  # subset of AUDIENCES
    sizes: list[str] = Field(default_factory=list)
    material: str | None = None
    rating: float | None = None  # None: unrated
    stock: int | None = None  # None: unknown
    image_url: str | None = None
    attributes: dict[str, str] = Field(default_factory=dict)  # specifications, key -> value
    content_hash: str = ""

    @property
    def category_path(self) -> str:
        return " > ".join(self.category)

    @property
    def in_stock(self) -> bool:
        return self.stock is None or self.stock > 0

    def compute_hash(self) -> str:
        """Hash of everything but the hash itself: re-ingest re-embeds only when this changes."""
        payload = self.model_dump(exclude={"content_hash"})
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:16]

    def index_text(self, max_description_chars: int = 600) -> str:
        """The text we embed and BM25-index: title, category, key attributes, description."""
        parts = [self.title, self.category_path]
        if self.brand:
            parts.append(f"brand {self.brand}")
        if self.colours:
            parts.append("colour " + " ".join(self.colours))
        if self.audience:
            parts.append("for " + " ".join(self.audience))
        if self.material:
            parts.append(f"material {self.material}")
        # Descriptions can be huge (a 10 MB one is a test case); the embedding model only reads
        # ~256 tokens anyway, so cut at a word boundary.
        description = self.description[:max_description_chars].rsplit(" ", 1)[0]
        parts.append(description)
        return ". ".join(p for p in parts if p)
