"""The similarity threshold at which a shopper's Chinese word names one of a Chinese catalog's own
kinds (assistant/chinese_kinds.py), measured on the labelled words in tests/data/zh_shop_kinds.yaml
over data/catalog_zh.csv with the multilingual embedder (multilingual-e5-small).

For each candidate threshold: words that name a kind and get the right one (recall), and words
that name none (or the wrong one) but are given a kind anyway (false kinds). The threshold kept in
assistant/data/zh.yaml is the one with no false kind at the best recall: a wrong kind filters the
shop down to the wrong products, a missed one falls back to the English reading and search.
Usage: python bench/zh_kind_threshold.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.chinese_kinds import ShopKinds  # noqa: E402
from common.models import MULTILINGUAL, embedder  # noqa: E402
from ingest.pipeline import load_catalog  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    products, _ = load_catalog(REPO / "data" / "catalog_zh.csv", None)
    kinds = ShopKinds.of_categories([p.category for p in products], embedder(MULTILINGUAL), 0.0, [])
    labelled = yaml.safe_load((REPO / "tests" / "data" / "zh_shop_kinds.yaml").read_text(encoding="utf-8"))
    scored = []
    for item in labelled:
        wanted = item["kind"]
        wanted = set(wanted if isinstance(wanted, list) else [wanted]) if wanted else set()
        phrase, score = kinds.nearest(item["word"])
        scored.append((item["word"], wanted, phrase, score))
        print(
            f"{item['word']:<8} nearest {phrase:<12} {score:.3f}  {'ok' if phrase in wanted else 'WRONG' if wanted else 'none wanted'}"
        )
    named = sum(1 for _, wanted, _, _ in scored if wanted)
    print(f"\n{len(scored)} labelled words ({named} name a kind of the shop)")
    print(f"{'threshold':>9} {'right kind':>11} {'false kinds':>12}")
    for t in [x / 100 for x in range(86, 100)]:
        right = sum(1 for _, w, p, s in scored if s >= t and p in w)
        false = sum(1 for _, w, p, s in scored if s >= t and p not in w)
        print(f"{t:>9.2f} {right:>8} of {named} {false:>12}")


if __name__ == "__main__":
    main()
