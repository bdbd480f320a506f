"""What a follow-up says the kind asked for must fit: "maruti", "it's a corolla altis", "x2 model,
nokia wala", "for my activa" after car mats, a sun shade, a back panel or a scooter cover.

One message reads the fit after the kind's "for" ("car mat for a maruti swift",
`compound_kind.fitment`) and a device's maker as the device, not the product's brand
(`part_fit.device_brands`). A follow-up names no kind, so those readers never saw its words: each
clause of it is read here as if it followed the kind asked for ("<kind> for <clause>"), so the
dialogue ends with the request the same wish asked in one message gives.

A fit names one device: a later fit that leaves nothing of the kind with the one said before
replaces it ("sun shade for honda city", then "wait no, it's my dad's corolla altis"). A fit
that leaves nothing of the kind at all only ranks (its words stay in the ranking text).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from assistant.audience import clauses
from assistant.catalog import CatalogIndex
from assistant.compound_kind import fitment
from assistant.constraints import Constraints, phrase_in
from assistant.dialogue import Request
from assistant.part_fit import device_brands, kind_titles
from assistant.type_resolution import TypeResolver
from assistant.understand import Query
from common.text import terms, tokenize

MAX_START = 8  # words of a clause a fit may follow ("it's my dad's car, a corolla altis")


@dataclass
class Fit:
    query: Query  # the follow-up's query, with the fits as must-haves and device makers as no brand
    replaced: list[str] = field(default_factory=list)  # the request's fits the new one replaces


def follow_up_fit(message: str, query: Query, request: Request, catalog: CatalogIndex, types: TypeResolver) -> Fit:
    """The fits a follow-up that names no kind says, read clause by clause after the kind asked."""
    kind, categories = request.product_type, request.constraints.categories
    if query.product_type or not kind or not categories:
        return Fit(query)
    said = query.constraints.model_copy(deep=True)
    fits: list[str] = []
    for clause in clauses(_corrected(message, query.corrections)):
        text = f"{kind} for {_without_for(clause)}"
        kept, devices = device_brands(catalog, text, Constraints(categories=categories, brands=said.brands))
        said.brands = kept
        fit = _fit_in(_without_for(clause), kind, Constraints(categories=categories, brands=kept), catalog, types)
        fits += [f for f in [*devices, fit] if f and f not in fits and f not in said.attributes]
    # A fit no product of the kind has ("sorry", a car the shop makes none for) only ranks.
    fits = [f for f in fits if catalog.mask(Constraints(categories=categories, attributes=[f])).any()]
    if not fits:
        return Fit(replace(query, constraints=said))
    old = [a for a in request.constraints.attributes if _is_fit(a, kind, categories, catalog, types)]
    together = _with(request.constraints, said, fits, drop=[])
    apart = _with(request.constraints, said, fits, drop=old)
    replaced: list[str] = []
    if not catalog.mask(together).any() and catalog.mask(apart).any():
        replaced = old  # another device than the one said before: the later one is meant
    elif not catalog.mask(together).any():
        return Fit(replace(query, constraints=said))  # no product of the kind fits it: it ranks
    said.attributes += fits
    return Fit(replace(query, constraints=said), replaced)


def _fit_in(clause: str, kind: str, c: Constraints, catalog: CatalogIndex, types: TypeResolver) -> str | None:
    """The fit a clause says, read after the kind's "for" from its first word ("maruti swift") or
    a later one ("goes on a corolla altis", "it's my dad's, a corolla altis"): the earliest a
    title of the kind names; else the whole clause's, which only ranks where no product fits it."""
    words = clause.split()
    _, titles = kind_titles(catalog, c.categories)
    first = None
    for start in range(min(len(words), MAX_START)):
        fit = fitment(catalog, types, f"{kind} for {' '.join(words[start:])}", kind, c)
        first = first or (fit if start == 0 else None)
        if fit and any(phrase_in(terms(fit), t) for t in titles):
            return fit
    return first


def _corrected(message: str, corrections: dict[str, str]) -> str:
    return " ".join(corrections.get(w.lower(), w) for w in message.split())


def _without_for(clause: str) -> str:
    """ "for my activa" is read after the kind's own "for"."""
    words = clause.split()
    return " ".join(words[1:] if words[:1] and words[0].lower() == "for" else words)


def _is_fit(attribute: str, kind: str, categories: list[str], catalog: CatalogIndex, types: TypeResolver) -> bool:
    """A must-have of the request that the kind's titles hold as what it fits."""
    fit = fitment(catalog, types, f"{kind} for {attribute}", kind, Constraints(categories=categories))
    return fit is not None and tokenize(fit) == tokenize(attribute)


def _with(had: Constraints, said: Constraints, fits: list[str], drop: list[str]) -> Constraints:
    """The request's constraints with the follow-up's brands and fits, less `drop`."""
    c = had.model_copy(deep=True)
    c.brands = said.brands or c.brands
    c.attributes = [a for a in c.attributes if a not in drop] + [a for a in [*said.attributes, *fits]]
    return c
