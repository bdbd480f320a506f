"""The fixed patterns a shopper's message is read with: steering words, ratings, stock, exclusions.

Kept apart from `understand.py`, which applies them, so the patterns and the data files they are
built from can be read in one place.
"""

from __future__ import annotations

import json
import re

from assistant.steering import steering
from assistant.vocabulary import DATA

FUNCTION_WORDS = frozenset(
    w
    for line in (DATA / "function_words.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for w in line.split()
)
_RECORDED_RULES = json.loads((DATA / "recorded_attributes.json").read_text(encoding="utf-8"))
SOFT_WISH = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _RECORDED_RULES["soft_wishes"]) + r")\b", re.I)
# A soft wish that wishes rather than allows ("would be nice", not "is fine"): a material said with it ranks.
WISH = re.compile(
    r"\b(?:"
    + "|".join(re.escape(p) for p in _RECORDED_RULES["soft_wishes"] if p not in _RECORDED_RULES["allowances"])
    + r")\b",
    re.I,
)
NEGATIONS = frozenset(_RECORDED_RULES["negations"])
PREFIX_NEGATIONS = frozenset(_RECORDED_RULES["prefix_negations"])
MATERIAL_KINDS: dict[str, list[str]] = _RECORDED_RULES["material_kinds"]


def negated_at(words: list[str], start: int) -> bool:
    """Whether a negation before `start` in the clause scopes over the words there: any negation
    word, but a prefix one ("non" of "non stick") only over the word right after it ("non stick
    dosa tawa that works on induction": induction is asked for, AG q26)."""
    return any(w in NEGATIONS and (w not in PREFIX_NEGATIONS or i == start - 1) for i, w in enumerate(words[:start]))


_STEERING = steering()
PREMIUM_PHRASES = _STEERING["premium"]
# "more premium" is a move from what was shown (`dialogue.PRICIER`), not a steer.
PREMIUM = re.compile(
    r"(?<!more )(?<!less )\b(?:"
    + "|".join(re.escape(p) for p in sorted(PREMIUM_PHRASES, key=len, reverse=True))
    + r")\b",
    re.I,
)
NEGATED = re.compile(r"\b(?:not|nothing|no|never|isn't|isnt)(?:\s+(?:too|very|so|that|overly))?\s+$", re.I)
CHEAP = re.compile(r"\b(?:cheap|cheapest|budget|affordable|inexpensive|low[- ]cost)\b", re.I)
# "cheap is fine", "budget ones are ok too": a cheap one allowed, not asked for (`cheap_allowed`)
CHEAP_ALLOWED = re.compile(
    r"^(?:\s+(?:ones?|stuff|options?))?\s+(?:"
    + "|".join(re.escape(p) for p in sorted(_STEERING["cheap_allowed"], key=len, reverse=True))
    + r")\b",
    re.I,
)
RATING = re.compile(
    # A rating is one digit (and a decimal): "above 300" is a price, not "above 3".
    r"(?:\b(?:at least|min(?:imum)?|rated|rating(?: of)?(?: at least| above| over)?|over|above)\s*(\d(?:\.\d)?)(?![\d,])\s*(?:\+|stars?|/5)?"
    r"|\b(\d(?:\.\d)?)\s*(?:\+|\s*or more|\s*and (?:up|above))?\s*stars?\b(?:\s*(?:rating|rated))?(?:\s*(?:or|and)\s*(?:more|above|up|higher|better))?"
    r"|\b(\d(?:\.\d)?)\s*\+?\s*(?:star\s*)?rating(?:\s*(?:or|and)\s*(?:more|above|up|higher|better))?)",
    re.I,
)
# A rating said apart from the word that makes it one, in a message with a rating word.
RATING_AT_LEAST = re.compile(r"\b([1-5](?:\.\d)?)\s*(?:\+|or more|or above|or higher|and up|and above)(?![\d.])", re.I)
IN_STOCK = re.compile(r"\b(?:in stock|available now|ships? (?:today|now))\b", re.I)
EXCLUDE = re.compile(
    r"\b(?:not|no|except|without|but not|other than)\s+([a-z0-9&' ]+?)(?=$|[,.;!?]| and | or | please)", re.I
)
# Words after which the shopper's word names the variant they want ("robot type", "the thick kind").
VARIANT_WORDS = frozenset({"type", "kind", "variant"})
# ...unless the word only compares with another ("a different kind", "the usual type").
NOT_VARIANTS = frozenset(
    "different similar new usual normal regular right wrong certain particular better best".split()
)
