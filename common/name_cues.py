"""Full names told as a person's by the words around them (`full_names`): after a cue ("deliver
to", "my son", "name on parcel:"), before one ("Rohit Sharma this side"), after a sign-off,
on a signature line, after an address label, and Chinese, Japanese and Korean names after theirs.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

import regex

from common.address_words import _labelled_line_start
from common.cjk_names import _chinese_full_name, _cjk_self_introductions, chinese_addressees, chinese_word_not_name
from common.name_positions import positioned_names
from common.name_reading import (
    _SIGNED_END,
    _clause_name_end,
    _longest_name,
    _name_end,
    _run,
    _signature_lines,
    _signed_given_names,
    _with_partner,
)
from common.name_words import (
    _ODD_IN_NAME,
    _WORD,
    NAME_TAG,
    _cased,
    _cue_pattern,
    _everyday_english,
    _frequent,
    _full_name,
    _kind,
    _name_lists,
    _names_data,
    _not_name_words,
    _person_named_brand,
    _script,
    merged_spans,
)
from common.redact_words import word_list
from common.text import AUDIENCE_WORDS


@cache
def _before_cue() -> re.Pattern[str]:
    # A relation may be placed before the name is given: "my cousin in lahore, Bilal Ahmed Butt".
    place = rf"(?:[ \t]+(?:{_cue_pattern('relation_place_words')})[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]*,)"
    return re.compile(
        # an apostrophe opening a quote is no contraction's ("'Grattis Erik Lindqvist!'")
        rf"(?<![\w’])(?<!\w')(?:(?:{_cue_pattern('name_cues_before')})|(?:{_cue_pattern('single_name_cues_before')})"
        rf"|(?:{_cue_pattern('greeting_name_cues')})"
        rf"|(?:{_cue_pattern('relation_cues')}){place}?)"
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
def _single_name_cues() -> frozenset[str]:
    return frozenset(c.lower() for c in _names_data()["single_name_cues_before"])


@cache
def _greetings() -> frozenset[str]:
    return frozenset(c.lower() for c in _names_data()["greeting_name_cues"])


def _given_name_alone(text: str, pos: int) -> int | None:
    """Where a given name alone at `pos` ends, after a cue that names the person to ask for: a
    names list's given name with a capital, no everyday English word, then no capitalised word
    (a full name is read as such) and no model code."""
    m = _WORD.match(text, pos)
    if not m or not m.group()[0].isupper() or len(m.group()) < 3:
        return None
    word = m.group()
    if word.lower() not in _name_lists()[0] or _kind(word) != "listed" or _everyday_english(word.lower()):
        return None
    if regex.match(r"[ \t]+(?:\p{Lu}|\d)", text[m.end() :]):
        return None
    return m.end()


# A capitalised word, then one initial, capitalised, with its dot or at the clause's end.
_WITH_INITIAL = regex.compile(r"(?P<given>\p{Lu}[\p{Ll}\p{M}]{2,})[ \t]+\p{Lu}(?:\.|(?=[ \t]*(?:[,;!?]|$|\n)))")


def _name_with_initial(text: str, pos: int) -> int | None:
    """After the word "name": a given name the lists may miss and the initial of a family or
    father's name ("name Manjunath H.", set AH x05): a word no language uses often, or a names
    list's that is no everyday English word, before a capital letter alone."""
    m = _WITH_INITIAL.match(text, pos)
    if not m:
        return None
    word = m.group("given")
    if _kind(word) not in ("listed", "uncommon") or _everyday_english(word.lower()):
        return None
    return m.end()


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


def _weighed_caseless(text: str, pos: int) -> bool:
    """The word at `pos` is of a script other than Latin whose languages person_names.yaml weighs
    by frequency: there a third or fourth name word is told from the sentence's by frequency
    alone (`_clause_name_end`). Not Latin, where the names lists and capitals read the name, nor
    Thai, whose words wordfreq does not weigh."""
    m = _WORD.match(text, pos)
    script = _script(m.group()) if m else ""
    return script != "LATIN" and script in _names_data()["frequency_languages"]


def full_names(text: str) -> str:
    """The text with each full name told as a person's (after or before a cue, after a
    sign-off) replaced by "[NAME]"."""
    spans: list[tuple[int, int]] = []
    sure: list[tuple[int, int]] = []  # after an explicit cue: no product's name, whatever follows
    for cue in _before_cue().finditer(text):
        said = re.sub(r"[\s:,-]+$", "", cue.group()).lower()
        if said in _names_data()["bare_name_cues"] and _thing_named().search(
            text[max(0, cue.start() - 30) : cue.start()]
        ):
            continue
        end = _name_end(text, cue.end(), said in _explicit())
        if said in _explicit() and (not end or _weighed_caseless(text, cue.end())):
            # a name that fills its clause is read whole, though its first two words make a name
            # already ("اسمي فاطمة الزهراء بن علي")
            end = max(end or 0, _clause_name_end(text, cue.end()) or 0) or None
        if not end and said.startswith(_relation_cues()):
            # "my sister Kavitha Raghunathan": a relation says a person follows; written with
            # capitals, names no list holds are read as after an explicit cue
            run = list(itertools.takewhile(lambda w: w.group()[0].isupper(), _run(text, cue.end())))
            found = _longest_name(run, True)
            end = found.end() if found else None
        if not end and said in _names_data()["bare_name_cues"]:
            end = _name_with_initial(text, cue.end())
        if not end and said in _single_name_cues():
            end = _given_name_alone(text, cue.end())
        if not end and said in _greetings():
            # the person greeted: the given name closes the address with a comma or "!"
            end = _given_name_alone(text, cue.end())
            brands = {b.lower() for b in _names_data()["given_name_brands"]}  # "Hey Siri, …"
            closed = end and re.match(r"[ \t]*(?:[,!]|\n|$)", text[end:])
            end = end if closed and text[cue.end() : end].lower() not in brands else None
        if end:
            spans.append((cue.end(), end))
            if said in _explicit():
                sure.append((cue.end(), end))  # "t.n.v. P. Jansen graag, 2x …": said to be a name
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
        # a full name filling its clause after it, its words no sentence's ("Grüße Anja Schulte")
        end = _name_end(text, cue.end(), explicit=True) or _signed_given_names(text, cue.end())
        end = end or _clause_name_end(text, cue.end())
        # A sign-off closes the message (or the quoted gift message): the name is the last thing on
        # its line, or in its quote.
        if end and (re.match(r"[ \t]*[.!]?[ \t]*['\"’”)]?[ \t]*(?:\n|$)", text[end:]) or _SIGNED_END.match(text, end)):
            spans.append((cue.end(), end))
    particles = _names_data()["name_particles"]
    for cue in _after_cue().finditer(text):
        before = list(_WORD.finditer(text[max(0, cue.start() - 80) : cue.start()]))
        offset = max(0, cue.start() - 80)
        for n in (4, 3, 2):
            words = before[-n:]
            if len(words) < n or words[-1].end() + offset != cue.start():
                continue
            joined = text[words[0].start() + offset : cue.start()]
            named = _full_name([w.group() for w in words], False) or _caseless_name_of(text, words, offset, cue)
            if _ODD_IN_NAME.search(joined) or "\n" in joined or not named:
                continue
            if any(_cased(w.group()) and w.group()[0].islower() and w.group() not in particles for w in words):
                continue  # "sipariş Zeynep Kaya adına": a cased script's name is capitalised
            # "here" and its like: the name opens its clause ("hello, Rohit Sharma here")
            lead = text[: words[0].start() + offset].rstrip()
            opening = not lead or lead[-1] in ",،.!?;:\n" or re.search(r"(?i)\b(?:hi|hello|hey|namaste)$", lead)
            if opening or cue.group("cue").lower() not in _names_data()["name_cues_after_opening"]:
                spans.append((words[0].start() + offset, cue.start()))
                break
        else:
            single = _self_announced(text, before[-1:], offset, cue)
            if single:
                spans.append(single)
    spans += positioned_names(text)
    spans = [(s, e) for s, e in spans if (s, e) in sure or not _product_follows(text, e)]
    spans += _signature_lines(text)
    spans = [(_with_partner(text, s), e) for s, e in spans]
    for m in _chinese_full_name().finditer(text):
        if not chinese_word_not_name(m.group("name")):
            spans.append((m.start("name"), m.end("name")))
    spans += _cjk_self_introductions(text) + chinese_addressees(text)
    for start, end in sorted(merged_spans(spans), reverse=True):
        if not _person_named_brand().fullmatch(text[start:end]):
            text = text[:start] + NAME_TAG + text[end:]
    return text


def _caseless_name_of(text: str, words: list[regex.Match[str]], offset: int, cue: re.Match[str]) -> bool:
    """Two or three words of a script without capitals opening their clause before "in the name
    of" ("রফিকুল ইসলাম এর নামে বিল করবেন", "லக்ஷ்மி நாராயணன் பெயரில்") or before "here" ("יוסי כהן
    פה", "بیژن رستمی هستم", as "Rohit Sharma here"): the lists miss most names
    there, so each word need only be no word a sentence is made of (`_frequent`), unless a names
    list holds it, nor one no name holds."""
    said = cue.group("cue").lower()
    after = (*_names_data()["name_of_cues_after"], *_names_data()["name_cues_after_opening"])
    if said not in after or not 2 <= len(words) <= 3:
        return False
    names = [w.group() for w in words]
    # a names list's word may be a frequent one too ("ইসলাম", Islam)
    if any(
        _cased(w) or w.lower() in _not_name_words() or (_frequent(w.lower()) and _kind(w) != "listed") for w in names
    ):
        return False
    lead = text[: words[0].start() + offset].rstrip()
    if not lead or lead[-1] in ",.!?;:\n।،":
        return True
    # inside its clause ("کوریئر عمران قریشی کے نام پر", the courier in Imran Qureshi's name): the
    # two words right before "in the name of", where a names list holds one of them and the cue
    # is that phrase, not "here" ("… here" inside a clause is a place)
    return said in _names_data()["name_of_cues_after"] and len(names) == 2 and any(_kind(w) == "listed" for w in names)


@cache
def _product_after() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in word_list("not_after_unit_number"))
    return re.compile(
        # one or two lower-case words may name the kind between ("Milton Thermosteel flask, 1 litre")
        rf"(?:[ \t]+[a-z]+){{0,2}}[ \t]*,?[ \t]*(?:[^\W\d_]+\d[\w-]*|\d+(?:[.,]\d+)?[ \t]*(?:{units})(?![\w]))",
        re.I,
    )


@cache
def _audience_after() -> re.Pattern[str]:
    """Whom a product is for, as a catalog's title writes it after the brand ("Mario Gotze women's
    printed shirt", "Peter England men's shirt"; set AH x72 lost a brand so)."""
    words = "|".join(sorted(AUDIENCE_WORDS, key=len, reverse=True))
    return re.compile(rf"[ \t]+(?:{words})(?:['’]s|s?['’])(?!\w)", re.I)


def _product_follows(text: str, end: int) -> bool:
    """A model code or a quantity right after the words ("Philips Trimmer BT3221", "Milton
    Thermosteel, 1 litre"), or whom a product is for ("… women's printed shirt"): they name a
    product, not a person. Not an IBAN's country and check digits ("Mehmet Kaya iade tutarı
    TR33 0006 …"): an account, the person's."""
    if _audience_after().match(text, end):
        return True
    after = _product_after().match(text, end)
    return bool(after) and not _iban_at(text, after.end() - len(after.group().split()[-1]))


# An IBAN as written: country code, check digits, groups of letters and digits.
_IBAN_SHAPE = re.compile(r"[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{1,4}){3,8}")


def _iban_at(text: str, start: int) -> bool:
    """An IBAN passing mod-97 opens at `start`, in the length of one of its group endings."""
    shape = _IBAN_SHAPE.match(text, start)
    if not shape:
        return False
    from stdnum import iban

    raw = shape.group()
    ends = [len(raw)] + [i for i in range(len(raw) - 1, 14, -1) if raw[i] in " -"]
    return any(iban.is_valid(raw[:e], check_country=False) for e in ends)
