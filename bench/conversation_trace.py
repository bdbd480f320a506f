"""Where a dialogue loses its request: per labelled dialogue, the request after every turn
(intent, product phrase, constraints, ranking text) and, beside the final one, the request the
same wish asked in one message gives, with the constraint precision@5 of both.

A dialogue whose final request differs from the one-shot one is marked `DIFF`: the turns lost,
added or corrupted a slot there. Reads the same labelled JSONL as `conversation_quality.py`.
Usage: python bench/conversation_trace.py --dialogues FILE [--only-diff] [--id ID ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.dialogue import Request  # noqa: E402
from assistant.evaluation.retrieval import constraint_precision  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import FLIPKART, indexed_flipkart  # noqa: E402

# Constraint fields that describe the request (the retrieval-only ones stay out of the comparison).
COMPARED = (
    "audience",
    "colours",
    "brands",
    "exclude_brands",
    "exclude_colours",
    "price_min",
    "price_max",
    "price_near",
    "cheap",
    "premium",
    "min_rating",
    "attributes",
)


def state(request: Request) -> dict:
    """The parts of a request a dialogue should end with, as the one-shot request has them."""
    c = request.constraints.model_dump()
    out = {"type": request.product_type}
    out.update({k: c[k] for k in COMPARED if c.get(k) not in (None, [], False)})
    return out


def show(state_: dict) -> str:
    return " ".join(f"{k}={v}" for k, v in state_.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dialogues", type=Path, required=True)
    parser.add_argument("--only-diff", action="store_true", help="print only dialogues that end unlike one shot")
    parser.add_argument("--id", nargs="*", default=[], help="only these dialogue ids")
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    from tests.fakes import ScriptedBackend

    assistant = Assistant.load(indexed_flipkart(), backend=ScriptedBackend())
    rows = [json.loads(line) for line in args.dialogues.read_text().splitlines() if line.strip()]
    differ = 0
    for d in rows:
        if args.id and d["id"] not in args.id:
            continue
        relevant = d.get("relevant") or {}
        one = Session()
        one_reply = assistant.reply(one, d["one_shot"])
        session, lines = Session(), []
        for text in d["turns"]:
            reply = assistant.reply(session, text)
            lines.append(
                f"  > {text}\n    [{reply.intent}] {show(state(session.request))} | text={session.request.text!r}"
            )
        final, wanted = state(session.request), state(one.request)
        same = final == wanted
        differ += not same
        if args.only_diff and same:
            continue
        cp_conv = constraint_precision([c.id for c in reply.products], relevant) if relevant else None
        cp_one = constraint_precision([c.id for c in one_reply.products], relevant) if relevant else None
        print(f"{d['id']} {d.get('kinds')} {'same' if same else 'DIFF'}  CP@5 conv {cp_conv} one-shot {cp_one}")
        print("\n".join(lines))
        print(f"  one shot: {d['one_shot']}\n    {show(wanted)} | text={one.request.text!r}")
        print(f"    cards conv {[c.id for c in reply.products]}\n    cards one  {[c.id for c in one_reply.products]}\n")
    print(f"{differ} of {len(rows)} dialogues end with a request unlike the one-shot one")


if __name__ == "__main__":
    main()
