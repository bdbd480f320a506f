"""Who an implied audience ("for my nephew", "for my wife", "she's 6") lets in, read against what
the catalog records for products like those asked for: an audience no product of the kind
records goes, a child's widens to the grown-ups' where the kind is not made by age. Said
outright ("for girls"), an audience is the shopper's and filters as said (`dialogue.update`
calls these only when implied).
"""

from __future__ import annotations

import numpy as np

from assistant import audience as audiences
from assistant.catalog import CatalogIndex
from assistant.catalog_tables import AUDIENCE_BITS, bits
from assistant.constraints import Constraints
from assistant.pets import PET_OF
from common.text import tokenize

GROWN_UPS = frozenset({"men", "women"})


def records_audience(c: Constraints, catalog: CatalogIndex) -> bool:
    """Whether products like these record an audience at all (mugs usually do not). With none
    like these in the catalog there is nothing to check against, and the audience stays."""
    rows = catalog.mask(c.model_copy(update={"audience": None}))
    return not rows.any() or bool((catalog.audience_mask[rows] != 0).any())


CHILD_AUDIENCES = frozenset({"boys", "girls", "kids", "baby"})


def all_ages(c: Constraints, catalog: CatalogIndex) -> str | None:
    """An implied child's audience (a nephew, "he's 8") where nothing like what is asked records
    it but something does without it: where the kind is not made for one gender's grown-ups here
    (its records are unisex, footballs, or another child's, a kids' net for a baby), it widens to
    the grown-up's of that gender (`audiences.json` all_ages) or goes. Where the shop makes it for
    grown-ups of one gender (women's kurtas), the child's audience stays, and the reply says
    nothing is for them rather than show women's kurtas for a girl of 7."""
    if c.audience not in CHILD_AUDIENCES or catalog.mask(c).any():
        return c.audience
    rows = catalog.mask(c.model_copy(update={"audience": None}))
    if not rows.any():
        return c.audience  # nothing like it at all: the reply says so, with the audience asked
    if _one_gender_grown_ups(rows, catalog):
        return c.audience
    return audiences.table().all_ages.get(c.audience)


GROWN_UP_BITS = {bits([a], AUDIENCE_BITS) for a in GROWN_UPS}
CHILD_BITS = bits(["boys", "girls", "baby"], AUDIENCE_BITS)


def _one_gender_grown_ups(rows: np.ndarray, catalog: CatalogIndex) -> bool:
    """Some product among `rows` records one gender's grown-ups alone (a women's kurta): not a
    unisex record (stored as men and women) and no child's."""
    recorded = catalog.audience_mask[rows]
    grown = recorded & ~CHILD_BITS
    return bool(np.isin(grown[(recorded & CHILD_BITS) == 0], list(GROWN_UP_BITS)).any())


# Object pronouns that stand for someone named before ("a toy for him"); a closed class.
POINTING_BACK = frozenset({"her", "him", "them"})


def pet_pointed_at(message: str, earlier: tuple[str, ...]) -> str | None:
    """The animal a pronoun in a recipient's place points back at ("got a puppy!!", "he chews
    everything", then "need a toy for him": the dog's toy), where the earlier messages name an
    animal and no person, and the message names no one. Set AH d22 read no animal and showed a
    musical teddy bear and a beyblade beside the one dog toy."""
    words = tokenize(message.lower().replace("'", " "))
    if not any(a == "for" and b in POINTING_BACK for a, b in zip(words, words[1:], strict=False)):
        return None
    t = audiences.table()
    before = [w for text in earlier for w in tokenize(text.lower().replace("'", " "))]
    if (set(words) | set(before)) & (set(t.people) | set(t.words)):
        return None
    pets = [PET_OF[w] for w in before if w in PET_OF]
    return pets[-1] if pets else None
