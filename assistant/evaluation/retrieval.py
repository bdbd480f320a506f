"""Retrieval metrics on labelled queries (format: shared/datasets/queries/README.md), shared by
`shopassist eval retrieval`, the benchmarks and the dialogue evaluator's ranking checks.

Metrics: nDCG@10 (gains 2/1), Recall@50 (grade >= 1), constraint precision@5 (share of the
returned top five with grade >= 1; an empty answer to a satisfiable query scores 0) over the
satisfiable queries, and unsatisfiable honesty (share answered with no item) over the rest.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path

from common.errors import ShopAssistError


def load_queries(path: Path) -> list[dict]:
    if not path.is_file():
        raise ShopAssistError(f"query file {path} does not exist")
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ShopAssistError(f"{path}, line {number}: invalid JSON ({exc.msg})") from exc
        if not isinstance(q, dict) or "qid" not in q or "query" not in q:
            raise ShopAssistError(f"{path}, line {number}: each line needs 'qid' and 'query'")
        queries.append(q)
    if not queries:
        raise ShopAssistError(f"query file {path} holds no queries")
    return queries


def ndcg(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    dcg = sum(grades.get(pid, 0) / math.log2(i + 2) for i, pid in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def recall(ranked: list[str], grades: dict[str, int], k: int = 50) -> float:
    relevant = {pid for pid, g in grades.items() if g >= 1}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def constraint_precision(ranked: list[str], grades: dict[str, int], k: int = 5) -> float:
    top = ranked[:k]
    return sum(1 for pid in top if grades.get(pid, 0) >= 1) / len(top) if top else 0.0


def score_run(queries: list[dict], runs: dict[str, list[str]]) -> dict[str, float] | None:
    """Aggregate metrics, or None when the queries carry no labels."""
    if not all("relevant" in q for q in queries):
        return None
    sat = [q for q in queries if not q.get("unsatisfiable")]
    unsat = [q for q in queries if q.get("unsatisfiable")]

    def mean(values: list[float]) -> float:
        return round(sum(values) / len(values), 4) if values else 0.0

    return {
        "queries": len(queries),
        "ndcg@10": mean([ndcg(runs[q["qid"]], q["relevant"]) for q in sat]),
        "recall@50": mean([recall(runs[q["qid"]], q["relevant"]) for q in sat]),
        "cp@5": mean([constraint_precision(runs[q["qid"]], q["relevant"]) for q in sat]),
        "unsat_honesty": mean([1.0 if not runs[q["qid"]] else 0.0 for q in unsat]),
        "unsat_queries": len(unsat),
    }


def run_queries(queries: list[dict], rank: Callable[[str], list[str]]) -> dict[str, list[str]]:
    return {q["qid"]: rank(q["query"]) for q in queries}


def write_run(path: Path, runs: dict[str, list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for qid, ranked in runs.items():
            f.write(json.dumps({"qid": qid, "ranked": ranked}) + "\n")
