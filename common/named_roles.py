"""Given names told as a person's by the role the sentence gives them, for `common.redact`. A
given name alone stays ("for my son Rahul", "Rose gold"), unless the words around it say a
person is meant; four closed classes of places (person_names.yaml, each with its reason):

- a card's message written after its label with no quotes ("Card msg: … Love always, rohan and
  tanvi.", "write on the card: To Grace, …", "Card message - Dear Faith and Hope, …", "a tag
  saying for Revathi"): the names it is addressed to (`card_addressee_words`) and signed by
  (`signer_words`), joined by "and" or "&", in any case; on a card "Faith" and "Hope" are names;
- the subject opening a sentence before a verb only a person does (`person_subject_verbs`:
  "Joy said …", "Rose ordered …", "Asha will pick it up"): capitalised, a names list's given name;
- the person told or asked, after a verb of telling with a capital mid-sentence and a pronoun or
  "that" after it ("Tell Will his watch …"; `telling_verbs`);
- a given name in lower case beside "me" ("me and divya", "divya and i"), with a possessive
  opening its sentence ("arjun's kurta"), or after a person's role ("delivery guy Santosh";
  `person_role_words`): a names list's given name that is no everyday English word.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from common.cjk_names import chinese_card_addressees
from common.name_words import (
    NAME_TAG,
    _everyday_english,
    _frequent,
    _name_lists,
    _names_data,
    _not_name_words,
    _person_named_brand,
    merged_spans,
)

_NAME = r"(?P<name>\p{L}[\p{L}\p{M}]{2,}(?:-\p{L}[\p{L}\p{M}]+)?)"


def _words(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_names_data()[key], key=len, reverse=True))


@cache
def _kin() -> frozenset[str]:
    """Relation words ("my sister's birthday"), some of which the names lists hold."""
    return frozenset(w.lower() for w in _names_data()["kinship_words"])


@cache
def _brands() -> frozenset[str]:
    return frozenset(w.lower() for w in _names_data()["given_name_brands"])


def _listed(word: str) -> bool:
    """A names list's given name, not a brand's (`given_name_brands`: "levi's jeans", "ask Alexa")."""
    return len(word) > 2 and word.lower() in _name_lists()[0] and word.lower() not in _brands()


def _plain_name(word: str) -> bool:
    """A names list's given name that is no word a sentence is made of: read in any case."""
    bare = word.lower()
    return (
        _listed(word)
        and bare not in _not_name_words()
        and not _everyday_english(bare)
        and not _frequent(bare)
        and not _person_named_brand().fullmatch(word)
    )


def _card_name(word: str) -> bool:
    """On a card: a given name of the lists (capitalised, it may be an English word, "Faith"), or
    in lower case one that is no such word; a word no language uses often, capitalised."""
    from common.name_words import _kind

    if word.lower() in _not_name_words():
        return False
    if word[0].isupper():
        return _listed(word) or _kind(word) == "uncommon"
    return _plain_name(word)


def _role_name(word: str) -> bool:
    """After a person's role or before who the person is: capitalised, any name word of the lists
    (given or family: "the watchman Raju") or a word no language uses often; in lower case, a
    given name that is no everyday word."""
    from common.name_words import _kind

    if word.lower() in _not_name_words() or word.lower() in _brands():
        return False
    return _kind(word) in ("listed", "uncommon") if word[0].isupper() else _plain_name(word)


@cache
def _card_message() -> regex.Pattern[str]:
    """A card word, then its label's mark or a verb of saying, then the message to a bracket or
    the line's end."""
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:{_words('card_words')})(?![\p{{L}}])[^\n:(]{{0,25}}?"
        rf"(?:[ \t]*[:–—-][ \t]*|[ \t]+(?i:saying|that says|reading|with)[ \t]+)(?P<message>[^\n(]{{3,300}})"
    )


@cache
def _names_after(key: str) -> regex.Pattern[str]:
    """The names after a card's cue words, joined by "and", "&" or commas, up to the clause's
    end; an addressee's cue may be an ordinal greeting ("Happy 40th Graham!"), and a signer's
    names may have their group after them ("Love from Sue & the kids x")."""
    connectors = _words("couple_connectors")
    name = r"\p{L}[\p{L}\p{M}]{2,}"
    cue = f"(?i:{_words(key)})"
    group = ""
    if key == "card_addressee_words":
        cue = rf"(?:{cue}|(?i:{_words('card_ordinal_greetings')})[ \t]+\d{{1,3}}(?i:st|nd|rd|th))"
    else:
        group = rf"(?:[ \t]*(?:,|[ \t](?i:{connectors}))[ \t]+(?i:{_words('signer_group_words')})(?![\p{{L}}]))?(?:[ \t]+x{{1,3}})?"
    joined = rf"(?:[ \t]+(?i:{connectors})[ \t]+|[ \t]*,[ \t]*)" if group else rf"[ \t]+(?i:{connectors})[ \t]+"
    return regex.compile(
        rf"(?:^|(?<=[,.!\s'\"‘“«„])){cue}[ \t]*,?[ \t]+(?P<names>{name}(?:{joined}{name})*){group}"
        rf"(?=[ \t]*(?:[,.!?;)'\"’”]|$|\n)|[ \t]+[-–—][ \t])"
    )


def _card_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    connectors = {c.lower() for c in _names_data()["couple_connectors"]}
    for card in _card_message().finditer(text):
        message, base = card.group("message"), card.start("message")
        for key in ("card_addressee_words", "signer_words"):
            for m in _names_after(key).finditer(message):
                words = [
                    (w.start(), w.end(), w.group()) for w in regex.finditer(r"\p{L}[\p{L}\p{M}]*", m.group("names"))
                ]
                names = [w for w in words if w[2].lower() not in connectors]
                if len(names) > 1 and not all(_card_name(w[2]) for w in names[-1:]) and key == "signer_words":
                    names = names[:-1]  # "tash, ben and Co": the group's word is no name
                if names and all(_card_name(w[2]) for w in names):
                    offset = base + m.start("names")
                    spans += [(offset + s, offset + e) for s, e, _ in names]
    return spans


@cache
def _subject() -> regex.Pattern[str]:
    # "Bill's paying for it": the name, "is" glued to it, a person's verb
    contracted = rf"['’]s[ \t]+(?i:{_words('person_contracted_verbs')})"
    return regex.compile(
        rf"(?:^|(?<=[.!?\n][ \t]{{0,3}}))[ \t]*(?P<name>\p{{Lu}}[\p{{Ll}}\p{{M}}]{{2,}})(?:[ \t]+(?P<family>\p{{Lu}}[\p{{Ll}}\p{{M}}]{{2,}}))?"
        rf"(?:[ \t]+(?i:{_words('person_subject_verbs')})|{contracted})(?![\p{{L}}])"
    )


def _subject_name(m: regex.Match[str]) -> tuple[int, int] | None:
    """A given name opening its sentence before a person's verb, or a full name there whose last
    word a names list holds as a family name and English does not use ("Happy Singh will
    receive the parcel": the given name may be a word)."""
    if not m.group("family"):
        return m.span("name") if _listed(m.group("name")) else None
    family = m.group("family").lower()
    if (
        family in _name_lists()[1]
        and not _everyday_english(family)
        and m.group("name").lower() not in _not_name_words()
    ):
        return (m.start("name"), m.end("family"))
    return None


@cache
def _asked_subject() -> regex.Pattern[str]:
    """A question with its verb first, a given name its subject before a person's verb ("Can
    Summer pick it up from the hub?"): capitalised mid-sentence, the name is a person's."""
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:can|could|will|would|should|may|shall)[ \t]+(?P<name>\p{{Lu}}[\p{{Ll}}\p{{M}}]{{2,}})[ \t]+"
        rf"(?i:{_words('person_base_verbs')})(?![\p{{L}}])"
    )


@cache
def _apposed() -> regex.Pattern[str]:
    """A given name followed by who the person is to the writer ("a surprise for Florence, my
    colleague", "Summer, our neighbour"): a relation or a role after a comma."""
    who = "|".join(
        re.escape(w)
        for w in sorted({*_names_data()["kinship_words"], *_names_data()["person_role_words"]}, key=len, reverse=True)
    )
    return regex.compile(
        rf"(?<![\p{{L}}'’])(?P<name>\p{{Lu}}[\p{{Ll}}\p{{M}}]{{2,}})[ \t]*,[ \t]+(?i:my|our|his|her|their|ur|your)[ \t]+(?i:{who})(?![\p{{L}}])"
    )


@cache
def _lower_subject() -> regex.Pattern[str]:
    """A given name in lower case opening a sentence or a clause after a comma, before a person's
    verb ("told you 3 times, akshay needs size 9"): chat is typed in lower case."""
    return regex.compile(
        rf"(?:^|(?<=[.!?\n,][ \t]{{0,3}}))[ \t]*(?P<name>\p{{Ll}}[\p{{Ll}}\p{{M}}]{{2,}})[ \t]+(?:{_words('person_subject_verbs')}|{_words('lower_subject_verbs')})(?![\p{{L}}])"
    )


@cache
def _occasion_owner() -> regex.Pattern[str]:
    """A given name in a possessive before a person's own occasion ("harry's 10th bday")."""
    return regex.compile(
        rf"(?<![\p{{L}}'’]){_NAME}['’]s[ \t]+(?:\d{{1,3}}(?:st|nd|rd|th)?[ \t]+)?(?i:{_words('personal_occasion_words')})(?![\p{{L}}])"
    )


@cache
def _told() -> regex.Pattern[str]:
    # in lower case too ("tell priyanka the salwar suit reaches thursday"), where the name must
    # be no everyday word (`_plain_name`)
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:{_words('telling_verbs')})[ \t]+(?P<name>\p{{L}}[\p{{Ll}}\p{{M}}]{{2,}})[ \t]+(?i:his|her|their|that|to|about|the|we|i)(?![\p{{L}}])"
    )


def _told_name(word: str) -> bool:
    if word.lower() in {"i", "me"}:
        return False
    return _listed(word) if word[0].isupper() else _plain_name(word)


@cache
def _beside_me() -> list[regex.Pattern[str]]:
    return [
        regex.compile(rf"(?<![\p{{L}}])(?i:me|myself)[ \t]+(?:and|&|n)[ \t]+{_NAME}(?![\p{{L}}'’])"),
        regex.compile(rf"(?<![\p{{L}}'’]){_NAME}[ \t]+(?:and|&|n)[ \t]+(?i:me|i|myself)(?![\p{{L}}'’])"),
        # "arjun's kurta …" opening its sentence
        regex.compile(rf"(?:^|(?<=[.!?\n,][ \t]{{0,3}}))[ \t]*{_NAME}['’]s[ \t]+\p{{L}}"),
    ]


@cache
def _author() -> regex.Pattern[str]:
    """Who wrote a review or a post, after its word ("Review by neha k., pune: …"): a given name,
    perhaps with an initial, closing its part."""
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:{_words('author_cues')})[ \t]+(?P<name>\p{{L}}[\p{{Ll}}\p{{M}}]{{2,}})(?:[ \t]+\p{{L}}\.|(?=[ \t]*[,:;.!?\n]|$))"
    )


@cache
def _after_role() -> regex.Pattern[str]:
    """A given name after a person's role ("the delivery guy Santosh", "the watchman Raju")."""
    return regex.compile(rf"(?<![\p{{L}}])(?i:{_words('person_role_words')})[ \t]+{_NAME}(?![\p{{L}}'’])")


def role_names(text: str) -> str:
    """The text with the given names of these four places replaced by "[NAME]"."""
    spans = _card_spans(text) + chinese_card_addressees(text)
    spans += [span for m in _subject().finditer(text) if (span := _subject_name(m))]
    spans += [m.span("name") for m in _asked_subject().finditer(text) if _listed(m.group("name"))]
    spans += [m.span("name") for m in _apposed().finditer(text) if _card_name(m.group("name"))]
    # after a role, capitalised: a names list's or a word no language uses often ("watchman Raju")
    spans += [m.span("name") for m in _after_role().finditer(text) if _role_name(m.group("name"))]
    spans += [(m.start("name"), m.end()) for m in _author().finditer(text) if _role_name(m.group("name"))]
    spans += [m.span("name") for m in _lower_subject().finditer(text) if _plain_name(m.group("name"))]
    spans += [
        m.span("name")
        for m in _occasion_owner().finditer(text)
        if _listed(m.group("name")) and m.group("name").lower() not in _not_name_words() | _kin()
    ]
    spans += [m.span("name") for m in _told().finditer(text) if _told_name(m.group("name"))]
    for pattern in _beside_me():
        spans += [m.span("name") for m in pattern.finditer(text) if _plain_name(m.group("name"))]
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
