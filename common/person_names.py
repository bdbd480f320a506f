"""People's names in free text, for `common.redact`.

Two readings. A name with a title: "Mrs. Kapoor", "Dr R. K. Menon", "Sra. Gómez" and "王先生" are
a person by their title; brands that open with one ("Dr. Martens", "Mr. Coffee") stay
(common/data/redact.yaml: titled_brands).

A full name without a title, where the words around it say a person is meant: a
self-introduction ("this is priya raghunathan", "soy Marta López"), a greeting, a recipient or
the order's holder ("deliver to Arjun Mehta", "name on the order is ..."), a relation ("my son
Rohit Sharma"), a sign-off ("regards, Kavya S"), or after the name ("Rohit Sharma this side");
in Chinese a surname and given name after "我叫", "收件人"... A name is two words or more: a
given name and a family name or an initial. Each word is one Faker's names lists know (every
locale it ships, Indian, European and Chinese among them), or one no language uses often
(wordfreq's frequencies), and one at least a list knows; the words a chat is made of, street
and place words (redact.yaml's address words) end it. No library finds names in chat text
offline without a model: the lists and frequencies are the libraries' data, the cues ours
(common/data/person_names.yaml). Brands that read as a person ("Allen Solly", "Louis Philippe")
stay: well-known ones from the data, the shop's own from its catalog (`person_like_brands`).

The reading is split by job: `common.name_words` (what a name word is: the lists, frequencies
and the data), `common.name_reading` (how far a name runs from a place, and signature lines),
`common.name_cues` (the cues and `full_names`), `common.cjk_names` (Chinese, Japanese and
Korean names) and `common.names_by_contacts` (a name beside a contact or account detail);
this module reads titled names and the brands that read as a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from common.name_cues import full_names
from common.name_words import _NAME_WORD, _WORD, NAME_TAG, _name_lists
from common.redact_words import word_list, words_pattern


@cache
def _titled_name() -> re.Pattern[str]:
    titles = words_pattern("name_titles")
    lower = "|".join(re.escape(t.lower()) for t in word_list("name_titles"))
    # Ranks and name abbreviations that are a title only with their dot ("Lt. Col.", "Mohd.")
    dotted = words_pattern("dotted_name_titles")
    # A title as written ("Mrs", "Mrs.") or in lower case with its dot ("mrs."), then one to
    # three name words; a lower-case name only after a lower-case dotted title ("mrs. kapoor").
    # Titles may stand two or three together ("Lt. Col. Rajesh Bhatnagar", "Smt. Dr. Kavita Rao").
    title = rf"(?:(?:{titles})\.?|(?:{dotted})\.)"
    return re.compile(
        rf"(?<![\w.])(?:{title}\s+){{0,2}}(?:{title}|(?:{lower})\.)\s+(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}(?![\w'’])"
        rf"|(?<![\w.])(?:{lower})\.\s+[a-z]{{3,}}(?![\w'’])"
    )


@cache
def _undotted_titled() -> re.Pattern[str]:
    """A lower-case title with no dot, then up to two initials and one or two lower-case words:
    "mr d patel", "mrs gupta", "smt k. lakshmi devi" (`undotted_lower_titles`)."""
    titles = words_pattern("undotted_lower_titles")
    return re.compile(
        rf"(?<![\w.'’])(?:{titles})[ \t]+(?P<name>(?:[a-z]\.?[ \t]+){{0,2}}[a-z]{{3,}}(?:[ \t]+[a-z]{{3,}})?)(?![\w'’])"
    )


def _lower_name_words(words: list[str]) -> int:
    """How many of these lower-case words, initials aside, a name after a title runs over: each a
    names list's word ("gupta", "d patel", "smith"; "mrs gupta ji": 1)."""
    from common.name_words import _kind

    count = 0
    for word in words:
        if len(word.rstrip(".")) == 1:
            count += 1
            continue
        if _kind(word) != "listed":
            break
        count += 1
    return count if count and len(words[count - 1].rstrip(".")) > 1 else 0


@cache
def _brand() -> re.Pattern[str]:
    return re.compile(rf"(?:{words_pattern('titled_brands')})\b", re.I)


@cache
def _no_name() -> re.Pattern[str]:
    """A title before a job or a claim ("Sr. Manager", "Dr. Recommended"): no person."""
    return re.compile(rf"\S+\s+(?:{words_pattern('not_names_after_title')})\b", re.I)


@cache
def _chinese_name() -> re.Pattern[str]:
    """A listed surname right before a title ("王先生", "欧阳女士")."""
    compound = "|".join(map(re.escape, word_list("chinese_compound_surnames")))
    titles = "|".join(map(re.escape, word_list("chinese_name_titles")))
    return re.compile(rf"(?:{compound}|[{''.join(word_list('chinese_surnames'))}])(?:{titles})")


def person_like_brands(brands: Iterable[str]) -> list[str]:
    """The brands among these that `full_names` would take for a person, or for part of one,
    after a cue ("Allen Solly", "Milton"), and those that open with a title: the shop's own
    brands, kept as written wherever they stand (`redact.redact_keeping`)."""
    brands = list(brands)
    out = titled_brands(brands)
    given, family, _ = _name_lists()
    for brand in brands:
        words = [w.lower() for w in _WORD.findall(brand)]
        # "Allen Solly" reads as a name; "Milton" opens one ("its Milton Thermosteel flask")
        if brand not in out and (
            full_names(f"this is {brand}") != f"this is {brand}" or given & set(words) or family & set(words)
        ):
            out.append(brand)
    return out


def titled_names(text: str) -> str:
    """The text with each name that has a title replaced by "[NAME]"."""

    def tag(m: re.Match[str]) -> str:
        return m.group() if _brand().match(m.group()) or _no_name().match(m.group()) else NAME_TAG

    text = _chinese_name().sub(NAME_TAG, _titled_name().sub(tag, text))
    for m in reversed(list(_undotted_titled().finditer(text))):
        words = m.group("name").split()
        taken = _lower_name_words(words)
        if taken and not _brand().match(text, m.start()):
            end = m.start("name") + len(" ".join(words[:taken])) if "  " not in m.group("name") else m.end("name")
            text = text[: m.start("name")] + NAME_TAG + text[end:]
    return text


def titled_brands(brands: Iterable[str]) -> list[str]:
    """The brands among these that read as a name with a title ("Dr Batra's", "Mr. Pen"), each
    also without its dots: a shop's own brands that `titled_names` would take for a person."""
    out = []
    for brand in brands:
        if titled_names(brand) != brand:
            out += [brand, brand.replace(".", "")]
    return out
