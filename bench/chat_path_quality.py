"""The chat path loses nothing: labelled queries through `Assistant.reply` (what `shopassist ask`
runs) against the bare search, in one run.

Prints constraint precision@5 of the shown cards next to the search figure, the unsatisfiable
queries (no card, a reply that says nothing matches), and every price in reply text that differs
from the record of a shown product (or a listed alternative). With --follow-ups each query is followed by the turns in
FOLLOW_UPS, and the grounding figures cover every reply: unsupported generated sentences removed
per 100 replies, and the share of replies that needed the deterministic text.
Usage: python bench/chat_path_quality.py [--queries FILE] [--limit N] [--follow-ups]
       [--backend transformers|openai ...]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.evaluation.retrieval import constraint_precision, load_queries  # noqa: E402
from assistant.grounding import PRICE  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import DEV_QUERIES, FLIPKART, indexed_flipkart  # noqa: E402

# Follow-ups that work after any first reply with cards.
FOLLOW_UPS = ["something cheaper", "compare 1 and 2", "tell me more about the second one"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    parser.add_argument("--backend", default="transformers")
    parser.add_argument("--openai-base-url", default=None)
    parser.add_argument("--limit", type=int, default=0, help="only the first N queries")
    parser.add_argument("--follow-ups", action="store_true", help="continue each conversation")
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    overrides = {"llm_backend": args.backend}
    if args.openai_base_url:
        overrides["openai_base_url"] = args.openai_base_url
    settings = indexed_flipkart(**overrides)
    assistant = Assistant.load(settings)
    queries = load_queries(args.queries)[: args.limit or None]
    search_cp, chat_cp, honest, wrong_prices, prices_seen, fallbacks, corrections = [], [], 0, [], 0, 0, 0
    replies, removed, follow_up_fallbacks = 0, 0, 0
    unsat = [q for q in queries if q.get("unsatisfiable")]
    for q in queries:
        _, result = assistant.engine.search(q["query"], k=5)
        session = Session()
        reply = assistant.reply(session, q["query"])
        shown = [c.id for c in reply.products]
        fallbacks += reply.used_fallback
        corrections += reply.grounding_corrections
        replies, removed = replies + 1, removed + reply.sentences_removed
        for follow_up in FOLLOW_UPS if args.follow_ups and shown else []:
            later = assistant.reply(session, follow_up)
            replies, removed = replies + 1, removed + later.sentences_removed
            follow_up_fallbacks += later.used_fallback
        if q.get("unsatisfiable"):
            honest += not shown and bool(reply.not_carried or "nothing in our catalog matches" in reply.text.lower())
        else:
            search_cp.append(constraint_precision([h.product.id for h in result.hits], q["relevant"]))
            chat_cp.append(constraint_precision(shown, q["relevant"]))
        # The closest alternatives (after "nothing matches") are records too, listed apart.
        cards = [*reply.products, *(a.card for a in reply.alternatives)]
        record_prices = {round(c.price, 2) for c in cards if c.price is not None}
        # The stated budget ("under 1000 INR") is the shopper's number, not a product's.
        record_prices |= {reply.constraints.get("price_max"), reply.constraints.get("price_min")} - {None}
        for m in PRICE.finditer(reply.text):
            prices_seen += 1
            value = round(float((m.group("a") or m.group("b")).replace(",", "")), 2)
            if value not in record_prices and not any(abs(value - (p or 0)) < 0.01 for p in record_prices):
                wrong_prices.append((q["qid"], m.group()))
    s_cp, c_cp = sum(search_cp) / len(search_cp), sum(chat_cp) / len(chat_cp)
    print(f"{len(queries)} queries, backend {settings.llm_backend}")
    print(f"constraint precision@5: search {s_cp:.3f}, chat cards {c_cp:.3f}, ratio {c_cp / s_cp:.3f} (target 1.000)")
    print(f"unsatisfiable: {honest} of {len(unsat)} with no card and a reply that says what is not carried")
    print(f"prices in reply text: {prices_seen}, differing from the record: {len(wrong_prices)} {wrong_prices}")
    print(f"grounding corrections made: {corrections}; deterministic fallbacks: {fallbacks}")
    print(
        f"{replies} replies: unsupported sentences removed {100 * removed / replies:.1f} per 100 replies; "
        f"deterministic text needed in {(fallbacks + follow_up_fallbacks) / replies:.0%} of replies"
    )


if __name__ == "__main__":
    main()
