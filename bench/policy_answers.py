"""Policy answers on labelled shopper cases: is the clause that applies quoted, from its section?

Each question of `bench/data/policy_questions.jsonl` (written for this project, in a shopper's
words, over the demo policies and over the tau-retail agent policy) names the sections whose
clause answers it and a gist, a few words that clause states ("unused", "$5.95"), or says the
policies do not cover it. The questions go the shopper's way: the policy files are ingested into
a Chroma collection with the bundled embedder, the top passages retrieved, and
`policy_answer.answer` quotes from them (as `Assistant` does, with its follow-up search).

Prints, per policy set and in all: answered right (covered: first quote from an expected section
and the gist quoted; not covered: said so), first quote's section right, gist quoted, and
"don't cover" answers whose first sentence re-uses the shopper's own words (target 0).
Usage: python bench/policy_answers.py [--questions FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import policy_answer  # noqa: E402
from assistant.policy_search import PolicySearch  # noqa: E402
from bench.common import REPO, SHARED, summary_ms  # noqa: E402
from common.models import embedder  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.text import STOPWORDS, tokenize  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

QUESTIONS = REPO / "bench" / "data" / "policy_questions.jsonl"
POLICY_SETS = {"demo": REPO / "data" / "policies", "tau": SHARED / "tau_retail" / "policy_wiki.md"}


def echoes_shopper(text: str, question: str) -> bool:
    """A "not covered" sentence made of the shopper's own words ("don't cover fit back ...")."""
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    asked = {w for w in tokenize(question) if w not in STOPWORDS and len(w) > 3}
    return bool(asked & set(tokenize(first)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--show", action="store_true", help="print every question and answer")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    embed = embedder()
    totals: dict[str, list[int]] = {}
    took: list[float] = []  # policy_answer.answer, its follow-up search included (not the first)
    with tempfile.TemporaryDirectory(prefix="policy-bench-") as tmp:
        for name, path in POLICY_SETS.items():
            if not path.exists():
                sys.exit(f"{path} not found: this benchmark needs ../shared/datasets (SHOPASSIST_SHARED_DATASETS)")
            settings = Settings(data_dir=Path(tmp) / name)
            ingest_policies(settings, [path], embed)
            search = PolicySearch.open(settings, embed)
            started = time.perf_counter()
            ready = policy_answer.warm(search.passages(), embed)  # as Assistant.load does
            print(f"{name}: {ready} policy clauses encoded in {time.perf_counter() - started:.2f} s at load")
            for row in (r for r in rows if r["policies"] == name):
                passages = search.search(row["question"], k=4)
                started = time.perf_counter()
                found = policy_answer.answer(
                    passages, row["question"], lambda t, s=search: s.search(t, k=2), embed, search.section
                )
                took.append((time.perf_counter() - started) * 1000)
                heading = found.quoted[0].section.split(" > ")[-1] if found.quoted else ""
                section_ok = heading in row["sections"] if row["covered"] else not found.covered
                gist_ok = any(g.lower() in found.text.lower() for g in row["gist"]) if row["covered"] else True
                right = (found.covered and section_ok and gist_ok) if row["covered"] else not found.covered
                echo = not found.covered and echoes_shopper(found.text, row["question"])
                for key in (name, "all"):
                    t = totals.setdefault(key, [0, 0, 0, 0, 0])
                    t[0] += 1
                    t[1] += right
                    t[2] += section_ok
                    t[3] += gist_ok
                    t[4] += echo
                if args.show:
                    mark = "ok " if right else "BAD"
                    print(f"{mark} {row['id']} {row['question']}\n    [{heading}] {found.text}\n")
    print(f"{args.questions.name}: policy answers by policy set")
    print(f"{'set':<6}{'questions':>10}{'right':>8}{'section':>9}{'gist':>7}{'echoes':>8}")
    for key, (n, right, section, gist, echo) in totals.items():
        print(f"{key:<6}{n:>10}{right / n:>8.0%}{section / n:>9.0%}{gist / n:>7.0%}{echo:>8}")
    print(f"answer time after retrieval (follow-up searches included): {summary_ms(took)}")


if __name__ == "__main__":
    main()
