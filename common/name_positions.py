"""Full names read from where they stand, with no cue word beside them, for `common.name_cues`:
a name that opens the message and is its clause's subject or heading ("Emma Visser woont op …",
"Valentina Ruiz, CURP …", "Ελένη Δημητρίου θα παραλάβει"), and a name that fills a part of its
own between commas, as an appositive or a list item does ("meri bhabhi ka order hai, Neha
Chaturvedi, unka number …", "lütfen, Mehmet Demir.").

A position says less than a cue ("deliver to", "my name is"), so the words must make a name as
they do after a weak cue (`_full_name` with `explicit=False`: each a name word, one a names
list's, one no everyday English word), written with capitals in a cased script, and after the
name comes no product's model code or quantity (`name_cues` checks that for every span).
"""

from __future__ import annotations

import re
from functools import cache

import regex

from common.name_reading import _longest_name, _run
from common.name_words import (
    _ODD_IN_NAME,
    _WORD,
    _cased,
    _everyday_english,
    _full_name,
    _kind,
    _name_lists,
    _names_data,
    _not_name_words,
    declined_name,
    has_strong_ending,
    holder_full_name,
)
from common.redact_words import word_list

# What closes a part of a message: a comma, semicolon or sentence end of any script.
_PART_END = r"[,，、،;；.。!！?？]"
_COMMA = r"[,，、،;；]"
# A name's part: after the text's start, a line break or a part's end, two to four words, then a
# part's end, a line break or the end of the text; a comma on one side at least. Between
# sentence ends alone stands a heading or a product's title as often ("Ines Silk Blouse.").
_PART = regex.compile(
    rf"(?:^|(?<=\n)|(?<={_PART_END}))[ \t]*(?P<name>\p{{L}}[^\n,，、،;；.。!！?？]*?)[ \t]*(?={_PART_END}|\n|$)"
)
_COMMA_BEFORE = regex.compile(rf"{_COMMA}[ \t]*$")
_COMMA_AFTER = regex.compile(rf"[ \t]*{_COMMA}")
# A part that ends in a house or unit number ("Office 5,", "Flat 4B,"): the parts after it are
# an address's.
_AFTER_NUMBERED_PART = regex.compile(rf"\d\w{{0,2}}[ \t]*{_COMMA}[ \t]*$")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("address_abbreviations"))


def _capitalised(words: list[str]) -> bool:
    """In a cased script every word of a name is written with a capital ("Neha Chaturvedi")."""
    return all(not _cased(w) or w[0].isupper() for w in words)


def _opening_name(text: str) -> tuple[int, int] | None:
    """A full name that opens the message (or one of its lines): a clause's subject or a heading,
    followed by a comma or, in a cased script, by a word in lower case (its verb: "Marco Bianchi
    nato il …", "Dewi Lestari minta …"). Not by a full stop: a product's title stands so."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"(?m)^[ \t]*(?=\S)", text):
        found = _name_before_verb(text, line.end(), comma_ends=True) or _opening_holder(text, line.end())
        if found:
            spans.append(found)
    return spans[0] if spans else None


def _opening_holder(text: str, pos: int) -> tuple[int, int] | None:
    """Two or three words opening a line and filling its first part up to a comma, a full name as
    a contact detail's holder's is (`holder_full_name`: a family name may be a frequent word of
    its language, "Андрій Шевчук, поверніть …", "Νίκος Γεωργίου, επιστροφή …")."""
    run = _run(text, pos)
    for n in (3, 2):
        words = run[:n]
        if len(words) == n and re.match(rf"[ \t]*{_COMMA}", text[words[-1].end() :]):
            names = [w.group() for w in words]
            if _cased(names[0]) and _capitalised(names) and holder_full_name(names):
                return (words[0].start(), words[-1].end())
    return None


def _clause_opening_names(text: str) -> list[tuple[int, int]]:
    """A full name opening a clause inside the message, after a sentence's end or a comma and a
    conjunction, before its verb in lower case ("…, et Antoine Lefèvre passera récupérer …",
    "… bitte. Jonas Weber holt es ab")."""
    conjunctions = "|".join(map(re.escape, _names_data()["clause_conjunctions"]))
    starts = regex.finditer(rf"(?:[.!?。]|[,;][ \t]+(?i:{conjunctions}))[ \t]+(?=\p{{Lu}})", text)
    spans = [found for m in starts if (found := _name_before_verb(text, m.end(), comma_ends=False))]
    # inside the message a position says less than at its opening: a given name first, and
    # every word a names list's ("Lavastoviglie Candy da 399 €", "A Blake-stitched sole" stay)
    return [(s, e) for s, e in spans if _listed_full_name([w.group() for w in _WORD.finditer(text, s, e)])]


def _listed_full_name(words: list[str]) -> bool:
    given = _name_lists()[0]
    return words[0].lower() in given and all(_kind(w) == "listed" for w in words)


def _name_before_verb(text: str, pos: int, comma_ends: bool) -> tuple[int, int] | None:
    """The full name at `pos` when a verb in lower case follows it (or a comma, `comma_ends`)."""
    run = _run(text, pos)
    if not run or not _cased(run[0].group()) or not run[0].group()[0].isupper():
        return None
    end = _longest_name(run, explicit=False)
    if not end or not _capitalised([w.group() for w in run[: run.index(end) + 1]]):
        return None
    after = text[end.end() :]
    verb = re.match(r"[ \t]+(\S+)", after)
    closes = comma_ends and re.match(rf"[ \t]*{_COMMA}", after)
    if closes or (verb and _cased(verb.group(1)) and verb.group(1)[0].islower()):
        return (run[0].start(), end.end())
    return None


def _part_names(text: str) -> list[tuple[int, int]]:
    """Full names that fill a part of the message between commas or sentence ends."""
    spans: list[tuple[int, int]] = []
    for m in _PART.finditer(text):
        name = m.group("name")
        words = [w.group() for w in _WORD.finditer(name)]
        if not 2 <= len(words) <= 4 or _ODD_IN_NAME.search(name) or not _cased(words[0]):
            continue
        if not _COMMA_BEFORE.search(text, 0, m.start()) and not _COMMA_AFTER.match(text, m.end()):
            continue
        if _AFTER_NUMBERED_PART.search(text, 0, m.start()):
            continue  # "Office 5, Kamala Mills, Lower Parel": the address's next part, a building's name
        if any(w.lower() in _abbreviations() for w in words):
            continue  # "Bağdat Cad. No: 214": a street's abbreviation, its dot no part's end
        if _capitalised(words) and _full_name(words, explicit=False):
            spans.append((m.start("name"), m.end("name")))
    return spans


def _capitalised_runs(text: str) -> list[list[regex.Match[str]]]:
    """The runs of words written with a capital in a cased script, one space apart, each with
    a word of its clause before it (inside a sentence, where a capital marks a proper noun)."""
    runs: list[list[regex.Match[str]]] = []
    previous: regex.Match[str] | None = None
    for word in _WORD.finditer(text):
        w = word.group()
        if not (_cased(w) and w[0].isupper() and len(w) > 1):
            previous = word
            continue
        if runs and previous is runs[-1][-1] and re.fullmatch(r"[ \t]", text[previous.end() : word.start()]):
            runs[-1].append(word)
        elif previous is not None and re.fullmatch(r"[ \t]+", text[previous.end() : word.start()]):
            runs.append([word])
        previous = word
    return runs


def _declined_names(text: str) -> list[tuple[int, int]]:
    """Names in the case their role in the sentence asks, inside a sentence: "для Анны
    Кузнецовой", "dzwonił do Piotra Zielińskiego", "doručte Janě Novákové", "позвонит Михаилу".
    A declined form of a names list's word (`declined_name`) with a capital inside a sentence
    is a name: the ending says a person is the recipient or the owner. Two or three such words
    and name words, one declined at least; a given name alone only by a strong ending."""
    spans: list[tuple[int, int]] = []
    for run in _capitalised_runs(text):
        words = [w.group() for w in run]
        if len(words) > 3 or any(w.lower() in _not_name_words() for w in words):
            continue
        # an everyday English word is no declined name ("Note" is no "Nota", "Game" no "Gama")
        declined = [
            "" if _everyday_english(w.lower()) else declined_name(w, strong_only=len(words) == 1) for w in words
        ]
        if not any(declined):
            continue
        if len(words) == 1:
            alone = declined[0] == "given" and (_kind(words[0]) != "" or _script_declines_alone(words[0]))
            if alone:
                spans.append((run[0].start(), run[0].end()))
            continue
        # a case ending no English or Romance word has ("-iego", "-ovi", "-ě") in one word at least:
        # "Nike Pegasus" is no "Nika"'s
        if not any(has_strong_ending(w) for w in words):
            continue
        if all(d or _kind(w) in ("listed", "uncommon") for w, d in zip(words, declined, strict=True)):
            spans.append((run[0].start(), run[-1].end()))
    return spans


def _script_declines_alone(word: str) -> bool:
    """Cyrillic: a declined given name is often a frequent word too ("Анны"); its capital inside
    a sentence and its ending say enough."""
    return "\u0400" <= word[0] <= "\u04ff"


def positioned_names(text: str) -> list[tuple[int, int]]:
    """Spans of the full names the message's layout says are a person's, and of the names its
    grammar says are."""
    opening = _opening_name(text)
    return ([opening] if opening else []) + _clause_opening_names(text) + _part_names(text) + _declined_names(text)
