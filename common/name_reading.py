"""How far a name runs from where it starts, for `common.name_cues`: the longest full name from a
place, a name filling its clause, two people sharing a family name, given names after a
sign-off; and names standing where a signature or header stands.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from common.name_words import (
    _NAME_WORD,
    _ODD_IN_NAME,
    _WORD,
    _cased,
    _cue_pattern,
    _everyday_english,
    _frequent,
    _full_name,
    _given_name,
    _kind,
    _names_data,
    _not_name_words,
)


def _run(text: str, start: int) -> list[re.Match[str]]:
    """The words from `start`, one space apart, up to four (a name with a particle)."""
    out: list[re.Match[str]] = []
    pos = start
    while len(out) < 4:
        m = _WORD.match(text, pos)
        if not m:
            break
        out.append(m)
        # one space: two or more, or a tab, part a form's fields ("Name: ZHANG WEI   Passport: …")
        gap = re.match(r" (?![ \t])", text[m.end() :])
        if not gap:
            break
        pos = m.end() + gap.end()
    return out


THAI_LETTER = regex.compile(r"[\u0e00-\u0e7f]")

# What may end a name that fills its clause: a punctuation mark of any script, a bracket, a line
# break, a tag, or the end of the text.
_CLAUSE_AFTER_NAME = re.compile(r"[ \t]*(?:[,，、،;；.。!！?？:：)（(\[\n|/–—-]|$)")


def _clause_name_end(text: str, pos: int) -> int | None:
    """Where the name after an explicit label ends when it fills the rest of its clause: two to
    four words, then a punctuation mark, a line break or the end ("اسمي فاطمة الزهراء بن علي،",
    "என் பெயர் கார்த்திக் ராஜ், …", "Kontoinhaberin Sabine Krüger."). Names lists and rarity miss
    the names of most scripts, and a common name is a common word there; so each word need only
    be no word a sentence is made of (`_frequent`), and in a script with capitals be written
    with one, with one word a names list holds or no language uses often among them."""
    words = _run(text, pos)
    if not words or not _CLAUSE_AFTER_NAME.match(text, words[-1].end()):
        return None
    if len(words) > 2 and words[-1].group().lower() in _names_data()["name_copulas"]:
        words = words[:-1]  # "मेरा नाम अंजलि त्रिपाठी है,": the verb closes the clause, not the name
    particles = _names_data()["name_particles"]
    core = [w.group() for w in words if w.group().lower() not in particles]
    if (
        not 2 <= len(core) <= 4
        or words[0].group().lower() in particles
        or _ODD_IN_NAME.search(text[pos : words[-1].end()])
    ):
        return None
    if any(w.lower().rstrip(".") in _not_name_words() for w in core):
        return None
    kinds = [_kind(w) for w in core]
    # a word after a particle is part of a compound name, whatever its frequency ("عبد الله")
    after_particle = {words[i + 1].group() for i, w in enumerate(words[:-1]) if w.group().lower() in particles}
    if any(k == "" and w not in after_particle and _frequent(w.lower()) for w, k in zip(core, kinds, strict=True)):
        return None
    if any(_cased(w) for w in core):
        if not all(w[0].isupper() for w in core) or not {"listed", "uncommon"} & set(kinds):
            return None
    return words[-1].end()


def _longest_name(words: list[re.Match[str]], explicit: bool) -> re.Match[str] | None:
    """The last of these words that ends the longest full name from the first."""
    particles = _names_data()["name_particles"]
    if words and _cased(words[0].group()) and words[0].group()[0].isupper():
        # a name that opens with a capital ends before a word of its script in lower case, a
        # particle aside ("TRAN VAN MINH nhé": the particle "nhé" closes the sentence)
        cut = next(
            (i for i, w in enumerate(words) if w.group()[0].islower() and w.group().lower() not in particles),
            len(words),
        )
        words = words[:cut]
    if words and THAI_LETTER.match(words[0].group()):
        # a Thai name is a given name and a family name; wordfreq has no Thai to tell a third word
        # ("คำสั่งซื้อ", "order") from a name's
        words = words[:2]
    for n in range(len(words), 1, -1):
        if words[n - 1].group().lower() not in particles and _full_name([w.group() for w in words[:n]], explicit):
            return words[n - 1]
    return None


@cache
def _couple() -> re.Pattern[str]:
    """A given name and a word joining it to a second person's full name ("Neha & ", "Rohan and ")."""
    return re.compile(rf"(?P<first>{_NAME_WORD}|[A-Z]{{2,}})[ \t]+(?:{_cue_pattern('couple_connectors')})[ \t]+")


def _name_end(text: str, pos: int, explicit: bool) -> int | None:
    """Where the full name written at `pos` ends, or None. Two people may share the family name
    ("Neha & Arjun Sethi"): a listed given name, "&" or "and", then a full name."""
    end = _longest_name(_run(text, pos), explicit)
    if end:
        return end.end()
    couple = _couple().match(text, pos)
    if couple and _given_name(couple.group("first")):
        end = _longest_name(_run(text, couple.end()), explicit)
        return end.end() if end else None
    return None


# After a sign-off, the message's (or gift message's) end: a kiss ("x", "xx"), a full stop, then
# a closing quote or the end of the line.
_SIGNED_END = regex.compile(r"(?:[ \t]+x{1,3})?[ \t]*[.!]?[ \t]*(?:['\"’”»“」』)]|\n|$)")


def _signed_given_names(text: str, pos: int) -> int | None:
    """Where the given names alone after a sign-off end ("cheers, Liam", "Kram, Anna och Johan",
    "love from Ellie and Sam x"), or None: each capitalised and a names list's, one at least no
    everyday English word, joined by a couple's connector, and nothing after them but the end of
    the message, its line or its quote. A sign-off says who signs; a full name is read before."""
    connector = _cue_pattern("couple_connectors")
    # a child's name may follow "little" ("love, Anu, Vicky & little Kabir")
    modifier = rf"(?:(?:{_cue_pattern('signer_name_modifiers')})[ \t]+)?"
    names = regex.compile(
        rf"(?P<n>\p{{Lu}}[\p{{L}}\p{{M}}]+)(?:[ \t]*(?:,|[ \t](?:{connector}))[ \t]+{modifier}(?P<n>\p{{Lu}}[\p{{L}}\p{{M}}]+))*"
    )
    m = names.match(text, pos)
    if not m or not _SIGNED_END.match(text, m.end()):
        return None
    words = m.captures("n")
    listed = all(_kind(w) == "listed" for w in words)
    return m.end() if listed and not all(_everyday_english(w.lower()) for w in words) else None


def _with_partner(text: str, start: int) -> int:
    """The start of a name with the given name of someone sharing it before it ("Neha & [Arjun
    Sethi]"), or `start`."""
    m = re.search(
        rf"(?:^|(?<=[^\w'’]))(?P<first>{_NAME_WORD}|[A-Z]{{2,}})[ \t]+(?:{_cue_pattern('couple_connectors')})[ \t]+$",
        text[max(0, start - 40) : start],
    )
    if m and _given_name(m.group("first")):
        return max(0, start - 40) + m.start("first")
    return start


# A line that is only a name, perhaps after a dash ("- Anjali Rao", "— Jan de Vries"); or a
# name after a dash that ends the message ("... pls - Anjali Rao").
_NAME_LINE = re.compile(r"[ \t]*(?:[-~–—]+[ \t]*)?(?P<name>[^\W\d_][^\n]*?)[ \t]*[.!]?[ \t]*\Z")

_CONTACT_TAG = re.compile(r"\[(?:ADDRESS|POSTCODE|PHONE|EMAIL)\]|\d")

_DASH_END = regex.compile(r"(?:[ \t]+[-~–—]+|[.?!])[ \t]*(?P<name>[^\W\d_][^\n]*?)[ \t]*[.!]?[ \t]*\Z")


@cache
def _footer() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cue_pattern('signature_footers')})\b", re.I)


def _signature_lines(text: str) -> list[tuple[int, int]]:
    """Spans of a name standing where a signature or a header stands: the first or the last line
    of a message of several lines, alone on it ("Vikram Desai" under the message, "Aarav Khanna"
    above the address), or after a dash or a sentence closing the message ("... on the cake
    topper? Kabir Malhotra"). Nothing but the name is there, so
    no cue says a person is meant: the words must make a name as they do after a weak cue (a
    names list's word, one that is no everyday English word)."""
    spans: list[tuple[int, int]] = []
    lines = [m for m in re.finditer(r"(?m)^.*$", text) if m.group().strip()]
    while len(lines) > 2 and _footer().match(lines[-1].group().strip()):
        lines.pop()  # "Sent from my iPhone" under the name
    # the last line signs the message; the first heads it only above contact details (a
    # product's title heads a listing's text)
    chosen = [lines[-1]] if len(lines) >= 2 else []
    if len(lines) >= 2 and _CONTACT_TAG.search(lines[1].group()):
        chosen.append(lines[0])
    candidates = [m for line in chosen if (m := _NAME_LINE.match(text, line.start(), line.end()))]
    # every closing mark's tail, not only the first one's: the first may hold digits or a
    # question ("... 1986. Surely not?? Gareth Hughes")
    candidates += list(_DASH_END.finditer(text, overlapped=True))
    for m in candidates:
        words = list(_WORD.finditer(m.group("name")))
        joined = m.group("name")
        if not 2 <= len(words) <= 4 or _ODD_IN_NAME.search(joined):
            continue
        if words[-1].end() != len(joined.rstrip(". ")) and words[-1].end() != len(joined):
            continue
        # After a closing dash ("... kab aayegi? - Vikram Rathore") the dash says a signature
        # follows: capitalised words no language uses often make a name without a names list's.
        dashed = re.search(r"[-~–—][ \t]*$", text[: m.start("name")])
        explicit = bool(dashed) and all(w.group()[0].isupper() for w in words)
        if _mixed_case(words):
            continue  # "Baju kurung saiz M": a sentence opening in capitals, no name
        if _full_name([w.group() for w in words], explicit):
            spans.append((m.start("name"), m.start("name") + words[-1].end()))
    return spans


def _mixed_case(words: list[regex.Match[str]]) -> bool:
    """Words of a cased script where the first is capitalised and a later one is not (bar a
    particle, "Daan de Vries"): a sentence's capital, not a name's. A name typed in chat is
    capitalised throughout or in lower case throughout."""
    first = words[0].group()
    if not first[0].isupper():
        return False
    particles = _names_data()["name_particles"]
    return any(w.group()[0].islower() and w.group() not in particles for w in words[1:])
