"""Turn latency per kind of turn, the default model against generation off, side by side.

Per kind (recommend, detail question, compare, policy) the same turns are answered by an
assistant with the default backend (transformers, bundled SmolLM2-135M-Instruct) and by one with
`--backend none`, interleaved turn by turn in one run on the demo catalog: ms from the request
to the first card, the first text and the final text (the done event), p50 / p95. A detail or
compare turn follows a search made beforehand (by the generation-off assistant, not timed).

It also measures what the model adds, to size its budget: per model turn, when each of its
kept sentences arrived (seconds after it started writing), and the share of those sentences
that had arrived by each mark. Usage: python bench/turn_kinds_latency.py [--repeat 1]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.core import Assistant  # noqa: E402
from assistant.reply import EventKind  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import BENCH_DIR, REPO, percentile  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

# (search made first, or None; the timed message)
TURNS = {
    "recommend": [(None, "waterproof jacket for hiking under $120"), (None, "wireless earbuds")],
    "detail question": [
        ("wireless earbuds", "is the second one waterproof?"),
        ("yoga mat", "what is the first one made of?"),
    ],
    "compare": [("wireless earbuds", "compare 1 and 2"), ("yoga mat", "compare the first two")],
    "policy": [(None, "How many days do I have to return an item?"), (None, "my order arrived damaged, what do I do?")],
}
MARKS_S = (1, 2, 4, 8, 12, 16, 20)


def timed(assistant: Assistant, session: Session, message: str) -> dict:
    """ms to first card, first text and final text; seconds after the model started of each
    model sentence."""
    start = time.perf_counter()
    out: dict = {"model_sentences_s": [], "model_started": False}
    writing_at = None
    for event in assistant.respond(session, message):
        ms = (time.perf_counter() - start) * 1000
        if event.type == EventKind.PRODUCTS:
            out.setdefault("first card", ms)
        elif event.type == EventKind.TEXT:
            out.setdefault("first text", ms)
            if writing_at is not None:
                out["model_sentences_s"].append(time.perf_counter() - writing_at)
        elif event.type == EventKind.WRITING:
            if event.data["more"]:
                writing_at, out["model_started"] = time.perf_counter(), True
            else:
                out["model_s"] = time.perf_counter() - writing_at if writing_at else 0.0
                writing_at = None
        elif event.type == EventKind.DONE:
            out["final text"] = ms
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=1, help="times each turn is asked")
    args = parser.parse_args()
    settings = Settings(data_dir=BENCH_DIR / "demo")
    ingest_catalog(settings, REPO / "data" / "catalog.csv", progress=False)
    ingest_policies(settings, [REPO / "data" / "policies"])
    model = Assistant.load(settings)
    off = Assistant.load(settings.model_copy(update={"llm_backend": "none"}), embed=model.engine.retriever.embed)
    model.reply(Session(), "warm up: mugs")  # loads the LLM, fills caches
    off.reply(Session(), "warm up: mugs")
    backends = {f"{settings.llm_backend}": model, "none": off}
    stages = ("first card", "first text", "final text")
    rows: dict[tuple[str, str, str], list[float]] = {}
    sentences_s: list[float] = []
    model_turns = added = 0
    for kind, turns in TURNS.items():
        for _ in range(args.repeat):
            for setup, message in turns:
                base = Session()
                if setup:
                    off.reply(base, setup)
                for name, assistant in backends.items():  # interleaved: the same turn, both ways
                    session = Session.model_validate_json(base.model_dump_json())
                    got = timed(assistant, session, message)
                    for stage in stages:
                        if stage in got:
                            rows.setdefault((kind, name, stage), []).append(got[stage])
                    if got["model_started"]:
                        model_turns += 1
                        added += bool(got["model_sentences_s"])
                        sentences_s += got["model_sentences_s"]
    names = list(backends)
    n = sum(len(t) for t in TURNS.values()) * args.repeat
    print(f"{n} turns per backend, interleaved; default backend {settings.llm_backend} ({settings.llm_model}), ")
    print(f"max_new_tokens {settings.max_new_tokens}, generation deadline {settings.generation_deadline_s:g} s")
    head = " ".join(f"{f'{b} p50':>12} {f'{b} p95':>12}" for b in names)
    print(f"{'kind':<16} {'stage (ms)':<11} {head}")
    for kind in TURNS:
        for stage in stages:
            cells = []
            for b in names:
                values = rows.get((kind, b, stage), [])
                cells += (
                    [f"{percentile(values, 50):>12.0f}", f"{percentile(values, 95):>12.0f}"] if values else ["-"] * 2
                )
            print(f"{kind:<16} {stage:<11} {' '.join(f'{c:>12}' for c in cells)}")
    print(f"\nmodel turns {model_turns}; the model added a sentence that passed every check in {added}")
    if sentences_s:
        shares = " ".join(f"{m}s:{sum(s <= m for s in sentences_s) / len(sentences_s):.0%}" for m in MARKS_S)
        print(f"{len(sentences_s)} model sentences kept; share arrived by (s after it started writing): {shares}")


if __name__ == "__main__":
    main()
