"""A follow-up read against the active request: what it means beyond what it says alone.

`Understander.parse` reads a message on its own. In a conversation the same words mean less or
more, and `read_follow_up` corrects the parse for the request it follows:

- who it is for: a pronoun ("for him", "she's tiny") keeps the age group of the request and only
  says the gender; a relation that is no recipient ("my wife says...", "her mom mentioned...",
  "my dad sold the old one") changes nothing; an age, an audience word or a relation in a
  recipient's place ("for the missus", "my wife wants some too") sets it;
- the kind: a noun that describes the kind asked for ("gold finish", "eyelet type", "tea tree",
  "full sleeves", "around the house") refines it; a kind inside the one asked for narrows it
  ("top and pyjama set" after clothes); only an unrelated kind, a broader one said as a widening
  ("a sweatshirt is fine too") or a switch word starts a new request (`TypeChange`);
- colours: one named beside a colour the request has replaces it ("she already has black, make
  it white"); a colour closing a message that names no kind is a colour ("she wants tan");
- what it takes back is not said again ("forget wrangler, any brand" drops the brand);
- a bound corrected by number ("meant 900 not 500") replaces that bound.

The word lists are data (`assistant/data/steering.json`, "follow_up_reading").
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import StrEnum

import numpy as np

from assistant.acceptable_amounts import as_ceiling
from assistant.amounts import bare_amounts
from assistant.audience import (
    AGE,
    audience_terms,
    clauses,
    read_audience,
    recipients,
    speaker_at,
    states_age,
    table,
    taken_back,
)
from assistant.brand_reference import points_at_brand
from assistant.catalog import CatalogIndex
from assistant.colour_negation import negated_colours
from assistant.colour_words import COLOUR_CONTEXT, METAL_COLOURS, SHADES, metals_named_alone
from assistant.constraints import Constraints, phrase_in
from assistant.dialogue import FILLER, Request, never_ranking_words
from assistant.follow_up_amounts import amounts_said
from assistant.implied_audience import pet_pointed_at
from assistant.lexicon import QUERY_WORDS
from assistant.loosened_budget import loosen_ceiling
from assistant.message_patterns import FUNCTION_WORDS
from assistant.ordinals import ORDINALS
from assistant.problem_values import only_refused, problem_words
from assistant.resemblance import only_resembled
from assistant.said_of_others import kin_told_of, refused_words, told_in_a_story
from assistant.steering import steering
from assistant.told_colours import colour_clauses
from assistant.understand import Query
from common.text import COLOURS, STOPWORDS, normalise_colour, terms, tokenize

_WORDS = steering()["follow_up_reading"]
ASPECT_NOUNS = frozenset(_WORDS["aspect_nouns"])
PLACE_WORDS = frozenset(_WORDS["place_words"])
SKIPPED = frozenset(_WORDS["skipped_before_noun"])
RECIPIENT_BEFORE = frozenset(_WORDS["recipient_before"])
RECIPIENT_AFTER = [tuple(p.split()) for p in _WORDS["recipient_after"]]


def _phrases(key: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _WORDS[key]) + r")\b", re.I)


WIDEN = _phrases("widen")
PERMISSIVE = _phrases("permissive")
# A cue's words may be split by a comma or dots as said: "no, make it", "wait... no".
SELF_CORRECTION = re.compile(
    r"\b(?:" + "|".join(r"[\s,.]+".join(map(re.escape, p.split())) for p in _WORDS["self_corrections"]) + r")\b",
    re.I,
)
BOUND_CORRECTION = _phrases("bound_corrections")
ASKS = re.compile(r"^\s*(?:" + "|".join(re.escape(p) for p in _WORDS["asks"]) + r")\b", re.I)
REVISION_LOW, REVISION_HIGH = _WORDS["revised_bound_band"]
NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w.]*\w)")
# Products of a kind narrowed to must mostly lie inside the kind asked for; a broader kind must
# hold most of it. Read off the dev dialogue sets (clothes -> pyjama set: 2 of 4 inside).
NARROW_SHARE, COVER_SHARE = 0.5, 0.8
# Pronouns that say who does something ("she wants", "he's 6"); "his", "her" before a noun say whose.
# The first words of a request said as a question ("anything under 1500?", "a beard wash maybe?").
REQUEST_OPENERS = frozenset(_WORDS["request_openers"])
# Words before the kind that still open a clause with it ("maybe a duvet cover", "ok some mugs").
CLAUSE_OPENERS = frozenset(_WORDS["opening_filler"]) | frozenset({"a", "an", "the", "some", "maybe", "perhaps", "just"})
OPENING_FILLER = frozenset(_WORDS["opening_filler"])
ASKING_FRAMES = [tuple(p.split()) for p in sorted(_WORDS["asking_frames"], key=len, reverse=True)]
WANTING_OPENERS = [tuple(p.split()) for p in _WORDS["wanting_openers"]]
CARD_WORDS = frozenset(_WORDS["card_words"]) | frozenset(ORDINALS)
SUBJECT_PRONOUNS = frozenset({"he", "she", "hes", "shes"})  # "hes 12": the apostrophe left out
# Possessives that point at someone already named ("his sister"), not at the shopper ("my sister").
THIRD_PERSON_OWNERS = frozenset({"his", "her", "their"})
# Words that are no noun: a metal before one of them names no material ("silver would match").
NOT_A_NOUN = frozenset(STOPWORDS) | FUNCTION_WORDS | FILLER
RECIPIENT_REACH = 3  # words between "for" and the person: "for my teenage son"


class TypeChange(StrEnum):
    SWITCH = "switch"  # a new request for another kind
    NARROW = "narrow"  # the same request, narrowed to a kind inside the one asked for
    DESCRIBE = "describe"  # the same kind: the noun describes it


def read_follow_up(
    message: str,
    query: Query,
    request: Request,
    catalog: CatalogIndex,
    switch: bool,
    earlier: tuple[str, ...] = (),
    told: bool = False,
) -> tuple[Query, TypeChange | None]:
    """The query a follow-up to `request` states, and how it changes the kind (None: it names
    none, or the same). `switch`: the message has a word that starts a new request; `earlier`:
    the shopper's earlier messages, which say who a pronoun is ("my brother is 16", then "for him");
    `told`: the request's kind was only told in a story, never asked (`assistant.told_kinds`), so
    a carried kind named now is the request."""
    said = query.constraints.model_copy(deep=True)
    change = None
    named_other = (
        query.product_type and request.product_type and terms(query.product_type) != terms(request.product_type)
    )
    if named_other and query.type_carried:
        # A kind only told before is left for one named now, unless the new one is a word of the
        # told one ("a kartique jewellery box", then "to see the jewellery inside": its contents)
        apart = not set(terms(query.product_type)) & set(terms(request.product_type))
        change = TypeChange.SWITCH if switch or (told and apart) else type_change(message, query, request, catalog)
    if query.product_type and not switch and told_in_a_story(message, query.product_type):
        # "he spends all day playing cricket with his bat" after "a gift for my brother": the
        # head of the request is what a clause asks for; a kind in a story about someone is
        # theirs, and it neither becomes the kind nor replaces it (the held-out set of session 8)
        change = TypeChange.DESCRIBE
    by_record = named_other and not said.categories and query.product_type in said.attributes
    if by_record and change != TypeChange.SWITCH:
        # A kind the shop knows only from a product's "Type" record ("rain type spray" after a
        # shower head) that does not start a new request only says what the kind asked for is
        # like: it ranks, as any kind in a follow-up that describes the request does.
        said.attributes.remove(query.product_type)
    said.audience = follow_up_audience(message, said.audience, query.audience_from_relation, request, earlier)
    if said.audience is None and (pet := pet_pointed_at(message, earlier)) and pet not in said.attributes:
        said.attributes.append(pet)  # "got a puppy!!", then "need a toy for him"
    if change != TypeChange.SWITCH:
        said.colours = follow_up_colours(message, said.colours, request.constraints.colours, query)
        if (colours := colour_clauses(message)).told:
            # "black if possible, the white ones get dirty": white is told of other things
            said.colours = [c for c in said.colours if c not in colours.told]
            said.colours += [c for c in colours.asked if c not in said.colours]
        _correct_bound(message, said, request.constraints)
        as_ceiling(message, said, PERMISSIVE)  # "1.8k is ok": the most they will pay
        loosen_ceiling(message, said, request.constraints)  # "ok can stretch a bit"
    _not_said_again(message, said)
    said.brands = [b for b in said.brands if not _fitted_brand(message, b, request, catalog)]
    allowed = not_required(message, recipients(request.text))
    said.attributes += [a for a in query.recorded if a not in said.attributes and _checkable(a, request, catalog)]
    said.attributes = [a for a in said.attributes if a not in allowed]
    refused = refused_words(message)  # "steel, not plastic": plastic is no must-have
    # "cables annoy me", "anarkali is too much": named as the problem, no must-have either
    problem = set(terms(" ".join(problem_words(message))))
    said.attributes = [a for a in said.attributes if not set(terms(a)) <= refused | problem]
    said.colours = [c for c in said.colours if c not in problem]
    amounts = amounts_said(last_word(message), request.constraints.categories, catalog)
    said.attributes += [a for a in amounts if a not in said.attributes]
    if query.product_type and only_refused(query.product_type, request.product_type, refused | problem):
        # "not cricket ones" after gloves, "cables annoy me" after a headset: the kind the words
        # make is the one refused or complained of; the request keeps its own kind
        change = TypeChange.DESCRIBE
    only_resembled(message, said)  # "something leather-ish looking": like leather, ranks only
    # A brand named only in a clause that allows it ("hrs is fine") or about another person's
    # things ("mom has a milton one, doesnt matter") ranks, it does not filter (set I).
    passing = [b for b in said.brands if set(tokenize(b)) <= allowed]
    said.brands = list(dict.fromkeys(b for b in said.brands if b not in passing))  # said twice is one brand
    said.prefer += [b for b in passing if b not in said.prefer]
    if change != TypeChange.SWITCH:
        _narrow_to_tastes(query, said, request, catalog)
    # "ok, blue is fine too" after "anything but blue" lifts the refusal; it asks for no blue.
    refused = set(request.constraints.exclude_colours)
    said.colours = [c for c in said.colours if not (c in allowed and c in refused)]
    said.colours = [c for c in said.colours if not _names_a_product(message, c, catalog, query.corrections)]
    query = replace(query, constraints=said)
    if change == TypeChange.DESCRIBE:
        query = replace(query, product_type=None)
        query.constraints.categories = []
    return query, change


def _names_a_product(message: str, colour: str, catalog: CatalogIndex, corrections: dict[str, str]) -> bool:
    """A colour word closing the message that the catalog's titles use with the word before it
    ("is there a curling cream?": the shop's "curling cream") names a product, not a colour."""
    words = [corrections.get(w, w) for w in tokenize(message.lower())]
    said = terms(" ".join(words[-2:]))
    return (
        len(words) > 1
        and normalise_colour(words[-1]) == colour
        and words[-2] not in COLOUR_CONTEXT
        and any(phrase_in(said, terms(catalog.products[int(r)].title)) for r in catalog.attribute_rows(said))
    )


def _narrow_to_tastes(query: Query, said: Constraints, request: Request, catalog: CatalogIndex) -> None:
    """A taste said in answer to what is shown ("she's into tan, earthy stuff", "he likes printed
    stuff") narrows the request to it where some of its products have it; where none does it
    only ranks (said alone, in one message, a taste always only ranks: `Understander.parse`)."""
    merged = request.constraints.model_copy(deep=True)
    for name in ("price_min", "price_max", "audience"):
        if getattr(said, name) is not None:
            setattr(merged, name, getattr(said, name))
    merged.colours = said.colours or merged.colours
    merged.attributes = [*merged.attributes, *said.attributes]
    for colour in said.prefer:
        if colour not in merged.colours and catalog.mask(merged.model_copy(update={"colours": [colour]})).any():
            said.colours = [*said.colours, colour]
    for taste in query.tastes:
        narrowed = merged.model_copy(update={"attributes": [*merged.attributes, taste]})
        if taste not in said.attributes and _checkable(taste, request, catalog) and catalog.mask(narrowed).any():
            said.attributes.append(taste)


def _fitted_brand(message: str, brand: str, request: Request, catalog: CatalogIndex) -> bool:
    """A brand after "for" that makes none of the kind asked for is the device the product fits
    ("for lenovo s880" after a mobile pouch), as `Understander._brands` reads "pouch for lenovo"
    in one message: it ranks, it does not filter."""
    if not request.constraints.categories:
        return False
    words = tokenize(message.lower())
    named = tokenize(brand.lower())
    after_for = any(words[i : i + len(named)] == named and i and words[i - 1] == "for" for i in range(len(words)))
    kind = Constraints(categories=request.constraints.categories, brands=[brand])
    return after_for and not catalog.mask(kind).any()


def _checkable(attribute: str, request: Request, catalog: CatalogIndex) -> bool:
    """A recorded value said with no kind ("make it sleeveless") filters only where the kind asked
    for records that specification; elsewhere it cannot be checked and only ranks."""
    entry = catalog.recorded.phrases.get(attribute)
    if entry is None or not request.constraints.categories:
        return False
    kinds = catalog.kind_rows(request.constraints.categories)
    return any(catalog.recorded.recorded_for(entry, rows) for rows in kinds)


# -- the kind -------------------------------------------------------------------------------------
def type_change(message: str, query: Query, request: Request, catalog: CatalogIndex) -> TypeChange:
    """Whether a kind named in a follow-up with no switch word switches, narrows or describes."""
    named = terms(query.product_type or "")
    if _described_in_place(tokenize(message.replace("'", "")), named):
        return TypeChange.DESCRIBE
    asked = catalog.mask(Constraints(categories=request.constraints.categories))
    if not asked.any():
        # The kind asked for is one the shop does not carry (nothing was shown for it, or it
        # came from a story: "cleared his driving test"): a kind it carries is the request now.
        return TypeChange.SWITCH
    old_head = terms(request.product_type or "")[-1:]
    if named[-1:] != old_head and old_head and old_head[0] in named[:-1]:
        # "a bag for the yoga mat" after mats: the shop's "yoga mat bag" holds the word "mat",
        # so every one is among the mats asked, but a bag is another kind (set I)
        asks_for = _only_asks_for(query, named) or _opens_a_clause(message, named)
        return TypeChange.SWITCH if asks_for or _opens_a_clause(message, named[-1:]) else TypeChange.DESCRIBE
    new = catalog.mask(Constraints(categories=query.constraints.categories))
    mentions = np.zeros(len(catalog), dtype=bool)
    mentions[catalog.attribute_rows(named)] = True
    # The shop's own kinds the phrase resolved to count as saying it: "handbag" is no word of the
    # bags asked for, yet the shop's "hand bag"s are among them (set I read it as a description).
    if not (asked & (mentions | new)).any():
        # Nothing asked for says it: another kind when the message asks for it and little else
        # ("dupatta", "black sneakers under 2000"); a noun in passing otherwise ("hold on, my
        # sister needs a pair too").
        asks_for = _only_asks_for(query, named) or _opens_a_clause(message, named)
        return TypeChange.SWITCH if asks_for else TypeChange.DESCRIBE
    inside, n_asked, n_new = int((asked & new).sum()), int(asked.sum()), int(new.sum())
    if n_new and inside >= NARROW_SHARE * n_new and n_new <= n_asked:
        return TypeChange.NARROW
    if inside >= COVER_SHARE * n_asked and WIDEN.search(message):
        return TypeChange.SWITCH  # "a sweatshirt is fine too" after hoodies: the broader kind
    if n_new and inside < NARROW_SHARE * n_new and _opens_a_clause(message, named):
        # A kind the shop sells mostly outside what was asked, opening its clause: another kind,
        # though an asked product mentions it ("swimsuit please" after a story's "swimming
        # classes", whose one product's record says swimsuit; set W stayed on that one product).
        return TypeChange.SWITCH
    return TypeChange.DESCRIBE


def _only_asks_for(query: Query, named: list[str]) -> bool:
    """The message names the kind and constraints, and no other content word."""
    plain = FILLER | STOPWORDS | QUERY_WORDS | audience_terms() | set(COLOURS) | never_ranking_words()
    return all(w in plain or w in named or w.isdigit() for w in terms(query.text))


def _opens_a_clause(message: str, named: list[str]) -> bool:
    """A clause starts with the kind, past an article ("a duvet cover, grey or something neutral"
    after bedding): it is what is asked for, whatever else the message says (set H)."""
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        while words and (words[0] in CLAUSE_OPENERS or words[0] in COLOURS):
            words = words[1:]  # "a red handbag for myself": the colour qualifies the kind asked for
        if named and terms(" ".join(words[: len(named)])) == named:
            return True
        if named and _asks_in_frame(words, named):
            return True
    return False


def _asks_in_frame(words: list[str], named: list[str]) -> bool:
    """The clause opens with an asking frame ("any", "is there a", "do you have"; `asking_frames`)
    and names the kind after it: the words between describe the kind asked for ("any good
    trimmer", "is there a curling cream")."""
    frame = next((f for f in ASKING_FRAMES if tuple(words[: len(f)]) == f), None)
    if frame is None:
        return False
    rest = terms(" ".join(words[len(frame) :]))
    n = len(named)
    return any(rest[i : i + n] == named for i in range(len(rest) - n + 1))


def _described_in_place(words: list[str], named: list[str]) -> bool:
    """The kind is named as an aspect ("gold finish", "eyelet type") or after a word of place or
    purpose ("around the house", "for a door")."""
    if not named:
        return False
    if named[-1] in ASPECT_NOUNS:
        return True
    n = len(named)
    for i in range(len(words) - n + 1):
        if terms(" ".join(words[i : i + n])) != named:
            continue
        after = words[i + n] if i + n < len(words) else ""
        if after in ASPECT_NOUNS or _after_place_word(words, i):
            return True
    return False


def _after_place_word(words: list[str], i: int) -> bool:
    """A place or purpose word before position `i`, across articles and at most one word that
    qualifies the noun ("for the bedroom window", "around the house")."""
    j, qualifiers = i - 1, 0
    while j >= 0:
        if words[j] in PLACE_WORDS:
            return True
        if words[j] not in SKIPPED:
            qualifiers += 1  # a colour is what is wanted ("in black sneakers"), not where
            if qualifiers > 1 or words[j] in COLOURS:
                return False
        j -= 1
    return False


# -- who it is for --------------------------------------------------------------------------------
def follow_up_audience(
    message: str, said: str | None, implied: bool, request: Request, earlier: tuple[str, ...] = ()
) -> str | None:
    """The audience a follow-up states (see the module docstring); None: it states none.
    `earlier`: the shopper's earlier messages, read for who a pronoun is."""
    old = request.constraints.audience
    if said is None or not implied:
        return said
    t = table()
    words = tokenize(message.replace("'", " "))
    people = [i for i, w in enumerate(words) if w in t.people and not speaker_at(words, i)]
    if (
        people
        and not states_age(message)
        and not any(_recipient(words, i) and not kin_told_of(words, i, bool(old)) for i in people)
    ):
        return None  # "my wife says not more than 500": she is not who it is for
    if people and old and not states_age(message):
        return _relative_to(words, people, said, old)
    if people:
        return said
    if states_age(message):
        # "4 saal ki hai" / "she's 4" after a daughter: the age says the group, the request the
        # gender (set N d22 read a girl of 4 as kids and showed boys' clothes beside girls')
        return _with_gender_of(old, said) if old else said
    pronouns = [i for i, w in enumerate(words) if w in t.pronouns]
    if not any(words[i] in SUBJECT_PRONOUNS or _recipient(words, i) for i in pronouns):
        return None  # "his wagon r", "her feet freeze": whose, not for whom
    if old is None:
        # The person an earlier message told about, with their age ("my younger brother is 16 and
        # into rap", then "a cap for him": a boy's), or a pet ("we just adopted a puppy", then "a
        # chew toy for him": no one's). Said in an aside there, it set no audience then (set H).
        return read_audience(message, " . ".join([*earlier, message])).audience if earlier else said
    gender = next((t.pronouns[words[i]] for i in pronouns), None)
    group = _age_group_of(old)
    if gender is None or group is None:
        return said
    return t.audience.get(f"{gender} {group}", said)


def _recipient(words: list[str], i: int) -> bool:
    """The person at word i is who the request is for: up to three words after "for"/"gift"...
    ("for my teenage son", "for beard, hubby's birthday"), or before "wants", "needs", "is"..."""
    if RECIPIENT_BEFORE & set(words[max(0, i - RECIPIENT_REACH) : i]):
        return True
    return any(tuple(words[i + 1 : i + 1 + len(p)]) == p for p in RECIPIENT_AFTER)


def _relative_to(words: list[str], people: list[int], said: str | None, old: str) -> str | None:
    """A relation read against who the request was for: a peer of the one named before ("it's
    for his sister instead" after "for my son") is of their age group; a son or daughter with no
    age in a request already for children ("want a kids' watch", then "for my daughter") is a
    child."""
    t = table()
    for i in people:
        gender, group = t.people[words[i]]
        owner = words[i - 1] if i else ""
        if words[i] in t.peers and owner in THIRD_PERSON_OWNERS:
            return t.audience.get(f"{gender} {_age_group_of(old)}", said)
        if group == "any" and said == t.audience.get(f"{gender} any") and _age_group_of(old) == "child":
            return t.audience.get(f"{gender} child", said)
    return said


def _with_gender_of(old: str, said: str | None) -> str | None:
    """The audience `said` (of no gender: "kids") in the gender of `old` ("girls or women")."""
    t = table()
    keys = {v: k.split() for k, v in t.audience.items()}
    gender, group = keys.get(old, [None])[0], _age_group_of(said or "")
    if said is None or keys.get(said, ["null"])[0] not in ("null", None) or gender in (None, "null"):
        return said
    return t.audience.get(f"{gender} {group}", said)


def _age_group_of(audience: str) -> str | None:
    """The age group an audience stands for ("boys" -> "child"), from the audience table."""
    groups = {"men": "adult", "women": "adult", "boys": "child", "girls": "child", "kids": "child", "baby": "baby"}
    groups |= {a: "any" for key, a in table().audience.items() if key.endswith(" any")}
    return groups.get(audience)


# -- colours, bounds, what is taken back ----------------------------------------------------------
def follow_up_colours(message: str, said: list[str], had: list[str], query: Query) -> list[str]:
    """The colours a follow-up says, read against the ones the request has."""
    words = tokenize(message)
    closing = normalise_colour(words[-1]) if words and words[-1] in COLOURS else None
    if closing and len(words) > 1 and words[-1] in SHADES.get(words[-2], ()):
        closing = None  # "navy blue": the shade said is the colour
    if closing and closing not in said and not query.product_type and words[-1] not in METAL_COLOURS:
        said = [*said, closing]  # "she wants tan": no noun for the colour to qualify
    if had:  # "golden ones", then "hmm no, silver would match my saree better" (set O d28)
        said = [*said, *(m for m in metals_named_alone(words, NOT_A_NOUN) if m not in said)]
    new = [c for c in said if c not in had]
    if new and len(new) < len(said) and not re.search(r"\b(?:or|also|too|as well)\b", message, re.I):
        return new  # "she already has black. make it white": the new one replaces the old
    return said


def _without_told_ages(message: str) -> str:
    """The message less the ages it tells of a person ("a gift for my dad, he's 70" after a budget
    of $40 revised the budget to $70 on the demo catalog): an age with its unit ("70 years old"),
    or a number after a person or pronoun ("he's 70", "my dad is 70"), not "the budget is 70"."""
    t = table()
    people = set(t.people) | set(t.pronouns) | {"i", "im", "they", "theyre"}
    kept, last = [], 0
    for m in AGE.finditer(message.lower()):
        before = tokenize(message[: m.start()].replace("'", " "))[-2:]
        with_unit = m.group(3) is None  # AGE's third group is the number after "is", "s", "aged"...
        if with_unit or people & set(before) or m.group().startswith(("hes", "shes")):
            kept.append(message[last : m.start()])
            last = m.end()
    return " ".join([*kept, message[last:]])


def _correct_bound(message: str, said: Constraints, had: Constraints) -> None:
    """ "meant 900 not 500": a number that corrects the bound the request has replaces it; "let
    me stretch it, 900 is fine": one amount with no cue revises the one bound the request has."""
    if said.price_min is not None or said.price_max is not None or said.price_near is not None:
        return
    if not BOUND_CORRECTION.search(message):
        _revise_bound(message, said, had)
        return
    values = [float(n.replace(",", "")) for n in NUMBER.findall(message)]
    if not any(getattr(had, b) in values for b in ("price_max", "price_min") if getattr(had, b) is not None):
        # "hmm actually make that 400" after "budget maybe 500": the cue with the new amount
        # alone revises the bound as an amount with no cue does (set AG d02 kept 500)
        _revise_bound(message, said, had)
        return
    for bound in ("price_max", "price_min"):
        old = getattr(had, bound)
        others = [v for v in values if v != old]
        if old is not None and old in values and len(others) == 1:
            setattr(said, bound, others[0])
            if bound == "price_max" and had.price_min is not None:
                said.price_min = had.price_min
            if bound == "price_min" and had.price_max is not None:
                said.price_max = had.price_max


def _revise_bound(message: str, said: Constraints, had: Constraints) -> None:
    """One amount no cue bounds, near the one bound the request has, is that bound revised."""
    bounds = [b for b in ("price_max", "price_min") if getattr(had, b) is not None]
    amounts = bare_amounts(_without_told_ages(message))
    if len(bounds) != 1 or len(amounts) != 1:
        return
    old, new = getattr(had, bounds[0]), amounts[0]
    if REVISION_LOW * old <= new <= REVISION_HIGH * old:
        setattr(said, bounds[0], new)


def not_required(message: str, whom: frozenset[str] = frozenset()) -> set[str]:
    """Words the message names without requiring them: in a clause that allows ("plastic is
    fine") or in one about another person's things ("my cousin got the nylon ones"). Who the
    request is for (`whom`, "kurti for my bhabhi") and who passes a wish on ("my mom says...")
    are no other person: "my mom says bhabhi only wears embroidered" asks for embroidered. A
    word also said in a clause of the shopper's own is required."""
    t = table()
    out: set[str] = set()
    own: set[str] = set()
    for clause in clauses(message):
        words = tokenize(clause.replace("'", " "))
        people = [i for i, w in enumerate(words) if w in t.people and not speaker_at(words, i)]
        mention = bool(people) and not any(_recipient(words, i) or words[i] in whom for i in people)
        if mention or PERMISSIVE.search(clause):
            out |= set(words)
        else:
            own |= set(words)
    # A word the shopper also says in a clause of their own asks for it: "actually it should be
    # dove, the wife only trusts dove" names the brand as a correction, not only as her liking.
    return out - own


def _not_said_again(message: str, said: Constraints) -> None:
    """What the message takes back ("forget wrangler", "scratch the black") or does not want
    ("anything but black") is not also a constraint it states."""
    dropped = {w for part in taken_back(message) for w in terms(part)} | negated_colours(message)
    if not dropped:
        return
    said.brands = [b for b in said.brands if not set(terms(b)) <= dropped]
    said.colours = [c for c in said.colours if c not in dropped]


def last_word(message: str) -> str:
    """The part of a follow-up that stands after the shopper corrects themself mid-message
    ("make it the floral jaipur print one... hmm wait, any embroidered one is fine" -> "any
    embroidered one is fine"); the whole message when nothing said before is taken back."""
    cuts = _midway_corrections(message)
    if not cuts:
        # "hold on, wrong colour, black is what I want": a cue that opens the message takes
        # nothing back; it is no word of the request either ("hold" is no kind).
        opening = SELF_CORRECTION.match(message.strip())
        rest = message.strip()[opening.end() :].strip(" ,.;:-!") if opening else ""
        return rest if re.search(r"[a-z]{2,}", rest, re.I) else message
    # The last cue that leaves something said after it: "..., that's the one i mean" ends on a cue.
    for cut in reversed(cuts):
        after = message[cut.end() :].strip(" ,.;:-!")
        if re.search(r"[a-z]{2,}", after, re.I):
            return after
    return message


def _midway_corrections(message: str) -> list[re.Match[str]]:
    """The self-correction cues with something said before them in the message."""
    return [
        m for m in SELF_CORRECTION.finditer(message) if len(re.findall(r"[a-z]{2,}", message[: m.start()], re.I)) >= 2
    ]


def corrects_itself(message: str) -> bool:
    """The shopper takes back something said earlier in the same message ("for the king bed...
    hmm scratch that, the guest room one is queen"): what the message does (a move, a start
    over) is read from what stands after the correction (`last_word`), not from the cue."""
    return bool(_midway_corrections(message))


def asked_part(message: str) -> str:
    """What a follow-up asks for after a question it asks on the way ("which is lighter, bostan
    or canmp? anyway show me below 500" -> "anyway show me below 500"): the names and values in
    the question are asked about, not asked for. The whole message when nothing follows one."""
    head, mark, tail = message.rpartition("?")
    if not mark or not head.strip() or len(re.findall(r"[a-z]{2,}", tail, re.I)) < 2:
        return message
    # A request said with a question mark ("anything less than 1500? the one you showed is too
    # expensive", "a beard wash maybe? aloe vera one") asks for what it names (sets G, H).
    question = [w for w in tokenize(re.split(r"[.!?]", head)[-1]) if w not in OPENING_FILLER]
    if question and question[0] in REQUEST_OPENERS:
        return message
    if any(tuple(question[: len(f)]) == f for f in ASKING_FRAMES):
        return message  # "is there a curlng cream? i can go upto 1600" asks for it (set I)
    return tail.strip(" ,.;:-!")


def asks_about_shown(message: str) -> bool:
    """A question about the products ("is english willow better than kashmir?", "what material
    are these usually?"), not a request phrased as one ("any in red?", "is there some bag to
    organise it", "does that brand make one with a glass lid?": sets L, M)."""
    words = [w for w in tokenize(message) if w not in OPENING_FILLER]
    asks_for = any(tuple(words[: len(f)]) == f for f in ASKING_FRAMES) or points_at_brand(message)
    return bool(ASKS.search(message)) and not asks_for and not wants_something(message)


def wants_something(message: str) -> bool:
    """A question that asks what would serve a need ("what would keep her warm at night?") and
    points at no card on screen: a request for products, not a question about those shown. Only
    the question's own sentence counts ("... at night? it gets down to 3 degrees": weather's "it")."""
    question = re.split(r"[?.!]", message.replace("'", ""), maxsplit=1)[0]
    words = [w for w in tokenize(question) if w not in OPENING_FILLER]
    opens = any(tuple(words[: len(f)]) == f for f in WANTING_OPENERS)
    return opens and not CARD_WORDS & set(words)
