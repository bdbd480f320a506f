"""The similarity threshold at which a shopper's Chinese word names one of a Chinese catalog's own
kinds (assistant/chinese_kinds.py), measured on the labelled words in tests/data/zh_shop_kinds.yaml
over data/catalog_zh.csv with the multilingual embedder (multilingual-e5-small).

For each candidate threshold: words that name a kind and get the right one (recall), and words
that name none (or the wrong one) but are given a kind anyway (false kinds). The threshold kept in
assistant/data/zh.yaml is the one with no false kind at the best recall: a wrong kind filters the
shop down to the wrong products, a missed one falls back to the English reading and search.
`--english` measures the same over the English Flipkart catalog's carried types, on the labelled
words of bench/data/zh_words_english_types.yaml: whether a Chinese word can be read straight into
an English catalog's types by the embedder (it is not: see the README).
Usage: python bench/zh_kind_threshold.py [--english]
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


def english_types() -> list[str]:
    """The type phrases the Flipkart catalog carries, as the interpreter judges them."""
    from assistant.core import Assistant
    from bench.common import indexed_flipkart
    from tests.fakes import ScriptedBackend

    assistant = Assistant.load(indexed_flipkart(), backend=ScriptedBackend())
    catalog, understander = assistant.engine.catalog, assistant.engine.understander
    return sorted({" ".join(p) for p in catalog.category_phrases if understander.carried(list(p))})


def main() -> None:
    english = "--english" in sys.argv[1:]
    if english:
        # ShopKinds embeds its phrases as queries and compares by cosine: the same measure for
        # English phrases (it keeps only phrases with Chinese characters, so they are set here).
        kinds = ShopKinds([], embedder(MULTILINGUAL), 0.0, [])
        kinds.phrases = english_types()
        labels = REPO / "bench" / "data" / "zh_words_english_types.yaml"
    else:
        products, _ = load_catalog(REPO / "data" / "catalog_zh.csv", None)
        kinds = ShopKinds.of_categories([p.category for p in products], embedder(MULTILINGUAL), 0.0, [])
        labels = REPO / "tests" / "data" / "zh_shop_kinds.yaml"
    labelled = yaml.safe_load(labels.read_text(encoding="utf-8"))
    scored = []
    for item in labelled:
        wanted = item["kind"]
        wanted = set(wanted if isinstance(wanted, list) else [wanted]) if wanted else set()
        phrase, score = kinds.nearest(item["word"])
        right = phrase in wanted or (english and any(phrase.endswith(w) for w in wanted))
        scored.append((item["word"], wanted, phrase, score, right))
        print(
            f"{item['word']:<8} nearest {phrase:<12} {score:.3f}  {'ok' if right else 'WRONG' if wanted else 'none wanted'}"
        )
    named = sum(1 for _, wanted, _, _, _ in scored if wanted)
    print(f"\n{len(scored)} labelled words ({named} name a kind of the shop)")
    print(f"{'threshold':>9} {'right kind':>11} {'false kinds':>12}")
    for t in [x / 100 for x in range(80 if english else 86, 100)]:
        right = sum(1 for *_, s, ok in scored if s >= t and ok)
        false = sum(1 for *_, s, ok in scored if s >= t and not ok)
        print(f"{t:>9.2f} {right:>8} of {named} {false:>12}")


if __name__ == "__main__":
    main()
