"""A given name alone where its place says it is a person's, for `common.redact`. Alone a first
name stays ("for my son Rahul", "the Milton flask"); three places say more:

- before an Indian honorific that only follows a person's name ("Meena ji ka number …",
  "Ramesh garu", `honorific_suffixes` in person_names.yaml), or a Hinglish postposition and a
  person's own thing ("Neha ke ghar", `hinglish_person_after`);
- in a message that gives contact or account details, opening it before a comma ("Игорь,
  карта [CARD] …": the writer, or the person addressed), or filling the part after a detail's
  tag to the message's end or its sentence's ("… [PHONE], Kavya."): the detail's holder; or
  signing it, alone on its last line or after a dash closing it ("…\n\nDan", "… - Gareth").

The word must be a given name of the names lists (any script with capitals: the lists hold
"Игорь" and "Kavya"), capitalised, and no everyday English word ("Rose", "Jack" stay).
"""

from __future__ import annotations

import re
from functools import cache

import regex

from common.name_cues import _product_follows
from common.name_words import NAME_TAG, _everyday_english, _kind, _name_lists, _names_data, merged_spans

_HOLDER_TAGS = r"\[(?:PHONE|EMAIL|UPI|IBAN|CARD|ID|DOB|ADDRESS|POSTCODE)\]"
_GIVEN = r"(?P<name>\p{Lu}[\p{Ll}\p{M}]{2,})"


def _given_name(word: str) -> bool:
    bare = word.lower()
    return bare in _name_lists()[0] and _kind(word) == "listed" and not _everyday_english(bare)


@cache
def _before_honorific() -> regex.Pattern[str]:
    """Before an honorific, or a Hinglish postposition and a person's thing ("Neha ke ghar")."""
    words = [*_names_data()["honorific_suffixes"], *_names_data()["hinglish_person_after"]]
    suffixes = "|".join(re.escape(s) for s in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}]){_GIVEN}[ \t]+(?i:{suffixes})(?![\p{{L}}\p{{M}}])")


@cache
def _before_person_mark() -> regex.Pattern[str]:
    """A word in any case before a mark only a person takes (`person_marks_after`: "Honey didi",
    "guddu ke naam pe"), not opening its sentence."""
    marks = "|".join(re.escape(s) for s in sorted(_names_data()["person_marks_after"], key=len, reverse=True))
    return regex.compile(
        rf"(?<=[\p{{L}}\p{{N}},][ \t]+)(?P<name>\p{{L}}[\p{{Ll}}\p{{M}}]{{2,}})[ \t]+(?i:{marks})(?![\p{{L}}\p{{M}}])"
    )


def _marked_name(word: str) -> bool:
    """Before a person's mark: a word no language uses often ("guddu", "Raju"), or any word
    capitalised mid-sentence ("ask for Honey didi"); not a relation or a greeting ("Didi ko dena")."""
    bare = word.lower()
    if bare in _not_names_here():
        return False
    return word[0].isupper() or (_kind(word) == "uncommon" and not _everyday_english(bare))


@cache
def _not_names_here() -> frozenset[str]:
    data = _names_data()
    return frozenset(w.lower() for key in ("kinship_words", "greeting_name_cues", "not_name_words") for w in data[key])


_OPENING = regex.compile(rf"^[ \t]*{_GIVEN}[ \t]*,")
_AFTER_TAG = regex.compile(rf"{_HOLDER_TAGS}[ \t]*,[ \t]*{_GIVEN}[ \t]*(?=[.!?]?[ \t]*(?:$|\n)|[.!?][ \t]+)")
# The message's last words: a name alone, or "that's …", "thx …", closing it.
_CLOSING = r"[ \t]*[.!]?[ \t]*$"


@cache
def _holder_places() -> list[regex.Pattern[str]]:
    """Places where a word's place alone says it is the holder of a detail in the message:
    right before a preposition and the detail's tag ("call Suresh on [PHONE]"), or closing the
    message after a word pointing at the detail's holder, a self-introduction's words or a
    sign-off's ("[PHONE], that's Morag", "thx Sipho"). Closed classes of person_names.yaml:
    `contact_prepositions`, `holder_pointers`, the self-introduction cues and sign-offs."""
    data = _names_data()

    def words(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True))

    edge = r"(?<![\p{L}\p{M}'’])"
    return [
        regex.compile(rf"{edge}{_GIVEN}[ \t]+(?i:{words('contact_prepositions')})[ \t]+{_HOLDER_TAGS}"),
        regex.compile(
            rf"{edge}(?i:{words('holder_pointers')}|{words('self_introduction_cues')}|{words('sign_offs')})[ \t,]+{_GIVEN}{_CLOSING}"
        ),
    ]


# Where a signature stands: alone on the message's last line, under the text ("…\n\nDan"), or
# after a dash closing the message ("… 750 ml bottle. - Gareth", "thx -jake [PHONE]"), perhaps
# before the writer's own contact detail.
_SIGNATURE = regex.compile(
    rf"(?:\n[ \t]*|(?<=[\w.!?)])[ \t]+[-~–—]+[ \t]*)(?P<name>\p{{L}}[\p{{Ll}}\p{{M}}]{{2,}})"
    rf"(?:[ \t]*,?[ \t]*{_HOLDER_TAGS})?{_CLOSING}"
)


def _signing_name(word: str) -> bool:
    """A names list's given name signing the message: capitalised, any such name ("Dan", "Mark":
    nothing but a name stands alone there); in lower case, one no everyday English word."""
    bare = word.lower()
    if bare not in _name_lists()[0] or _kind(word) != "listed":
        return False
    return word[0].isupper() or not _everyday_english(bare)


def _held_name(word: str, cued: bool) -> bool:
    """A names list's given name; after a self-introduction or a sign-off closing the message
    (`cued`), also a capitalised word no language uses often ("Morag", "Sipho": the lists miss
    them)."""
    return _given_name(word) or (cued and _kind(word) == "uncommon" and not _everyday_english(word.lower()))


def given_names_alone(text: str) -> str:
    """The text with a given name alone replaced by "[NAME]" where its place says it is a
    person's: before an honorific, or in a message with contact details at its opening before a
    comma or after a detail's tag closing a sentence."""
    spans = [m.span("name") for m in _before_honorific().finditer(text) if _given_name(m.group("name"))]
    spans += [m.span("name") for m in _before_person_mark().finditer(text) if _marked_name(m.group("name"))]
    if regex.search(_HOLDER_TAGS, text):
        for pattern in (_OPENING, _AFTER_TAG):
            for m in pattern.finditer(text):
                # not a brand before its product's quantity or model ("Milton, 1 litre flask")
                if _given_name(m.group("name")) and not _product_follows(text, m.end("name")):
                    spans.append(m.span("name"))
        before_tag, closing = _holder_places()
        spans += [m.span("name") for m in before_tag.finditer(text) if _held_name(m.group("name"), False)]
        spans += [m.span("name") for m in closing.finditer(text) if _held_name(m.group("name"), True)]
        spans += [m.span("name") for m in _SIGNATURE.finditer(text) if _signing_name(m.group("name"))]
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
