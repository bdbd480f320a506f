"""The words before the kind asked for that narrow it, read against the shop's products of it.

A shopper names a kind with the words that make it theirs: "hip hop cap", "gel air freshener",
"double breasted coat", "single phase pump controller". Read as its head alone ("cap"), the
request shows every cap, and the modifier only ranks the right one first (sets L and M: the top
pick right, four of five cards wrong). Where some product of the kind records the modifier in
its title, category or specifications, it is the kind asked for: it filters. Where none does, it
is a style the shop does not record ("comfortable", "stylish"), or a misspelling: it only ranks,
as before, and never empties a kind on its own.

The words read are the run right before the kind in the asking clause, past words that have
their own filters (colours, audiences, materials), stopping at the grammar of the request ("a",
"for", "under") and at numbers.

A modifier that is itself a kind the shop files beside the head ("wedge heels": wedges and heels
under one parent node) is the kind asked for, in the shop's word (`sibling_kind`).
"""

from __future__ import annotations

import numpy as np

from assistant import sorted_rows
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.lexicon import QUERY_WORDS
from assistant.type_resolution import AUDIENCE_TERMS, NOT_TYPE_WORDS, TypeResolver
from common.text import COLOURS, MATERIALS, STOPWORDS, terms

# The run before the kind ends at the request's grammar; words with filters of their own
# (a colour, an audience, a material) are passed over, not read as the kind's modifiers.
RUN_ENDS = frozenset(STOPWORDS) | frozenset(QUERY_WORDS)
PASSED_OVER = frozenset(COLOURS) | AUDIENCE_TERMS | frozenset(MATERIALS) | NOT_TYPE_WORDS
SIBLING_ROWS_READ = 2000  # products read for a kind's parent nodes (a large catalog repeats them)
MAX_RUN = 4  # "single phase submersible pump controller": a compound seldom has more


def modifier_run(types: TypeResolver, text: str, named: str) -> list[str]:
    """The words right before the last mention of the kind `named` in the asking clause, nearest
    last, less those that filter on their own."""
    words = types.asking_words(text)
    head = terms(named)[-1:]
    span = next(
        ((s, e) for s, e, form in reversed(types.named_spans(words)) if terms(" ".join(form))[-1:] == head), None
    )
    if span is None:
        return []
    # A compound the shop lacks read as its head ("musical toy" -> "toy"): its first words modify.
    start = max(span[0], span[1] - len(named.split()))
    run: list[str] = []
    for word in reversed(words[max(0, start - MAX_RUN) : start]):
        if word in RUN_ENDS - PASSED_OVER or not word.isalpha():
            break
        if word in PASSED_OVER or len(word) < 3:
            continue
        run.insert(0, word)
    return run


def narrowing(catalog: CatalogIndex, run: list[str], c: Constraints) -> list[str]:
    """The phrases of the run that products of the request `c` (its kind, and what else it asks)
    record, nearest the kind first: the longest end of the run recorded as one phrase ("hip hop"),
    then each word before it that still leaves some product ("single" phase pump): a modifier
    never empties the request on its own. Words of the kind itself, and those already a
    constraint, are not read again."""
    rows = np.flatnonzero(catalog.mask(c))
    said = [*c.categories, *c.attributes, *c.brands]
    kind_words = {w for s in said for w in terms(s)}
    run = [w for w in run if not set(terms(w)) <= kind_words]
    found: list[str] = []
    end = len(run)
    while end > 0 and len(rows):
        for start in range(0, end):
            phrase = terms(" ".join(run[start:end]))
            kept = sorted_rows.common(rows, catalog.attribute_rows(phrase)) if phrase else rows[:0]
            if len(kept):
                if len(kept) < len(rows):  # one every product of the kind holds adds nothing
                    found.append(" ".join(run[start:end]))
                rows, end = kept, start
                break
        else:
            end -= 1  # the word nearest the kind is recorded by none of them: it only ranks
    return found


def sibling_kind(types: TypeResolver, catalog: CatalogIndex, text: str, named: str) -> str | None:
    """The kind named right before the kind asked for where the shop files the two side by side,
    under the same parent node ("wedge heels": its wedges and heels are both under "womens
    footwear"): the shopper names the narrower kind by both words, and the shop calls it by the
    modifier (set L read heels and showed no wedge). A kind filed elsewhere says what the product
    goes with ("shoe rack", "laptop bag"), and the head stays."""
    spans = types.named_spans(types.asking_words(text))
    head = terms(named)
    for (_, end, before), (start, _, form) in zip(spans, spans[1:], strict=False):
        if end != start or terms(" ".join(form)) != head or terms(" ".join(before)) == head:
            continue
        modifier = terms(" ".join(before))
        if types.is_type(modifier) and _parents(catalog, modifier) & _parents(catalog, head):
            return " ".join(before)
    return None


def _parents(catalog: CatalogIndex, kind: list[str]) -> set[str]:
    """The category nodes right above the nodes that name this kind."""
    out: set[str] = set()
    for row in catalog.phrase_rows(kind)[:SIBLING_ROWS_READ]:
        path = catalog.products[int(row)].category
        out |= {path[i - 1] for i in range(1, len(path)) if terms(path[i])[-len(kind) :] == kind}
    return out
