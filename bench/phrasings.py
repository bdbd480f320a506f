"""Dev dialogues in phrasings the conversation bench does not generate (amounts in words and
lakh, implied audiences, asides, take-backs, typos, a Hindi word, other scripts), written by the
developer (`bench/data/dev_phrasings.jsonl`; dev, not blind). Each dialogue states the request
it should end in; this prints, per dialogue and overall, whether the final request holds each
expected part (state accuracy) and the share of the final cards that satisfy the expected hard
constraints (CP@5, by the catalog's own check), plus the messages that must get a question and
no cards.
Usage: python bench/phrasings.py [--dialogues FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.constraints import Constraints  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import FLIPKART, REPO, indexed_flipkart  # noqa: E402
from common.text import terms  # noqa: E402
from tests.fakes import ScriptedBackend  # noqa: E402

DIALOGUES = REPO / "bench" / "data" / "dev_phrasings.jsonl"
HARD = ("audience", "price_min", "price_max")


def state_checks(expect: dict, session: Session, reply) -> dict[str, bool]:
    c = session.request.constraints
    out: dict[str, bool] = {}
    if "categories" in expect:
        want = [set(terms(t)) for t in expect["categories"]]  # "mug" is met by "coffee mug"
        out["type"] = any(w <= set(terms(t)) for w in want for t in c.categories)
    if expect.get("no_type"):
        out["no type"] = not c.categories
    for key in (*HARD, "price_near", "premium"):
        if key in expect:
            out[key] = getattr(c, key, None) == expect[key]
    if "cards" in expect:
        out["cards"] = bool(reply.products) == expect["cards"]
    return out


def precision(expect: dict, reply, assistant: Assistant) -> float | None:
    wanted = Constraints(
        categories=expect.get("categories", []), **{k: expect[k] for k in HARD if expect.get(k) is not None}
    )
    if wanted.is_empty():
        return None
    if not reply.products:
        return 0.0
    catalog = assistant.engine.catalog
    check = getattr(catalog, "failures", None)
    ok = 0
    for card in reply.products[:5]:
        product = catalog.products[catalog.row_of[card.id]]
        ok += not (check(wanted, product) if check else wanted.failures(product))
    return ok / len(reply.products[:5])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dialogues", type=Path, default=DIALOGUES)
    parser.add_argument("--show", action="store_true", help="print every dialogue's result")
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    assistant = Assistant.load(indexed_flipkart(), backend=ScriptedBackend())
    rows = [json.loads(line) for line in args.dialogues.read_text(encoding="utf-8").splitlines() if line.strip()]
    checks, precisions, clarify = [], [], []
    for d in rows:
        session = Session()
        for text in d["turns"]:
            reply = assistant.reply(session, text)
        expect = d["expect"]
        if expect.get("clarify"):
            ok = not reply.products and str(reply.intent) == "clarify"
            clarify.append(ok)
            if args.show:
                print(f"{d['id']} {'ok ' if ok else 'BAD'} clarify: intent {reply.intent}, {len(reply.products)} cards")
            continue
        got = state_checks(expect, session, reply)
        checks += list(got.values())
        cp = precision(expect, reply, assistant)
        if cp is not None:
            precisions.append(cp)
        if args.show:
            bad = [k for k, v in got.items() if not v]
            chips = " · ".join(c.label for c in reply.request)
            cp_text = "-" if cp is None else f"{cp:.2f}"
            print(f"{d['id']} CP@5 {cp_text:>4s} {'ok ' if not bad else 'BAD ' + ','.join(bad)} | {chips}")
    print(f"{len(rows)} dev dialogues ({args.dialogues.name})")
    print(f"state parts right: {sum(checks)} of {len(checks)} ({sum(checks) / max(len(checks), 1):.3f})")
    print(f"final-turn CP@5 against the expected constraints: {sum(precisions) / max(len(precisions), 1):.3f}")
    print(f"unreadable messages answered with a question and no cards: {sum(clarify)} of {len(clarify)}")


if __name__ == "__main__":
    main()
