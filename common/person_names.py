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
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import regex
import yaml

from common.address import _data, _labelled_line_start, _words

NAME_TAG = "[NAME]"
DATA = Path(__file__).parent / "data" / "person_names.yaml"

# A name word: capitalised ("Kapoor", "O'Brien", "García-López") or an initial ("R.", "K").
_NAME_WORD = r"(?:[A-Z][a-zà-öø-ÿ]+(?:['’-][A-Za-zà-öø-ÿ]+)*|[A-Z]\.?)"


@cache
def _titled_name() -> re.Pattern[str]:
    titles = _words("name_titles")
    lower = "|".join(re.escape(t.lower()) for t in _data()["name_titles"])
    # Ranks and name abbreviations that are a title only with their dot ("Lt. Col.", "Mohd.")
    dotted = _words("dotted_name_titles")
    # A title as written ("Mrs", "Mrs.") or in lower case with its dot ("mrs."), then one to
    # three name words; a lower-case name only after a lower-case dotted title ("mrs. kapoor").
    # Titles may stand two or three together ("Lt. Col. Rajesh Bhatnagar", "Smt. Dr. Kavita Rao").
    title = rf"(?:(?:{titles})\.?|(?:{dotted})\.)"
    return re.compile(
        rf"(?<![\w.])(?:{title}\s+){{0,2}}(?:{title}|(?:{lower})\.)\s+(?:{_NAME_WORD}\s+){{0,2}}{_NAME_WORD}(?![\w'’])"
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


@cache
def _names_data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


# Words of any alphabet, with their combining marks (Devanagari's vowel signs are marks, not
# letters: "राहुल" is one word) and an inner apostrophe or hyphen ("O'Brien", "García-López"); an
# initial with its dot ("S."). The `regex` module knows Unicode's letter and mark classes.
_WORD = regex.compile(r"\p{L}\.(?!\w)|\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*")
_CJK = re.compile(r"[\u3400-\u9fff]")
# What no name holds: a character that is no letter, mark, space, apostrophe, dot or hyphen, a
# digit, two spaces. Not `re`'s "\w", which leaves out Devanagari's vowel signs ("सुनीता").
_ODD_IN_NAME = regex.compile(r"[^\p{L}\p{M}\s'’.-]|\s{2,}")


@cache
def _name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, family names, Chinese and Japanese family names), lower case, from every
    locale of Faker's person providers and the Indian names they lack (person_names.yaml). A name of several words ("de Vries", "van Dijk") gives
    each word but its particles. (The US Census Bureau's 88,799 surnames were tried: they add
    "Bath", "Boots", "Slim", "Brand" and change catalog text after weak cues, while the Indian
    surnames they add are uncommon words, name words already.)"""
    import importlib
    import pkgutil

    import faker.providers.person as person

    given: set[str] = set()
    family: set[str] = set()
    cjk: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attrs, into in (
            (("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"), given),
            (("last_names", "last_names_male", "last_names_female"), family),
        ):
            for attr in attrs:
                names = getattr(provider, attr, None)
                if isinstance(names, dict | list | tuple | set | frozenset):
                    for name in names:
                        if _CJK.search(name):
                            if into is family and module.name.startswith(("zh", "ja")):
                                cjk.add(name)
                            continue
                        # the capitalised words of a name of several: not "de", "und"
                        words = name.split()
                        for word in words:
                            if _WORD.fullmatch(word) and (len(words) == 1 or word[0].isupper()):
                                into.add(word.lower())
    given.update(_names_data()["extra_given_names"])
    family.update(_names_data()["extra_family_names"])
    return frozenset(given), frozenset(family), frozenset(cjk)


def _script(word: str) -> str:
    """The script of the word's first letter, as Unicode names it ("LATIN", "DEVANAGARI")."""
    return unicodedata.name(word[0], "").split(" ", 1)[0]


@cache
def _uncommon(word: str) -> bool:
    """No language of the data uses the word often. Each language's frequencies load on first
    use (about a second each): a word English uses often is settled without the others."""
    from wordfreq import zipf_frequency

    limit = _names_data()["uncommon_zipf"]
    languages = _names_data()["frequency_languages"]
    return all(zipf_frequency(word, lang) < limit for lang in languages.get(_script(word), languages["LATIN"]))


@cache
def _frequent(word: str) -> bool:
    """A word its own language uses as often as the words a sentence is made of (`clause_name_zipf`
    or more in one of its script's languages): "है", "என்ன", "falsch"; not a name, however common
    the name ("கார்த்திக்" 4.7, "Krüger" 3.8)."""
    from wordfreq import zipf_frequency

    limit = _names_data()["clause_name_zipf"]
    languages = _names_data()["frequency_languages"]
    return any(zipf_frequency(word, lang) >= limit for lang in languages.get(_script(word), languages["LATIN"]))


@cache
def _everyday_english(word: str) -> bool:
    from wordfreq import zipf_frequency

    # English colour and brand words ("Golden Brown"); a word of another script is none
    return _script(word) == "LATIN" and zipf_frequency(word, "en") >= _names_data()["everyday_zipf"]


@cache
def _not_name_words() -> frozenset[str]:
    data = _data()
    # a contact word ends a name told before its number ("ผู้รับ สมศรี ใจดี โทร ...": "tel")
    words = [*_names_data()["not_name_words"], *_names_data()["name_particles"], *_names_data()["contact_words"]]
    for key in ("street_suffixes", "street_prefixes", "street_endings", "address_words", "unit_words", "floor_words"):
        words += data[key]
    return frozenset(w.lower().rstrip(".") for w in words)


@cache
def _colour_words() -> frozenset[str]:
    """The one-word colour names of the xkcd colour survey (949 names, as matplotlib ships them):
    the last word of "Olive Green", "Royal Blue", "Rose Gold"."""
    from matplotlib.colors import XKCD_COLORS

    return frozenset(name.removeprefix("xkcd:") for name in XKCD_COLORS if " " not in name)


def _kind(word: str) -> str:
    """ "initial", "listed" (a names list holds it), "uncommon" (no language uses it often) or
    "" (no name word)."""
    bare = word.rstrip(".").lower()
    if len(bare) == 1:
        return "initial" if bare.isalpha() and word[0].isupper() or word.endswith(".") else ""
    if bare in _not_name_words():
        return ""
    given, family, _ = _name_lists()
    if bare in given or bare in family:
        return "listed"
    parts = bare.split("-")
    if len(parts) > 1 and all(parts):
        # a double-barrelled name ("Evans-Hughes", "Dubois-Martin"): each part a name word
        kinds = [_kind(p) for p in parts]
        return "" if "" in kinds or "initial" in kinds else "listed" if "listed" in kinds else "uncommon"
    return "uncommon" if _uncommon(bare) else ""


def names_someone(word: str) -> bool:
    """A word a names list holds that is no everyday English word ("sharma", "kumar"; not
    "green", "park"): in a firm's domain ("accounts@sharma-traders.co.in") it names its owner."""
    return _kind(word) == "listed" and not _everyday_english(word.lower())


def _full_name(words: list[str], explicit: bool) -> bool:
    """Whether these words are one person's full name: two or more name words (particles
    aside), one initial at most and not first unless a listed name follows it. After a cue that
    is not explicit, a names list's word among them, and one that is no everyday English word
    ("it's Golden Brown" is a colour)."""
    data = _names_data()
    core = [w for w in words if w.lower() not in data["name_particles"]]
    if len(core) < data["min_name_words"] or words[0].lower() in data["name_particles"]:
        return False
    if core[-1].lower() in _colour_words():
        return False  # "Olive Green", "Rose Gold": a colour, whatever names lists hold its words
    kinds = [_kind(w) for w in core]
    if "" in kinds or kinds.count("initial") > 1 or "listed" not in kinds and not explicit:
        return False
    if kinds[0] == "initial" and len(core) < 3 and kinds[1] != "listed":
        return False
    if explicit:
        return True
    return any(
        k != "initial" and not _everyday_english(w.rstrip(".").lower()) for w, k in zip(core, kinds, strict=True)
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
        gap = re.match(r"[ \t]+", text[m.end() :])
        if not gap:
            break
        pos = m.end() + gap.end()
    return out


# What may end a name that fills its clause: a punctuation mark of any script, a bracket, a line
# break, a tag, or the end of the text.
_CLAUSE_AFTER_NAME = re.compile(r"[ \t]*(?:[,，、،;；.。!！?？:：)（(\[\n|/–—-]|$)")


def _cased(word: str) -> bool:
    return word[0].lower() != word[0].upper()


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
    for n in range(len(words), 1, -1):
        if words[n - 1].group().lower() not in particles and _full_name([w.group() for w in words[:n]], explicit):
            return words[n - 1]
    return None


@cache
def _couple() -> re.Pattern[str]:
    """A given name and a word joining it to a second person's full name ("Neha & ", "Rohan and ")."""
    return re.compile(rf"(?P<first>{_NAME_WORD}|[A-Z]{{2,}})[ \t]+(?:{_cue_pattern('couple_connectors')})[ \t]+")


def _given_name(word: str) -> bool:
    """A capitalised word that may be a given name: one a names list holds, or no language uses often."""
    return _kind(word) in ("listed", "uncommon")


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
    names = regex.compile(
        rf"(?P<n>\p{{Lu}}[\p{{L}}\p{{M}}]+)(?:[ \t]*(?:,|[ \t](?:{connector}))[ \t]+(?P<n>\p{{Lu}}[\p{{L}}\p{{M}}]+))*"
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


def _cue_pattern(key: str) -> str:
    return "|".join(re.escape(c) for c in sorted(_names_data()[key], key=len, reverse=True))


@cache
def _before_cue() -> re.Pattern[str]:
    # A relation may be placed before the name is given: "my cousin in lahore, Bilal Ahmed Butt".
    place = rf"(?:[ \t]+(?:{_cue_pattern('relation_place_words')})[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]*,)"
    return re.compile(
        rf"(?<![\w'’])(?:(?:{_cue_pattern('name_cues_before')})|(?:{_cue_pattern('relation_cues')}){place}?)"
        rf"(?:[ \t]*[:,–-])?[ \t]+",
        re.I,
    )


@cache
def _qualified_name_cue() -> re.Pattern[str]:
    """ "name" with what it is written on or as ("name on parcel:", "name as per pan:", "name on the
    invoice should be", "name is on the account:", "nom sur le compte :"): what follows is the name."""
    qualifiers = _cue_pattern("name_qualifiers")
    ends = _cue_pattern("name_qualifier_ends")
    return re.compile(
        rf"(?<![\w'’])(?:{_cue_pattern('qualified_name_words')})(?:[ \t]+(?:{_cue_pattern('qualified_name_verbs')}))?"
        rf"[ \t]+(?:{qualifiers})[ \t]+(?:(?:{_cue_pattern('qualified_name_articles')})[ \t]+)?"
        rf"[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]*(?:{ends})[ \t]*(?<=[\s:=-])",
        re.I,
    )


@cache
def _qualified_name_cue_bare() -> re.Pattern[str]:
    """ "name on card", "name as per passport": the qualified cue with no colon or verb after it."""
    return re.compile(
        rf"(?<![\w'’])(?:{_cue_pattern('qualified_name_words')})[ \t]+(?:{_cue_pattern('name_qualifiers')})[ \t]+"
        rf"(?:(?:{_cue_pattern('qualified_name_articles')})[ \t]+)?[^\W\d_]+[ \t]+",
        re.I,
    )


@cache
def _relation_cues() -> tuple[str, ...]:
    return tuple(c.lower() for c in _names_data()["relation_cues"])


@cache
def _thing_named() -> re.Pattern[str]:
    """A word before "name" that makes it a thing's name ("product name: Galaxy M14"), not a person's."""
    return re.compile(rf"\b(?:{_cue_pattern('thing_name_words')})[ \t]*$", re.I)


@cache
def _explicit() -> frozenset[str]:
    return frozenset(_names_data()["name_cues_explicit"])


@cache
def _sign_off() -> re.Pattern[str]:
    # a comma, a dash or a line break after it, or only a space: a chat box or the assistant's
    # reading joins the lines ("Regards John Williams")
    return re.compile(
        rf"(?<![\w’])(?<!\w')(?:{_cue_pattern('sign_offs')})(?:[ \t]*(?:[,!.-]+[ \t]*\n?|\n)[ \t]*|[ \t]+)", re.I
    )


@cache
def _after_cue() -> re.Pattern[str]:
    cues = "|".join(
        re.escape(c) for c in (*_names_data()["name_cues_after"], *_names_data()["name_cues_after_opening"])
    )
    return re.compile(rf"[ \t]*,?[ \t]+(?P<cue>{cues})(?![\w'’])", re.I)


@cache
def _self_introduction_end() -> re.Pattern[str]:
    return re.compile(rf"(?:^|[^\w'’])(?:{_cue_pattern('self_introduction_cues')})[ \t,]*$", re.I)


def _self_announced(text: str, last: list[regex.Match[str]], offset: int, cue: re.Match[str]) -> tuple[int, int] | None:
    """A given name alone where the speaker announces themself, the message's own phrase on both
    sides or at its opening: "this is Arjun here", "Arjun speaking, ...", "hier ist Jonas am
    Apparat". Alone a first name stays ("for my son Rahul"); said so, it is the writer's name. The
    word must be one a names list holds as a given name, written with a capital in a cased
    script, and no everyday English word ("it's Golden here")."""
    if not last or last[0].end() + offset != cue.start():
        return None
    word = last[0].group()
    if cue.group("cue").lower() not in _names_data()["single_name_cues_after"]:
        return None
    if (_cased(word) and not word[0].isupper()) or word.lower() not in _name_lists()[0]:
        return None
    if _kind(word) != "listed" or _everyday_english(word.lower()):
        return None
    lead = text[: last[0].start() + offset].rstrip()
    opening = not lead or lead[-1] in ",.!?;:\n" or re.search(r"(?i)\b(?:hi|hello|hey|namaste)$", lead)
    if opening or _self_introduction_end().search(lead + " "):
        return (last[0].start() + offset, cue.start())
    return None


@cache
def _chinese_full_name() -> re.Pattern[str]:
    data = _names_data()
    cues = "|".join(map(re.escape, sorted(data["chinese_name_cues"], key=len, reverse=True)))
    stops = "|".join(map(re.escape, sorted(data["chinese_name_stops"], key=len, reverse=True)))
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    given = rf"(?:(?!{stops})[\u3400-\u9fff])"
    return re.compile(
        rf"(?P<cue>(?:{cues})[：:，,\s]*)(?P<name>(?:{surnames}){given}{{1,2}})(?=[^\u3400-\u9fff]|$|{stops})"
    )


def full_names(text: str) -> str:
    """The text with each full name told as a person's (after or before a cue, after a
    sign-off) replaced by "[NAME]"."""
    spans: list[tuple[int, int]] = []
    for cue in _before_cue().finditer(text):
        said = re.sub(r"[\s:,-]+$", "", cue.group()).lower()
        if said in _names_data()["bare_name_cues"] and _thing_named().search(
            text[max(0, cue.start() - 30) : cue.start()]
        ):
            continue
        end = _name_end(text, cue.end(), said in _explicit())
        if not end and said in _explicit():
            end = _clause_name_end(text, cue.end())
        if not end and said.startswith(_relation_cues()):
            # "my sister Kavitha Raghunathan": a relation says a person follows; written with
            # capitals, names no list holds are read as after an explicit cue
            run = list(itertools.takewhile(lambda w: w.group()[0].isupper(), _run(text, cue.end())))
            found = _longest_name(run, True)
            end = found.end() if found else None
        if end:
            spans.append((cue.end(), end))
    for cue in _labelled_line_start().finditer(text):
        # the addressee heading an address's line ("ঠিকানা: অনিন্দিতা সেন, ৩২ …", "Address: Claire
        # Dubois, 12 rue …"): a full name that is a part of its own
        end = _name_end(text, cue.end(), explicit=False)
        if end and re.match(r"[ \t]*[,，،\n]", text[end:]):
            spans.append((cue.end(), end))
    for cue in _qualified_name_cue().finditer(text):
        end = _name_end(text, cue.end(), explicit=True)
        if end:
            spans.append((cue.end(), end))
    for cue in _qualified_name_cue_bare().finditer(text):
        # "name on card PRIYA NAIR": with no colon or verb, only a name that fills its clause
        end = _clause_name_end(text, cue.end())
        if end:
            spans.append((cue.end(), end))
    for cue in _sign_off().finditer(text):
        # after a space only, the sign-off opens its clause: "i love Ruskin Bond" is no signature
        spaced = not re.search(r"[,!.\n-]", cue.group())
        if spaced and not re.search(r"(?:^|[,.!?;:'\"“‘(\n–—-])[ \t]*$", text[: cue.start()]):
            continue
        end = _name_end(text, cue.end(), explicit=True) or _signed_given_names(text, cue.end())
        # A sign-off closes the message (or the quoted gift message): the name is the last thing on
        # its line, or in its quote.
        if end and (re.match(r"[ \t]*[.!]?[ \t]*['\"’”)]?[ \t]*(?:\n|$)", text[end:]) or _SIGNED_END.match(text, end)):
            spans.append((cue.end(), end))
    for cue in _after_cue().finditer(text):
        before = list(_WORD.finditer(text[max(0, cue.start() - 80) : cue.start()]))
        offset = max(0, cue.start() - 80)
        for n in (4, 3, 2):
            words = before[-n:]
            if len(words) < n or words[-1].end() + offset != cue.start():
                continue
            joined = text[words[0].start() + offset : cue.start()]
            if _ODD_IN_NAME.search(joined) or "\n" in joined or not _full_name([w.group() for w in words], False):
                continue
            # "here" and its like: the name opens its clause ("hello, Rohit Sharma here")
            lead = text[: words[0].start() + offset].rstrip()
            opening = not lead or lead[-1] in ",.!?;:\n" or re.search(r"(?i)\b(?:hi|hello|hey|namaste)$", lead)
            if opening or cue.group("cue").lower() not in _names_data()["name_cues_after_opening"]:
                spans.append((words[0].start() + offset, cue.start()))
                break
        else:
            single = _self_announced(text, before[-1:], offset, cue)
            if single:
                spans.append(single)
    spans = [(s, e) for s, e in spans if not _product_follows(text, e)]
    spans += _signature_lines(text)
    spans = [(_with_partner(text, s), e) for s, e in spans]
    for m in _chinese_full_name().finditer(text):
        spans.append((m.start("name"), m.end("name")))
    spans += _cjk_self_introductions(text)
    for start, end in sorted(merged_spans(spans), reverse=True):
        if not _person_named_brand().fullmatch(text[start:end]):
            text = text[:start] + NAME_TAG + text[end:]
    return text


@cache
def _product_after() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in _data()["not_after_unit_number"])
    return re.compile(
        # one or two lower-case words may name the kind between ("Milton Thermosteel flask, 1 litre")
        rf"(?:[ \t]+[a-z]+){{0,2}}[ \t]*,?[ \t]*(?:[^\W\d_]+\d[\w-]*|\d+(?:[.,]\d+)?[ \t]*(?:{units})(?![\w]))",
        re.I,
    )


def _product_follows(text: str, end: int) -> bool:
    """A model code or a quantity right after the words ("Philips Trimmer BT3221", "Milton
    Thermosteel, 1 litre"): they name a product, not a person."""
    return bool(_product_after().match(text, end))


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
        if _full_name([w.group() for w in words], explicit):
            spans.append((m.start("name"), m.start("name") + words[-1].end()))
    return spans


# A full stop after a word, not an initial's: no name runs across it ("Warszawa. Jan Kowalski").
SENTENCE_END = regex.compile(r"\p{L}[\p{L}\p{M}]+\.\s")
# The tags of contact and account details that name their holder.
_HOLDER_TAGS = r"\[(?:PHONE|EMAIL|UPI|IBAN|CARD|ID|ADDRESS|POSTCODE)\]"


@cache
def _contact_after() -> re.Pattern[str]:
    """Contact details right after a name: a comma or colon, the detail's own word perhaps
    ("Νίκος Παπαδόπουλος, τηλ. [PHONE]", "கார்த்திக் ராஜா, கைபேசி [PHONE]", "Claire Dubois, IBAN
    [IBAN]"), then its tag."""
    words = _cue_words_any_script("contact_words")
    return re.compile(
        rf"[ \t]*[,:;/–—-]?[ \t]*(?i:(?:{words})\.?[ \t]*(?:no\.?|number|#)?[ \t]*[:=-]?[ \t]*)?(?:\n[ \t]*)?{_HOLDER_TAGS}"
    )


def _cue_words_any_script(key: str) -> str:
    """The words of `key` as a pattern whose edges hold in any script: no letter or combining
    mark beside them (Tamil's "கைபேசி" ends in a vowel sign, no "\\w")."""
    words = "|".join(re.escape(w) for w in sorted(_names_data()[key], key=len, reverse=True))
    return rf"(?<![^\W_])(?<![\u0300-\u036f\u0900-\u0dff])(?:{words})(?![^\W_])(?![\u0900-\u0dff])"


@cache
def _holder_after_tag() -> re.Pattern[str]:
    """A name in brackets, or after a comma or dash ending the clause, right after an account's
    or contact's tag: the holder ("IBAN [IBAN] (Claire Dubois)", "[PHONE] - Ravi Kumar.")."""
    return re.compile(
        rf"{_HOLDER_TAGS}[ \t]*(?:[(\[][ \t]*(?P<bracketed>[^()\[\]\n]{{3,60}}?)[ \t]*[)\]]"
        # an initial's dot may stand inside ("A. Patel")
        rf"|[,–—-][ \t]*(?P<trailing>[^\W\d_](?:[^\n.!?;,()\[\]]|(?<=\b[A-Z])\.){{2,60}}?)[ \t]*(?=[.!?;\n]|$))"
    )


@cache
def _japanese_introduction() -> re.Pattern[str]:
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    after = "|".join(map(re.escape, _names_data()["japanese_name_after"]))
    return re.compile(
        rf"(?:^|(?<=[\s、。，,！!？?：:「」は]))(?P<name>(?:{surnames})[ \u3000]?(?:[\u3400-\u9fff]{{1,3}}|[\u3041-\u3093]{{2,4}}))[ \u3000]?(?:{after})"
    )


@cache
def _korean_introduction() -> re.Pattern[str]:
    data = _names_data()
    surnames = "".join(w for w in _name_lists()[1] if len(w) == 1 and "\uac00" <= w <= "\ud7a3")
    after = "|".join(map(re.escape, data["korean_name_after"]))
    before = "|".join(map(re.escape, sorted(data["korean_name_cues_before"], key=len, reverse=True)))
    not_given = "|".join(map(re.escape, sorted(data["korean_not_given"], key=len, reverse=True)))
    # after a cue, the particle that closes the name's phrase too ("이름은 최수아로 했어요": "as 최수아")
    particles = "|".join(map(re.escape, sorted(data["korean_cued_name_particles"], key=len, reverse=True)))
    name = rf"(?P<name>[{surnames}](?!{not_given})[\uac00-\ud7a3]{{2}})"
    opening = r"(?:^|(?<=[\s,.!?:]))"
    return re.compile(
        rf"{opening}{name}(?={after})|(?:{before})[ \t]*{name.replace('name', 'cued')}(?=[\s,.!?)]|$|{after}|{particles})"
    )


def _cjk_self_introductions(text: str) -> list[tuple[int, int]]:
    """Japanese and Korean names before the verb that introduces them ("佐藤 健太です",
    "김민준입니다"), or after a Korean cue ("저는 이서연이에요", "받는 사람: 박지훈")."""
    business = _names_data()["japanese_business_marks"]
    spans = [
        m.span("name")
        for m in _japanese_introduction().finditer(text)
        if not any(b in m.group("name") for b in business)
    ]
    for m in _korean_introduction().finditer(text):
        spans.append(m.span("name") if m.group("name") else m.span("cued"))
    return spans


def names_beside_contacts(text: str, cjk: bool = True) -> str:
    """The text (its phone numbers and e-mails already tagged) with a full name that stands
    right before one replaced by "[NAME]": "Bilal Ahmed Butt [PHONE]", "Rohit Patil, [PHONE]",
    "王小明 [PHONE]". Contact details name their holder; the words must still make a name as they do
    after a weak cue."""
    if "[" not in text:
        return text
    spans: list[tuple[int, int]] = []
    for tag in _contact_after().finditer(text):
        start = max(0, tag.start() - 80)
        words = list(_WORD.finditer(text, start, tag.start()))
        for n in (4, 3, 2):
            run = words[-n:]
            if len(run) < n or run[-1].end() != tag.start():
                continue
            joined = text[run[0].start() : tag.start()]
            if _ODD_IN_NAME.search(joined) or "\n" in joined or SENTENCE_END.search(joined):
                continue
            # written as a name is, capitalised ("likh lo: [PHONE]" is Hindi for "note it down")
            # ("Daan de Vries": a particle in lower case)
            particles = _names_data()["name_particles"]
            cased = (
                all(not w.group()[0].islower() or w.group() in particles for w in run[1:])
                and not run[0].group()[0].islower()
            )
            if cased and (_full_name([w.group() for w in run], False) or _caseless_contact_name(text, run)):
                spans.append((run[0].start(), run[-1].end()))
                break
        found = _cjk_name_before().search(text, start, tag.start()) if cjk else None
        if found:
            spans.append((found.start("name"), found.end("name")))
    for m in _holder_after_tag().finditer(text):
        group = "bracketed" if m.group("bracketed") else "trailing"
        words = list(_WORD.finditer(m.group(group)))
        joined = m.group(group).strip()
        if group == "bracketed" and _cjk_holder().fullmatch(joined):
            spans.append(m.span(group))
            continue
        if _signed_with_given_name(text, m, group, words):
            spans.append(m.span(group))
            continue
        if not 2 <= len(words) <= 4 or _ODD_IN_NAME.search(joined) or words[-1].end() != len(m.group(group).rstrip()):
            continue
        if all(not w.group()[0].islower() for w in words) and _full_name([w.group() for w in words], False):
            spans.append((m.start(group), m.start(group) + words[-1].end()))
    for start, end in sorted(merged_spans(spans), reverse=True):
        if not _person_named_brand().fullmatch(text[start:end]):
            text = text[:start] + NAME_TAG + text[end:]
    # a family name a cue's reading stopped short of ("[NAME] Butt [PHONE]": no list holds "Butt")
    return _name_tail().sub(NAME_TAG, text)


def _signed_with_given_name(text: str, m: re.Match[str], group: str, words: list[regex.Match[str]]) -> bool:
    """A given name alone after a dash that closes the message, right after the writer's own
    contact detail ("ph [PHONE] - Farhan"): the writer signs with it. A names list's given name,
    capitalised, no everyday English word."""
    if group != "trailing" or len(words) != 1 or text[m.end(group) :].strip(" \t.!") != "":
        return False
    if not re.match(r"[ \t]*[-–—]", text[m.end() - len(m.group()) + m.group().index("]") + 1 :]):
        return False
    word = words[0].group()
    return word[0].isupper() and word.lower() in _name_lists()[0] and not _everyday_english(word.lower())


@cache
def _name_tail() -> re.Pattern[str]:
    return re.compile(r"\[NAME\](?:[ \t]+[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*){1,2}(?=" + _contact_after().pattern + ")")


def _caseless_contact_name(text: str, run: list[re.Match[str]]) -> bool:
    """Words of a script without capital letters (Tamil, Bengali, Devanagari...) opening their
    clause right before contact details: a name when a names list holds one of them and none is
    a word no name holds. Neither case nor frequency tells a name there (the lists miss given
    names such as "கார்த்திக்", which Tamil text uses as often as everyday words)."""
    words = [w.group() for w in run]
    if any(w[0].lower() != w[0].upper() for w in words) or len(words) > 3:
        return False
    lead = text[: run[0].start()].rstrip()
    if lead and lead[-1] not in ",.!?;:\n।":
        return False
    kinds = [_kind(w) for w in words]
    listed = sum(k == "listed" for k in kinds)
    return listed >= 1 and not any(w.lower() in _not_name_words() for w in words)


@cache
def _cjk_name_before() -> re.Pattern[str]:
    """A Chinese or Japanese surname and a given name of one or two characters, alone in its
    clause, before contact details."""
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    # not a word that ends in a payment or number word ("银联卡6202…": UnionPay card, no 银 family)
    stops = "|".join(map(re.escape, sorted(_names_data()["chinese_name_stops"], key=len, reverse=True)))
    return re.compile(
        rf"(?:^|(?<=[\s，,。：:；;！!？?]))(?P<name>(?:{surnames})(?:(?!{stops})[\u3400-\u9fff]){{1,2}})[ \t]*[,，:：]?[ \t]*\Z"
    )


@cache
def _cjk_holder() -> re.Pattern[str]:
    """A Chinese or Japanese full name in brackets after contact details: a family name of the
    lists, perhaps a space, and a given name of one to three characters or kana ("（佐藤 美咲）")."""
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    return re.compile(rf"(?:{surnames})[ \u3000]?[\u3040-\u30ff\u3400-\u9fff]{{1,3}}")


def merged_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) spans joined, in order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


@cache
def _person_named_brand() -> re.Pattern[str]:
    brands = "|".join(re.escape(b) for b in sorted(_names_data()["person_named_brands"], key=len, reverse=True))
    return re.compile(rf"(?:{brands})", re.I)


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

    return _chinese_name().sub(NAME_TAG, _titled_name().sub(tag, text))


def titled_brands(brands: Iterable[str]) -> list[str]:
    """The brands among these that read as a name with a title ("Dr Batra's", "Mr. Pen"), each
    also without its dots: a shop's own brands that `titled_names` would take for a person."""
    out = []
    for brand in brands:
        if titled_names(brand) != brand:
            out += [brand, brand.replace(".", "")]
    return out
