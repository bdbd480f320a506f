"""Where a follow-up says the kind asked for goes: "for the bonnet/hood", "on the hood
specifically, big graphic" after car stickers.

The noun after a place word names a place, not a device the kind is sold for, so the fit reader
(`compound_kind.fitment`, which reads titles saying "for <device>") finds nothing and the words
only rank: sets K and Q kept a wall sticker beside the shop's three "hood car sticker"s. Where
some of the kind's own titles hold the noun (and not all of them), the shop sells that sub-kind
("speedwav 232358 hood car sticker"): it is a must-have, as "hood sticker" said in one message
is. Where none holds it ("for the balcony"), or others of the kind say it in their descriptions
(a use, not a sub-kind), it only ranks, as before.

Two names of one place ("bonnet/hood", "bonnet or hood") accept either: the one the titles hold
is the must-have; where both are held, neither can be required alone, and they rank.
"""

from __future__ import annotations

import re

import numpy as np

from assistant.catalog import CatalogIndex
from assistant.compound_kind import OWNERS, described
from assistant.constraints import phrase_in
from assistant.part_fit import kind_titles, named_device
from assistant.steering import steering
from assistant.type_resolution import AUDIENCE_TERMS, PERSON_NOUNS
from common.text import COLOURS, STOPWORDS, terms

_WORDS = steering()["place_fit"]
PLACE_WORDS = frozenset(_WORDS["place_words"])
ALTERNATIVES = frozenset(_WORDS["alternatives"])
SKIPPED = frozenset(steering()["follow_up_reading"]["skipped_before_noun"])
# "not for the door": a place refused is no must-have (the one-word refusal cues)
REFUSING = frozenset(c for c in steering()["follow_up_reading"]["refusal_cues"] if " " not in c)
MAX_PLACE = 3  # "for the rear windshield glass": a place seldom takes more words


def place_phrases(clause: str) -> list[list[list[str]]]:
    """Each place said in the clause, as its names: "on the bonnet/hood specifically" ->
    [[["bonnet"], ["hood", "specifically"]]]. A name runs from after the place word and its
    articles to the next function word or punctuation."""
    words = re.findall(r"[a-z0-9]+|/|[^\sa-z0-9]", clause.lower())
    out: list[list[list[str]]] = []
    for i, word in enumerate(words):
        if word not in PLACE_WORDS or (i and words[i - 1] in REFUSING):
            continue
        j = i + 1
        while j < len(words) and words[j] in SKIPPED:
            j += 1
        if set(words[i + 1 : j]) & OWNERS:
            continue  # "for my tablet": the shopper's own device is the fit reader's (`compound_kind`)
        names: list[list[str]] = [[]]
        while j < len(words) and sum(len(n) for n in names) < MAX_PLACE:
            if words[j] in ALTERNATIVES and names[-1]:
                names.append([])
            elif words[j].isalnum() and words[j] not in STOPWORDS and words[j] not in PLACE_WORDS:
                names[-1].append(words[j])
            else:
                break
            j += 1
        # "for men": who it is for is the audience's to read; "on black": the colour's, no place
        names = [n for n in names if n and not set(n) & (AUDIENCE_TERMS | PERSON_NOUNS | set(COLOURS))]
        if names:
            out.append(names)
    return out


def placed(clause: str, categories: list[str], catalog: CatalogIndex) -> list[str]:
    """The places of the clause that name a sub-kind of the kind (`categories`) the shop sells."""
    if not categories:
        return []
    rows, titles = kind_titles(catalog, categories)
    kind_words = {w for c in categories for w in terms(c)}
    out: list[str] = []
    for names in place_phrases(clause):
        held = [h for n in names if (h := named_device(n, titles)) and not set(terms(h)) <= kind_words]
        if len(held) != 1:
            continue  # none held (it ranks), or two names both held: either is fine, neither filters
        if held[0] in catalog.brand_names:
            continue  # "for wrangler": a maker, the brand and device readers' (`part_fit`)
        others = np.array([r for r, t in zip(rows, titles, strict=True) if not phrase_in(terms(held[0]), t)])
        if not described(catalog, others.astype(rows.dtype), held[0]):
            out.append(held[0])
    return out
