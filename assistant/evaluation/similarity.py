"""How close a reply is to a logged reply: ROUGE-L F1 (rouge-score) and embedding cosine."""

from __future__ import annotations

from common.models import Embedder, encode_query


class Similarity:
    def __init__(self, embed: Embedder):
        from rouge_score import rouge_scorer  # imports nltk: only when a run scores replies

        self.embed = embed
        self.scorer = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=True)

    def rouge_l(self, reference: str, text: str) -> float:
        return float(self.scorer.score(reference, text)["rougeL"].fmeasure)

    def cosine(self, reference: str, text: str) -> float:
        if not reference.strip() or not text.strip():
            return 0.0
        a, b = encode_query(self.embed, reference), encode_query(self.embed, text)
        return float(a @ b)
