"""Dialogue state: the active request of a conversation and how each turn updates it.

The `Request` is what the shopper is looking for right now: a product type, hard `Constraints`
and the semantic text that ranks. By default a turn refines it: what the message says replaces
that slot ("for girls" replaces "for boys", "under 1000" replaces the budget) and everything
else stays. A new product type starts a new request that keeps the audience, budget and colour
where the catalog still has something with them; "start over" drops everything. The diff of
the request before and after a turn is what the reply reports as changed ("added: under ₹1,000").
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from functools import cache

from pydantic import BaseModel, Field

from assistant.amounts import amount_words
from assistant.amounts import lexicon as amounts_lexicon
from assistant.audience import (
    REFUSALS,
    about_someone_else,
    audience_terms,
    clauses,
    is_story,
    person_words,
    recipients,
    request_part,
)
from assistant.carried_tastes import narrow_to_liked
from assistant.catalog import CatalogIndex
from assistant.colour_words import METAL_COLOURS
from assistant.constraints import Constraints
from assistant.implied_audience import GROWN_UPS, all_ages, records_audience
from assistant.kind_modifiers import catalog_form, kind_modifiers
from assistant.lexicon import QUERY_WORDS
from assistant.life_stage import for_the_speaker
from assistant.message_patterns import FUNCTION_WORDS
from assistant.moves import MIN_RATING_FLOOR, RESET, Move
from assistant.new_use import asks_new_use
from assistant.ordinals import order_words
from assistant.pets import PETS
from assistant.price_stance import cheap_denied, money_no_concern
from assistant.replaced_values import attribute_changes, displaced
from assistant.spelling import CHAT_WORDS
from assistant.steering import steering
from assistant.take_back import taken_back_words
from assistant.type_resolution import HARD_AUDIENCE
from assistant.understand import Query
from assistant.untyped_words import telling_words
from assistant.unwished import is_unwished
from common.errors import ShopAssistError
from common.text import COLOURS, STOPWORDS, money, singular, terms, tokenize

# Words of a follow-up that carry no product meaning ("do you have them in red?").
FILLER = frozenset(
    "them they those these ones one it its it's instead actually meant mean please pls only also just any "
    "what about how show me have do you got anything something some cheaper pricier expensive premium more "
    "less options option other others again no yes ok okay sure make then whatever anyway so fine works work "
    "look kind type stuff honestly btw guess".split()
)
# Query words that describe the product (a style, an occasion): they rank, as in a first message.
DESCRIBING = frozenset(steering()["describing_words"])
KEPT_ON_NEW_TYPE = ("audience", "price", "colour", "in stock")
CONTRACTION_TAILS = frozenset({"s", "t", "m", "re", "ll", "d", "ve"})


class Request(BaseModel):
    """The active request: serialised with the session, shown to the shopper as chips."""

    product_type: str | None = None  # in the shopper's words ("kurta")
    constraints: Constraints = Field(default_factory=Constraints)
    text: str = ""  # the semantic text that ranks candidates

    def is_active(self) -> bool:
        return bool(self.product_type or self.text.strip()) or not self.constraints.is_empty()


@dataclass
class Slot:
    """One removable part of a request: its name (a `RequestChip.slot`) and readable label."""

    name: str
    label: str


@dataclass
class Update:
    request: Request
    changes: list[str] = field(default_factory=list)
    new: bool = False  # a new request: nothing has been seen for it yet
    more: bool = False  # page past what was shown ("show more")


# -- reading the request ------------------------------------------------------------------------
def slots(request: Request, currency: str) -> list[Slot]:
    """The request as chips, broad to narrow: type, attributes, audience, brand, colour, price..."""
    c = request.constraints
    out: list[Slot] = []
    if request.product_type:
        out.append(Slot("type", request.product_type))
    for a in c.attributes:
        out.append(Slot("attribute", a))
    if c.flags:
        out.append(Slot("flag", " ".join(c.flags)))
    if c.exclude_attributes:
        out.append(Slot("not attribute", "not " + " or ".join(c.exclude_attributes)))
    if c.audience:
        out.append(Slot("audience", f"for {c.audience}"))
    if c.brands:
        out.append(Slot("brand", "by " + " or ".join(c.brands)))
    if c.exclude_brands:
        out.append(Slot("not brand", "not by " + ", ".join(c.exclude_brands)))
    if c.colours:
        out.append(Slot("colour", "in " + " or ".join(c.colours)))
    if c.exclude_colours:
        out.append(Slot("not colour", "not in " + " or ".join(c.exclude_colours)))
    if c.price_min is not None and c.price_max is not None:
        out.append(Slot("price", f"{money(c.price_min, currency)}–{money(c.price_max, currency)}"))
    elif c.price_max is not None:
        out.append(Slot("price", f"under {money(c.price_max, currency)}"))
    elif c.price_min is not None:
        out.append(Slot("price", f"over {money(c.price_min, currency)}"))
    elif c.price_near is not None:
        out.append(Slot("price", f"around {money(c.price_near, currency)}"))
    elif c.cheap:
        out.append(Slot("price", "at the cheaper end"))  # "137 matches at the cheaper end", not "for cheap"
    elif c.premium:
        out.append(Slot("price", "premium first"))
    if c.min_rating is not None:
        out.append(Slot("rating", f"rated {c.min_rating:g}+"))
    if c.in_stock:
        out.append(Slot("in stock", "in stock"))
    return out


def describe(request: Request, currency: str) -> str:
    """ "kurta for women under ₹1,000": the request in one phrase."""
    return " ".join(s.label for s in slots(request, currency))


def changes_between(old: Request, new: Request, currency: str) -> list[str]:
    """What a turn changed, slot by slot: added, replaced (with what it was), removed; each
    must-have on its own, after the type."""
    before = {s.name: s.label for s in slots(old, currency) if s.name != "attribute"}
    after = {s.name: s.label for s in slots(new, currency) if s.name != "attribute"}
    out = []
    for name, label in after.items():
        if name not in before:
            out.append(f"added: {label}")
        elif before[name] != label:
            out.append(f"replaced: {label} (was {before[name]})")
    out += [f"removed: {label}" for name, label in before.items() if name not in after]
    typed = int("type" in after and before.get("type") != after["type"])  # the type's change leads
    return out[:typed] + attribute_changes(old.constraints.attributes, new.constraints.attributes) + out[typed:]


# -- updating it --------------------------------------------------------------------------------
def update(
    old: Request,
    query: Query,
    move: Move | None,
    shown_prices: list[float],
    catalog: CatalogIndex,
    narrows: bool = False,
    shown_ratings: list[float] | None = None,
) -> Update:
    """The request after a message that said `query` and made `move` (see `assistant.interpret`).
    A new product type (or "start over") starts a new one; `narrows`: the type named lies inside
    the one asked for ("top and pyjama set" after "clothes"), and replaces it in the same request."""
    said = query.constraints
    reset = move == Move.RESET
    base = Request() if reset else old
    new_type = query.product_type is not None and (
        base.product_type is None or terms(query.product_type) != terms(base.product_type)
    )
    narrows = narrows and new_type and base.is_active()
    new_type = new_type and not narrows
    if reset or new_type or not base.is_active():
        request = Request(
            product_type=query.product_type,
            constraints=Constraints(
                categories=list(said.categories), attributes=list(said.attributes), prefer=list(said.prefer)
            ),
            text=" ".join(w for w in RESET.sub(" ", query.text).split() if w.lower() not in order_words(query.raw)),
        )
        if not reset:
            # "and a headlamp for me" after a daughter's sleeping bag: the shopper's own thing
            words = tokenize(query.raw.lower().replace("'", " "))
            own = for_the_speaker(words, person_words())
            _carry_over(
                base, request, catalog, keep=tuple(s for s in KEPT_ON_NEW_TYPE if not (own and s == "audience"))
            )
            if base.product_type is None:  # "the one for a Hero CD", then "a bulb": the words still tell
                request.text += "".join(f" {w}" for w in telling_words(base.text, request, catalog, _said_nothing()))
        new = True
    else:
        request = base.model_copy(deep=True)
        if said.audience and base.constraints.audience and said.audience != base.constraints.audience:
            # "actually it's for my brother": the person said before no longer ranks either.
            request.text = " ".join(w for w in base.text.split() if not set(tokenize(w)) & audience_terms())
        if base.product_type is None and query.product_type is None and asks_new_use(query.raw):
            # "ok what about something to keep her water cold": a new need; what the old words
            # steered and preferred ("yoga") steers no more, the filters stay
            request.text = query.text
            request.constraints.steer_types, request.constraints.prefer = [], []
        else:
            request.text = _merged_text(request.text, query.text, taken_back_words(query.raw))
        # The follow-up's own words the shop records somewhere rank first: appended to a long
        # request text they barely moved the ranking ("something waterproof" after jackets).
        added = [w for w in request.text.split() if w not in base.text.split()]
        # Grammar and chat ("under 800 if possible") are no wish, though some record holds "if".
        grammar = FUNCTION_WORDS | QUERY_WORDS | never_ranking_words()
        wishes = [w for w in added if w.lower() not in grammar and not is_unwished(w, query.unwished)]
        wishes = [w for w in wishes if len(catalog.attribute_rows(terms(w)))]
        request.constraints.prefer += [w for w in wishes if w not in request.constraints.prefer]
        # "aviator ones", "the 9W kind": a modifier of the kind names a sub-kind, and filters
        modifiers = kind_modifiers(
            query.raw, _wished(query, catalog), base.product_type, base.constraints.categories, catalog, said.attributes
        )
        added_values = [*(" ".join(catalog_form(terms(a), catalog)) for a in said.attributes), *modifiers]
        # "750 ml", then "make it a litre": a later value of the same slot replaces the earlier one
        gone = displaced(request.constraints.attributes, added_values, request.constraints.categories, catalog)
        request.constraints.attributes = [x for x in request.constraints.attributes if x not in gone]
        for a in added_values:
            if a not in request.constraints.attributes:
                request.constraints.attributes.append(a)
        if narrows:
            request.product_type, request.constraints.categories = query.product_type, list(said.categories)
        new = False
    bounds = (request.constraints.price_min, request.constraints.price_max)
    _apply(request.constraints, said)
    _for_animal_or_person(request.constraints, said, query.raw)
    unbounded = said.price_min is None and said.price_max is None and said.price_near is None
    if said.premium and unbounded and cheap_denied(query.raw) and not money_no_concern(query.raw):
        # "just shouldn't look cheap": the dearer end of the budget, which stays (set AF d24)
        request.constraints.price_min, request.constraints.price_max = bounds
    _relative_price(request.constraints, said, move, shown_prices)
    _relative_rating(request.constraints, said, move, shown_ratings or [])
    if new and not reset and old.is_active():
        narrow_to_liked(old.constraints, request.constraints, catalog)  # "she loves red", then "a cap"
    if query.audience_from_relation and not records_audience(request.constraints, catalog):
        request.constraints.audience = old.constraints.audience if not new else None
    elif query.audience_from_relation:
        request.constraints.audience = all_ages(request.constraints, catalog)
    if said.audience:  # an audience implied keeps the products that record none; one asked does not
        request.constraints.audience_open = query.audience_from_relation and request.constraints.audience is not None
    # A first request is all new: the reply reports changes to a request the shopper already had.
    changes = changes_between(old, request, catalog.currency) if old.is_active() else []
    more = move == Move.MORE and not changes and not new
    return Update(request, changes, new=new or reset, more=more)


def _wished(query: Query, catalog: CatalogIndex) -> set[str]:
    """The words a follow-up asks for that may name a sub-kind: no grammar, colour, audience,
    amount or chat word, nothing negated, taken back or told in a story, no brand it names."""
    said = query.constraints
    skip = FILLER | STOPWORDS | QUERY_WORDS | FUNCTION_WORDS | set(COLOURS) | set(HARD_AUDIENCE) | never_ranking_words()
    skip |= taken_back_words(query.raw) | {w for b in said.brands for w in terms(b)} | audience_terms()
    return {w for w in _asked_words(query.raw) if w not in skip and not is_unwished(w, query.unwished)}


def remove(old: Request, slot: str, catalog: CatalogIndex) -> Update:
    """The request without one chip's constraint (the web page's and the API's chip removal)."""
    names = [s.name for s in slots(old, catalog.currency)]
    if slot not in names:
        raise ShopAssistError(
            f"the active request has no '{slot}' to remove; it has: {', '.join(names) or 'nothing yet'}"
        )
    request = old.model_copy(deep=True)
    c = request.constraints
    if slot == "type":
        type_words = set(terms(old.product_type or "")) | {w for p in c.categories for w in terms(p)}
        request.product_type, c.categories = None, []
        request.text = " ".join(w for w in request.text.split() if not set(terms(w)) & type_words)
    elif slot == "attribute":
        drop = {w for a in c.attributes for w in tokenize(a)}
        c.attributes = []
        request.text = " ".join(w for w in request.text.split() if not set(tokenize(w)) & drop)
    elif slot == "flag":
        c.flags = []
    elif slot == "not attribute":
        c.exclude_attributes = []
    elif slot == "audience":
        c.audience = None
    elif slot == "brand":
        _type_without_brands(request, catalog)
        c.brands = []
    elif slot == "not brand":
        c.exclude_brands = []
    elif slot == "colour":
        c.colours = []
    elif slot == "not colour":
        c.exclude_colours = []
    elif slot == "price":
        c.price_min = c.price_max = c.price_near = None
        c.cheap = c.price_strict = c.premium = False
    elif slot == "rating":
        c.min_rating = None
    elif slot == "in stock":
        c.in_stock = False
    return Update(request, changes_between(old, request, catalog.currency))


def _type_without_brands(request: Request, catalog: CatalogIndex) -> None:
    """A type read with the brand in it ("wrangler jeans") loses the brand with the brand chip,
    where the catalog has the rest as a type ("jeans")."""
    brand_words = {w for b in request.constraints.brands for w in terms(b)}
    kept = [w for w in (request.product_type or "").split() if singular(w.lower()) not in brand_words]
    if not request.product_type or len(kept) == len(request.product_type.split()) or not kept:
        return
    rest = " ".join(kept)
    if catalog.has_phrase(terms(rest)):
        request.product_type = rest
        c = request.constraints
        c.categories = [rest] + [p for p in c.categories if not set(terms(p)) & brand_words and p != rest]


def _for_animal_or_person(c: Constraints, said: Constraints, message: str) -> None:
    """An animal said as who the product is for replaces the person it was for, and a person said
    as its recipient replaces the animal: "a raincoat for my dog" after "a rain jacket for my
    husband" kept "for men", and "a raincoat for my son" after it kept "dog" (a demo-catalog chat,
    session 18). A person described ("he's a big boy", of the dog: set AF d22) replaces nothing."""
    animals = [a for a in said.attributes if a in PETS]
    if animals and not said.audience:
        c.audience, c.audience_open = None, False
    elif said.audience and not animals and recipients(message):
        c.attributes = [a for a in c.attributes if a not in PETS]
    elif said.audience and any(a in PETS for a in c.attributes):
        c.audience, c.audience_open = None, False  # "he's a big boy" describes the dog


def _apply(c: Constraints, said: Constraints) -> None:
    """Each slot the message fills replaces the request's (corrections are replacements too)."""
    if said.price_min is not None or said.price_max is not None or said.price_near is not None:
        c.price_min, c.price_max, c.cheap = said.price_min, said.price_max, False
        c.price_strict, c.price_near, c.premium = said.price_strict, said.price_near, False
    elif said.premium:
        c.price_min, c.price_max, c.cheap, c.price_strict, c.price_near, c.premium = (
            None,
            None,
            False,
            False,
            None,
            True,
        )
    elif said.cheap:  # the cheap end within the bound said: "same budget", "cheap is better" after "under 800"
        c.cheap, c.premium = True, False
    for colour in said.exclude_colours:
        if colour not in c.exclude_colours:
            c.exclude_colours.append(colour)
        c.colours = [x for x in c.colours if x != colour]
    if said.colours:
        c.colours = [x for x in said.colours if x not in said.exclude_colours]
        c.exclude_colours = [x for x in c.exclude_colours if x not in said.colours]
    c.flags += [k for k in said.flags if k not in c.flags]
    for a in said.exclude_attributes:  # "not the fabric ones": refused from now on, asked no more
        if a not in c.exclude_attributes:
            c.exclude_attributes.append(a)
        c.attributes = [x for x in c.attributes if x != a]
    for b in said.exclude_brands:
        if b not in c.exclude_brands:
            c.exclude_brands.append(b)
        c.brands = [x for x in c.brands if x != b]
    if said.brands:
        c.brands = [b for b in said.brands if b not in c.exclude_brands]
        c.exclude_brands = [b for b in c.exclude_brands if b not in said.brands]
    if said.audience:
        c.audience = said.audience
    if said.steer_types:
        c.steer_types = list(said.steer_types)
    c.prefer += [w for w in said.prefer if w not in c.prefer]  # a taste said ("she's into tan")
    if said.min_rating is not None:
        c.min_rating = said.min_rating
    if said.in_stock:
        c.in_stock = True


def _relative_price(c: Constraints, said: Constraints, move: Move | None, shown_prices: list[float]) -> None:
    """ "cheaper": under the cheapest shown; "more premium": over the dearest shown."""
    if said.price_min is not None or said.price_max is not None or said.price_near is not None:
        return
    if move == Move.CHEAP_FIRST:
        c.cheap = True  # the search ranks within the bound, or finds a cheap one where none is said
    elif move == Move.CHEAPER:
        ceiling = min(shown_prices) if shown_prices else c.price_max
        if ceiling is not None:
            c.price_max, c.price_min, c.cheap, c.price_strict = ceiling, None, False, True
        else:
            c.cheap = True
    elif move == Move.PRICIER and shown_prices:
        c.price_min, c.price_max, c.cheap, c.price_strict = max(shown_prices), None, False, True


def _relative_rating(c: Constraints, said: Constraints, move: Move | None, shown_ratings: list[float]) -> None:
    """ "better rated": above the median rating shown (next tenth up), and at least the floor."""
    if move != Move.BETTER_RATED or said.min_rating is not None:
        return
    floor = MIN_RATING_FLOOR
    if shown_ratings:
        median = statistics.median(shown_ratings)
        floor = max(floor, math.floor(median * 10 + 1) / 10)
    c.min_rating = min(max(floor, c.min_rating or 0.0), 5.0)


def _carry_over(old: Request, new: Request, catalog: CatalogIndex, keep: tuple[str, ...] = KEPT_ON_NEW_TYPE) -> None:
    """A new type keeps the audience, budget, colour and in-stock wish (`keep`) where the catalog
    still has that type with it; a type the catalog lacks keeps them all (nothing to check against)."""
    c, prev = new.constraints, old.constraints
    type_only = Constraints(categories=c.categories)
    has_type = bool(catalog.mask(type_only).any())
    # A brand said before any kind ("from that brand, the one for a Hero CD", then "one bulb")
    # is what the kind is asked of; a brand said of another kind is that kind's.
    for slot in keep + (("brand",) if old.product_type is None else ()):
        trial = c.model_copy(deep=True)
        if slot == "audience":
            trial.audience = prev.audience
        elif slot == "price":
            trial.price_min, trial.price_max, trial.cheap = prev.price_min, prev.price_max, prev.cheap
            trial.price_strict, trial.price_near, trial.premium = prev.price_strict, prev.price_near, prev.premium
        elif slot == "colour":
            trial.colours = list(prev.colours)
        elif slot == "brand":
            trial.brands = list(prev.brands)
        else:
            trial.in_stock = prev.in_stock
        if trial == c:
            continue
        # A grown-up's audience stays whatever the new kind holds: "how about sandals instead"
        # after shoes for a dad showed women's clogs (the catalog's sandals are women's, girls'
        # and boys'); with none for him the reply says so and offers the closest. A child's may
        # go: a mosquito net for a baby's cot is filed for kids.
        if not has_type or catalog.mask(trial).any() or (slot == "audience" and prev.audience in GROWN_UPS):
            new.constraints = c = trial


def _merged_text(old: str, new: str, taken_back: frozenset[str] = frozenset()) -> str:
    """The request's text plus the follow-up's own content words ("with a white dial" adds
    "dial"); follow-up grammar, audiences, colours and amounts (constraints already), chat words
    and the tails of contractions add nothing, nor does what the shopper says in an aside ("he
    plays guitar all day"), a story ("she just started college"), negates ("he can't read the digital ones")
    or takes back (`taken_back`: the words of "scrap the colour thing")."""
    # Metal colours describe the material ("white gold"): they rank; other colours are filters.
    colours = set(COLOURS) - METAL_COLOURS
    skip = FILLER | STOPWORDS | (QUERY_WORDS - DESCRIBING) | set(HARD_AUDIENCE) | colours | never_ranking_words()
    have = set(tokenize(old)) | order_words(new)  # "first the knee pads": the order, not a wish
    skip |= taken_back
    extra = [w for w in _asked_words(new) if w not in skip and w not in have and not w.isdigit()]
    return " ".join([old, *dict.fromkeys(extra)]).strip()


@cache
def _said_nothing() -> frozenset[str]:
    return FILLER | STOPWORDS | FUNCTION_WORDS | QUERY_WORDS | never_ranking_words() | set(COLOURS)


@cache
def never_ranking_words() -> frozenset[str]:
    """Amount words, chat words and what a contraction leaves ("can't" -> "t")."""
    chat = {w for w in CHAT_WORDS.read_text(encoding="utf-8").split() if not w.startswith("#")}
    return amount_words() | frozenset(chat) | CONTRACTION_TAILS


def _asked_words(text: str) -> list[str]:
    """The words of the clauses that ask for something: each clause up to an aside cue and up
    to a negation ("not a swift", "can't stand floral smells")."""
    negations = {n.replace("'", "") for n in amounts_lexicon().negations} | REFUSALS
    whom = recipients(text)
    out: list[str] = []
    for clause in clauses(request_part(text)):
        words = tokenize(clause.replace("'", " "))
        if is_story(words) or about_someone_else(words, whom):
            continue  # "he lives in scotland", "my old one was silver": a story, not a wish
        for w in tokenize(clause.replace("'", "")):
            if w in negations:
                break
            out.append(w)
    return out
