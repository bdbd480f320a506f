"""Ages said in words ("turning one", "a one year old daughter", "he's sixty"), written as digits
where they stand as an age, so the audience's age pattern (`audience.AGE`) reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path

# An age said in words ("turning one", "a one year old daughter", "he's sixty"): sets M, P and S
# read no age and showed a one-year-old's shorts for girls or women. Written as digits where it
# stands as an age (before "years/months old", after "turning", "aged" or "he's/she's"), so AGE
# reads it; "is one of", "one of the" and amounts keep their words. Number words: amounts.json.
NUMBER_WORDS = json.loads((Path(__file__).resolve().parent / "data" / "amounts.json").read_text(encoding="utf-8"))[
    "units"
]
_NUM = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
SPELLED_AGE = re.compile(
    rf"\b(?:(?P<tens>{_NUM})[\s-]+)?(?P<unit>{_NUM})(?=\s*-?\s*(?:years?|yrs?|months?|weeks?)\s*-?\s*old\b)"
    rf"|(?<=\b(?:turn|aged))(?P<c1>(?:s|ing|ed)?\s+)(?:(?P<tens2>{_NUM})[\s-]+)?(?P<unit2>{_NUM})\b"
    rf"|(?:(?<=\bhe)|(?<=\bshe))(?P<c2>\s*'?\s*s\s+|\s+is\s+)(?:(?P<tens3>{_NUM})[\s-]+)?(?P<unit3>{_NUM})\b(?!\s+(?:of|more|thing|day)\b)",
    re.I,
)


def spelled_ages(text: str) -> str:
    """The text with ages said in words written as digits ("turning one" -> "turning 1")."""

    def digits(m: re.Match[str]) -> str:
        k = "" if m.group("unit") else ("2" if m.group("unit2") else "3")
        tens, unit = m.group("tens" + k), m.group("unit" + k)
        years = NUMBER_WORDS[unit.lower()] + (NUMBER_WORDS[tens.lower()] if tens else 0)
        if tens and not (NUMBER_WORDS[tens.lower()] % 10 == 0 and NUMBER_WORDS[unit.lower()] < 10):
            return m.group(0)  # "two three": no one number
        if k == "3" and years == 1 and not re.match(r"\s*(?:$|[,.!?;]|and\b|next\b|now\b|today\b)", text[m.end() :]):
            return m.group(0)  # "he's one tough kid": no age; "she's one next week" is one
        return (m.group("c1") or m.group("c2") or "") + str(years)

    return SPELLED_AGE.sub(digits, text)
