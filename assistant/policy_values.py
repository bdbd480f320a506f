"""A question that asks for a value (a time: "when will I hear back?", "how many days do I have?")
is settled by a clause about its case that states such a value, and by no other.

A reader asked "when does my order leave?" skips "As soon as your order leaves the warehouse we
email a tracking link" (the case, no time) for "Orders placed later ... are dispatched the next
business day" (the case, a time); asked "how many days after delivery do I have to start a
return?" over a policy whose return clauses state no time, they say the policy does not say, and
do not quote "refunded ... in 5 to 7 business days", a time of another case. So among the
clauses about the case (as close to the question as the closest one less a margin), the best one
that states a value of the asked kind leads; when none does, the policies do not cover it. A
clause further off that states a time is not raised: the time it states is another case's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TypeVar

from assistant.policy_focus import asking_parts
from assistant.policy_parts import parts
from common.settings import read_yaml_config

DATA_FILE = Path(__file__).resolve().parent / "data" / "policy_values.yaml"
NUMBER = r"(?:\d+(?:[.,:]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)"
T = TypeVar("T")


@dataclass(frozen=True)
class ValueKind:
    name: str
    asked: re.Pattern[str]  # an asking part that opens with one of its interrogatives
    stated: re.Pattern[str]  # a value of the kind in a clause's text


@cache
def _kinds() -> tuple[tuple[ValueKind, ...], float]:
    data = read_yaml_config(DATA_FILE, what="policy values data file")
    kinds = []
    for name in ("time",):
        v = data[name]
        asked = "|".join(re.escape(a) for a in sorted(v["asked"], key=len, reverse=True))
        units = "|".join(re.escape(u) for u in v["units"])
        phrases = "|".join(re.escape(p) for p in v["phrases"])
        kinds.append(
            ValueKind(
                name,
                re.compile(rf"^\W*(?:\w+ly\s+)?(?:{asked})\b", re.I),
                # "3-5 business days", "2 pm", "within 30 days", "the same day"
                re.compile(rf"\b{NUMBER}(?:\s*[-–]\s*{NUMBER})?\s*(?:\w+\s+)?(?:{units})\b|\b(?:{phrases})\b", re.I),
            )
        )
    return tuple(kinds), float(data["near_margin"])


def near_margin() -> float:
    """How much less close than the closest clause a clause about the asked case may be."""
    return _kinds()[1]


def asked_kind(question: str) -> ValueKind | None:
    """The kind of value a question that asks one thing asks for; None for any other."""
    if parts(question):  # each part of a two-part question asks its own (policy_parts)
        return None
    asking = asking_parts(question)
    kinds, _ = _kinds()
    found = {k for a in asking for k in kinds if k.asked.search(a)}
    return found.pop() if len(found) == 1 and asking else None


def value_first(
    question: str,
    ranked: Sequence[T],
    near: Callable[[T], float],
    text: Callable[[T], str],
    told: Callable[[T], bool] = lambda _: False,
) -> list[T] | None:
    """`ranked` (best first) with the best clause about the case that states the asked value
    first; `ranked` as it is when the question asks for no value; None when it asks for one and
    no clause about the case states it (`near`: a clause's closeness to the question, `text`: its
    text, `told`: whether the shopper's situation speaks to it)."""
    kind = asked_kind(question)
    if kind is None or not ranked:
        return list(ranked)
    _, margin = _kinds()
    closest = max(near(r) for r in ranked)
    # A clause the shopper's situation speaks to is about the case whatever its closeness ("an
    # item I wore" -> the unused-condition list, which states the 30 days), where a clause nearer
    # in meaning states another case's time (the return label's 14 days).
    about = [r for r in ranked if near(r) >= closest - margin or told(r)]
    stating = [r for r in about if kind.stated.search(text(r))]
    if not stating:
        return None
    return [stating[0], *(r for r in ranked if r is not stating[0])]
