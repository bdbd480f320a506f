"""The kinds of things shops sell, beyond any one catalog: `common/data/product_types.txt`, the
product types of the Shopify Standard Product Taxonomy as singular term phrases (MIT, see
product_types.LICENSE; built by scripts/build_product_types.py). Understanding reads it through
`assistant.vocabulary`; redaction reads its one-word types to tell an item's id from a phone
number ("the Laptop 8997785118", "Perfume 9007697085": a number right after the kind it names)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
TAXONOMY = DATA / "product_types.txt"


def type_lines(path: Path = TAXONOMY) -> list[str]:
    """The product type phrases of a types file, one a line, comments and blanks left out."""
    return [
        line.strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@cache
def kind_words() -> frozenset[str]:
    """The types that are one word ("laptop", "perfume", "tablet"), lower case and singular."""
    return frozenset(line for line in type_lines() if " " not in line)
