"""People's names in free text, for `common.redact`: only a name with a title.

"Mrs. Kapoor", "Dr R. K. Menon", "Sra. Gómez" and "王先生" are a person by their title. A name
on its own is not read: "Raymond", "Allen Solly" or "Tanishq" in a shopping message are brands
as often as people, and no library tells them apart without a model. Brands that open with a
title ("Dr. Martens", "Mr. Coffee") stay (common/data/redact.yaml: titled_brands).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from common.address import _data, _words

NAME_TAG = "[NAME]"

# A name word: capitalised ("Kapoor", "O'Brien", "García-López") or an initial ("R.", "K").
_NAME_WORD = r"(?:[A-Z][a-zà-öø-ÿ]+(?:['’-][A-Za-zà-öø-ÿ]+)*|[A-Z]\.?)"


@cache
def _titled_name() -> re.Pattern[str]:
    titles = _words("name_titles")
    lower = "|".join(re.escape(t.lower()) for t in _data()["name_titles"])
    # A title as written ("Mrs", "Mrs.") or in lower case with its dot ("mrs."), then one to
    # three name words; a lower-case name only after a lower-case dotted title ("mrs. kapoor").
    return re.compile(
        rf"(?<![\w.])(?:(?:{titles})\.?|(?:{lower})\.)\s+(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}(?![\w'’])"
        rf"|(?<![\w.])(?:{lower})\.\s+[a-z]{{3,}}(?![\w'’])"
    )


@cache
def _brand() -> re.Pattern[str]:
    return re.compile(rf"(?:{_words('titled_brands')})\b", re.I)


@cache
def _no_name() -> re.Pattern[str]:
    """A title before a job or a claim ("Sr. Manager", "Dr. Recommended"): no person."""
    return re.compile(rf"\S+\s+(?:{_words('not_names_after_title')})\b", re.I)


@cache
def _chinese_name() -> re.Pattern[str]:
    data = _data()
    not_surname = "".join(data["chinese_not_surnames"])
    titles = "|".join(map(re.escape, data["chinese_name_titles"]))
    return re.compile(rf"(?<![{not_surname}])[\u4e00-\u9fff](?<![{not_surname}])(?:{titles})")


def titled_names(text: str) -> str:
    """The text with each name that has a title replaced by "[NAME]"."""

    def tag(m: re.Match[str]) -> str:
        return m.group() if _brand().match(m.group()) or _no_name().match(m.group()) else NAME_TAG

    return _chinese_name().sub(NAME_TAG, _titled_name().sub(tag, text))


def titled_brands(brands: Iterable[str]) -> list[str]:
    """The brands among these that read as a name with a title ("Dr Batra's", "Mr. Pen"), each
    also without its dots: a shop's own brands that `titled_names` would take for a person."""
    out = []
    for brand in brands:
        if titled_names(brand) != brand:
            out += [brand, brand.replace(".", "")]
    return out
