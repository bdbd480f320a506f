"""Policy answers and copilot suggestions: cited passages exist, and the policy facts stated are in them.

A policy fact is a number with what it counts: a period ("30 days", "1-year", "3-5 business
days"), a percentage, or an amount of money. Such facts are what a customer acts on and what a
small model gets wrong, and they can be checked without a model: each one stated in the reply
must occur among the facts of the passages it cites. A citation exists when the policies
collection holds a passage with its source and section whose text starts with the quoted text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.evaluation.faithfulness import money_values
from common.untrusted import plain_text

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty-five": 45,
    "sixty": 60,
    "ninety": 90,
}
_NUMBER = r"(\d+(?:\.\d+)?|" + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + ")"
PERIOD = re.compile(
    rf"\b{_NUMBER}(?:\s*(?:-|–|to|or)\s*{_NUMBER})?[\s-]*(?:business |working |calendar )?(day|week|month|year|hour)s?\b",
    re.I,
)
PERCENT = re.compile(r"\b(\d+(?:\.\d+)?)\s?(?:%|percent\b)", re.I)


def _number(word: str) -> float:
    return float(NUMBER_WORDS.get(word.lower(), word) if not word[0].isdigit() else word)


def policy_facts(text: str) -> set[str]:
    """Normalised facts: "30 day", "3-5 day", "10 %", "$ 50"."""
    facts = set()
    for m in PERIOD.finditer(text):
        low, high, unit = m.group(1), m.group(2), m.group(3).lower()
        span = f"{_number(low):g}" + (f"-{_number(high):g}" if high else "")
        facts.add(f"{span} {unit}")
    facts |= {f"{float(m.group(1)):g} %" for m in PERCENT.finditer(text)}
    facts |= {f"$ {value:g}" for value, _ in money_values(text)}
    return facts


@dataclass
class PolicyResult:
    citations: int = 0
    citations_valid: int = 0
    claims: int = 0
    claims_supported: int = 0
    failures: list[str] = field(default_factory=list)


@dataclass
class PolicyIndex:
    """Every passage of the policies collection, by (source, section)."""

    passages: dict[tuple[str, str], list[str]]

    @classmethod
    def from_collection(cls, collection) -> PolicyIndex:  # a chromadb Collection
        passages: dict[tuple[str, str], list[str]] = {}
        if collection.count():
            got = collection.get(include=["documents", "metadatas"])
            for text, meta in zip(got["documents"], got["metadatas"], strict=True):
                passages.setdefault((meta["source"], meta["section"]), []).append(text)
        return cls(passages)

    def resolve(self, citation: dict[str, str]) -> str | None:
        """The full passage a citation quotes, or None when no such passage exists.

        Both sides are compared as plain text, since replies show citations as plain text; a
        quote cut short ends in "…" (`assistant.generation.clipped`)."""
        quoted = _plain(citation.get("text", "")).removesuffix("…")
        for text in self.passages.get((citation.get("source", ""), citation.get("section", "")), []):
            if _plain(text).startswith(quoted):
                return text
        return None

    def check(self, reply_text: str, citations: list[dict[str, str]]) -> PolicyResult:
        result = PolicyResult(citations=len(citations))
        cited: list[str] = []
        for citation in citations:
            passage = self.resolve(citation)
            if passage is None:
                result.failures.append(f"cites {citation.get('source')} / {citation.get('section')}: no such passage")
            else:
                result.citations_valid += 1
                cited.append(passage)
        known = set().union(*(policy_facts(p) for p in cited)) if cited else set()
        for fact in sorted(policy_facts(reply_text)):
            result.claims += 1
            if fact in known or _within(fact, known):
                result.claims_supported += 1
            else:
                result.failures.append(f"states '{fact}', which no cited passage says")
        return result


def _plain(text: str) -> str:
    return " ".join(plain_text(text, multiline=True).split())


def _within(fact: str, known: set[str]) -> bool:
    """'30 day' is supported by a passage saying '14-30 days' (an endpoint of a stated range)."""
    value, unit = fact.rsplit(" ", 1)
    for k in known:
        span, k_unit = k.rsplit(" ", 1)
        if k_unit == unit and "-" in span and value in span.split("-"):
            return True
    return False
