"""How much of a shopper's question a policy clause is about, by their words: the question's
content words (no stop words), each weighed by how rare it is among the policies' clauses,
found in the clause or its section heading in any form ("delivered" finds "delivery", "cancelling"
finds "cancellation").

Embedding similarity alone reads the whole question's tone ("your mistake ... postage" is as
close to "Price errors" as to "Returns are free ... if we sent the wrong item"); the rare words the
shopper uses say which clause speaks to the case. Words no clause uses ("invoice", "two-step")
weigh in the question too, so a question about something the policies never mention reaches
only a small share of its words in any clause: that share, beside the similarity, is what says
"the policies don't cover this" (`assistant/policy_answer.py`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from common.text import STOPWORDS, singular, tokenize

# A word shorter than this is a form of a longer one only when equal: "use" is no form of "user".
MIN_PREFIX = 5


def stem(word: str) -> str:
    """ "returned", "returning", "returns" -> "return"; "changed" -> "chang" (so does "change")."""
    word = singular(word)
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


# A word of two capitals is an initialism ("AI providers", "a UK bank", "US dollars"): as much a
# content word as the words it stands for. A two-letter word in any other case is grammar ("us").
INITIALISM = re.compile(r"\b[A-Z]{2}\b")


def content_stems(text: str) -> set[str]:
    """The stems of a text's content words: letters, three or more, no stop word; and initialisms."""
    words = tokenize(text.lower().replace("’", "'").replace("'", ""))
    found = {_form(w) for w in words if len(w) > 2 and w.isalpha() and w not in STOPWORDS}
    return found | {w.lower() for w in INITIALISM.findall(text)}


def _form(word: str) -> str:
    """A word's stem, or for a short stem the word as written but singular: a four-letter stem
    joins other words too often ("opened" is no form of "open Orders", a step's verb)."""
    root = stem(word)
    return root if len(root) >= MIN_PREFIX else singular(word)


def same_word(a: str, b: str) -> bool:
    """Two stems are forms of one word when equal, or when the shorter (MIN_PREFIX letters or
    more) begins the longer: "deliver"/"delivery", "cancel"/"cancellation"."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= MIN_PREFIX and long_.startswith(short)


def found_in(word: str, stems: Iterable[str]) -> bool:
    return any(same_word(word, s) for s in stems)


class WordWeights:
    """Each word's weight among a set of clause texts: rarer words say more about which clause a
    question is about (inverse document frequency, smoothed so an unseen word weighs most)."""

    def __init__(self, texts: list[set[str]]):
        self.texts = texts
        self.count = len(texts)
        self._weights: dict[str, float] = {}

    def weight(self, word: str) -> float:
        if word not in self._weights:
            df = sum(found_in(word, t) for t in self.texts)
            self._weights[word] = math.log((self.count + 1) / (df + 0.5))
        return self._weights[word]


def share(question: set[str], clause: set[str], weights: WordWeights) -> float:
    """The weighed share of the question's content words that the clause (with its heading)
    uses, 0..1."""
    total = sum(weights.weight(w) for w in question)
    if total <= 0:
        return 0.0
    return sum(weights.weight(w) for w in question if found_in(w, clause)) / total


# The word weights of the policies warmed (`policy_answer.warm`), by their passages' ids: counted
# over every clause of a shop's policies, not only the few retrieved for one question, so a word's
# rarity is the policies' and not the retrieval's. A few sets at most (the bench warms two).
_WARMED: list[tuple[frozenset, WordWeights]] = []


def remember(ids: list, texts: list[set[str]]) -> None:
    """Keep the word weights of a warmed set of policies (their passages' ids, clauses' stems)."""
    known = frozenset(ids)
    _WARMED[:] = [w for w in _WARMED if not w[0] & known][-3:]
    _WARMED.append((known, WordWeights(texts)))


def weights_for(ids: list) -> WordWeights | None:
    """The word weights of the warmed policies these passages belong to; None if not warmed."""
    asked = set(ids) - {None}
    return next((weights for known, weights in reversed(_WARMED) if asked & known), None)
