"""What happened, in a support message ('arrived cracked' -> damaged), and the policy's words for
it: retrieved policy passages are re-ranked with those words so the clause that covers the case
leads the copilot's draft (`assistant/data/support_cases.yaml` holds the cases)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from common.text import terms


@dataclass(frozen=True)
class Case:
    name: str
    said: tuple[re.Pattern[str], ...]
    policy_words: frozenset[str]


@lru_cache(maxsize=1)
def cases() -> tuple[Case, ...]:
    raw = yaml.safe_load(resources.files("assistant").joinpath("data/support_cases.yaml").read_text())["cases"]
    return tuple(
        Case(name, tuple(re.compile(p, re.IGNORECASE) for p in c["said"]), frozenset(_stems(c["policy_words"])))
        for name, c in raw.items()
    )


def case_of(message: str) -> Case | None:
    """The first case whose words the message uses, or None."""
    return next((c for c in cases() if any(p.search(message) for p in c.said)), None)


def rank_for_case(passages: list[dict[str, str]], message: str) -> list[dict[str, str]]:
    """The passages, those sharing most of the case's policy words first (section heading and
    text); the retrieval order otherwise. Unchanged when the message names no case."""
    case = case_of(message)
    if case is None:
        return passages
    scored = [
        (len(case.policy_words & _stems(p.get("section", "") + " " + p.get("text", ""))), i)
        for i, p in enumerate(passages)
    ]
    return [passages[i] for _, i in sorted(scored, key=lambda s: (-s[0], s[1]))]


def _stems(text: str) -> set[str]:
    return {t[:5] for t in terms(text)}
