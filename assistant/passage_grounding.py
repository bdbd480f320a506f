"""Grounding of policy answers: a model sentence is kept only when its words and numbers come from
the policy passages quoted to the model (no products are in play)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from assistant.sentence_text import (
    RANGE,
    GroundingReport,
    near_repeat,
    numbers_in,
    only_quotes,
    quantities_in,
    ranges_in,
    stream_sentences,
)
from common.text import STOPWORDS, tokenize

log = logging.getLogger(__name__)


@dataclass
class PassageGrounder:
    """Keeps a policy answer's sentence only when the quoted passages support it: its numbers
    appear in them and most of its content words do ("30 days", "free returns")."""

    passages: list[str]
    min_overlap: float = 0.5
    already: list[str] = field(default_factory=list)  # text the shopper has read this turn (the quote)
    report: GroundingReport = field(default_factory=GroundingReport)

    def __post_init__(self) -> None:
        text = " ".join(self.passages)
        self._words = set(tokenize(text))
        self._numbers = numbers_in(text)
        self._ranges = ranges_in(text)
        self._quantities = quantities_in(text)
        self._said: set[str] = {" ".join(tokenize(x)) for t in self.already for x in re.split(r"(?<=[.:;])\s+", t)}

    def sentence(self, text: str) -> str | None:
        key = " ".join(tokenize(text))
        if key in self._said or any(near_repeat(key, said) for said in self._said):
            return self._remove(text, "repeats a sentence of this answer")
        self._said.add(key)
        if only_quotes(text):
            return self._remove(text, "only quotes the passages, in no words of its own")
        missing = numbers_in(text) - self._numbers
        if missing:
            return self._remove(text, f"states {min(missing):g}, which the policy passages do not")
        ranges = ranges_in(text)
        if ranges - self._ranges:
            return self._remove(text, "states a range the policy passages do not")
        # A quantity must be one the passages state, or an end of a range they state ("up to 5 days").
        stated = self._quantities | {(end, unit) for r in self._ranges for end in r for _, unit in self._quantities}
        if any(q not in stated for q in quantities_in(RANGE.sub(" ", text))):
            return self._remove(text, "states an amount the policy passages do not")
        words = [w for w in tokenize(text) if w not in STOPWORDS and len(w) >= 3]
        if words and sum(w in self._words for w in words) / len(words) < self.min_overlap:
            return self._remove(text, "is not supported by the policy passages")
        return text

    def _remove(self, text: str, why: str) -> None:
        self.report.removed_sentences += 1
        self.report.removed.append(text)
        log.info("grounding: removed policy sentence (%s)", why)
        return None

    def stream(self, deltas: Iterable[str]) -> Iterator[str]:
        for sentence in stream_sentences(deltas):
            kept = self.sentence(sentence)
            if kept:
                yield kept + " "
