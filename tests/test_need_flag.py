"""A need said through a situation, settled by the yes/no flag whose key the embedder finds
nearest it (assistant/need_flag.py): no word of the key is said, so the key match finds nothing.
The embedder here is the hashed bag of words with a few words read as the key's word, as a
sentence embedder reads "stay cold" near "Insulated"."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from assistant.answer_evidence import Verdict, key_values
from assistant.answers import answer_question
from common.schema import Product
from tests.fakes import HashEmbedder


class MeaningEmbedder(HashEmbedder):
    """A hashed bag of words in which each word of `meaning` counts as the word it maps to."""

    def __init__(self, meaning: dict[str, str]):
        super().__init__(dim=4096)  # few collisions: the keys compete by meaning only
        self.meaning = meaning

    def encode(self, sentences: list[str] | str, normalize_embeddings: bool = True, **kw: Any) -> np.ndarray:
        def read(text: str) -> str:
            return " ".join(self.meaning.get(w.lower(), w) for w in text.split())

        texts = read(sentences) if isinstance(sentences, str) else [read(s) for s in sentences]
        return super().encode(texts, normalize_embeddings, **kw)


WINE_BAG = Product(
    id="w1", title="kohl wine bag yellow", attributes={"Insulated": "No", "Washable": "Yes", "Material": "Jute"}
)
MEANING = {"stay": "insulated", "cold": "insulated"}


@pytest.mark.parametrize(
    ("product", "naming", "question", "verdict", "quoted"),
    [
        (
            WINE_BAG,
            "kohl wine bag yellow",
            "taking a bottle of white to a picnic, need it to stay cold for a couple hours - does the kohl"
            " yellow wine bag do that job",
            Verdict.NO,
            "Insulated: No",
        ),
    ],
)
def test_a_need_said_through_a_situation_is_settled_by_the_flag_nearest_it(product, naming, question, verdict, quoted):
    answer = answer_question(product, question, MeaningEmbedder(MEANING), key_values([product]), naming)
    assert answer.verdict == verdict and quoted in answer.text, answer.text
