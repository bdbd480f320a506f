"""People named right after a relation word, in any language (`names_after_relations`): "my sis
Ana", "la nonna Pina", "ma filleule Léa", "siostry Magdy", "моя сестра Олена Коваленко", "मेरी
बेटी कविता शर्मा", "لزوجتي فاطمة". The relation says a person follows, so a given name alone is
read too, where a cue of another kind wants a full name ("for my son Rahul" was kept before set L
labelled such names). Where the words stand decides, not a list of names: the name is the words
right after the relation (a comma or a courtesy word, "don", may stand between), each a name word
(`common.name_words._kind`), written with a capital in a cased script; in a script without
capitals, words no sentence is made of up to the clause's end, one of them a names list's. And
a name read once is one wherever it recurs in the message (`recurring_names`: the gift card
repeats the "Ernesto" of "don Ernesto Ruiz"). The relation words are data (person_names.yaml:
`kinship_words`, `relation_honorifics`).
"""

from __future__ import annotations

import difflib
from functools import cache

import regex

from common.name_reading import _longest_name, _run
from common.name_words import (
    NAME_TAG,
    _cased,
    _colour_words,
    _everyday_english,
    _frequent,
    _kind,
    _name_lists,
    _names_data,
    _not_name_words,
    _person_named_brand,
    merged_spans,
)
from common.product_kinds import kind_words
from common.redact_words import SPACELESS, THAI
from common.text import MATERIALS, singular

# The one-letter words Arabic glues to the next ("لزوجتي": "for my wife").
ARABIC_PROCLITIC = "(?:و|ف|ب|ل)"
# A possessive ending ("Deepa's"): the name ends before it.
POSSESSIVE = regex.compile(r"['’]s$")
# What closes a gift message's or a clause's name: punctuation of any script, a quote, the end.
CLOSES = regex.compile(r"[ \t]*(?:[,，、،;；.。!！?？:：)»”\"'’」』\n|–—-]|$)")
# A model code or a quantity right after: a product ("for my son Jordan 4 Retro").
PRODUCT_AFTER = regex.compile(r"[ \t]+(?:\p{L}*\d|\d)")


@cache
def _relation() -> regex.Pattern[str]:
    """A relation word at a word's edges in any script (no letter or mark beside it), then a
    comma perhaps and a courtesy word perhaps."""
    words = sorted(_names_data()["kinship_words"], key=len, reverse=True)
    honorifics = sorted(_names_data()["relation_honorifics"], key=len, reverse=True)
    kin = "|".join(regex.escape(w) for w in words)
    courtesy = "|".join(regex.escape(w) for w in honorifics)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}]){ARABIC_PROCLITIC}?(?:{kin})(?![\p{{L}}\p{{M}}\p{{N}}])"
        rf"[ \t]*,?[ \t]+(?:(?:{courtesy})\.?[ \t]+)?",
        regex.I,
    )


@cache
def _kinship() -> frozenset[str]:
    return frozenset(w.lower() for w in _names_data()["kinship_words"])


def _bare(word: str) -> str:
    return POSSESSIVE.sub("", word)


def _no_name_word(word: str) -> bool:
    low = word.lower()
    return low in _kinship() or low.rstrip(".") in _not_name_words()


# A possessive right before the relation word ("my aunt", "our cousin").
_OWNED = regex.compile(r"(?i:my|our|his|her|their|your|ur|mera|meri|mere)[ \t]+$")


@cache
def _kinship_titles() -> frozenset[str]:
    return frozenset(w.lower() for w in _names_data()["kinship_titles"])


def _cased_name_end(
    text: str, words: list[regex.Match[str]], relation_start: int = 0, relation: str = ""
) -> int | None:
    """Capitalised name words from the first: a full name as after an explicit cue, or a given
    name alone that a names list holds (or no language uses often, where the clause closes
    after it) and that is no everyday English word."""
    run: list[regex.Match[str]] = []
    for w in words:
        word = _bare(w.group())
        if not word[0].isupper() or _no_name_word(word):
            break
        run.append(w)
        if word != w.group():
            break  # "Deepa's": the possessive ends the name
    found = _longest_name(run, True) if len(run) > 1 else None
    if found and not POSSESSIVE.search(found.group()):
        return found.end()
    if not run:
        return None
    first = run[0]
    word = _bare(first.group())
    end = first.start() + len(word)
    kind = _kind(word)
    closes = bool(CLOSES.match(text, end)) or word != first.group()
    if PRODUCT_AFTER.match(text, end):
        return None
    if _everyday_english(word.lower()):
        # a given name that is also a word ("Aunt Hope", "Grandpa Bill", "my aunt Hope wants"):
        # the relation says a person follows, where it is a title before a name or said as the
        # writer's ("my", "our"), so it is that name where the clause closes after it or a verb
        # goes on, not a thing's word ("my wife Rose gold ring", the mug '"Best Mom Ever"')
        owned = _OWNED.search(text, 0, relation_start) or relation.lower() in _kinship_titles()
        return end if owned and _given_before_clause(text, word, end, closes) else None
    if kind == "listed" or (kind == "uncommon" and closes):
        return end
    return None


# The lower-case word after a name: the clause going on ("wants", "ordered").
NEXT_WORD = regex.compile(r"[ \t]+(?P<word>\p{Ll}[\p{L}\p{M}]*)")


def _given_before_clause(text: str, word: str, end: int, closes: bool) -> bool:
    """A names list's given name, closing its clause or before a lower-case word that names no
    kind of product, colour or material ("Hope wants", not "Rose gold", "Olive green", "Ruby ring")."""
    if word.lower() not in _name_lists()[0]:
        return False
    if closes:
        return True
    after = NEXT_WORD.match(text, end)
    if not after:
        return False
    following = singular(after.group("word").lower())
    return following not in kind_words() and following not in _colour_words() and following not in MATERIALS


def _lower_case_name_end(text: str, relation: regex.Match[str], words: list[regex.Match[str]]) -> int | None:
    """A writer in lower case ("happy retirement uncle geoff!!", "my sis ana wants it"): after a
    relation word written in lower case, a names list's given name that is no everyday English
    word, closing its clause or before a lower-case word that names no product ("my son jordan
    shoes" stays). One word, or two where the second is a names list's family name too."""
    if not relation.group().islower():
        return None
    first = words[0]
    word = _bare(first.group())
    if not word.islower() or _no_name_word(word) or word not in _name_lists()[0] or _everyday_english(word):
        return None
    end = first.start() + len(word)
    if len(words) > 1 and word == first.group() and words[1].start() == end + 1:
        second = _bare(words[1].group())
        if second.islower() and second in _name_lists()[1] and not _everyday_english(second):
            if _given_before_clause(
                text, word, words[1].start() + len(second), bool(CLOSES.match(text, words[1].start() + len(second)))
            ):
                return words[1].start() + len(second)
    closes = bool(CLOSES.match(text, end)) or word != first.group()
    return end if _given_before_clause(text, word, end, closes) else None


def _caseless_name_end(text: str, words: list[regex.Match[str]]) -> int | None:
    """In a script without capitals: the words up to the clause's end (one to three), none a word
    a sentence is made of, each a names list's or one no language uses often; or fewer words
    before such a word, all a list's."""
    run: list[regex.Match[str]] = []
    for w in words[:3]:
        word = w.group()
        if _cased(word) or _no_name_word(word) or _frequent(word.lower()):
            break
        run.append(w)
    while run:
        kinds = [_kind(w.group()) for w in run]
        closes = bool(CLOSES.match(text, run[-1].end()))
        if (closes and "" not in kinds) or all(k == "listed" for k in kinds):
            return run[-1].end()
        run.pop()
    return None


def names_after_relations(text: str) -> str:
    """The text with the name right after each relation word replaced by "[NAME]"."""
    spans: list[tuple[int, int]] = []
    for m in _relation().finditer(text):
        words = _run(text, m.end())
        if not words or words[0].start() != m.end():
            continue
        if _cased(words[0].group()):
            said = m.group().strip(" \t,").split()[0] if m.group().strip() else ""
            end = _cased_name_end(text, words, m.start(), said) or _lower_case_name_end(text, m, words)
        else:
            end = _caseless_name_end(text, words)
        if end:
            spans.append((m.end(), end))
    for start, end in sorted(merged_spans(spans), reverse=True):
        if not _person_named_brand().fullmatch(text[start:end]):
            text = text[:start] + NAME_TAG + text[end:]
    return text


TOKEN = regex.compile(r"\S+")
NAME_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}]*")
UNSPACED = regex.compile(rf"[{SPACELESS}{THAI}]")


def recurring_names(before: str, after: str) -> str:
    """`after` (a name reader's output for `before`) with each word of a name it took replaced
    wherever else it stands in the message as a word of its own: a gift card's "Feliz
    cumpleaños, Ernesto" after "don Ernesto Ruiz". Only words a names list holds or no language
    uses often, written as the name was (capitalised in a cased script) or in capitals; in a script written
    without spaces (Chinese, Japanese, Thai) a word's edges are unknown, so none."""
    if NAME_TAG not in after or after == before:
        return after
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    taken: set[str] = set()
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "replace" and any(NAME_TAG in t for t in new[j1:j2]):
            kept = {w for token in new[j1:j2] for w in NAME_WORD.findall(token)}
            for token in old[i1:i2]:
                taken.update(w for w in NAME_WORD.findall(token) if w not in kept)
    words = {
        w
        for w in taken
        if len(w) > 1
        and not UNSPACED.search(w)
        and (not _cased(w) or w[0].isupper())
        and _kind(w) in ("listed", "uncommon")
        and not _no_name_word(w)
    }
    if not words:
        return after
    # also in capitals, as an engraving, a form or a card's text writes it ("engrave AARAV 14"
    # after "my son Aarav"; set AF)
    words |= {w.upper() for w in words if _cased(w)}
    alternation = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    # not where it names a firm ("Rohan Mehta … Procurement, Mehta Textiles": the firm is shop
    # text, set AH x22; `firm_words`)
    firm = "|".join(regex.escape(w) for w in sorted(_names_data()["firm_words"], key=len, reverse=True))
    return regex.sub(
        rf"(?<![\p{{L}}\p{{M}}\p{{N}}\[])(?:{alternation})(?![\p{{L}}\p{{M}}\p{{N}}\]])(?![ \t]+(?i:{firm})(?![\p{{L}}]))",
        NAME_TAG,
        after,
    )
