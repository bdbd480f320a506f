"""The tau-bench retail catalog (../shared/datasets/tau_retail/products.json) as ingestable rows.

products.json holds 50 products, each with variants (an `item_id`, `options` such as colour,
size, material, battery life, and a price and availability). A shopper buys a variant, so each
variant becomes one product: id = the variant's item_id, title = the product name with its option
values ("Wireless Earbuds (black, 4 hours, IPX7)"), category = the product name, the options as
specifications (colour, material and size are also derived from them by ingest), stock 0 when the
variant is unavailable. There are no descriptions or brands in this catalog.

Usage: python bench/tau_catalog.py OUT.jsonl   (then `shopassist ingest OUT.jsonl`)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SHARED  # noqa: E402

TAU_PRODUCTS = SHARED / "tau_retail" / "products.json"
BARE_VALUES = frozenset({"yes", "no", "none"})


def tau_rows(path: Path = TAU_PRODUCTS) -> list[dict[str, Any]]:
    """One catalog row (ingest's target field names) per variant."""
    rows = []
    for product in json.loads(path.read_text()).values():
        for variant in product["variants"].values():
            options = {str(k): str(v) for k, v in variant["options"].items()}
            # A bare number names nothing ("Hiking Boots (10, ...)"): keep its key ("size 10"). A
            # yes/no option stays out of the title: it is what shoppers ask, not how they name it.
            named = [f"{k} {v}" if v.isdigit() else v for k, v in options.items() if v.lower() not in BARE_VALUES]
            rows.append(
                {
                    "id": variant["item_id"],
                    "title": f"{product['name']} ({', '.join(named)})",
                    "category": [product["name"]],
                    "price": variant["price"],
                    "currency": "USD",
                    "stock": None if variant["available"] else 0,
                    "specifications": options,
                }
            )
    return rows


def write_jsonl(out: Path, path: Path = TAU_PRODUCTS) -> int:
    rows = tau_rows(path)
    out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return len(rows)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/tau_catalog.py OUT.jsonl")
    print(f"{write_jsonl(Path(sys.argv[1]))} variants written to {sys.argv[1]}")
