"""Query understanding against the demo catalog's vocabulary (no model needed)."""

from __future__ import annotations

import pytest

from assistant.spelling import Speller, is_word
from assistant.spelling_variants import one_spelling
from assistant.understand import Understander
from assistant.vocabulary import type_words


@pytest.fixture(scope="module")
def parse(demo_catalog):
    understander = Understander(demo_catalog)
    return understander.parse


@pytest.mark.parametrize(
    ("message", "lo", "hi"),
    [
        ("jacket under 120", None, 120),
        ("jacket below $50", None, 50),
        ("jacket less than 80 dollars", None, 80),
        ("jacket between 800 and 1500", 800, 1500),
        ("jacket from $20 to $40", 20, 40),
        ("jacket 20-40 usd", 20, 40),
        ("jacket over 100", 100, None),
        ("jacket up to 1.5k", None, 1500),
    ],
)
def test_price_ranges(parse, message, lo, hi):
    c = parse(message).constraints
    assert (c.price_min, c.price_max) == (lo, hi)


def test_cheap_without_number_is_a_flag(parse):
    q = parse("cheap mugs")
    assert q.constraints.cheap and q.constraints.price_max is None
    assert "mug" in " ".join(q.constraints.categories)


@pytest.mark.parametrize(
    ("message", "cheap"),
    [
        # a cheap one said to be acceptable allows the cheap end, it caps nothing (set Q)
        ("a wallet for my brother, budget ones are ok too", False),
        ("mugs for the office, affordable works", False),
        ("cheap is totally fine, need a backpack", False),
        # ...said as what is wanted, it is the cheap end
        ("a cheap wallet that lasts", True),
    ],
)
def test_cheap_said_as_acceptable_is_no_cap(parse, message, cheap):
    assert parse(message).constraints.cheap is cheap


def test_numbers_that_are_not_prices(parse):
    c = parse("sneakers for a 10 year old boy").constraints
    assert c.price_min is None and c.price_max is None and c.audience == "boys"
    c = parse("yoga mat 6 mm").constraints
    assert c.price_max is None


@pytest.mark.parametrize(
    ("message", "rating"),
    [
        ("watch with 4 star rating or more", 4.0),
        ("rated 4.5+ headphones", 4.5),
        ("4+ stars speaker", 4.0),
        ("highly rated blender", 4.0),
    ],
)
def test_minimum_rating(parse, message, rating):
    assert parse(message).constraints.min_rating == rating


@pytest.mark.parametrize(
    ("message", "audience"),
    [
        ("running shoes for women", "women"),
        ("mens wallet", "men"),
        ("ladies watch", "women"),
        ("toys for kids", "kids"),
        ("baby blanket", "baby"),
        ("girls dress", "girls"),
        ("his and hers watches", "couple"),
        # "a couple of" counts, it is no audience: the person named decides
        ("need a couple of office shirts for men", "men"),
        ("a couple of mugs", None),
        ("gift for my dad", "men"),
        ("it's for my wife", "women"),
        # a son or daughter with no age may be grown up: both, the child's ranked first;
        # an age or a word for the age group decides
        ("a dress for my daughter", "girls or women"),
        ("shoes for my son", "boys or men"),
        ("jeans for my teenage daughter", "girls"),
        ("boots for my daughter who's in college", "women"),
        ("a school bag for my son", "boys"),
        ("a watch for my son, he's 30", "men"),
        ("something for my kid", "kids"),
        ("a present for mom", "women"),
        # a pronoun or an age that belongs to an animal sets no human audience
        ("a collar, she's a labrador", None),
        ("shampoo for my cat, he is 3 and hates baths", None),
        ("a bed for our puppy, he chews everything", None),
        # the speaker's own animal or thing, of any breed or name, is what the pronoun points
        # back to: no person word says otherwise (pet shop: a greyhound's "she" was for women)
        ("our elderly cockatiel keeps plucking, he needs a bigger cage", None),
        ("my old whippet gets cold, she wants a coat", None),
        ("my bike is old and he squeaks, a new bell", None),
        ("a raincoat for my son and his dog", "boys or men"),
        # whose, not for whom: the person owned is the one it is for (set M d05)
        ("a red cotton cap for my sister's baby", "baby"),
        ("sunglasses for my uncle's daughter, she is 9", "girls"),
    ],
)
def test_audience(parse, message, audience):
    assert parse(message).constraints.audience == audience


def test_relations_are_marked_as_such(parse):
    assert parse("gift for my dad").audience_from_relation
    assert not parse("watch for men").audience_from_relation


@pytest.mark.parametrize(
    ("message", "lo", "hi"),
    [
        ("budget is 1500", None, 1500),
        ("my budget is 800 rupees", None, 800),
        ("max 800 rupees", None, 800),
        ("less than 500 please", None, 500),
        ("keep it under 400", None, 400),
        ("between 800 and 1500", 800, 1500),
        ("over 2000", 2000, None),
        ("1500 max", None, 1500),
    ],
)
def test_absolute_budgets(parse, message, lo, hi):
    c = parse(message).constraints
    assert (c.price_min, c.price_max, c.cheap) == (lo, hi, False)


def test_exclusions_leave_the_search_text(parse):
    q = parse("running shoes not Auralink")
    assert q.constraints.exclude_brands == ["auralink"] and "auralink" not in q.text.lower()


def test_real_product_words_are_not_corrected(parse):
    q = parse("iphone 6s back cover")
    assert "iphone" in q.text and "iphone" not in q.corrections
    assert q.constraints.attributes == ["iphone 6s"]


@pytest.mark.parametrize(
    ("message", "named", "carried"),
    [
        ("jhumka earrings", "earrings", True),  # the demo catalog has earrings
        ("a guitar for my son", "guitar", False),
        ("lawn mower", "lawn mower", False),
        ("waterproof hiking jacket", "hiking jacket", True),  # a title says "hiking jacket"
        ("smart watch", "smartwatch", True),  # the shop's closed compound ("Smartwatches & ...")
        ("moisturising face cream", "face cream", True),  # one kind of a listing node
        ("leather jacket", "jacket", True),
        ("watch with a white dial", "watch", True),
        ("under 50 please", None, True),
    ],
)
def test_requested_type_carried_or_not(parse, message, named, carried):
    q = parse(message)
    assert (q.product_type, q.type_carried) == (named, carried)
    if not carried:
        assert q.constraints.categories == [named]


@pytest.mark.parametrize(
    ("message", "attributes"),
    [
        # a material said as its adjective, where the catalog records the noun ("Material: wood")
        ("wooden garden swing", ["wooden or wood"]),
        ("real wooden board game", ["wooden or wood"]),
        # ...and a noun said where the catalog records the word made of it ("Closure: Zipper", set M)
        ("boots, the zip kind", ["zip or zipped"]),
        ("a raincoat, the hood kind", ["hood or hooded"]),
    ],
)
def test_a_material_adjective_accepts_the_recorded_noun(parse, message, attributes):
    assert parse(message).constraints.attributes == attributes


@pytest.mark.parametrize(
    ("message", "colours"),
    [
        # a metal word of a kind none of which is made of it can only be its colour
        ("silver running shoes", ["silver"]),
        ("gold running shoes for women", ["gold"]),
        # ...but of a kind some of which are ("sterling silver" rings), it may be the material
        ("silver ring", []),
    ],
)
def test_a_metal_word_is_the_colour_of_a_kind_never_made_of_it(parse, message, colours):
    assert parse(message).constraints.colours == colours


def test_required_attributes(parse):
    assert parse("real diamond ring").constraints.attributes == ["diamond"]
    assert parse("leather wallet").constraints.attributes == ["leather"]
    assert parse("gold ring").constraints.attributes == []  # a metal word may be a colour or plating
    # ...but after a word that asks for the real thing it is the material required
    assert parse("real gold, not plated").constraints.attributes == ["gold"]
    assert parse("pure silver anklet").constraints.attributes == ["silver"]
    # ...and a placeholder after the cue stands for what was said before it, no material (set R)
    assert parse("a leather wallet, the genuine thing").constraints.attributes == ["leather"]
    assert parse("wool jacket please, real stuff only").constraints.attributes == ["wool"]
    # a stone is what the jewellery is made with, said either way round
    assert parse("emerald pendant").constraints.attributes == ["emerald"]
    assert parse("earrings with diamonds").constraints.attributes == ["diamond"]
    # the word before "type"/"kind" names the variant asked for, even a word that is a type elsewhere
    assert parse("the insulated kind").constraints.attributes == ["insulated"]
    assert "wallet" in parse("wallet type that folds").constraints.attributes
    # ...but not a word that only compares ("a different kind")
    assert parse("a different kind of jacket").constraints.attributes == []
    # ...nor a style said before the type ("salon type conditioner")
    assert parse("salon type jacket").constraints.attributes == []


def test_colours_and_nouns_that_look_like_colours(parse):
    assert parse("black leather wallet").constraints.colours == ["black"]
    assert parse("sneakers in navy").constraints.colours == ["navy"]
    # a shade said with its hue is the shade; two colours with no shade between stay two
    assert parse("navy blue sneakers").constraints.colours == ["navy"]
    assert parse("olive green jacket").constraints.colours == ["olive"]
    assert parse("black white sneakers").constraints.colours == ["black", "white"]
    assert parse("moisturising face cream").constraints.colours == []
    assert parse("gray hoodie").constraints.colours == ["grey"]
    # a metal word is a colour where the message says it is one
    assert parse("gold colour showpiece").constraints.colours == ["gold"]
    assert parse("silver toned watch").constraints.colours == ["silver"]
    assert parse("gold watch").constraints.colours == []


def test_brand_exact_case_and_typo(parse, demo_catalog):
    brand = "northfold"
    assert brand in demo_catalog.brand_names
    assert parse("Northfold jacket").constraints.brands == [brand]
    assert parse("northfoldd jacket").constraints.brands == [brand]  # one typo


def test_brand_exclusion(parse):
    c = parse("running shoes not strideline").constraints
    assert c.exclude_brands == ["strideline"] and c.brands == []


def test_unknown_famous_brand_is_kept_as_constraint(parse):
    q = parse("do you have any rolex watches?")
    assert q.constraints.brands == ["rolex"] and q.unknown_brands == ["rolex"]


def test_misspellings_do_not_zero_out(parse):
    q = parse("womans sandels")
    assert q.constraints.audience == "women"
    assert q.constraints.categories and "sandal" in q.constraints.categories[0]
    assert q.corrections.get("sandels") == "sandals"


def test_product_types_use_catalog_vocabulary_and_synonyms(parse):
    assert parse("waterproof jacket").constraints.categories[0] == "jacket"
    cats = parse("wireless earphones").constraints.categories
    assert "earphones" in cats or "earbud" in cats
    assert parse("something nice").constraints.categories == []


def test_semantic_text_drops_price_phrase(parse):
    q = parse("blue backpack under $60")
    assert "60" not in q.text and "backpack" in q.text


def test_intents_of_product_requests_are_search(demo_catalog):
    from assistant import intent as intents
    from assistant.session import Session

    understander = Understander(demo_catalog)
    for text in [
        "track pants for men below 600",
        "my micromax phone needs a car charger",
        "do you have rolex watches?",
    ]:
        assert intents.classify(text, Session(), understander.parse(text)).intent == "search", text
    for text in ["where is my order #1234?", "I want to track my package", "my parcel arrived damaged"]:
        assert intents.classify(text, Session(), understander.parse(text)).intent == "support", text
    for text in ["what is your return policy?", "how long does shipping take?"]:
        assert intents.classify(text, Session(), understander.parse(text)).intent == "policy", text


def test_a_question_naming_a_product_is_about_it_whatever_story_it_tells(demo_catalog):
    from assistant import intent as intents
    from assistant.session import Session

    understander = Understander(demo_catalog)
    asked = "my bike got stolen last year, is the xtreme alarm kit the kind that shows it on a map?"
    assert intents.classify(asked, Session(), understander.parse(asked), named=1).intent == "detail"
    for text in [
        "the xtreme alarm kit I ordered arrived broken, what now?",
        "can I talk to someone about the xtreme kit?",
    ]:
        assert intents.classify(text, Session(), understander.parse(text), named=1).intent == "support", text


@pytest.mark.parametrize(
    ("title", "category", "phrase", "named"),
    [
        ("Oak Watch Box for 6 Watches", ["Home", "Storage"], "watch", False),  # a box (for watches)
        ("Printed Table Cover 4 Seater", ["Home Furnishing"], "table", False),
        ("Wooden Shoe Rack", ["Furniture"], "shoe", False),
        ("Steel Analog Watch - For Men", ["Watches", "Wrist Watches"], "watch", True),
        ("Kurta and Palazzo Set", ["Clothing", "Ethnic Wear"], "kurta", True),  # "and": two kinds
        ("Blue Dial Chronograph", ["Watches", "Wrist Watches"], "watch", True),  # named by its category
        ("Sports Watch Dial Black", ["Accessories"], "watch", True),  # a dial is part of a watch
    ],
)
def test_a_type_word_followed_by_another_type_names_the_other(title, category, phrase, named):
    from assistant.constraints import matches_type
    from common.schema import Product
    from common.text import terms

    assert matches_type(Product(id="p", title=title, category=category), terms(phrase)) is named


def test_a_shop_type_the_catalog_lacks_falls_back_only_to_its_head_described_so(parse):
    # "lawn mower": no product of the head type ("mower") at all: not carried, no fallback.
    assert (parse("electric lawn mower").product_type, parse("electric lawn mower").type_carried) == (
        "lawn mower",
        False,
    )
    # "face cream" is not "face": a part that is not the head never stands in.
    q = parse("cream face")
    assert q.product_type != "face cream"


@pytest.mark.parametrize(
    "message, colours",
    [
        ("I meant red", ["red"]),  # a colour closing a correction is a colour
        ("sorry i meant blue", ["blue"]),
        ("moisturising face cream", []),  # "face cream" names a kind
        ("make it green", ["green"]),
        ("make that pink instead of red", ["pink"]),  # a demonstrative before it points at the item
        ("are those black", ["black"]),
    ],
)
def test_a_colour_word_at_the_end_is_a_noun_only_when_it_names_a_kind(parse, message, colours):
    assert parse(message).constraints.colours == colours


def test_an_adjective_made_from_a_known_word_is_no_misspelling(parse):
    # "-y" and "-ish" make adjectives of nouns: "flashy" is no misspelt "flash".
    for message in ("a backpack for the office, nothing flashy", "a reddish scarf"):
        assert parse(message).corrections == {}


@pytest.mark.parametrize(
    "word, known, is_one",
    [
        ("embroiderd", {"embroider"}, False),  # "embroidered" lost a letter (set O d07)
        ("tripd", {"trip", "tripe"}, False),  # "tripod" lost one (set N d15)
        ("baked", {"bake"}, True),  # a "d" after a stem's "e" is the past tense
        ("used", {"use"}, True),
        ("dropped", {"drop"}, True),
    ],
)
def test_a_bare_d_is_an_ending_only_after_an_e(word, known, is_one):
    assert is_word(word, known.__contains__) is is_one


@pytest.mark.parametrize("said", ["meri beti ke liye night wear", "uski beti ke liye"])
def test_hindi_grammar_words_are_never_corrected_to_a_catalog_word(said):
    # set N d22: "meri" (my) became the brand "meril"
    speller = Speller({"meril": 3, "uskin": 2}, protected=())
    assert speller.correct(said) == (said, {})


@pytest.mark.parametrize(
    ("said", "firm", "read", "fixed"),
    [
        # "glas" stands in two records, "glass" in thirty-one: the catalog's typo is the shopper's
        ("temperd glas", (), "tempered glass", {"temperd": "tempered", "glas": "glass"}),
        ("lether wallet", (), "leather wallet", {"lether": "leather"}),
        # a word known beyond the catalog (a type, a brand) is no typo however rare
        ("chanel perfume", ("chanel",), "chanel perfume", {}),
        # a plural is no lost letter; a rare word without a commoner neighbour stays
        ("pullover", (), "pullover", {}),
        ("ston", (), "ston", {}),
    ],
)
def test_a_rare_catalog_word_a_letter_short_of_a_common_one_is_corrected(said, firm, read, fixed):
    vocabulary = {"glas": 2, "glass": 31, "tempered": 6, "lether": 1, "leather": 40, "wallet": 9}
    vocabulary |= {"chanel": 1, "channel": 30, "perfume": 5, "pullover": 2, "pullovers": 30, "ston": 2, "stone": 12}
    if said == "ston":
        vocabulary["stone"] = 15  # under ten times as frequent: too little evidence
    speller = Speller(vocabulary, protected=(), firm=firm)
    assert speller.correct(said) == (read, fixed)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        # set M: "padi" (lying about) became the kind "pad"; "hona" (to be) the brand "honda"
        ("office me files idhar udhar padi rehti hain", "office me files idhar udhar padi rehti hain"),
        ("waterproof hona chahiye", "waterproof hona chahiye"),
        # set S: "sardi" (winter) became "sari", "batao" (tell me) "bat"
        ("sardi mein skin dry ho jaati hai", "sardi mein skin dry ho jaati hai"),
        ("koi sabun batao for dry skin", "koi sabun batao for dry skin"),
        # a misspelling ending in a consonant is still one; so is any misspelling in English
        ("ek achha tripd chahiye", "ek achha tripod chahiye"),
        ("need a padi for my desk", "need a pad for my desk"),
    ],
)
def test_a_vowel_final_unknown_word_in_a_hinglish_message_is_hindi(said, read):
    speller = Speller({"pad": 9, "honda": 3, "sari": 8, "bat": 6, "tripod": 2, "sabun": 1}, protected=())
    assert speller.correct(said)[0] == read


def test_variants_of_one_line_named_together_are_one_name():
    """Set K: "the size 12 synthetic hiking boots, are they waterproof" names two variants of one
    line, which the turn read as several products and so as a request for the kind."""
    from types import SimpleNamespace

    from assistant.interpret import _one_line
    from common.schema import Product

    boots = [
        Product(id=f"b{i}", title=f"Hiking Boots (size 12, {m})", category=["Hiking Boots"])
        for i, m in enumerate(["synthetic", "leather"])
    ]
    other = Product(id="c1", title="Office Chair (leather, blue)", category=["Office Chair"])
    products = [*boots, other]
    catalog = SimpleNamespace(products=products, row_of={p.id: i for i, p in enumerate(products)})
    assert _one_line(["b0", "b1"], catalog)
    assert not _one_line(["b0", "c1"], catalog)


@pytest.mark.parametrize(
    "message",
    [
        "lg mc3286 capacity kitni hai",  # set K: the model code said shortened, with its brand
        "does the LG MC3286 have a grill?",
    ],
)
def test_a_brand_and_its_model_code_said_shortened_name_more_than_the_brand(message):
    from types import SimpleNamespace

    from assistant.interpret import _only_brand
    from common.schema import Product

    oven = Product(id="o1", title="lg mc3286blt 32 l convection microwave oven", brand="lg")
    catalog = SimpleNamespace(products=[oven], row_of={"o1": 0})
    assert not _only_brand(message, catalog, "o1", ["lg"])


@pytest.mark.parametrize(
    ("said", "shop", "read"),
    [
        ("a desk organiser", set(), "a desk organizer"),  # the type vocabulary's spelling
        ("a desk organizer", {"organiser"}, "a desk organiser"),  # the shop's own spelling wins
        ("face moisturiser", {"moisturiser"}, "face moisturiser"),
        ("i need to organise my desk", set(), "i need to organise my desk"),  # no kind either way
        ("a wise choice", set(), "a wise choice"),  # too short a stem to be the suffix
    ],
)
def test_an_ise_or_ize_word_is_read_in_the_spelling_the_shop_or_the_kinds_know(said, shop, read):
    # "a desk organiser" was read as a desk: only "organizer" was a word of a kind (a session-9 chat)
    assert one_spelling(said, shop.__contains__, type_words()) == read


@pytest.mark.parametrize(
    ("message", "indefinite"),
    [
        ("Libas red chanderi A-line kurta, half sleeves right?", False),  # set M: "A-line" is no article
        ("a-line kurta in red, is it cotton?", False),
    ],
)
def test_an_article_joined_by_a_hyphen_is_part_of_its_word(parse, message, indefinite):
    from assistant.interpret import _indefinite

    assert _indefinite(message, parse(message)) is indefinite


@pytest.mark.parametrize(
    ("message", "categories"),
    [
        # the shop files them under "Kitchen Knives": a kind said in the singular or the plural
        # is the shop's kind ("knives" once singularised to "knive", which matched nothing)
        ("kitchen knife", ["kitchen knife"]),
        ("kitchen knives under 900", ["kitchen knives"]),
        ("a bread knife please", ["bread knife"]),
    ],
)
def test_a_kind_the_shop_lists_by_an_irregular_plural_is_carried(parse, message, categories):
    q = parse(message)
    assert q.type_carried and q.constraints.categories[: len(categories)] == categories


@pytest.mark.parametrize(
    ("message", "ranks_on", "kind"),
    [
        # a story's word the shop puts before the asked kind ("running shoes") ranks; it filters nothing
        ("my brother-in-law just started running and his knees hurt, what shoes do you have", "running", "shoes"),
        ("my husband started trail running and keeps slipping, what shoes do you have", "running", "shoes"),
    ],
)
def test_a_story_word_the_shop_names_the_kind_with_ranks(parse, message, ranks_on, kind):
    q = parse(message)
    assert ranks_on in q.text.split() and kind in q.constraints.categories
    assert not any(ranks_on in c for c in q.constraints.categories) and ranks_on not in q.constraints.attributes
