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

The same holds for what a follow-up says of the kind ("BPA free, silicone" after a bottle): one
message reads "silicone bottle" as a must-have, the follow-up alone only ranked it
(`said_of_kind`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant.audience import clauses
from assistant.catalog import CatalogIndex
from assistant.compound_kind import fitment
from assistant.constraints import Constraints, phrase_in
from assistant.dialogue import FILLER, Request
from assistant.kind_modifiers import PRO_FORMS
from assistant.message_patterns import FUNCTION_WORDS
from assistant.part_fit import device_brands, fitted_somewhere, kind_titles
from assistant.place_fit import placed
from assistant.said_of_others import refused_words
from assistant.spelling import CHAT_WORDS
from assistant.type_resolution import TypeResolver
from assistant.understand import Query
from common.text import STOPWORDS, singular, terms, tokenize

# Words that close a clause without naming anything ("bpa free PLZ", "silicone ONES please").
_CHAT = [w.strip() for w in CHAT_WORDS.read_text(encoding="utf-8").splitlines() if not w.startswith("#")]
PASSING = FILLER | frozenset(STOPWORDS) | FUNCTION_WORDS | frozenset(terms(" ".join(_CHAT)))
Parse = Callable[[str], Query]  # the understander's one-message reading
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
        # "for the bonnet/hood" after car stickers: a place the kind's titles hold (`place_fit`)
        places = [p for p in placed(clause, categories, catalog) if not fit or not set(terms(p)) <= set(terms(fit))]
        fits += [f for f in [*devices, fit, *places] if f and f not in fits and f not in said.attributes]
    # A fit no product of the kind has ("sorry") only ranks; a model the shop makes other things
    # for ("honda city" after car mats: its sun shades) is a must-have, and the shop has none.
    fits = [f for f in fits if _held(f, categories, catalog) or fitted_somewhere(catalog, f)]
    # "hyundai" read beside "hyundai xcent" is the same car, said in full once
    fits = [f for f in fits if not any(f != g and phrase_in(terms(f), terms(g)) for g in fits)]
    if not fits:
        return Fit(replace(query, constraints=said))
    old = [a for a in request.constraints.attributes if _is_fit(a, kind, categories, catalog, types)]
    together = _with(request.constraints, said, fits, drop=[])
    apart = _with(request.constraints, said, fits, drop=old)
    replaced: list[str] = []
    if not catalog.mask(together).any() and catalog.mask(apart).any():
        replaced = old  # another device than the one said before: the later one is meant
    elif not catalog.mask(together).any() and all(_held(f, categories, catalog) for f in fits):
        return Fit(replace(query, constraints=said))  # no product of the kind fits it: it ranks
    said.attributes += fits
    return Fit(replace(query, constraints=said), replaced)


def _held(fit: str, categories: list[str], catalog: CatalogIndex) -> bool:
    return bool(catalog.mask(Constraints(categories=categories, attributes=[fit])).any())


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
        if fit and (any(phrase_in(terms(fit), t) for t in titles) or fitted_somewhere(catalog, fit)):
            return fit  # held by a title of the kind, or a model the shop fits other things to
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


def said_of_kind(message: str, query: Query, request: Request, catalog: CatalogIndex, parse: Parse) -> Query:
    """The must-haves a follow-up that names no kind says of the kind asked for ("bpa free plz",
    "BPA free, silicone" after a bottle): each clause is read as if said with the kind ("silicone
    bottle"), as one message reads it; a must-have that leaves nothing of the request only ranks."""
    kind, categories = request.product_type, request.constraints.categories
    if query.product_type or not kind or not categories:
        return query
    said = query.constraints.model_copy(deep=True)
    for clause in clauses(message):
        with_kind = parse(f"{clause} {kind}")
        if not with_kind.product_type or terms(with_kind.product_type) != terms(kind):
            continue  # "small wooden box kind": the clause names a kind of its own
        for a in with_kind.constraints.attributes:
            if a in said.attributes or a in request.constraints.attributes or not _closes(clause, a):
                continue
            if catalog.mask(_with(request.constraints, said, [a], drop=[])).any():
                said.attributes.append(a)
    return replace(query, constraints=said)


def _closes(clause: str, attribute: str) -> bool:
    """The must-have is the clause's last content words, the ones said with the kind ("it should
    be bpa free", "silicone ones please"); a word earlier in it is a story's ("my sister says she
    only wears printed ones": "wears" is no must-have, "printed" is)."""
    said = [w for w in terms(clause) if w not in PASSING]
    n = len(terms(attribute))
    return n > 0 and said[-n:] == terms(attribute)


def narrowed_kind(message: str, query: Query, request: Request, catalog: CatalogIndex, parse: Parse) -> Query | None:
    """The query of a follow-up with a clause that is only the words making the kind asked for a
    kind inside it ("plain colour, formal" after shirts: the shop's formal shirts), read as one
    message reads "formal shirts"; None where no clause does, or no product of the request is of
    that kind."""
    kind, categories = request.product_type, request.constraints.categories
    if query.product_type or not kind or not categories:
        return None
    # The kind as the shopper said it, then the shop's own phrases for it and their head nouns: a
    # form said of a kind written as one word ("sling style" after a "handbag": the shop's "hand
    # bag" and "sling bag" share the head "bag") names the kind by its head (held-out set AC d13).
    heads = [terms(c)[-1] for c in categories if len(terms(c)) > 1]
    for clause, said_kind in ((c, k) for c in clauses(message) for k in dict.fromkeys([kind, *categories, *heads])):
        # "sling style please": the pro-form stands for the kind the clause is read with, and the
        # passing words are none of the sub-kind's
        words = tokenize(clause.replace("'", ""))
        bare = " ".join(w for w in words if w not in PRO_FORMS and singular(w) not in PASSING) or clause
        with_kind = parse(f"{bare} {said_kind}")
        named, asked = terms(with_kind.product_type or ""), terms(said_kind)
        if not with_kind.type_carried or len(named) <= len(asked) or named[-len(asked) :] != asked:
            continue
        if [w for w in terms(bare) if w not in PASSING] != named[: -len(asked)]:
            continue  # the clause says more than the sub-kind: "it's single phase", "my friend got wrangler ones"
        modifier = " ".join(named[: -len(asked)])
        if set(named[: -len(asked)]) <= refused_words(clause):
            continue  # "not cricket ones" after gloves refuses the sub-kind, never narrows to it
        if modifier in catalog.brand_names or any(set(terms(b)) & set(named) for b in with_kind.constraints.brands):
            continue  # "puma" after cricket bats asks for the brand, not a kind of bat
        inside = request.constraints.model_copy(update={"categories": with_kind.constraints.categories})
        if with_kind.constraints.categories and catalog.mask(inside).any():
            said = query.constraints.model_copy(update={"categories": with_kind.constraints.categories})
            return replace(query, product_type=with_kind.product_type, constraints=said)
    return None
