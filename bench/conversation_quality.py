"""Conversation quality: the final turn of multi-turn dialogues against the same request asked in
one message, side by side in one run, on the Flipkart catalog.

Dialogues come from `bench/dialogues.py` (written from the labelled queries). For each follow-up
kind it prints constraint precision@5 of the cards shown at the final turn, the same for the
source query asked in one shot, and their ratio (target >= 0.95), plus the honest-empty rate at
the final turn of unsatisfiable dialogues (no card, and a reply that names what is missing).
Also prints one-shot nDCG@10 of the search, so a change in understanding that costs search
quality shows. The LLM does not change which cards are shown: `--backend scripted` (default)
answers with the deterministic text in a fraction of the time; `--backend transformers` runs the
bundled model.
`--dialogues FILE` replaces the generated dialogues with labelled ones (held-out sets written by
hand): one JSON object a line, `{"id", "turns": [text, ...], "one_shot": text, "kinds": [...],
"unsatisfiable", "relevant": {pid: grade}}`; the labels describe the request after the last turn,
and `one_shot` is the same request in one message, asked in the same run for the ratio.
`--show` prints every request and dialogue turn with what it was read as (the reply's constraints)
and, at the final turn, each card with its label grade (`-` where unlabelled), so a failure can be
read row by row.
Usage: python bench/conversation_quality.py [--queries FILE] [--dialogues FILE] [--backend scripted|transformers] [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.evaluation.retrieval import constraint_precision, load_queries, ndcg  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import DEV_QUERIES, FLIPKART, indexed_flipkart  # noqa: E402
from bench.dialogues import dialogues_for  # noqa: E402


def honest(reply) -> bool:
    return not reply.products and bool(reply.not_carried or reply.empty_reason)


def labelled_dialogue(d: dict) -> dict:
    """A hand-labelled dialogue in the shape the generated ones have; its first kind names its row."""
    kinds = d.get("kinds") or ["labelled"]
    return {
        "id": d["id"],
        "one_shot": d["one_shot"],
        "turns": [{"role": "user", "text": t} for t in d["turns"]],
        "labels": {"unsatisfiable": bool(d.get("unsatisfiable")), "relevant_products": d.get("relevant") or {}},
        "meta": {"follow_up_kind": kinds[0], "source_query": d["id"]},
    }


def show_reply(label: str, message: str, reply, relevant: dict | None) -> None:
    """One turn as read: the message, its constraints, and (with labels) each card's grade."""
    print(f"  {label} {message!r}")
    print(f"     read as {json.dumps(reply.constraints, ensure_ascii=False, sort_keys=True)}")
    if relevant is None:
        return
    for card in reply.products[:5]:
        print(f"     [{relevant.get(card.id, '-')}] {card.id} {card.title[:70]}")
    if not reply.products:
        print(f"     no card: {reply.text[:160]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=Path, default=DEV_QUERIES)
    parser.add_argument("--dialogues", type=Path, help="labelled dialogues (JSONL) instead of generated ones")
    parser.add_argument("--backend", default="scripted", help="scripted (deterministic text) or a settings backend")
    parser.add_argument("--show", action="store_true", help="print each request and turn as read, with graded cards")
    args = parser.parse_args()
    if not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    settings = indexed_flipkart()
    if args.backend == "scripted":
        from tests.fakes import ScriptedBackend

        assistant = Assistant.load(settings, backend=ScriptedBackend())
    else:
        assistant = Assistant.load(settings.model_copy(update={"llm_backend": args.backend}))
    queries = load_queries(args.queries)
    one_shot_cp: dict[str, float] = {}
    one_shot_honest: dict[str, bool] = {}
    ndcgs = []
    query_no_card = 0
    for q in queries:
        reply = assistant.reply(Session(), q["query"])
        if args.show:
            print(f"query {q['qid']} unsatisfiable={bool(q.get('unsatisfiable'))}")
            show_reply("one shot", q["query"], reply, q.get("relevant") or {})
        if q.get("unsatisfiable"):
            one_shot_honest[q["qid"]] = honest(reply)
        else:
            one_shot_cp[q["qid"]] = constraint_precision([c.id for c in reply.products], q["relevant"])
            query_no_card += not reply.products
            _, result = assistant.engine.search(q["query"], k=10)
            ndcgs.append(ndcg([h.product.id for h in result.hits], q["relevant"]))
    conv: dict[str, list[float]] = defaultdict(list)
    base: dict[str, list[float]] = defaultdict(list)
    unsat: dict[str, list[bool]] = defaultdict(list)
    query_cp, query_honest = dict(one_shot_cp), dict(one_shot_honest)
    if args.dialogues:
        # the base of each ratio is the dialogue's own request asked in one message
        dialogues = [
            labelled_dialogue(json.loads(line)) for line in args.dialogues.read_text().splitlines() if line.strip()
        ]
        for d in dialogues:
            reply = assistant.reply(Session(), d["one_shot"])
            if args.show:
                print(f"dialogue {d['id']} one shot")
                show_reply("one shot", d["one_shot"], reply, d["labels"]["relevant_products"])
            if not d["labels"]["unsatisfiable"]:
                one_shot_cp[d["id"]] = constraint_precision(
                    [c.id for c in reply.products], d["labels"]["relevant_products"]
                )
    else:
        dialogues = [d for q in queries for d in dialogues_for(q)]
    no_card = 0
    for d in dialogues:
        session = Session()
        if args.show:
            print(f"dialogue {d['id']} unsatisfiable={d['labels']['unsatisfiable']}")
        for n, turn in enumerate(d["turns"], 1):
            reply = assistant.reply(session, turn["text"])
            if args.show:
                final = n == len(d["turns"])
                show_reply(f"turn {n}", turn["text"], reply, d["labels"]["relevant_products"] if final else None)
        kind, qid = d["meta"]["follow_up_kind"], d["meta"]["source_query"]
        if d["labels"]["unsatisfiable"]:
            unsat[kind].append(honest(reply))
        else:
            no_card += not reply.products
            conv[kind].append(constraint_precision([c.id for c in reply.products], d["labels"]["relevant_products"]))
            base[kind].append(one_shot_cp[qid])

    def mean(values) -> float:
        return sum(values) / len(values) if values else 0.0

    print(f"{len(dialogues)} dialogues from {len(queries)} queries ({args.queries}); backend {args.backend}")
    print(f"{'follow-up kind':<22} {'n':>3} {'CP@5 conv':>10} {'CP@5 one-shot':>14} {'ratio':>6} {'unsat honest':>13}")
    for kind in sorted(set(conv) | set(unsat)):
        c, b = mean(conv[kind]), mean(base[kind])
        ratio = f"{c / b:6.3f}" if b else "     -"
        h = unsat[kind]
        print(f"{kind:<22} {len(conv[kind]):>3} {c:>10.3f} {b:>14.3f} {ratio} {sum(h):>8} of {len(h)}")
    all_c = [x for v in conv.values() for x in v]
    all_b = [x for v in base.values() for x in v]
    all_h = [x for v in unsat.values() for x in v]
    print(
        f"{'all':<22} {len(all_c):>3} {mean(all_c):>10.3f} {mean(all_b):>14.3f} {mean(all_c) / mean(all_b):6.3f} "
        f"{sum(all_h):>8} of {len(all_h)}"
    )
    print(f"satisfiable dialogues with no card at the final turn: {no_card} of {len(all_c)}")
    print(
        f"one-shot queries ({len(queries)}): search nDCG@10 {mean(ndcgs):.3f}, chat CP@5 {mean(list(query_cp.values())):.3f}, "
        f"satisfiable with no card {query_no_card} of {len(query_cp)}, "
        f"unsatisfiable answered honestly {sum(query_honest.values())} of {len(query_honest)}"
    )
    print("targets: conversation / one-shot CP@5 >= 0.95; every unsatisfiable dialogue answered honestly")


if __name__ == "__main__":
    main()
