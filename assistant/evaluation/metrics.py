"""The evaluation's metrics, each a ratio of two counts summed over dialogues.

Every turn row carries counts (`TurnRow.counts`: hallucinated products, cards checked, ...).
A metric is sum(numerator) / sum(denominator) over the dialogues in scope, times a scale. One
form for every metric keeps the aggregation, the bootstrap over dialogues, the slices and the A/B
comparison one piece of code each, and weights a dialogue by how much it says.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from common.errors import ShopAssistError


@dataclass(frozen=True)
class Metric:
    name: str
    numerator: str
    denominator: str
    scale: float
    higher_is_better: bool
    group: str
    description: str


def _m(name, numerator, denominator, scale, higher, group, description) -> Metric:
    return Metric(name, numerator, denominator, scale, higher, group, description)


METRICS: list[Metric] = [
    _m(
        "hallucinated_products_per_100",
        "hallucinated_products",
        "replies",
        100,
        False,
        "faithfulness",
        "products named in the text or carded that are no card shown this turn, per 100 replies",
    ),
    _m(
        "wrong_prices_per_100",
        "wrong_prices",
        "replies",
        100,
        False,
        "faithfulness",
        "price statements no record backs",
    ),
    _m(
        "wrong_attributes_per_100",
        "wrong_attributes",
        "replies",
        100,
        False,
        "faithfulness",
        "rating, stock and card fields that differ from the record",
    ),
    _m(
        "unsupported_sentences_per_100",
        "unsupported_sentences",
        "replies",
        100,
        False,
        "faithfulness",
        "sentences shown with a failed claim (the evaluator's own check)",
    ),
    _m(
        "sentences_removed_per_100",
        "sentences_removed",
        "replies",
        100,
        False,
        "faithfulness",
        "generated sentences the core's grounding removed (Reply.sentences_removed)",
    ),
    _m("faithful_reply_rate", "faithful_replies", "replies", 1, True, "faithfulness", "replies with no failed claim"),
    _m(
        "constraint_precision",
        "cards_satisfying",
        "cards_checked",
        1,
        True,
        "constraints",
        "shown cards that satisfy every constraint stated so far",
    ),
    _m(
        "honest_empty_rate",
        "honest_empty",
        "unsatisfiable_turns",
        1,
        True,
        "constraints",
        "requests nothing satisfies, answered with no card and a plain 'nothing matches'",
    ),
    _m(
        "refinement_ok_rate",
        "refinements_ok",
        "refinements",
        1,
        True,
        "refinement",
        "cheaper / pricier / compare / 'the second one' follow-ups with the right cards",
    ),
    _m("ndcg@10", "ndcg@10", "ranked", 1, True, "ranking", "final turn, labelled dialogues"),
    _m("cp@5", "cp@5", "ranked", 1, True, "ranking", "final turn: shown cards with grade >= 1"),
    _m("recall@50", "recall@50", "ranked", 1, True, "ranking", "final turn: shown cards, then the request's top 50"),
    _m("one_shot_ndcg@10", "one_shot_ndcg@10", "one_shot_ranked", 1, True, "ranking", "meta.query in one message"),
    _m("one_shot_cp@5", "one_shot_cp@5", "one_shot_ranked", 1, True, "ranking", "meta.query in one message"),
    _m("intent_accuracy", "intents_correct", "intents_labelled", 1, True, "language", "where labelled"),
    _m("rouge_l", "rouge_l", "references", 1, True, "language", "ROUGE-L F1 against the logged reply"),
    _m("embedding_cosine", "cosine", "references", 1, True, "language", "cosine to the logged reply"),
    _m(
        "citation_valid_rate",
        "citations_valid",
        "citations",
        1,
        True,
        "copilot",
        "cited policy passages that exist",
    ),
    _m(
        "policy_claim_support",
        "policy_claims_supported",
        "policy_claims",
        1,
        True,
        "copilot",
        "periods, percentages and amounts stated that a cited passage says",
    ),
    _m(
        "answer_correct_rate",
        "answers_correct",
        "answers_labelled",
        1,
        True,
        "answers",
        "question turns answered right against the labelled answer (yes / no / value / not stated)",
    ),
    _m(
        "false_comparatives_per_100",
        "false_comparatives",
        "replies",
        100,
        False,
        "answers",
        "sentences calling a shown product cheaper, dearer, higher-rated, lighter... against its record",
    ),
    _m(
        "repeated_sentences_per_100",
        "repeated_sentences",
        "replies",
        100,
        False,
        "answers",
        "sentences repeating (or nearly) an earlier sentence of the same reply",
    ),
    _m(
        "policy_citation_match_rate",
        "policy_quotes_matched",
        "policy_quotes",
        1,
        True,
        "answers",
        "quotes attributed to a policy section that are in a cited passage of that section",
    ),
    _m("fallback_rate", "fallbacks", "replies", 1, False, "operations", "replies that used the deterministic text"),
    _m("error_rate", "errors", "turns", 1, False, "operations", "turns that raised an error"),
    _m("mean_turn_ms", "total_ms", "replies", 1, False, "operations", "wall time per turn"),
]
BY_NAME = {m.name: m for m in METRICS}


def metric(name: str) -> Metric:
    if name not in BY_NAME:
        raise ShopAssistError(f"unknown metric {name!r}; known: {', '.join(BY_NAME)}")
    return BY_NAME[name]


@dataclass
class DialogueCounts:
    """Per dialogue, the sum of every count over its turns (rows in dialogue order)."""

    ids: list[str]
    sums: dict[str, np.ndarray]  # count name -> one value per dialogue

    @classmethod
    def of(cls, rows: Iterable[dict], keep=lambda row: True) -> DialogueCounts:
        per: dict[str, dict[str, float]] = {}
        for row in rows:
            counts = per.setdefault(row["dialogue_id"], defaultdict(float))
            if keep(row):
                for key, value in row["counts"].items():
                    counts[key] += value
        ids = list(per)
        keys = {k for c in per.values() for k in c}
        return cls(ids, {k: np.array([per[i].get(k, 0.0) for i in ids]) for k in keys})

    def arrays(self, m: Metric) -> tuple[np.ndarray, np.ndarray]:
        zeros = np.zeros(len(self.ids))
        return self.sums.get(m.numerator, zeros), self.sums.get(m.denominator, zeros)

    def value(self, m: Metric) -> float | None:
        num, den = self.arrays(m)
        return float(num.sum() / den.sum() * m.scale) if den.sum() > 0 else None

    def per_dialogue(self, m: Metric) -> np.ndarray:
        """The metric within each dialogue (NaN where the dialogue has no denominator)."""
        num, den = self.arrays(m)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(den > 0, num / np.where(den > 0, den, 1) * m.scale, np.nan)

    def subset(self, ids: list[str]) -> DialogueCounts:
        index = {d: i for i, d in enumerate(self.ids)}
        rows = [index[d] for d in ids]
        return DialogueCounts(ids, {k: v[rows] for k, v in self.sums.items()})
