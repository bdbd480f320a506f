"""Attributes the shop records act as constraints; stories about a person neither rank nor
filter. Unit tables first, then whole dialogues on the Flipkart catalog (fake embedder)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.audience import (
    about_someone_else,
    addressed_part,
    is_story,
    own_part,
    read_audience,
    recipients,
    without_stories,
)
from assistant.catalog_tables import build_tables
from assistant.constraints import Constraints
from assistant.core import Assistant
from assistant.noun_values import as_recorded
from assistant.refused_attributes import flags_said, refused_attributes
from assistant.session import Session
from assistant.word_forms import with_base_form
from common.schema import Product
from common.text import terms, tokenize


def _product(pid: str, **attributes: str) -> Product:
    return Product(id=pid, title=f"item {pid}", attributes=attributes)


RECORDS = [
    _product("1", Sleeve="Sleeveless", Fit="Slim", Color="Black", Pattern="Embroidered, Solid"),
    _product("2", Sleeve="Sleeveless", Fit="Slim", Color="Black", Pattern="Embroidered"),
    _product("3", Sleeve="Full Sleeve", **{"Model Name": "slim keyboard", "Style Code": "AB12"}),
    _product("4", Sleeve="Full Sleeve", Fabric="Cotton", Weight="200 g"),
]


def test_recorded_values_come_from_short_specifications_two_products_hold():
    recorded = build_tables(RECORDS).recorded()
    assert {"sleeveless", "full sleeve", "slim", "embroidered"} <= set(recorded.phrases)
    # the key said after the value reads as the value the records hold
    assert recorded.phrases["slim fit"].value == "slim"
    # a colour, an identifier, a value only one product records, a measure: none is an attribute
    for phrase in ("black", "slim keyboard", "ab12", "cotton", "solid", "200 g"):
        assert phrase not in recorded.phrases


def test_a_value_filters_only_where_the_kind_records_its_specification():
    recorded = build_tables(RECORDS).recorded()
    entry = recorded.phrases["embroidered"]
    assert recorded.recorded_for(entry, np.array([0, 3]))
    assert not recorded.recorded_for(entry, np.array([2, 3]))  # these record no pattern
    assert recorded.recorded_for(entry, np.array([1])) and not recorded.recorded_for(entry, np.array([], dtype=int))


FLAGGED = [
    _product("f1", **{"Lens Polarization": "No", "Water Resistant": "Yes"}),
    _product("f2", **{"Lens Polarization": "Yes", "Water Resistant": "No", "Dishwasher Safe": "Yes"}),
    _product("f3", Sleeve="Sleeveless", Pattern="Embroidered"),
    _product("f4", Sleeve="Sleeveless", Pattern="Embroidered"),
]


def test_a_yes_no_specification_is_a_flag_said_as_its_key_or_its_participle():
    flags = build_tables(FLAGGED).recorded().flags
    assert flags["polarised"] == flags["polarized"] == flags["len polarization"] == "len polarization"
    assert flags["water resistant"] == "water resistant"
    assert "dishwasher safe" not in flags  # one product states it: no flag
    assert "sleeveless" not in flags  # a value, not a yes/no


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("shades for the beach, they have to be polarised", ["polarised"]),
        ("a watch that is water resistant", ["water resistant"]),
        ("glasses without lens polarization", []),  # refused, not asked for
        ("polarized would be nice", []),  # a wish ranks
        ("a lens polarization filter", []),  # a kind the shop carries, not a flag of another kind
    ],
)
def test_a_flag_is_asked_for_where_it_is_said_unrefused(message, said):
    is_kind = lambda words: words == ["len", "polarization"]  # noqa: E731
    assert flags_said(message, build_tables(FLAGGED).recorded(), is_kind) == said


@pytest.mark.parametrize(
    ("message", "kind", "refused"),
    [
        ("a lunch box but nothing in plastic", "lunch box", ["plastic"]),
        ("a summer top, not sleeveless", "top", ["sleeveless"]),
        ("kurta, no embroidered stuff", "kurta", ["embroidered"]),
        ("dress material? no, not the fabric sort", None, ["fabric"]),  # a kind the catalog files
        ("leather shoes, not black", "shoes", []),  # a colour is refused apart
        ("no more than 500 for a top", "top", []),  # grammar, nothing refused
        ("a shirt for him, not for kids", "shirt", []),  # an audience is read apart
        ("sleeveless is not a must", "top", []),  # allowed, not refused
        ("shoes, not the ones for running shoes", "shoes", []),  # never the kind asked for
        ("plastic is best, if not plastic then skip it", "lunch box", []),  # asked for, refused only if absent
    ],
)
def test_what_a_message_refuses_is_an_excluded_attribute(message, kind, refused):
    recorded = build_tables(FLAGGED).recorded()
    is_kind = lambda words: words in (["fabric"], ["shoe"], ["kurta"])  # noqa: E731
    assert refused_attributes(message, recorded, is_kind, kind) == refused


def test_a_flag_fails_only_a_record_stating_no():
    said = Constraints(flags=["polarized"])
    records = [{"Lens Polarization": "No"}, {"Lens Polarization": "Yes"}, {"Sleeve": "Full Sleeve"}]
    # a record that does not state the key is not excluded: the shop cannot say it lacks it
    assert [said.failures(_product(str(i), **r)) for i, r in enumerate(records)] == [["flag"], [], []]


def test_a_refused_attribute_fails_the_products_holding_it():
    said = Constraints(exclude_attributes=["fabric"])
    cloth = Product(id="d", title="net lehenga", category=["clothing", "fabric"])
    sewn = Product(id="e", title="silk lehenga", category=["clothing", "lehenga"])
    assert [said.failures(cloth), said.failures(sewn)] == [["not attribute"], []]


def test_a_refused_word_fails_the_products_holding_a_form_of_it():
    # held-out set Z: "I hate wires on the desk" showed two "wired usb" keyboards; "wireless" stays
    said = Constraints(exclude_attributes=["wire"])
    wired = Product(id="w", title="key 343 wired usb tablet keyboard", category=["keyboard"])
    wireless = Product(id="b", title="slim wireless bluetooth keyboard", category=["keyboard"])
    assert [said.failures(wired), said.failures(wireless)] == [["not attribute"], []]


FEATURED = [
    _product("5", Pattern="Striped", Hood="Hooded", Neck="Collared"),
    _product("6", Pattern="Striped, Embroidered", Hood="Hooded", Neck="Collared"),
    _product("7", Pattern="Embroidered", Neck="Collared"),
]


@pytest.mark.parametrize(
    ("message", "read"),
    [
        # a recorded adjective said as the noun it is made from, after a word that gives a feature
        ("a jumper with thin stripes", "a jumper with thin striped"),
        ("a parka with a hood please", "a parka with a hooded please"),
        ("kurti in embroidery", "kurti in embroidered"),
        ("one that has a collar", "one that has a collared"),
        # the noun said otherwise names no feature; a value recorded as said stays as said
        ("the stripes were too loud last time", "the stripe were too loud last time"),
        ("with embroidered sleeves", "with embroidered sleeve"),
    ],
)
def test_a_feature_said_as_a_noun_reads_as_the_recorded_adjective(message, read):
    phrases = build_tables(FEATURED).recorded().phrases
    assert " ".join(as_recorded(terms(message), phrases.__contains__)) == read


CLOSURES = [
    *(_product(f"z{i}", Closure="Zip") for i in range(2)),
    *(_product(f"zr{i}", Closure="Zipper") for i in range(2)),
    *(_product(f"h{i}", Hood="Hooded") for i in range(2)),
]


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        # one property recorded in two forms by different shops: the word and the one made of it
        ("zip", "zip or zipper"),
        ("hood", "hood or hooded"),
        # the form made of it said: its own records, and the noun where recorded (none here)
        ("zipper", "zipper"),
        ("hooded", "hooded"),
    ],
)
def test_a_recorded_value_accepts_the_word_made_of_it_where_recorded(value, accepted):
    phrases = build_tables(CLOSURES).recorded().phrases
    assert with_base_form(value, phrases.__contains__) == accepted


@pytest.mark.parametrize(
    ("clause", "story"),
    [
        ("he lives in scotland", True),
        ("she just started college", True),
        ("my neighbour priya just got back from goa", True),
        ("they moved to pune last month", True),
        ("she wants a red one", False),
        ("he's 10", False),
        ("my dad needs one for work", False),
        ("my sister's birthday is next week", False),
        ("a scarf for my dad", False),
        ("it should be waterproof", False),
    ],
)
def test_a_clause_about_a_person_is_a_story_unless_it_asks(clause, story):
    assert is_story(tokenize(clause.replace("'", " "))) is story


@pytest.mark.parametrize(
    ("message", "clause", "other"),
    [
        # someone who is not the recipient, or their thing
        ("my neighbour's kid has a blue everything obsession. a lunch box for my daughter", 0, True),
        ("my wife has a red one. a clutch for my sister", 0, True),
        # what someone else has is theirs, whoever the request is for ("mom has a milton one")
        ("my friend has the nylon one", 0, True),
        ("my neighbour priya just got back from goa", 0, True),
        # another item than the one asked for, said to be so
        ("my old watch was silver, a black one for my husband", 0, True),
        ("the last pair was brown", 0, True),
        ("the other one in blue", 0, False),
        # the recipient, or someone who asks
        ("my daughter wants blue. a lunch box for my daughter", 0, False),
        ("my friend's son wants a red one too", 0, False),
        ("my sister's wedding is next week, heels for her", 0, False),
    ],
)
def test_a_clause_about_someone_or_something_else(message, clause, other):
    from assistant.audience import clauses

    words = tokenize(clauses(message)[clause].replace("'", " "))
    assert about_someone_else(words, recipients(message)) is other


def test_what_is_said_of_someone_else_is_left_out_of_the_request_part():
    message = "my neighbour's kid has a blue everything obsession lol. anyway i need a lunch box for my daughter"
    assert "blue" not in own_part(message, message)
    assert "lunch box" in own_part(message, message)
    assert recipients(message) == {"daughter"}


def test_stories_leave_the_ranking_text_unless_they_name_a_kind():
    def names_bag(words: list[str]) -> bool:
        return "bag" in words

    assert without_stories("a scarf for my dad, he lives in scotland", names_bag) == "a scarf for my dad"
    assert without_stories("a scarf for my dad", names_bag) == "a scarf for my dad"
    kept = "my son starts class 3 next month and needs a school bag"
    assert without_stories(kept, names_bag) == kept


def is_coffee_or_gym(words: list[str]) -> bool:
    return words in (["coffee"], ["gym"])


# A story that names a kind and asks nothing ranks on the kind alone, never on its verbs.
STORIES_NAMING_A_KIND = [
    ("my brother keeps complaining his coffee is terrible, gift ideas", "coffee, gift ideas"),
    ("he goes to the gym daily, need a gift for him", "gym, need a gift for him"),
    ("a mug for my dad, he drinks coffee all day", "a mug for my dad, coffee"),
]


@pytest.mark.parametrize(("message", "ranks"), STORIES_NAMING_A_KIND)
def test_a_story_naming_a_kind_ranks_on_the_kind_alone(message, ranks):
    assert without_stories(message, is_coffee_or_gym) == ranks


# -- whole dialogues: the request after the last turn ----------------------------------------------
DIALOGUES = [
    # a recorded attribute said later filters; the shop has no such shirt: nothing, said so
    (
        ["slim fit formal shirt for men", "make it sleeveless"],
        {"audience": "men", "attributes": ["slim", "sleeveless"], "brands": []},
        "empty",
    ),
    # said softly, it only ranks
    (["diwan set for the living room", "embroidered would be nice"], {"attributes": []}, "cards"),
    # a story about the person neither ranks nor sets who it is for
    (["a scarf for my dad, he lives in scotland"], {"audience": "men", "text_lacks": "scotland"}, None),
    (
        ["a gift for my daughter", "she just started college"],
        {"audience": "girls or women", "text_lacks": "college"},
        None,
    ),
    (
        ["my neighbour priya just got back from goa and her flat smells amazing", "an air freshener, under 400"],
        {"audience": None, "price_max": 400.0, "text_lacks": "goa"},
        "cards",
    ),
    # a question with a bound keeps the bound
    (["jackets for men", "do you have anything waterproof, under 2k?"], {"price_max": 2000.0}, None),
    # what is said of someone else or of another item sets no filter (set F)
    (
        [
            "my neighbour's kid has a blue everything obsession lol. anyway i need a lunch box for my daughter",
            "nothing above 250",
        ],
        {"type": "lunch box", "colours": [], "price_max": 250.0, "text_lacks": "obsession"},
        "cards",
    ),
    (["my old watch was silver, i want a black one for my husband"], {"colours": ["black"], "audience": "men"}, None),
    # a word of the general type list used as English is no new kind; "his sister" is of the
    # son's age group (a son with no age: a boy or a man)
    (
        ["digital watch for my son, under 700", "change of plan, it's for his sister instead"],
        {"type": "digital watch", "audience": "girls or women", "price_max": 700.0},
        "cards",
    ),
    # a question about a brand leaves the request as it was
    (
        ["waistcoat for my husband", "is raymond good quality?", "show me ones under a thousand"],
        {"type": "waistcoat", "brands": [], "price_max": 1000.0},
        "cards",
    ),
    # a daughter in college is a woman
    (
        ["boots for my daughter who's in college", "brown", "six hundred is the limit"],
        {"audience": "women", "colours": ["brown"], "price_max": 600.0},
        "cards",
    ),
    # "navy blue" is navy: none under 1500, said so
    (["boots for my wife", "navy blue", "under 1500"], {"colours": ["navy"]}, "empty"),
    # a brand spelt as a function word is grammar unless called a brand ("Now" is a Flipkart brand)
    (
        ["car cover for maruti 800", "oh wait my dad sold the 800 last year, its for the santro now"],
        {"brands": []},
        "cards",
    ),
    # a yes/no specification every record of the kind states "No" to: answered with none
    (["shades for a road trip", "they have to be polarised"], {"flags": ["polarised"]}, "empty"),
    (["watch for men", "water resistant one"], {"flags": ["water resistant"]}, "cards"),
    # a material refused excludes what holds it; a kind refused excludes what it files
    (["lunch box for my son", "no plastic please"], {"exclude_attributes": ["plastic"]}, "empty"),
    (["a lehenga for my sister", "not the fabric kind, she can't stitch"], {"exclude_attributes": ["fabric"]}, "cards"),
    # a follow-up that says who it is for now replaces the audience
    (["hiking shoes for my sister", "actually it's for my brother, he loves hiking"], {"audience": "men"}, "cards"),
]


@pytest.mark.parametrize(("turns", "want", "cards"), DIALOGUES, ids=[" / ".join(d[0]) for d in DIALOGUES])
def test_the_request_after_the_last_turn(flipkart_assistant: Assistant, turns, want, cards):
    session = Session()
    replies = [flipkart_assistant.reply(session, t) for t in turns]
    c = session.request.constraints
    for key, value in want.items():
        if key == "text_lacks":
            assert value not in session.request.text
        elif key == "type":
            assert session.request.product_type == value
        else:
            assert getattr(c, key) == value, key
    last = replies[-1]
    if cards == "empty":
        assert not last.products and last.empty_reason
    elif cards == "cards":
        assert last.products
        catalog = flipkart_assistant.engine.catalog
        # as the catalog filters: a lunch box that records no audience passes "for my daughter"
        assert not any(catalog.failures(c, catalog.products[catalog.row_of[p.id]]) for p in last.products)


@pytest.mark.parametrize(
    "question",
    [
        "is raymond good quality?",
        "so does raymond last long?",
        "is black hard to keep clean?",
        "what material are these, cotton?",
        "how long do they last?",
    ],
)
def test_a_question_about_a_brand_or_colour_answers_and_changes_nothing(flipkart_assistant: Assistant, question):
    session = Session()
    flipkart_assistant.reply(session, "waistcoat for my husband")
    before = session.request.model_copy(deep=True)
    reply = flipkart_assistant.reply(session, question)
    assert reply.intent == "product_question" and reply.text
    assert session.request == before


def test_a_request_phrased_as_a_question_still_asks(flipkart_assistant: Assistant):
    session = Session()
    flipkart_assistant.reply(session, "waistcoat for my husband")
    flipkart_assistant.reply(session, "do you have raymond?")
    assert session.request.constraints.brands == ["raymond"]


@pytest.mark.parametrize("question", ["which of these come in black?", "what do you have of these by raymond?"])
def test_a_question_naming_a_new_filter_over_the_shown_narrows_them(flipkart_assistant: Assistant, question):
    session = Session()
    flipkart_assistant.reply(session, "waistcoat for my husband")
    reply = flipkart_assistant.reply(session, question)
    c = session.request.constraints
    assert reply.intent in ("search", "refine") and (c.colours == ["black"] or c.brands == ["raymond"])


def test_a_colour_the_person_is_into_ranks_in_one_message_and_narrows_in_a_follow_up(flipkart_assistant: Assistant):
    """Said in one message with the request, a taste ranks; said in answer to what is shown it
    narrows to that colour where some of the request's products have it (sets F and G label the
    follow-up taste as the request's colour)."""
    catalog = flipkart_assistant.engine.catalog
    one = Session()
    reply = flipkart_assistant.reply(one, "boots for my girlfriend, she's into tan, earthy stuff")
    assert one.request.constraints.colours == [] and "tan" in one.request.constraints.prefer
    first = catalog.products[catalog.row_of[reply.products[0].id]]
    assert "tan" in first.colours and len(reply.products) > 1
    session = Session()
    flipkart_assistant.reply(session, "looking for boots for my girlfriend")
    reply = flipkart_assistant.reply(session, "she's into tan, earthy stuff")
    assert session.request.constraints.colours == ["tan"] and reply.products
    assert all("tan" in catalog.products[catalog.row_of[c.id]].colours for c in reply.products)


def test_a_follow_up_wish_ranks_the_products_that_hold_it_first(flipkart_assistant: Assistant):
    session = Session()
    flipkart_assistant.reply(session, "a bag")
    reply = flipkart_assistant.reply(session, "something waterproof")
    assert session.request.constraints.prefer == ["waterproof"]
    assert "waterproof" in reply.products[0].title.lower()


def test_a_new_person_replaces_the_one_the_ranking_text_named(flipkart_assistant: Assistant):
    session = Session()
    flipkart_assistant.reply(session, "hiking shoes for my sister")
    flipkart_assistant.reply(session, "actually it's for my brother, he loves hiking")
    assert session.request.constraints.audience == "men"
    assert "sister" not in session.request.text


def test_a_recorded_attribute_taken_back_leaves_the_request(flipkart_assistant: Assistant):
    session = Session()
    for message in ("formal shirt for men", "make it sleeveless", "ok forget sleeveless, anything under 800?"):
        reply = flipkart_assistant.reply(session, message)
    assert session.request.constraints.attributes == []
    assert session.request.constraints.price_max == 800
    assert reply.products


@pytest.mark.parametrize(
    ("second", "intent", "colours"),
    [
        ("hold on, wrong colour, black is what I want", "refine", ["black"]),
        ("wrong color! i meant red", "refine", ["red"]),
        ("you sent the wrong colour, I ordered black", "support", ["purple"]),
        ("wrong colour arrived", "support", ["purple"]),
    ],
)
def test_a_wrong_slot_said_while_refining_corrects_the_request(flipkart_assistant: Assistant, second, intent, colours):
    session = Session()
    flipkart_assistant.reply(session, "mobile pouch in purple")
    reply = flipkart_assistant.reply(session, second)
    assert (reply.intent == "support") is (intent == "support")
    assert session.request.product_type == "mobile pouch"
    assert session.request.constraints.colours == colours


@pytest.mark.parametrize(
    "message, audience",
    [
        ("a watch for his sister", "women"),
        ("a gift for her husband", "men"),
        ("it's for his wife instead", "women"),
        ("he wants a watch for his girlfriend", "women"),
        ("for him", "men"),
    ],
)
def test_the_person_a_request_is_for_outranks_a_pronoun_before_it(message, audience):
    """In "for his sister" the pronoun is the owner; the person word says who it is for."""
    assert read_audience(message, message).audience == audience


@pytest.mark.parametrize(
    "message",
    [
        "mittens for my granddaughter, she's 5 months old",
        "a romper for my godson, he is 10 weeks old",
        "bib for our little one, she's 7 months old",
    ],
)
def test_an_age_in_months_said_after_the_person_makes_a_baby(message):
    """An age in months ("she's 5 months old") is an infant's, not five years: the person is a baby."""
    assert read_audience(message, message).audience == "baby"


@pytest.mark.parametrize(
    "message, audience",
    [
        ("shorts for my one year old daughter for summer", "baby"),
        ("a kurta for my son, he's sixty", "men"),
        ("a frock for my daughter, she is six", "girls"),
        ("a cap for my son, hes fourteen", "boys"),
        ("something for my nephew who turns two next week", "baby"),
        ("a watch for my son who is turning twenty-one", "men"),
    ],
)
def test_an_age_said_in_words_is_read_as_an_age(message, audience):
    """An age in words ("turning one", "he's sixty") says the age group as its digits do."""
    assert read_audience(message, message).audience == audience


@pytest.mark.parametrize(
    "message, audience",
    [
        ("bhatija turning 9 on sunday", "boys"),
        ("my sister's baby turns 7 next week", "kids"),
        ("my neighbours son is turning 12 on friday", "boys"),
    ],
)
def test_an_age_told_of_someone_while_no_one_else_is_the_recipient_says_who_it_is_for(message, audience):
    """A message that tells how old someone is ("turning 9"), naming no other recipient, tells of
    the person the request will be for: the story clause is read for the audience."""
    assert read_audience(addressed_part(message), message).audience == audience


@pytest.mark.parametrize(
    "message, audience",
    [
        ("a water bottle for her, she is in LKG", "girls"),
        ("shoes for him, he just started school", "boys"),
        ("gift for my teenage sister", "girls"),
        ("a watch for my student sister", "girls or women"),
    ],
)
def test_a_school_stage_or_role_told_of_the_person_says_their_age_group(message, audience):
    """A school stage after a cue of being enrolled ("in LKG", "started school") or a group word
    right before the person ("teenage sister") says the age group a pronoun or relation assumes."""
    assert read_audience(addressed_part(message), message).audience == audience


@pytest.mark.parametrize(
    "message, audience",
    [
        ("im a girl looking for sneakers", "women"),
        ("i am a boy, need a watch under 800", "men"),
        ("i'm a girl, kurta under 500", "women"),
    ],
)
def test_a_shopper_describing_themselves_with_a_childs_word_is_a_grown_up(message, audience):
    """ "I'm a girl" says the shopper's gender; with no age, the shopper is a grown-up."""
    assert read_audience(addressed_part(message), message).audience == audience
