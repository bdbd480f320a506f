"""Build common/data/product_types.txt from the Shopify Standard Product Taxonomy (MIT).

The taxonomy (github.com/Shopify/product-taxonomy, `data/categories/*.yml`, version 0.16.0 was
used) names about 10,000 product categories. Query understanding needs the product *types* in
it, as the singular term phrases a shopper would type: "Wallets & Money Clips" gives "wallet"
and "money clip"; "Baby & Toddler Sandals" gives "baby sandal", "toddler sandal" and, as the
head noun, "sandal". Department names that are not products ("Camping & Hiking", "Clothing")
are left out: only leaf categories and plural-named inner ones count.

Usage: python scripts/build_product_types.py PATH/TO/product-taxonomy/data/categories
Deterministic: the same taxonomy always gives the same file (sorted, one phrase a line).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common.text import terms  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "common" / "data" / "product_types.txt"

# Heads that name a group of things rather than a kind of product a shopper asks for.
GENERIC_HEADS = frozenset(
    "accessory supply part product equipment kit set item material good service component device system unit "
    "piece other general miscellaneous misc combo pack bundle collection gear essential tool solution "
    "replacement add on attachment refill option type kind variety mature".split()
)


def pieces(name: str) -> list[list[str]]:
    """Term phrases of one category name, with a shared head distributed ("A & B Cs")."""
    name = re.sub(r"\([^)]*\)", " ", name)
    parts = [p.strip() for p in re.split(r"\s*(?:&|,|/|\band\b)\s*", name) if p.strip()]
    phrases = [terms(p) for p in parts]
    phrases = [p for p in phrases if p]
    if not phrases:
        return []
    last = phrases[-1]
    out = []
    for i, phrase in enumerate(phrases):
        plural = tokens_plural(parts[i])
        if i < len(phrases) - 1 and len(phrase) == 1 and len(last) > 1 and not plural:
            phrase = phrase + last[-1:]  # "Baby & Toddler Sandals" -> "baby sandal"
        out.append(phrase)
    return out


def tokens_plural(part: str) -> bool:
    words = part.lower().split()
    return bool(words) and words[-1].endswith("s") and not words[-1].endswith("ss")


def phrases_of(name: str) -> set[str]:
    found: set[str] = set()
    for phrase in pieces(name):
        if not phrase or len(phrase) > 4 or phrase[-1] in GENERIC_HEADS or any(w.isdigit() for w in phrase):
            continue
        found.add(" ".join(phrase))
        if len(phrase) >= 2:
            found.add(phrase[-1])  # the head noun: "hockey ice skate" is a "skate"
            found.add(" ".join(phrase[-2:]))
    return {p for p in found if len(p) >= 3}


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    folder = Path(sys.argv[1])
    types: set[str] = set()
    for path in sorted(folder.glob("*.yml")):
        for node in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            name = node["name"]
            leaf = not node.get("children")
            if leaf or tokens_plural(name.split("&")[-1]):
                types |= phrases_of(name)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# Product types, singular term phrases, one a line. Derived by scripts/build_product_types.py\n"
        "# from the Shopify Standard Product Taxonomy 0.16.0 (MIT, see product_types.LICENSE).\n"
    )
    OUT.write_text(header + "\n".join(sorted(types)) + "\n", encoding="utf-8")
    print(f"wrote {len(types)} product types to {OUT}")


if __name__ == "__main__":
    main()
