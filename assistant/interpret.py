"""`interpret(message, session, engine, on_screen)`: everything one message means, read once.

The `Interpretation` carries the intent (a request for products, a question about shown or
named products, a comparison, a policy question, support, chit-chat, or a message it cannot
read), the references to what is on screen (by position, "the second one", or by attribute, "the
black one", "the cheaper one"), the products named in the message (through a `NameResolver`
that a product-name matcher plugs into), the relative move (cheaper, more premium, show more,
start over), the parsed `Query` (product phrase, constraints said, corrections, ranking text),
the question text and the language. The branches of `Assistant.respond` read it, not the raw
message.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from assistant import asking, superlatives, which_one
from assistant import intent as intents
from assistant.amounts import read_prices
from assistant.audience import clauses
from assistant.brand_reference import bind_pointed_brand
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints, phrase_in
from assistant.counted_values import said_counts
from assistant.dialogue import FILLER
from assistant.dropped_slots import SLOT_VOCABULARY, dont_care, not_said, removals
from assistant.ellipsis import asked_again
from assistant.engine import SearchEngine
from assistant.follow_up import (
    TypeChange,
    asked_part,
    asks_about_shown,
    corrects_itself,
    last_word,
    read_follow_up,
)
from assistant.follow_up_fit import follow_up_fit, narrowed_kind, said_of_kind
from assistant.intent import Intent
from assistant.language import SUPPORTED, has_words, language
from assistant.marked_brands import marked_brands
from assistant.moves import Move, read_move
from assistant.name_text import asks_verdict
from assistant.new_recipient import for_someone_new
from assistant.picking import picked
from assistant.problem_values import dropped_values
from assistant.question_context import tells_context
from assistant.ranked_pointers import ranked_pointed
from assistant.session import Session
from assistant.steering import steering
from assistant.take_back import taken_back_slots
from assistant.title_pointers import title_pointed
from assistant.told_colours import colour_clauses
from assistant.told_kinds import only_owned, only_told
from assistant.understand import Query
from assistant.unwished import without_unwished
from assistant.wording import OTHER_LANGUAGE_REPLY, UNREADABLE_REPLY
from common.schema import Product
from common.text import COLOURS, STOPWORDS, normalise_colour, terms, tokenize

# The products a message names, as catalog ids ("the Pod Air Sport and the Free 2 Sport"). The
# product-name matcher plugs in here; without one, nothing is named.
NameResolver = Callable[[str], list[str]]

_POINTERS = steering()["pointers"]
QUESTION_OPENING = r"^\W*(?:is|are|does|do|did|can|could|will|would|has|have|how|what|which|who|when|where|why)\b"
QUESTION = re.compile(r"\?\s*$|" + QUESTION_OPENING, re.I)
# A question put as one, after chatter ("hmm which is lighter", "ok whats the difference").
ASKED_ON_THE_WAY = re.compile(
    r"^\W*(?:(?:so|and|but|ok|okay|hmm+|oh|also|btw|well|wait)\W+)*"
    r"(?:is|are|does|do|did|can|could|will|would|has|have|how|hows|what|whats|which|who|when|where|why)\b",
    re.I,
)


def _phrases(key: str) -> re.Pattern[str]:
    # "the cheaper the better": a comparative before "the" and another states a preference, no item
    return re.compile(
        r"\b(?:" + "|".join(re.escape(p) for p in _POINTERS[key]) + r")\b(?![\s,]+the\s+(?:\w+er|more|less)\b)", re.I
    )


CHEAPER_ONE, DEARER_ONE = _phrases("cheaper_one"), _phrases("dearer_one")
_FOLLOW_UPS = steering()
SWITCH = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _FOLLOW_UPS["follow_up_switch"]) + r")\b", re.I)
# "i want to stay under 500": a want of doing; "i need to get a lamp" still wants a thing
INFINITIVE = re.compile(r"\s+to\s+(?!(?:get|buy|find|gift|order|try|see|have|purchase|pick)\b)[a-z]", re.I)
WANTING = re.compile(r"(?:want|need|like)$", re.I)
ABOUT_SHOWN = re.compile(r"^\s*(?:" + "|".join(re.escape(p) for p in _FOLLOW_UPS["shown_subjects"]) + r")(?!\w)", re.I)
COLOUR_ONE = re.compile(rf"\bthe\s+({'|'.join(COLOURS)})\s+(?:one|ones|item|pair|option)\b", re.I)
# "the cheaper of those two", "the dearer of the pair", "which of them": the products the last
# reply put side by side, not every product of the list on screen.
# A question that asks which of what is shown ("which one", "which of these", "what's the X of
# these"): with a graded word it ranks every card on screen (`which_one`).
WHICH_OF_SHOWN = re.compile(
    r"\bwhich\b|\bwhat(?:'s|s|\s+is|\s+are)?\b.*\b(?:of|among|out of)\s+(?:these|those|them|all|the\s+\w+\s+(?:shown|here|above))\b",
    re.I,
)
PLURAL_PRONOUNS = frozenset({"they", "these", "those", "them"})
OF_THOSE = re.compile(r"\b(?:of|between)\s+(?:those|these|the|them|both)(?:\s+(?:two|2|three|3|pair|both))?\b", re.I)


# Intents of a turn about cards on screen that an elliptical turn ("and the third?") can be.
ABOUT_CARDS = (Intent.DETAIL, Intent.PRODUCT_QUESTION)


@dataclass
class Interpretation:
    message: str
    intent: Intent
    query: Query
    references: list[int] = field(default_factory=list)  # 1-based positions on screen
    named: list[str] = field(default_factory=list)  # ids of products the message names
    move: Move | None = None
    question: str | None = None  # a question about products or policies, as asked
    remove: list[str] = field(default_factory=list)  # request slots the message takes back
    language: str = "en"
    unreadable: str | None = None  # the reply to a message it cannot read
    handoff: bool = False
    narrows: bool = False  # names a kind inside the one asked for: the request narrows, not restarts
    which: bool = False  # asks which of everything on screen is most or least something
    anchor: list[int] = field(default_factory=list)  # the card a move is measured from ("than the first one")
    repeats: bool = False  # only points ("and the fifth?"): asks what the turn before asked (`ellipsis`)
    refitted: list[str] = field(default_factory=list)  # the request's fits a later one replaces
    picked: int | None = None  # the shown card the message picks ("i'll take the cheaper one")


def interpret(
    message: str,
    session: Session,
    engine: SearchEngine,
    on_screen: list[Product],
    name_products: NameResolver | None = None,
) -> Interpretation:
    follow_up = session.request.is_active()
    message, anchor = _measured_from(message, session, on_screen)
    if follow_up:
        # "which is lighter, bostan or canmp? anyway show me below 500": the request after a
        # question asked on the way is what the message does; the names in the question are no filter.
        asked = _after_question(message)
        # "does it come in pink? she won't touch anything else": with nothing asked after it, a
        # question that names a colour or a brand asks for it (set AF d18 read only the aside)
        if asked != message and not _states_something(engine.parse(asked)):
            named = engine.parse(message).constraints  # "is it non slip? ok then that one" asks of it
            asked = message if named.colours or named.brands else asked
        message = asked
    query = engine.parse(without_accents(last_word(message) if follow_up else message))
    unknown = [b for b in marked_brands(message, engine.catalog.knows_word) if b not in query.constraints.brands]
    if unknown:
        # "jaquar brand, that's what the plumber said": a brand the shop lacks, said as one; the
        # reply says the shop has none of it rather than show other brands as if (set I).
        query = replace(query, unknown_brands=[*query.unknown_brands, *unknown])
        query.constraints.brands = [*query.constraints.brands, *unknown]
    bind_pointed_brand(query.constraints, message, session.last.about, on_screen, engine.catalog)  # "that brand"
    lang = language(message)
    unreadable = _unreadable(message, lang, engine, query)
    if unreadable:
        return Interpretation(message, Intent.CLARIFY, query, language=lang, unreadable=unreadable)
    asked_kind = session.request.product_type or session.request.constraints.steer_types
    if asked_kind and query.product_type and not query.type_carried and not _switches(message, query):
        # A kind the shop does not carry, named in a follow-up with no word that switches to it
        # in its clause, is a mention in passing: it refines the request, never replaces its type
        # ("change of plan, it's for his sister instead": the switch is the person, "plan" is
        # English, set F). What the shop records is read as if it had not been named ("lemongrass
        # only, my husband cant stand floral smells": "stand" is no kind; dev B).
        # A request with no type yet ("want to start working out at home") has none to keep:
        # there the kind is what is asked for, and the shop says honestly it does not carry it.
        # Kinds it was steered to ("something for fragrance?") are kept as a type is: "a plug-in
        # electric type would be ideal" then says what kind of fragrance thing (set AF d21).
        recorded = engine.understander.recorded_attributes(last_word(message), [])
        query = replace(query, product_type=None, type_carried=True, recorded=recorded)
        query.constraints = query.constraints.model_copy(update={"categories": []})
    change, refitted = None, []
    if follow_up:
        earlier = tuple(t.content for t in session.turns if t.role == "user")
        # A switch word starts a request for the kind named in its own clause: "actually grey,
        # matches the sofa better" after cushion covers switched to sofas (set U).
        told = only_told(engine.understander.types, earlier, session.request.product_type)
        query, change = read_follow_up(
            message, query, session.request, engine.catalog, _switches(message, query), earlier, told
        )
        # "maruti", "it's a corolla altis" after car mats: what the kind must fit (`follow_up_fit`)
        fit = follow_up_fit(last_word(message), query, session.request, engine.catalog, engine.understander.types)
        query, refitted = fit.query, fit.replaced
        query = said_of_kind(last_word(message), query, session.request, engine.catalog, engine.parse)
        # "we have a 10 seater dining" after table covers: a count the kind's records tell apart
        query, recounted = said_counts(last_word(message), query, session.request, engine.catalog)
        refitted += recounted
        # "anarkali is too much for office": a must-have named as the problem is no longer one
        refitted += dropped_values(session.request.constraints.attributes, last_word(message), earlier)
        if narrowed := narrowed_kind(last_word(message), query, session.request, engine.catalog, engine.parse):
            query, change = narrowed, TypeChange.NARROW  # "plain colour, formal" after shirts
        query = without_unwished(last_word(message), query)  # "not disney", "he already has a fastrack"
    if follow_up and query.product_type and set(terms(query.product_type)) <= SLOT_VOCABULARY:
        # "forget the colour, any shade works": a word for a part of the request names no kind.
        query = _without_type(query, message)
    if follow_up and query.product_type and only_owned(last_word(message)):
        query = _without_type(query, message)  # "he already has shoes tbh": what he has, not a new kind
    pointed = pointers(message, on_screen, session.last.about)
    # A price said is no part of a name: "I've got 200 bucks" named the "siberia 200" headset (set T).
    unpriced = read_prices(message).without(message)
    named = [pid for pid in (name_products(unpriced) if name_products else []) if pid in engine.catalog.row_of]
    several = len(named) >= 2 and not _one_line(named, engine.catalog)
    several_unasked = several and not _asks_in_a_clause(message)
    one_wished = _wished_for(message, query) and not _asked_of_it_later(message, query)
    if named and _asks_for_kind(message, query) and (several_unasked or one_wished):
        # "a beard wash maybe? aloe vera one" matches products' names (one of them on screen),
        # yet it asks for a kind the shop carries, with no compare cue and no question put: a
        # request (sets H, I). One name matched is a request too when the kind is said with "a",
        # "an", "some" or "any": a product meant is said with "the" or its name. Variants of one
        # line named together are one name ("the size 12 synthetic hiking boots, are they
        # waterproof"; set K). Several names with a question put in a later clause ("my dad's
        # maruti 800 lives outside. is that rainfun cover ok?") ask about what they name (set L).
        named = []
    on_screen_ids = [p.id for p in on_screen]
    # "lamy ka hai kya?" (is there a Lamy one?) with a Lamy pen on screen: its brand alone, with no
    # "the"/"that" pointing at it, asks for the brand, not about that card (set N d06 answered a
    # question about the card and dropped the brand); "is the lamy one refillable?" points at it.
    named = [pid for pid in named if pid not in on_screen_ids or not _brand_wished(message, engine.catalog, pid, query)]
    # A named product already on screen is a reference to its position.
    pointed += [on_screen_ids.index(pid) + 1 for pid in named if pid in on_screen_ids]
    named = [pid for pid in named if pid not in on_screen_ids]
    # "mac isnt on this site i think? then giorgio armani": a product's brand alone names the
    # brand wished for, not that product to ask about (set I answered it as a detail question)
    named = [pid for pid in named if not _only_brand(message, engine.catalog, pid, query.constraints.brands)]
    said = query.constraints
    filters = said.price_min or said.price_max or said.colours or said.audience or said.brands
    pointing = pointed or intents.references(message, len(session.shown)) or named
    of_all = False  # "are these ...?": asked of every card, not the first
    if not pointing and on_screen and (subject := ABOUT_SHOWN.search(message)) and not filters:
        # "does it need a stand?", "are the stone ones real stones?": a question about what is on
        # screen (the first card, unless the message points at another), never a new search;
        # "are these blackout?", "do they fold?" asks it of every card ("these" was the first alone).
        pointed, of_all = [1], subject.group().split()[-1].lower() in PLURAL_PRONOUNS
    removed = removals(message, session)
    if follow_up:
        not_said(query.constraints, dont_care(message))
        if "price" in taken_back_slots(message):  # "ignore the budget" asks for nothing cheap
            query.constraints.cheap = query.constraints.premium = False
    understood = intents.classify(message, session, query, pointed, len(named))
    intent = understood.intent
    if (
        not pointing
        and on_screen
        and _situation_asked(message)
        and not (said.price_min or said.price_max or said.colours or said.brands)
    ):
        # "she has an induction stove, will it work?", "her stove is induction, is that a
        # problem?": a situation told, then a question put of what is shown; the situation is
        # what the answer weighs, not a kind or a person asked for (the demo re-listed the pans,
        # and "actually ..." switched the request to stoves).
        intent, understood.references, change = Intent.PRODUCT_QUESTION, pointed or [1], None
    if (
        intent in (Intent.SEARCH, Intent.REFINE)
        and on_screen
        and change != TypeChange.SWITCH
        and not (_changes(said, session.request.constraints) or removed or SWITCH.search(message) or _move(message))
        and asks_about_shown(message)
    ):
        # "is english willow better than kashmir willow?", "what material are these usually?":
        # a question about what is on screen changes nothing in the request.
        intent, understood.references = Intent.PRODUCT_QUESTION, list(range(1, len(on_screen) + 1))
    if (
        follow_up
        and intent in (Intent.SEARCH, Intent.REFINE)
        and on_screen
        and asks_of_shown(message)
        and not _names_new_filter(said, session.request.constraints)
    ):
        # "what material are these, rubber?": a question about what is shown, whatever value it
        # guesses, changes nothing (dev D: "rubber" became a filter and nothing was left). A new
        # colour, brand, price or audience does ask for more: "which of these come in red?".
        intent, understood.references = Intent.PRODUCT_QUESTION, list(range(1, len(on_screen) + 1))
    if follow_up and intent in (Intent.SEARCH, Intent.REFINE) and on_screen and asks_about_value(message, said):
        # "is raymond good quality?": a question about a brand or a colour, not a wish for it; it
        # leaves the request as it is and is answered about the products shown of it (set F).
        intent = Intent.PRODUCT_QUESTION
        of_it = [i + 1 for i, p in enumerate(on_screen) if p.brand and p.brand.lower() in said.brands]
        understood.references = of_it or list(range(1, len(on_screen) + 1))
    which = bool(
        on_screen
        and len(pointed or understood.references) < 2
        and WHICH_OF_SHOWN.search(message)
        and (which_one.asked(message) or superlatives.asked(message))
    )
    if which:
        # "which one is the cheapest?", "what's the lightest of these?": a graded question over
        # everything on screen; "which one" points at no one item ("whats the cheapest of these"
        # was shown the first card's specifications, "which one is the cheapest" a one-row table).
        intent, understood.references = Intent.PRODUCT_QUESTION, list(range(1, len(on_screen) + 1))
    if removed and intent == Intent.SEARCH and not query.product_type:
        intent = Intent.REFINE  # "colour doesn't matter, forget that" edits the request
    # "with this X can i ...", "eureka gseb vii chalega"
    # "skayvon controller does it beep", "X ka weight kitna hai" (`asking`)
    questioning = QUESTION.search(message) or intents.QUESTION_WORDS.search(message) or asks_verdict(message)
    questioning = questioning or asking.asks(message)
    if intent == Intent.DETAIL and questioning and not intents.DETAIL_REQUEST.search(message):
        # "and the cheaper one overall?" asks which one, shown as it is; "is the black one
        # waterproof?" asks about it (the listing was searched for "cheaper overall")
        intent = Intent.DETAIL if pointed and only_points(message) else Intent.PRODUCT_QUESTION
    asked_of_named = QUESTION.search(message) or _asks_in_a_clause(message)
    if intent == Intent.COMPARE and named and asked_of_named and not intents.COMPARE_CUE.search(message):
        # "is the navy XL fleece jacket a full zip?" naming two variants asks of each, not a
        # comparison; so does a question put after the name ("the automatic espresso maker with
        # the 2 litre tank: HOW many bar")
        intent = Intent.PRODUCT_QUESTION
    if of_all and intent == Intent.PRODUCT_QUESTION:
        understood.references = list(range(1, len(on_screen) + 1))
    pointed_at = pointed or understood.references
    again = asked_again(message, session, on_screen) if intent in ABOUT_CARDS and pointed_at else None
    repeats = again is not None
    if again and intents.DETAIL_REQUEST.search(again) and not QUESTION.search(again):
        intent, again = Intent.DETAIL, None  # "tell me about the fourth" ... "and the fifth?"
    elif again:  # "is the second one waterproof?" ... "and the third?"
        intent = Intent.PRODUCT_QUESTION
    pick = _pick(message, session, on_screen, said, removed)
    if pick is not None and intent in (Intent.SEARCH, Intent.REFINE):
        # "is that under 1500? ok then that one": about the card picked, not a new search
        intent = Intent.PRODUCT_QUESTION if QUESTION.search(message) else Intent.DETAIL
        understood.references, which = [pick], False
    asks = intent in (Intent.PRODUCT_QUESTION, Intent.POLICY, Intent.COMPARE)
    # "for the king bed... scratch that, the queen one": the cue takes back that message's words, not the request
    moved = _move(last_word(message) if follow_up and corrects_itself(message) else message)
    if follow_up and moved is None and not query.product_type and intent in (Intent.SEARCH, Intent.REFINE):
        # "and what about a gift for my dad" after a sister's coffee: a new thing for a new person
        if for_someone_new(message, tuple(t.content for t in session.turns if t.role == "user")):
            moved, intent = Move.RESET, Intent.SEARCH
    return Interpretation(
        message,
        intent,
        query,
        references=understood.references,
        named=named if intent in (Intent.COMPARE, Intent.DETAIL, Intent.PRODUCT_QUESTION) else [],
        move=None if removed and moved == Move.RESET else moved,
        question=again or (message if asks else None),
        repeats=repeats,
        remove=removed,
        language=lang,
        handoff=understood.handoff,
        narrows=change == TypeChange.NARROW,
        which=which,
        anchor=anchor,
        refitted=refitted,
        picked=pick,
    )


# "than the first one", "than that one", "than the black one": the standard of a comparison.
THAN = re.compile(r"\bthan\s+([^,.;!?]*)", re.I)
MEASURED_MOVES = frozenset({Move.CHEAPER, Move.PRICIER, Move.BETTER_RATED})


def _measured_from(message: str, session: Session, on_screen: list[Product]) -> tuple[str, list[int]]:
    """A move measured from one shown card ("anything cheaper than the first one?", "got one
    rated better than the black one?"): the message without the "than" phrase, and the card's
    position. The card after "than" is the standard, not the item asked about: the message
    was answered as a question about that card (a session-9 chat). ([], message) otherwise."""
    m = THAN.search(message)
    if not m or not on_screen or read_move(message) not in MEASURED_MOVES:
        return message, []
    standard = m.group(1)
    positions = intents.references(standard, len(session.shown)) or pointers(standard, on_screen)
    positions = [p for p in positions if p <= len(on_screen)]
    if not positions:
        return message, []
    return (message[: m.start()] + message[m.end() :]).strip(), positions[:1]


POINTING_DETERMINERS = frozenset({"the", "that", "this", "those", "these"})


def _brand_wished(message: str, catalog: CatalogIndex, pid: str, query: Query) -> bool:
    """The message names the product by its brand alone (`_only_brand`) with no determiner that
    points at it before the brand."""
    if not _only_brand(message, catalog, pid, query.constraints.brands):
        return False
    brand = tokenize((catalog.products[catalog.row_of[pid]].brand or "").lower())
    words = tokenize(message.lower())
    at = [i for i in range(len(words)) if brand and words[i : i + len(brand)] == brand]
    return bool(at) and all(not i or words[i - 1] not in POINTING_DETERMINERS for i in at)


def _only_brand(message: str, catalog: CatalogIndex, pid: str, brands: list[str]) -> bool:
    """The message says the product's brand, read as a brand, and no other word of its title."""
    product = catalog.products[catalog.row_of[pid]]
    brand = (product.brand or "").lower()
    if not brand or brand not in brands:
        return False
    title, said = set(terms(product.title)) - set(terms(brand)), set(terms(message))
    # a model code said shortened is a word of the title too ("lg MC3286 capacity kitni hai" of
    # "lg mc3286blt ..."; set K): the said word opens the code and has its digits
    shortened = any(
        w != t and t.startswith(w) and any(c.isdigit() for c in w) and len(w) >= 3 for w in said for t in title
    )
    return not (title & said or shortened)


# Where a clause opens: after a sentence's end, a dash, dots, a colon or a comma ("my dad's old
# maruti lives outside. IS that rainfun cover ok?", "carbanao cb-34 mats - CAN i put them ...").
CLAUSE_OPENING = re.compile(r"[.!?;:,]+\s+|\s[-–—]+\s*|\.{2,}\s*")


def _asks_for_kind(message: str, query: Query) -> bool:
    """The message names a carried kind, opens with no question and has no compare cue."""
    carried = bool(query.product_type) and query.type_carried
    return carried and not intents.COMPARE_CUE.search(message) and not ASKED_ON_THE_WAY.search(message)


def _asks_in_a_clause(message: str) -> bool:
    """A clause of the message opens as a question: after the shopper's story or after the name
    it asks about ("that copper jug set from dungri - CAN I warm water in it?"), as well as at
    the message's start."""
    return any(ASKED_ON_THE_WAY.search(clause) for clause in CLAUSE_OPENING.split(message))


def _wished_for(message: str, query: Query) -> bool:
    """The kind stands after "a"/"some" in a clause that is no question: a kind said so inside a
    question put after the name is a feature asked of it ("that 'i know' dark blue slim shirt,
    is there a pocket on the chest?" read "pocket" as the kind wished for; set O)."""
    clauses = CLAUSE_OPENING.split(message)
    return any(_indefinite(c, query) for c in clauses if c.strip() and not ASKED_ON_THE_WAY.search(c))


def _asked_of_it_later(message: str, query: Query) -> bool:
    """After the kind wished for ("want a watch for office meetings"), a later clause opens as a
    question without that wish ("would the a avon PK_741 suit that?"): the name is asked about
    (set O was searched for watches). "a beard wash maybe? aloe vera one" asks nothing later."""
    clauses = [c for c in CLAUSE_OPENING.split(message) if c.strip()]
    return any(ASKED_ON_THE_WAY.search(c) and not _indefinite(c, query) for c in clauses[1:])


INDEFINITE = frozenset({"a", "an", "some", "any"})
# "A-line", "a-frame": an article joined to the next word by a hyphen is part of that word.
JOINED_ARTICLE = re.compile(r"\b(an?)-(?=\w)", re.I)


def _one_line(named: list[str], catalog: CatalogIndex) -> bool:
    """The products are variants of one line: one category, one title before the options
    ("Office Chair (leather, blue, fixed)" and "Office Chair (leather, blue, high-back)")."""
    products = [catalog.products[catalog.row_of[pid]] for pid in named]
    stems = {(p.category_path, p.title.split(" (")[0].strip().lower()) for p in products}
    return len(stems) == 1 and all(" (" in p.title for p in products)


def _situation_asked(message: str) -> bool:
    """A situation told, then a closing question about what is shown ("she has an induction
    stove, will it work?"): the last clause opens as a question about a shown item does, and no
    earlier clause asks for anything (`asking.asks`: "need a pan, will it work on gas?" asks)."""
    parts = [c for c in clauses(message) if c.strip()]
    if len(parts) < 2 or not message.rstrip().endswith("?") or not ABOUT_SHOWN.search(parts[-1]):
        return False
    return not any(asking.asks(p) or QUESTION.search(p) for p in parts[:-1])


def _indefinite(message: str, query: Query) -> bool:
    """The kind asked for stands after an indefinite determiner, past at most two words that
    qualify it ("a beard wash", "some red mugs")."""
    kind = terms(query.product_type or "")
    words = tokenize(JOINED_ARTICLE.sub(r"\1", message.replace("'", "")))
    for i in range(len(words)):
        if kind and terms(" ".join(words[i : i + len(kind)])) == kind:
            return any(w in INDEFINITE for w in words[max(0, i - 3) : i])
    return False


def _after_question(message: str) -> str:
    """What a follow-up asks for after a question it asks on the way (`asked_part`): only after a
    question put as one ("which is lighter, bostan or canmp? ..."). A request said with a question
    mark ("a beard wash maybe? aloe vera one", set H) names the kind asked for in it."""
    asked = asked_part(message)
    if asked == message or tells_context(asked):  # "...? he's about 32 kilos" is for the question
        return message
    question = re.split(r"[.!;]\s", message.rpartition("?")[0])[-1]
    return asked if ASKED_ON_THE_WAY.search(question) else message


def _states_something(query: Query) -> bool:
    """The parse names a kind or a constraint other than who it is for."""
    c = query.constraints.model_copy(update={"audience": None, "audience_open": False})
    return bool(query.product_type) or not c.is_empty()


def _switches(message: str, query: Query) -> bool:
    """Whether a switch word stands in the clause that names the query's kind ("maybe headphones
    instead"); in the whole message when no clause names it in the shopper's words."""
    kind = terms(query.product_type or "")
    naming = [c for c in clauses(message) if phrase_in(kind, terms(c))]
    return any(_switch_in(c) for c in naming) if naming else _switch_in(message)


def _switch_in(text: str) -> bool:
    """A switch word that asks for a thing: "i want to stay under 500" wants to do something, and
    the verb after "to" is no kind the shopper switches to (set AH d05 read "stay")."""
    return any(not (WANTING.search(m.group()) and INFINITIVE.match(text, m.end())) for m in SWITCH.finditer(text))


# Subjects of a question that ask for products, not about a thing: "do you have...", "is there...".
ASKING_SUBJECTS = frozenset(
    "you u ya there i we it its this that these those they them any anything something one ones".split()
)
QUESTION_OPENERS = frozenset("is are was were does do did will would can could should has have".split())
OPENING_FILLER = frozenset("so and but ok okay hmm btw also oh wait well".split())
LEADING_FILLER = re.compile(r"^\W*(?:(?:" + "|".join(sorted(OPENING_FILLER)) + r")\b\W*)*", re.I)
ARTICLES = frozenset({"the", "a", "an"})


WH_OPENERS = frozenset("what whats which how".split())
SHOWN_POINTERS = frozenset("these those they them it this that".split())


def asks_of_shown(message: str) -> bool:
    """A wh-question about the products shown: its first clause points at them ("what material
    are these, rubber?", "how long do they last?"); "what about ...", "how about ..." ask for more."""
    # the filler first: a clause split at "and" would leave "and which lasts longest?" none
    rest = LEADING_FILLER.sub("", message)
    first = clauses(rest)[0] if rest.strip() else ""
    words = tokenize(first.replace("'", " "))
    if len(words) < 2 or words[0] not in WH_OPENERS or words[1] == "about":
        return False
    # "which is lighter, bostan or canmp?", "which one is cheaper, striped or solid?": "which"
    # chooses among what is shown (a new filter in it still asks for more: see the caller).
    return words[0] == "which" or bool(SHOWN_POINTERS & set(words[1:]))


def asks_about_value(message: str, said: Constraints) -> bool:
    """A yes/no question whose subject is a brand or a colour the message names ("is raymond good
    quality?", "does titan last long?", "is black hard to keep clean?"): it asks about the value,
    it does not ask for it ("do you have raymond?", "is there one in black?" do)."""
    words = tokenize(message.replace("'", " "))
    while words and words[0] in OPENING_FILLER:
        words = words[1:]
    if not words or words[0] not in QUESTION_OPENERS:
        return False
    subject = words[1:]
    while subject and subject[0] in ARTICLES:
        subject = subject[1:]
    if not subject or subject[0] in ASKING_SUBJECTS:
        return False
    values = [*said.brands, *said.colours]
    return any(subject[: len(v)] == v for v in (tokenize(x) for x in values) if v)


def without_accents(text: str) -> str:
    """ "fiancée" -> "fiancee": the word tables and the catalog's words are unaccented. Only
    combining marks go (Chinese and other scripts stay as they are)."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def _without_type(query: Query, message: str) -> Query:
    """The query with no product type, nor the type's words it added to the ranking text."""
    said = set(terms(message))
    added = {w for c in query.constraints.categories for w in c.split() if w not in said}
    text = " ".join(w for w in query.text.split() if w not in added)
    out = replace(query, product_type=None, type_carried=True, text=text)
    out.constraints = query.constraints.model_copy(update={"categories": []})
    return out


def _pick(
    message: str, session: Session, on_screen: list[Product], said: Constraints, removed: list[str]
) -> int | None:
    """The shown card the message picks (`picking`); none where it also changes the request
    ("ok that one, under 500 is what I had in mind" narrows it)."""
    if not on_screen or removed or _changes(said, session.request.constraints):
        return None
    ids = [p.id for p in on_screen]
    return picked(message, ids, session.last.about, lambda clause: pointers(clause, on_screen, session.last.about))


def _changes(said: Constraints, had: Constraints) -> bool:
    """Whether the message states a constraint the request does not have yet."""
    prices = (said.price_min, said.price_max, said.price_near)
    return bool(
        any(p is not None for p in prices)
        and prices != (had.price_min, had.price_max, had.price_near)
        or set(said.colours) - set(had.colours)
        or (said.audience and said.audience != had.audience)
        or set(said.brands) - set(had.brands)
        or set(said.attributes) - set(had.attributes)
        or (said.min_rating is not None and said.min_rating != had.min_rating)
    )


def _names_new_filter(said: Constraints, had: Constraints) -> bool:
    """Whether the message names a colour, brand, price or audience the request does not have: the
    filters a shopper narrows shown products by ("which of these come in red?")."""
    return _changes(said.model_copy(update={"attributes": [], "min_rating": None}), had)


def pointers(message: str, on_screen: list[Product], last_shown: list[str] | None = None) -> list[int]:
    """Positions pointed at by attribute: "the black one", "the cheaper one", "the dearest".
    `last_shown`: the ids the last reply showed ("compare 1 and 3"); "the cheaper of those two"
    chooses among them."""
    out: list[int] = []
    among = set(range(1, len(on_screen) + 1))
    ids = [p.id for p in on_screen]
    if last_shown and OF_THOSE.search(message) and 1 < len(set(last_shown) & set(ids)) < len(ids):
        among = {ids.index(pid) + 1 for pid in last_shown if pid in ids}
    priced = [(p.price, i + 1) for i, p in enumerate(on_screen) if p.price is not None and i + 1 in among]
    if priced and CHEAPER_ONE.search(message):
        out.append(min(priced)[1])
    if priced and DEARER_ONE.search(message):
        out.append(max(priced)[1])
    told = colour_clauses(message).told  # "black if possible, the white ones get dirty": no pointer
    for m in COLOUR_ONE.finditer(message):
        colour = normalise_colour(m.group(1).lower())
        if colour in told:
            continue
        out += [i + 1 for i, p in enumerate(on_screen) if colour in p.colours][:1]
    out += ranked_pointed(message, on_screen)  # "compare the two cheapest"
    out += title_pointed(message, on_screen)  # "is the santoku ok for bread?"
    return list(dict.fromkeys(out))


POINTING_ONLY = FILLER | STOPWORDS | frozenset(_POINTERS["pointing_only"])


def only_points(message: str) -> bool:
    """The message says nothing but which shown item it means ("and the cheaper one overall?",
    "which is the black one?"): no feature is asked about."""
    rest = COLOUR_ONE.sub(" ", DEARER_ONE.sub(" ", CHEAPER_ONE.sub(" ", message)))
    return all(w in POINTING_ONLY for w in tokenize(rest.replace("'", "")))


def _move(message: str) -> Move | None:
    if CHEAPER_ONE.search(message) or DEARER_ONE.search(message):
        return None  # a pointer at a shown item ("the cheaper one"), not a move
    return read_move(message)


def _unreadable(message: str, lang: str, engine: SearchEngine, query: Query) -> str | None:
    """The reply to a message this assistant cannot read (another language, no word at all):
    it asks rather than shows random matches."""
    if lang not in SUPPORTED:
        return OTHER_LANGUAGE_REPLY
    speller = engine.understander.speller
    if not has_words(message, lambda w: speller.knows(w) or w in query.corrections):
        return UNREADABLE_REPLY
    return None
