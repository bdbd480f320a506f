"""The role a named kind plays in its clause, read from its place in the sentence: the subject a
verb says something of ("the whole flat stinks", "his coffee is terrible"), not a thing asked
for. Used by `assistant.type_resolution` with the clause's other story cues (`_told`).

Without a part-of-speech tagger, a verb right after a noun is told by a closed class (copulas,
auxiliaries and the irregular past forms of everyday mishaps: `subject_verbs` in
`assistant/data/type_resolution.json`) or by its form: an "-s" word whose stem is an English
word, and that names no kind itself ("stinks", "bounces"; "phone covers" is one
kind and never reaches here).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from assistant.audience import table as audience_table
from assistant.spelling import ordinary_words
from assistant.vocabulary import DATA
from common.text import STOPWORDS

_RESOLUTION = json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))
SUBJECT_VERBS = frozenset(_RESOLUTION["subject_verbs"])
_COORDINATORS = frozenset(_RESOLUTION["verb_after"]["coordinators"])
_OBJECT_DETERMINERS = frozenset(_RESOLUTION["verb_after"]["object_determiners"])
# adverbs that may stand between a subject and its verb ("my bag ALWAYS tears")
_SKIPPED = audience_table().story.skipped
_POSSESSIVES = audience_table().story.possessives
_MODALS = frozenset(_RESOLUTION["verb_after"]["modals"])
_INVERTED_SUBJECTS = frozenset(_RESOLUTION["verb_after"]["inverted_subjects"])
_QUESTION_WORDS = frozenset(_RESOLUTION["verb_after"]["question_words"])
_RELATIVES = frozenset(_RESOLUTION["verb_after"]["relative_pronouns"])
_HAVING = frozenset(_RESOLUTION["verb_after"]["having_verbs"])
# "that has A LITTLE bell": words that may stand between the verb and the feature's noun
_FEATURE_FILLERS = frozenset("a an the some little small tiny big one two".split())


def verb_follows(words: list[str], end: int, names_kind: Callable[[list[str]], bool]) -> bool:
    """Whether a verb follows the noun phrase that ends before `end`: that phrase is the
    subject of a clause that tells something of it."""
    k = end
    while k < len(words) and words[k] in _SKIPPED:
        k += 1
    if k >= len(words):
        return False
    word = words[k]
    if word in SUBJECT_VERBS:
        return True
    if word in STOPWORDS:
        return False  # a function word ending in "s" is no verb: "boots THIS time" (set R)
    known = ordinary_words()
    stem = word[:-2] if word.endswith("es") and word[:-2] in known else word[:-1]
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith("ss")
        and stem in known
        and not names_kind([word])
        and not names_kind([stem])
    )


# Prepositions of place: a kind after one of them (past a determiner) says where the thing asked
# for goes or is kept ("a light above it on the wall", "a bendy one that won't snap in his bag").
PLACE_PREPOSITIONS = frozenset(_RESOLUTION["place_phrases"]["prepositions"])
_DETERMINERS = frozenset(_RESOLUTION["place_phrases"]["determiners"])
# Words that stand for the object asked for before the place is said: "a bendy one", "above it".
_OBJECT_STANDINS = frozenset(_RESOLUTION["place_phrases"]["object_standins"])
_MODALS = frozenset(_RESOLUTION["verb_after"]["modals"])
_ASKING_VERBS = frozenset(_RESOLUTION["story_asks"]) | frozenset(_RESOLUTION["owned"]["asking"])


def in_place_phrase(words: list[str], start: int) -> bool:
    """Whether the kind starting at `start` names a place in a prepositional phrase after the
    object asked for: a place preposition and a determiner right before it ("on the wall", "in
    his bag", "from the rear view mirror"), and, before the preposition, an article opening an
    object ("a light") or a word standing for one ("a bendy one", "above it"). Without that object
    the phrase may be the request itself ("in the shoes section")."""
    k = start - 1
    while k >= max(0, start - 3) and words[k] not in _DETERMINERS and words[k] not in STOPWORDS:
        k -= 1  # words describing the place: "the REAR VIEW mirror"
    if k < 0 or words[k] not in _DETERMINERS:
        return False
    k -= 1
    if k < 0 or words[k] not in PLACE_PREPOSITIONS:
        return False
    before = words[:k]
    return bool(_OBJECT_STANDINS & set(before)) or any(
        w in ("a", "an") and i + 1 < len(before) and before[i + 1] not in STOPWORDS for i, w in enumerate(before)
    )


def object_of_told_verb(words: list[str], start: int) -> bool:
    """Whether the kind starting at `start` is the object of a verb said after a modal that asks
    for nothing ("orange would match the seats", "it should go with the curtains"): what the
    product is to suit, not the product. A wanting verb there asks ("i would like a bag")."""
    k = start - 1
    while k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    if k < 1 or words[k - 1] not in _MODALS:
        return False
    verb = words[k]
    return verb.isalpha() and verb not in STOPWORDS and verb not in _ASKING_VERBS


def object_of_past_verb(words: list[str], start: int) -> bool:
    """Whether the kind starting at `start` is the object of a regular past verb right before it,
    determiners between ("finally joined a gym", "just painted the wall"): something that
    happened, told, not asked for. The caller checks that nothing in the message asks."""
    k = start - 1
    while k >= 0 and words[k] in _DETERMINERS:
        k -= 1
    if k < 0 or k == start - 1:
        return False  # no determiner: "used bike", "printed kurta" qualify the kind
    verb = words[k]
    stems = {verb[:-2], verb[:-1], verb[:-3] if len(verb) > 4 and verb[-3] == verb[-4] else verb[:-2]}
    return verb.endswith("ed") and len(verb) > 4 and bool(stems & ordinary_words())


def object_of_coordinated_verb(words: list[str], start: int) -> bool:
    """Whether the kind starting at `start` is the object of an "-s" verb opening a coordinated
    clause, a determiner between ("he is tiny but chews the cables", "and scratches the sofa"):
    what the one it is for does, told, not asked for. "and covers for the seats" has no
    determiner right after the "-s" word and stays a kind; a verb that asks ("and needs the
    warmest coat", "and gets the big one") has the kind asked for as its object."""
    k = start - 1
    if k < 2 or words[k] not in _OBJECT_DETERMINERS:
        return False
    verb = words[k - 1]
    asks = {verb, verb[:-1], verb[:-2]} & _ASKING_VERBS
    return verb.endswith("s") and words[k - 2] in _COORDINATORS and not asks


def after_inverted_subject(words: list[str], i: int) -> bool:
    """A question puts the modal before its subject, so the word after the subject is the verb:
    "what can i STICK on them", "what can my puppy CHEW on" (pool X:x-u-05, W-q18 read "stick" and
    "chew" as kinds the shop lacks). The subject is a subject pronoun, or a possessive and one
    noun; the modal opens the clause or follows a question word."""
    if i > 1 and words[i - 1] in _INVERTED_SUBJECTS and words[i - 2] in _MODALS:
        return _opens_question(words, i - 2)
    if i > 2 and words[i - 2] in _POSSESSIVES and words[i - 3] in _MODALS:
        return _opens_question(words, i - 3)
    return False


def _opens_question(words: list[str], modal: int) -> bool:
    """The modal opens the clause, or follows a question word ("what can", "where do")."""
    return modal == 0 or words[modal - 1] in _QUESTION_WORDS


def in_relative_feature(words: list[str], start: int) -> bool:
    """Whether the kind starting at `start` is the object of "has" in a relative clause ("a toy
    that HAS A LITTLE bell inside", "a bottle which has a straw"): a feature of the thing asked
    for, as after "with" (pool W-q18 asked for bells)."""
    k = start - 1
    while k >= 0 and words[k] in _FEATURE_FILLERS:
        k -= 1
    return k > 0 and words[k] in _HAVING and words[k - 1] in _RELATIVES


LIST_JOINS = frozenset({"and", "or", "&", "n"})


def named_as_features(words: list[str], spans: list) -> list[bool]:
    """Per span, whether it is a feature of the thing asked for, named after "with" ("watch with
    a white dial"), or listed after one that is ("knife with bottle opener AND scissors":
    held-out AF-d25 asked for scissors)."""
    out: list[bool] = []
    for k, span in enumerate(spans):
        before = words[max(spans[k - 1][1] if k else 0, span[0] - 3) : span[0]]
        listed = k > 0 and out[k - 1] and bool(before) and set(before) <= LIST_JOINS
        out.append("with" in before or listed)
    return out
