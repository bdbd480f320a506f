"""Which product a question names (assistant/naming.py), per class of loose naming, on small
hand-made catalogs: exact, no model."""

from __future__ import annotations

import pytest

from assistant.name_text import title_brand
from assistant.naming import NameIndex
from common.schema import Product

# Thirty everyday products: idf thresholds are shares of a one-title word's idf, so a catalog of
# a handful of products would make every word rare.
FILLERS = [
    Product(id=f"f{i}", title=f"maker{i} ceramic mug", brand=f"maker{i}", description="a mug for tea")
    for i in range(30)
]


def _named(products: list[Product], message: str) -> list[str]:
    return [n.product.id for n in NameIndex([*FILLERS, *products]).find(message)]


def _first(products: list[Product], message: str) -> str | None:
    found = NameIndex([*FILLERS, *products]).find(message)
    return found[0].product.id if found else None


# -- the product's own words said between its name words ---------------------------------------
HEADLIGHTS = [
    Product(id="h1", title="leebo led headlight for bajaj pulsar 150", brand="leebo"),
    Product(id="h2", title="leebo led headlight for suzuki sling", brand="leebo"),
]
MATS = [
    Product(id="c1", title="crokrok nylon car mat for datsun go", brand="crokrok"),
    Product(id="c2", title="crokrok nylon car mat for volkswagen vento", brand="crokrok"),
]
PANS = [
    Product(id="n1", title="nirlon classic kadhai 2.5 l", brand="nirlon"),
    Product(id="n2", title="nirlon classic pan 25 cm diameter", brand="nirlon"),
    Product(id="n3", title="nirlon induction kadhai 1.5 l", brand="nirlon"),
]
SHOES = [
    Product(id="s1", title="asics gel-kayano 22 running shoes", brand="asics"),
    Product(id="s2", title="asics gel-cumulus 17 running shoes", brand="asics"),
]


@pytest.mark.parametrize(
    "catalog, message, named",
    [
        (HEADLIGHTS, "leebo LED headlight for pulsar 150 - how many watts does it draw?", "h1"),
        (HEADLIGHTS, "will the leebo led headlight (the pulsar 150 one) work on 12 volt?", "h1"),
        (MATS, "kids get mud in car. crokrok nylon car mat for datsun go - is it water resistant?", "c1"),
        # a colour and an amount with its unit, said inside the name
        (PANS, "I cook on induction only. will the nirlon classic red 2.5 litre kadhai work?", "n1"),
        (PANS, "can i put the nirlon classic 25cm red fry pan in the dishwasher?", "n2"),
        # a name word said again in the question does not scatter the name
        (SHOES, "asics gel-kayano 22 running shoes, how much does one shoe weigh?", "s1"),
    ],
)
def test_a_name_is_one_stretch_over_the_products_own_words(catalog, message, named):
    assert _first(catalog, message) == named


def test_the_questions_own_word_still_names_no_sibling():
    assert _named(PANS, "i cook on induction. will the nirlon classic kadhai work?") == ["n1"]


# -- a brand the record leaves out ---------------------------------------------------------------
def test_a_brand_shelf_in_the_category_tree_is_the_brand():
    dress = Product(id="d1", title="beebay girl's a-line dress", category=["clothing", "dresses", "beebay dresses"])
    assert title_brand(dress) == "beebay"
    plain = Product(id="d2", title="party dress for girls", category=["clothing", "dresses"])
    assert title_brand(plain) == ""


BOOTS = [
    Product(id="b1", title="la briza mile boots"),
    Product(id="b2", title="la briza ashley boots"),
    Product(id="b3", title="la briza black boots"),
    Product(id="b4", title="pinza black cowboy boots", brand="pinza"),  # a catalog with a brand column
    Product(id="b5", title="carlton boots", category=["footwear", "boots", "carlton boots"]),
    Product(id="b6", title="carlton london boots", brand="carlton"),
]


@pytest.mark.parametrize(
    "message, named",
    [
        # the brand (titles' shared opening) and the everyday words of one of its titles
        ("la briza black suede boots (the plain black ones) - are they waterproof?", "b3"),
        ("what's the lining inside the carlton brown slip on boots made of?", "b5"),
    ],
)
def test_a_brand_and_its_titles_everyday_words_name_the_one_they_single_out(message, named):
    assert _first(BOOTS, message) == named


@pytest.mark.parametrize(
    "message",
    [
        "la briza boots?",  # a brand and a kind: its boots, a search
        "do you have la briza boots for a party",
        "la briza boots - are they waterproof?",  # three la briza boots: no one singled out
        "forget la briza, any brand is fine",
    ],
)
def test_a_brand_and_a_kind_alone_name_none(message):
    assert _named(BOOTS, message) == []


KURTAS = [
    Product(
        id="k1",
        title="love more printed women's anarkali kurta",
        brand="love more",
        attributes={"Fabric": "Cotton", "Type": "Anarkali", "Sleeve": "3/4 Sleeve"},
    ),
    Product(
        id="k2",
        title="love more printed women's straight kurta",
        brand="love more",
        attributes={"Fabric": "Crepe", "Type": "Straight", "Sleeve": "3/4 Sleeve"},
    ),
]


@pytest.mark.parametrize(
    "message, named",
    [
        # a word of one product's specification values, said in its name, tells it apart (set O)
        ("how long is the love more crepe kurta, like in inches? i'm 5'2", ["k2"]),
        ("is the love more cotton kurta see-through?", ["k1"]),
    ],
)
def test_a_brand_and_a_specification_value_said_in_its_name_single_one_out(message, named):
    assert _named(KURTAS, message) == named


CLUTCHES = [
    Product(id="c1", title="linzina casual purple synthetic clutch", brand="linzina", attributes={"Type": "Hand-held"}),
    Product(
        id="c2",
        title="linzina casual brown synthetic clutch",
        brand="linzina",
        attributes={"Type": "Hand-held", "Pattern": "Striped"},
    ),
    Product(id="c3", title="linzina casual grey synthetic clutch", brand="linzina", attributes={"Type": "Hand-held"}),
    Product(id="c4", title="linzina festive beads clutch", brand="linzina", attributes={"Type": "Clutch"}),
]


@pytest.mark.parametrize(
    "message, named",
    [
        # "clutch", in every title, tells none apart though one repeats it in a value (set O)
        ("linzina striped clutch - how many card slots?", ["c2"]),
        ("is the linzina striped clutch big enough for a phone?", ["c2"]),
    ],
)
def test_a_value_word_every_title_carries_tells_none_apart(message, named):
    assert _named(CLUTCHES, message) == named


# -- brands vary in a category of many makers -----------------------------------------------------
RINGS = [
    Product(
        id=f"r{i}",
        title=f"{brand} silver {stone} ring",
        brand=brand,
        category=["jewellery", "rings"],
        attributes={"Brand": brand, "Gemstone": stone},
    )
    for i, (brand, stone) in enumerate(
        [("kiara", "zircon"), ("kiara", "amethyst"), ("caratlane", "diamond"), ("caratlane", "zircon")]
    )
]


def test_a_brand_is_no_option_of_a_category_of_many_makers():
    assert _first(RINGS, "the kiara silver amethyst ring - how many stones are set in it?") == "r1"
    assert _first(RINGS, "caratlane diamond ring in silver, how many diamonds are on it") == "r2"


def test_a_model_codes_number_names_it_next_to_its_brand():
    watches = [
        Product(id="w1", title="skmei 1070blk sports analog-digital watch", brand="skmei"),
        Product(id="w2", title="skmei dg1010-black-gold sports digital watch", brand="skmei"),
    ]
    assert _first(watches, "how deep can the skmei 1070 black sports watch go in water?") == "w1"
    assert _first(watches, "is the skmei 1010 waterproof?") == "w2"
    assert _named(watches, "sports watch under 1070") == []  # a number alone is a price


def test_a_model_code_no_other_product_carries_names_it_alone():
    # The category tree repeats the brand and code ("dlink dap1320 white"), so the code alone is
    # a small share of the product's name words; it still tells it from every other product.
    extenders = [
        Product(id="d1", title="d-link dap1320", brand="d-link", category=["routers", "dlink dap1320 white"]),
        Product(id="d2", title="d-link dir-615 wireless router", brand="d-link", category=["routers"]),
    ]
    assert _first(extenders, "can i plug a hard disk into the dap1320 to share movies?") == "d1"
    assert _named(extenders, "router under 1320") == []  # a number alone is no code


# -- variants of a line, named by their options in the shopper's words -----------------------
def _line(name: str, options: dict[str, list[str]]) -> list[Product]:
    """Every combination of the options, one product each, as tau's variants are."""
    rows: list[dict[str, str]] = [{}]
    for key, values in options.items():
        rows = [{**row, key: value} for row in rows for value in values]
    return [
        Product(
            id=f"{name}-{i}",
            title=f"{name} ({', '.join(row.values())})",
            category=[name],
            attributes=row,
        )
        for i, row in enumerate(rows)
    ]


BEDS = _line("Pet Bed", {"size": ["small", "large"], "material": ["memory foam", "fleece"], "color": ["grey", "beige"]})
UMBRELLAS = _line("Patio Umbrella", {"size": ["6 ft", "7 ft"], "color": ["red", "blue"], "tilt": ["auto", "manual"]})
# as in tau, not every combination is made: no ceramic 2 litre kettle for induction
KETTLES = [
    p
    for p in _line(
        "Tea Kettle",
        {"material": ["ceramic", "glass"], "capacity": ["1 liter", "2 liters"], "stovetop": ["gas", "induction"]},
    )
    if p.title != "Tea Kettle (ceramic, 2 liters, induction)"
]
WATCHES = _line(
    "Smart Watch", {"color": ["gold", "black"], "band material": ["leather", "metal"], "display": ["AMOLED", "LCD"]}
)
THERMOSTATS = _line(
    "Smart Thermostat", {"compatibility": ["Amazon Alexa", "Google Assistant"], "color": ["white", "black"]}
)
ESPRESSO = _line(
    "Espresso Machine", {"capacity": ["1L", "2L"], "type": ["capsule", "manual"], "pressure": ["9 bar", "19 bar"]}
)


def _titles(products: list[Product], message: str) -> set[str]:
    found = NameIndex([*FILLERS, *products]).find(message)
    return {n.product.title for n in found}


@pytest.mark.parametrize(
    "catalog, message, named",
    [
        # no "the": a word pointing back after the name
        (
            BEDS,
            "pet bed large grey memory foam - can i throw it in washing machine?",
            {"Pet Bed (large, memory foam, grey)"},
        ),
        # values right after the name: two options, or one closing its clause
        (
            UMBRELLAS,
            "can i order the patio umbrella red 7 ft right now?",
            {"Patio Umbrella (7 ft, red, auto)", "Patio Umbrella (7 ft, red, manual)"},
        ),
        (
            KETTLES,
            "we only have induction. the ceramic tea kettle 2 litre, will it work on that?",
            {"Tea Kettle (ceramic, 2 liters, gas)"},
        ),
        (
            KETTLES,
            "tea kettle, ceramic, 1 litre size.. which stove is it made for?",
            {"Tea Kettle (ceramic, 1 liter, gas)", "Tea Kettle (ceramic, 1 liter, induction)"},
        ),
        # "with THE leather band", a value said with its option's name, the telling part of a value
        (
            WATCHES,
            "does the gold smart watch with the leather band and AMOLED display have GPS?",
            {"Smart Watch (gold, leather, AMOLED)"},
        ),
        (
            ESPRESSO,
            "espresso machine, the capsule type with 2L water tank.. how many bar does it make?",
            {"Espresso Machine (2L, capsule, 9 bar)", "Espresso Machine (2L, capsule, 19 bar)"},
        ),
        (
            THERMOSTATS,
            "the smart thermostat for alexa in white - is that one in stock?",
            {"Smart Thermostat (Amazon Alexa, white)"},
        ),
    ],
)
def test_a_variant_is_named_by_its_options_in_the_shoppers_words(catalog, message, named):
    assert _titles(catalog, message) == named


# as in tau, the title writes the size with its key ("Running Shoes (size 10, white, leather)")
SHOES = [
    Product(
        id=f"rs{i}",
        title=f"Running Shoes (size {size}, {colour}, {material})",
        category=["Running Shoes"],
        attributes={"size": size, "color": colour, "material": material},
    )
    for i, (size, colour, material) in enumerate(
        [("10", "white", "leather"), ("9", "black", "synthetic"), ("9", "yellow", "synthetic"), ("8", "red", "mesh")]
    )
]


def test_a_value_written_after_its_key_in_a_title_is_no_model_code():
    # "size10" was read as a code: the shopper's own size in the story named the size 10 shoe (set O)
    # (O-pq-42: "I'm a size 10. will the yellow synthetic running shoes in size 9 fit me?")
    index = NameIndex([*FILLERS, *SHOES])
    assert all(not {"size10", "size9", "size8"} & words for words in index.name_words)
    # the shopper's own size said before the name narrows to no variant it is not: not a name word
    said = "im a size 10 will the yellow synthetic running shoe in size 9 fit me".split()
    line = index.lines["Running Shoes"]
    keep, named_by = index._narrowed(line, said, range(8), {12})
    assert keep and all(index.products[r].attributes["size"] == "9" for r in keep)
    assert "10" not in named_by
    # a code joined from its parts stays one ("dap 1320" is "dap1320")
    router = Product(id="d1", title="d-link dap 1320 range extender", attributes={"Model": "DAP-1320"})
    assert "dap1320" in NameIndex([*FILLERS, router]).words[-1]


@pytest.mark.parametrize(
    "catalog, message",
    [
        (KETTLES, "is there a tea kettle? is it cheap?"),  # no option said: the line, not a variant
        (KETTLES, "ceramic tea kettle"),  # a search
        (BEDS, "do you have a large grey pet bed?"),  # a search, nothing points back
        (UMBRELLAS, "i want it for the terrace. do you have a red patio umbrella"),  # "it" before the name
    ],
)
def test_a_line_said_without_pointing_at_a_variant_names_none(catalog, message):
    assert _titles(catalog, message) == set()


def test_one_value_said_after_the_name_in_its_clause_is_what_is_asked():
    # "induction" is asked, not said to pick: the glass 2 litre kettles are named, both
    named = _titles(KETTLES, "is the glass 2 litre tea kettle induction compatible?")
    assert named == {"Tea Kettle (glass, 2 liters, gas)", "Tea Kettle (glass, 2 liters, induction)"}


# -- a brand said by its opening, words inside codes, a name pointed back at ---------------------
def test_a_brand_is_said_by_its_own_opening_words():
    skirts = [
        Product(id="g1", title="gwyn lingerie floral print women's gathered skirt", brand="gwyn lingerie"),
        Product(id="g2", title="gwyn lingerie solid women's pencil skirt", brand="gwyn lingerie"),
        Product(
            id="h1", title="blue birds usa homeware stainless steel 1000 ml bottle", brand="blue birds usa homeware"
        ),
    ]
    assert _first(skirts, "gwyn floral print skirt - is it knee length or long?") == "g1"
    assert _first(skirts, "blue birds steel bottle 1000 ml - will it keep water cold?") == "h1"
    # "blue" alone is a colour, no brand
    assert _named(skirts, "blue bottle - will it keep water cold?") == []


def test_the_words_inside_a_model_code_tell_a_brands_products_apart():
    boxes = [
        Product(id="l1", title="ski lock seal gift set 550 purple02 2 containers lunch box", brand="ski"),
        Product(id="l2", title="ski lock seal gift set 550 yellow02 2 containers lunch box", brand="ski"),
    ]
    assert _first(boxes, "ski lock seal lunch box purple, how many containers in it?") == "l1"


def test_everyday_words_of_a_title_tell_a_brands_products_apart():
    tops = [
        Product(id="t1", title="shilpkala casual sleeveless embellished women's top"),
        Product(id="t2", title="shilpkala casual sleeveless solid women's top"),
        Product(id="t3", title="shilpkala casual short sleeve printed women's top"),
    ]
    assert _first(tops, "shilpkala sleeveless solid top - is it cotton?") == "t2"
    # "solid" may go unsaid, as "casual" and "women's" do: the one with nothing more is named
    assert _first(tops, "shilpkala sleeveless top - is it cotton?") == "t2"


def test_a_word_pointing_back_after_a_name_points_as_the_does():
    boots = [Product(id="d1", title="salt n pepper 14-664 denny black boots"), *BOOTS]
    assert _first(boots, "salt n pepper denny black boots, are they leather?") == "d1"
    assert _named(boots, "i need denny black boots") == []


MICE = _line(
    "Gaming Mouse",
    {"color": ["black", "white"], "sensor type": ["laser", "optical"], "connectivity": ["wired", "wireless"]},
)
READERS = _line("E-Reader", {"screen size": ["7-inch", "6-inch"], "connectivity": ["Wi-Fi", "Wi-Fi + Cellular"]})


def test_a_variant_singled_out_by_two_options_or_more_is_named_without_pointing():
    assert _titles(MICE, "black wired gaming mouse with laser sensor - price?") == {
        "Gaming Mouse (black, laser, wired)"
    }
    assert _titles(MICE, "black wired gaming mouse?") == set()  # two of them: a search
    assert _titles(READERS, "the 7 inch e-reader with wifi + cellular, how much storage?") == {
        "E-Reader (7-inch, Wi-Fi + Cellular)"
    }


# -- a line named by a type in the shopper's words, and variants named together ----------------
CHARGERS = _line("Portable Charger", {"capacity": ["10000mAh", "20000mAh"], "color": ["black", "white"]})
VACUUMS = _line("Vacuum Cleaner", {"type": ["upright", "canister"], "features": ["cordless", "HEPA filter"]})
HOSES = _line("Garden Hose", {"length": ["25ft", "50ft"], "material": ["latex", "vinyl"], "color": ["black", "blue"]})


def test_a_line_is_named_by_a_synonym_of_its_type_but_a_search_stays_a_search():
    shop = [*CHARGERS, *HOSES]
    said = "the black 20000mAh power bank - can i just keep my phone on top of it?"
    assert _titles(shop, said) == {"Portable Charger (20000mAh, black)"}
    assert _titles(shop, "how long is the black latex garden pipe?") == {
        "Garden Hose (25ft, latex, black)",
        "Garden Hose (50ft, latex, black)",
    }
    assert _titles(shop, "do you have a black power bank?") == set()
    # the degree sign is the unit said (set O: "that 4K indoor security cam (110° view)")
    cams = _line(
        "Indoor Security Camera", {"resolution": ["4K", "2K"], "field of view": ["110 degrees", "130 degrees"]}
    )
    assert _titles([*shop, *cams], "will that 4K indoor security camera (110° view) work over ethernet?") == {
        "Indoor Security Camera (4K, 110 degrees)"
    }


def test_a_line_is_named_by_the_one_word_of_its_name_no_other_line_has_or_by_it_misspelled():
    shop = [*VACUUMS, *HOSES]
    assert _titles(shop, "is the cordless canister vacuum a good pick?") == {"Vacuum Cleaner (canister, cordless)"}
    assert _titles(shop, "the upright vaccum with hepa filter uses paper bags na?") == {
        "Vacuum Cleaner (upright, HEPA filter)"
    }
    assert _titles(shop, "does the 50ft blue latex hose come with a nozzle?") == {"Garden Hose (50ft, latex, blue)"}
    assert _titles(shop, "what's the best vacuum for pet hair?") == set()


def test_a_name_written_as_one_word_is_named_when_said_as_two():
    shoes = [Product(id="k1", title="asics gel-kayano 22 running shoes", brand="asics")]
    shoes.append(Product(id="k2", title="asics gel-nimbus running shoes", brand="asics"))
    assert _first(shoes, "is the gel kayano 22 meant for people whose feet roll inward?") == "k1"


def test_variants_a_colour_code_tells_apart_are_named_together_and_a_brand_with_a_synonym_kind():
    boxes = [
        Product(id="b1", title="ski lock seal gift set 550 yellow02 2 containers lunch box", brand="ski"),
        Product(id="b2", title="ski lock seal gift set 550 purple02 2 containers lunch box", brand="ski"),
        Product(id="b3", title="ski steel water bottle 1 l", brand="ski"),
        Product(id="b4", title="burdy 4102 16 l backpack", brand="burdy"),
        Product(id="b5", title="burdy graphic print men's polo neck t-shirt", brand="burdy"),
    ]
    found = NameIndex([*FILLERS, *boxes]).find("can my kid heat the ski lock seal lunch box in the microwave")
    assert [n.product.id for n in found] == ["b1", "b2"] and {n.group for n in found} == {0}
    assert _named(boxes, "can the burdy school bag be pulled on wheels?") == ["b4"]
    assert _named(boxes, "do you have burdy bags?") == []


def test_an_english_word_is_no_misspelling_and_a_brand_with_its_own_words_outweighs_a_story_kind():
    rugs = _line("Round Rug", {"size": ["small", "large"], "color": ["grey", "beige"]})
    said = "my hall is around 12 ft, is the upright vacuum with hepa filter ok?"
    assert _titles([*VACUUMS, *rugs], said) == {"Vacuum Cleaner (upright, HEPA filter)"}
    helmets = [
        Product(id="s1", title="sonik g-7 motorbike helmet - xl", brand="sonik"),
        Product(id="s2", title="sonik g-7 motorbike helmet - m", brand="sonik"),
    ]
    assert _named(helmets, "my head is around 61 cm, what head size does the sonik g-7 xl fit") == ["s1"]


def test_the_product_pointed_at_comes_before_one_named_in_the_shoppers_story():
    puzzles = _line(
        "Jigsaw Puzzle", {"pieces": ["500", "2000"], "theme": ["art", "landscape"], "level": ["beginner", "expert"]}
    )
    said = "she has never done a jigsaw, i want a beginner level one. is the 2000 piece landscape puzzle ok for her?"
    assert _titles(puzzles, said) == {"Jigsaw Puzzle (2000, landscape, beginner)"}
    covers = [
        Product(id="c1", title="speedwav 240460 sun shade for maruti 800", brand="speedwav"),
        Product(id="c2", title="rainfun car cover for 800", brand="rainfun"),
        Product(id="c3", title="rainfun solid men's raincoat", brand="rainfun"),
    ]
    said = "my maruti 800 has a fixed aerial on top, does the rainfun cover have a slot for it"
    assert _first(covers, said) == "c2"


@pytest.mark.parametrize(
    ("message", "named"),
    [
        # the shopper's own car, said by the words another product is "for" (set L)
        ("my dad's old maruti 800 lives on the street. is that rainfun silver body cover ok outdoors?", ["c2"]),
        ("carbanao cb-34 beige mats - can i put them in a maruti 800", ["m1"]),
        # a comparison names each product, however it is said
        ("compare the rainfun cover with the maruti 800 sun shade", ["c2", "c1"]),
    ],
)
def test_a_product_named_by_its_brand_outvotes_those_named_by_the_shoppers_story(message, named):
    from assistant.named_products import by_brand_first

    catalog = [
        Product(id="c1", title="speedwav 240460 sun shade for maruti 800", brand="speedwav"),
        Product(id="c2", title="rainfun car cover for 800", brand="rainfun"),
        Product(id="c3", title="rainfun solid men's raincoat", brand="rainfun"),
        Product(id="m1", title="carbanao plastic car mat for maruti suzuki swift", brand="carbanao"),
    ]
    found = NameIndex([*FILLERS, *catalog]).find(message)
    assert sorted(n.product.id for n in by_brand_first(found, message)) == sorted(named)


@pytest.mark.parametrize(
    ("message", "named"),
    [
        ("is the fuson music case ok?", ["f1"]),
        ("that fuson 3d music case - would it fit my ipad air 2?", ["f1", "m1"]),  # set M
    ],
)
def test_a_brand_with_a_kind_its_category_tree_names_names_its_product(message, named):
    # "case" is no word of the title, yet the product is filed under "cases & covers"
    covers = [
        Product(
            id="f1",
            title="fuson back cover for apple ipad mini 2",
            brand="fuson",
            category=["mobiles & accessories", "tablet accessories", "cases & covers", "fuson cases & covers"],
        ),
        Product(id="m1", title="mobile makeup back cover for apple ipad air, apple ipad air 5", brand="mobile makeup"),
    ]
    assert _named(covers, message) == named


@pytest.mark.parametrize(
    ("message", "naming", "asked"),
    [
        # set L: a long name said with its own words, "lenovo" for the title's "lnvo"
        ("how long is the warranty on the furst usb adapter + cable for the lenovo vibe p1m?", "lenovo", "warranty"),
        ("the furst usb adapter with cable for the lenovo vibe p1m - does it have a led indicator?", "lenovo", "led"),
        # a name word said again in the question ends no stretch there (the dev file's d28)
        ("will the furst usb adapter + cable for the lenovo vibe p1m fit a vibe p1m phone?", "lenovo", "fit"),
    ],
)
def test_a_long_name_said_with_its_own_words_is_one_stretch(message, naming, asked):
    from assistant.naming import naming_words

    chargers = [
        Product(id="u1", title="furst usb adapter with cable for lnvo vibe p1m battery charger", brand="furst"),
        Product(id="u2", title="furst usb adapter with cable for one dual sim battery charger", brand="furst"),
    ]
    words = naming_words(NameIndex([*FILLERS, *chargers]).find(message), message).split()
    assert naming in words and asked not in words


def test_a_name_word_said_apart_from_the_name_is_asked():
    """Set N: "what ring size is the jewels of jaipur ruby ring?" asks about the size; its first
    "ring" is three words from the name and starts no stretch (it read 'not stated')."""
    from assistant.naming import naming_words

    rings = [
        Product(id="r1", title="jewels of jaipur 14k ruby ring", brand="jewels of jaipur"),
        Product(id="r2", title="jewels of jaipur 14k emerald ring", brand="jewels of jaipur"),
    ]
    message = "what ring size is the jewels of jaipur ruby ring (JBOXR1007)?"
    words = naming_words(NameIndex([*FILLERS, *rings]).find(message), message).split()
    assert "jaipur" in words and "size" not in words


def test_an_option_value_written_with_a_hyphen_is_asked_not_a_name():
    chargers = _line(
        "Portable Charger",
        {"capacity": ["5000mAh", "20000mAh"], "output": ["USB-C", "Wireless"], "color": ["white", "black"]},
    )
    said = "the white 20000mah power bank, does it charge over usb-c?"
    assert _titles(chargers, said) == {
        "Portable Charger (20000mAh, USB-C, white)",
        "Portable Charger (20000mAh, Wireless, white)",
    }


def test_variants_are_not_named_together_when_the_message_says_what_tells_them_apart():
    bulbs = [
        Product(id="l1", title="bft 6 w led bulb", brand="bft"),
        Product(id="l2", title="bft 9 w led bulb", brand="bft"),
        Product(id="l3", title="bft 6 w led cool white bulb", brand="bft"),
    ]
    assert _named(bulbs, "our lamp takes a B22 bulb. will the single BFT 6 watt LED filament bulb go in?") == ["l1"]


def test_a_server_warms_the_name_index_only_for_a_catalog_it_can_build_quickly(make_assistant):
    from assistant import naming

    small, _ = make_assistant(warm_answers_max_products=0)  # the demo catalog is over this bound
    naming._indexes.pop(id(small.engine.catalog), None)
    small.warm_answers()
    assert id(small.engine.catalog) not in naming._indexes
    warm, _ = make_assistant()
    warm.warm_answers()
    assert id(warm.engine.catalog) in naming._indexes


# -- a yes/no option said by its name; a line named whole; a Hinglish verdict ------------------
def _without_flags(products: list[Product]) -> list[Product]:
    """tau's titles leave a yes/no option out: "Bluetooth Speaker (red, 20 hours)"."""
    return [
        p.model_copy(
            update={
                "title": f"{p.title.split(' (')[0]} ({', '.join(v for v in p.attributes.values() if v not in ('yes', 'no'))})"
            }
        )
        for p in products
    ]


SPEAKERS = _without_flags(
    _line(
        "Bluetooth Speaker",
        {"color": ["red", "blue"], "battery life": ["10 hours", "20 hours"], "water resistance": ["yes", "no"]},
    )
)
CAMERAS = _without_flags(
    _line("Action Camera", {"resolution": ["4K", "1080p"], "waterproof": ["yes", "no"], "color": ["black", "silver"]})
)
CHAIRS = _line(
    "Office Chair", {"material": ["leather", "mesh"], "color": ["black", "red"], "armrest": ["adjustable", "none"]}
)
LAMPS = _line("Desk Lamp", {"color": ["black", "white"], "brightness": ["high", "low"]})


def _ids(products: list[Product], message: str) -> set[str]:
    return {n.product.id for n in NameIndex([*FILLERS, *products]).find(message)}


def _with(products: list[Product], **attributes: str) -> set[str]:
    return {p.id for p in products if all(p.attributes.get(k.replace("_", " ")) == v for k, v in attributes.items())}


@pytest.mark.parametrize(
    "catalog, message, attributes",
    [
        # by the option's name in another word form, before a word pointing back ("... one")
        (
            SPEAKERS,
            "red bluetooth speaker, 20 hour battery, water resistant one - has a mic for taking calls?",
            {"color": "red", "battery_life": "20 hours", "water_resistance": "yes"},
        ),
        # right before the line's name; negated, a no
        (
            CAMERAS,
            "4k waterproof action camera in black - does it have image stabilisation?",
            {"resolution": "4K", "waterproof": "yes", "color": "black"},
        ),
        (
            CAMERAS,
            "the 4k non waterproof action camera in black, any stabilisation?",
            {"resolution": "4K", "waterproof": "no", "color": "black"},
        ),
        # the last thing said after the name is what is asked: both variants, answered for each
        (
            SPEAKERS,
            "is the red bluetooth speaker with 20 hour battery water resistant?",
            {"color": "red", "battery_life": "20 hours"},
        ),
    ],
)
def test_a_yes_no_option_said_by_its_name_names_the_variant(catalog, message, attributes):
    assert _ids(catalog, message) == _with(catalog, **attributes)


def test_a_line_named_whole_wins_over_a_word_of_another_line_in_the_story():
    message = "black leather high back office chair - i need armrests to match my desk height, does this fit?"
    assert _ids([*CHAIRS, *LAMPS], message) == _with(CHAIRS, material="leather", color="black")


KITS = [
    Product(id="k1", title="jaspo thunder senior skates combo with helmet and knee guard", brand="jaspo"),
    Product(id="k2", title="jaspo saphire dual shoe skates size 5", brand="jaspo"),
]


def test_a_hinglish_verdict_after_a_name_points_at_it():
    # a brand and a kind alone ask for the brand's products of that kind...
    assert _named(KITS, "jaspo skates with helmet?") == []
    # ... unless the message asks whether the one named will do ("theek rahega" = will it be fine)
    assert _named(KITS, "nephew is 10, jaspo skates with helmet theek rahega?") == ["k1"]
    assert _named(KITS, "bhai jaspo skates with knee guard") == []
    assert _named(KITS, "bhai jaspo skates with knee guard chalega") == ["k1"]


# -- a catalog too large to index whole: the message's candidates, from the search tables -------
MESSAGES = [
    (KITS, "nephew is 10, jaspo skates with helmet theek rahega?"),
    (SPEAKERS, "red bluetooth speaker, 20 hour battery, water resistant one - has a mic for taking calls?"),
    (
        [*CHAIRS, *LAMPS],
        "black leather high back office chair - i need armrests to match my desk height, does this fit?",
    ),
    (PANS, "I cook on induction only. will the nirlon classic red 2.5 litre kadhai work?"),
    (SHOES, "asics gel-kayano 22 running shoes, how much does one shoe weigh?"),
    (KETTLES, "is the glass 2 litre tea kettle induction compatible?"),
    (KETTLES, "ceramic tea kettle"),
]


@pytest.fixture(scope="module")
def large_shop(tmp_path_factory):
    import numpy as np

    from assistant.catalog import CatalogIndex
    from ingest.snapshot import read_snapshot, write_snapshot

    products = [*FILLERS, *{p.id: p for catalog, _ in MESSAGES for p in catalog}.values()]
    index_dir = tmp_path_factory.mktemp("naming") / "index"
    write_snapshot(index_dir, products, np.zeros((len(products), 8), dtype=np.float32), "random")
    return CatalogIndex(read_snapshot(index_dir))


@pytest.mark.parametrize("message", [m for _, m in MESSAGES])
def test_a_catalog_too_large_to_index_whole_names_from_its_candidates(large_shop, message):
    from assistant import naming

    whole = [n.product.id for n in naming.find_named(message, large_shop, whole_max=10**6)]
    naming._indexes.clear()
    looked_up = [n.product.id for n in naming.find_named(message, large_shop, whole_max=0)]
    assert looked_up == whole
    assert id(large_shop) not in naming._indexes  # no whole-catalog index was built


def test_a_hinglish_verdict_is_no_part_of_what_is_asked():
    from assistant.naming import naming_words

    found = NameIndex([*FILLERS, *KITS]).find("bhai jaspo skates with knee guard chalega for a 10 year old?")
    words = naming_words(found, "bhai jaspo skates with knee guard chalega for a 10 year old?").split()
    assert "chalega" in words and "year" not in words


# -- set I: a line named by a head word, options said in other words, a code in the specifications
CAMERAS = [
    *_line(
        "Digital Camera", {"resolution": ["20MP", "24MP"], "zoom": ["3x", "10x"], "storage": ["SD card", "CF card"]}
    ),
    *_line("Action Camera", {"resolution": ["4K", "1080p"], "color": ["black", "silver"]}),
]
GLASSES = _line("Sunglasses", {"frame color": ["silver", "black"], "lens color": ["blue", "green"]})
BOTTLES = _line("Water Bottle", {"capacity": ["500ml", "1000ml"], "material": ["glass", "plastic"]})
KEYBOARDS = _line("Mechanical Keyboard", {"switch type": ["tactile", "clicky"], "backlight": ["none", "RGB"]})


@pytest.mark.parametrize(
    "catalog, message, named",
    [
        # a head word several lines share, told apart by option values only one of them has; a unit
        # said in full ("megapixel" for "MP"); "the" before the values that describe the name
        # (the storage asked names no variant: both are answered)
        (
            CAMERAS,
            "20 megapixel camera with 10x zoom - does it use SD cards?",
            {"Digital Camera (20MP, 10x, SD card)", "Digital Camera (20MP, 10x, CF card)"},
        ),
        (
            CAMERAS,
            "i have old SD cards from my previous camera. would they work in the 24MP 3x zoom camera?",
            {"Digital Camera (24MP, 3x, SD card)"},
        ),
        # the head of a one-word compound ("glasses" of "Sunglasses") over a lone word of another
        # line's name in the story ("WATER glare")
        (
            [*GLASSES, *BOTTLES],
            "need glasses that cut the water glare. the silver frame ones with blue lenses, good for that?",
            {"Sunglasses (silver, blue)"},
        ),
        # ... and the line whose whole name is said over it
        ([*GLASSES, *BOTTLES], "is the 1000ml glass water bottle dishwasher safe?", {"Water Bottle (1000ml, glass)"}),
        # an option's absence said as its name negated
        (
            KEYBOARDS,
            "that tactile keyboard without any backlight, are the switches loud?",
            {"Mechanical Keyboard (tactile, none)"},
        ),
    ],
)
def test_a_line_is_named_in_the_shoppers_words(catalog, message, named):
    assert _titles(catalog, message) == named


@pytest.mark.parametrize(
    "catalog, message",
    [
        (CAMERAS, "is the black camera waterproof?"),  # a head word and a value every camera line has
        (KEYBOARDS, "is the tactile keyboard without backlight?"),  # the absence asked, not said to pick
        # a search for a line said whole, though a variant of another "kettle" line fits its words
        (
            [
                *_line("Electric Kettle", {"capacity": ["1 liter", "2 liters"], "color": ["white", "black"]}),
                *_line("Tea Kettle", {"stovetop": ["electric", "gas"], "capacity": ["1 liter", "2 liters"]}),
            ],
            "is there a 1 liter electric kettle?",
        ),
    ],
)
def test_a_head_word_or_an_asked_absence_names_no_variant(catalog, message):
    assert len(_titles(catalog, message)) != 1


def test_a_model_code_only_the_specifications_carry_names_its_product():
    sofas = [
        Product(id=f"s{i}", title="fabhome fabric sofa bed", brand="fabhome", attributes={"Model Number": f"FHD11{i}"})
        for i in range(5)
    ]
    assert _named(sofas, "fhd112 sofa bed - how many people can sit on it?") == ["s2"]
    # a describing key's value names nothing, however rare
    rated = [
        Product(id=f"r{i}", title=f"maker{i} speaker", attributes={"Water Resistance": "IPX7" if i == 0 else "no"})
        for i in range(5)
    ]
    assert _named(rated, "do you have a speaker with ipx7?") == []


def test_a_word_after_a_choosing_the_names_nothing():
    gloves = [
        Product(id="g1", title="neo strike pro550youth batting gloves", brand="neo strike"),
        Product(id="g2", title="wolfer feather weight (right hand) batting gloves", brand="wolfer"),
    ]
    assert _named(gloves, "are the neo strike pro550 youth gloves the right age range for him?") == ["g1"]


# -- set K's held-out classes: a misspelt brand, a line's name with its options, Hinglish -------
MISSPELT = [
    Product(id="p1", title="skayvon submersibble three phase pump controller", brand="skayvon"),
    Product(id="p3", title="nirlon classic kadhai 2.5 l", brand="nirlon"),
    Product(id="p4", title="weldecor picture light wall lamp", brand="weldecor"),
]


@pytest.mark.parametrize(
    "message, named",
    [
        # a brand typed one letter off (in, out, changed), the way the shopper heard it
        ("skyvon pump controller - does it beep?", ["p1"]),
        ("does the skyvon controller beep?", ["p1"]),
        ("nirlone kadhai, induction pe chalega?", ["p3"]),
        ("does the weldcor lamp need bulbs?", ["p4"]),
    ],
)
def test_a_brand_typed_one_letter_off_names_its_products(message, named):
    assert _named(MISSPELT, message) == named


# tau's line as it is: not every combination is made (no RGB wireless mouse)
TAU_MICE = [
    Product(
        id=f"m-{colour}-{sensor}-{link}",
        title=f"Gaming Mouse ({colour}, {sensor}, {link})",
        category=["Gaming Mouse"],
        attributes={"color": colour, "sensor type": sensor, "connectivity": link},
    )
    for colour, sensor, link in [
        ("white", "optical", "wireless"),
        ("black", "laser", "wireless"),
        ("white", "laser", "wireless"),
        ("black", "laser", "wired"),
        ("white", "optical", "wired"),
        ("RGB", "laser", "wired"),
        ("black", "optical", "wired"),
        ("RGB", "optical", "wired"),
    ]
]


@pytest.mark.parametrize(
    "message, named",
    [
        # the line's name and the options said before it name the variant; the option asked
        # after it, closing the question, does not pick another (it named the white and black
        # laser wireless ones, whose titles share most words with the question)
        ("is the RGB laser gaming mouse wireless?", ["m-RGB-laser-wired"]),
        # a Hinglish "ye"/"iska" (this, its) after the name points back at it as "it" does
        ("rgb gaming mouse, kya ye optical hai", ["m-RGB-laser-wired", "m-RGB-optical-wired"]),
        ("rgb gaming mouse, iska dpi kitna hai", ["m-RGB-laser-wired", "m-RGB-optical-wired"]),
    ],
)
def test_a_lines_name_with_its_options_names_the_variant_not_the_title_sharing_most_words(message, named):
    assert sorted(_named(TAU_MICE, message)) == sorted(named)


@pytest.mark.parametrize(
    "message, asks",
    [
        ("nirlon classic kadhai ka weight kitna hai", True),
        ("kya ye waterproof hai", True),
        ("leebo headlight waterproof hai ki nahi", True),
        ("LG MC3286BLT की क्षमता कितनी है", True),
        ("skayvon pump controller does it beep", True),
        ("the RGB laser gaming mouse is it wireless", True),
        # an inverted verb opening a clause after "so"/"but", with a name for its subject
        ("we cook with gas but will the prestige pressure cooker work on my stove", True),
        ("my son loses things so does the milton bottle come with a strap", True),
        # a fact asked for in the imperative, or as a wish to know
        ("please tell me the weight of the wildcraft daypack", True),
        ("I'd like to know the wattage of the philips mixer grinder", True),
        ("let me know if the bata loafers have a cushioned sole", True),
        # an English tag closing a yes/no question, a question word typed without its apostrophe
        ("size 9 synthetic hiking boots: waterproof y/n", True),
        ("leather hiking boots size 10, waterproof yes or no", True),
        ("the speedwav 240428 sunshade will fit that right", True),
        ("white usb-c power bank whats the capacity", True),
        # a request, and a relative clause, ask nothing
        ("black analog watch 1000 ke andar", False),
        ("nirlon kadhai chahiye", False),
        ("a kettle that does it all", False),
    ],
)
def test_a_question_is_read_by_hinglish_question_words_an_inverted_verb_and_asking_phrases(message, asks):
    from assistant import asking

    assert asking.asks(message) is asks


def test_products_of_one_kind_that_differ_by_their_own_words_are_no_line_of_variants():
    # "the whole flat stinks" named the three flats (a line read from their category) and was
    # answered as a comparison of them (a session-9 chat); a line's variants differ by options only
    flats = [
        Product(id=f"s{i}", title=f"{maker} women flats", category=["footwear", "womens footwear", "flats"])
        for i, maker in enumerate(["msl", "yepme", "lamere"])
    ]
    assert _named(flats, "the whole flat stinks since the monsoon, what can i get") == []
    assert _named(flats, "is the msl women flat comfortable?") == ["s0"]


def _priced(name: str, rows: list[tuple[dict[str, str], float]]) -> list[Product]:
    """Variants of one line with their prices, as tau's are."""
    return [
        Product(id=f"{name}-{i}", title=f"{name} ({', '.join(a.values())})", category=[name], attributes=a, price=price)
        for i, (a, price) in enumerate(rows)
    ]


# Variants that differ only in the option asked about: the shopper names one by its price.
HEADPHONES = _priced(
    "Over-Ear Headphones",
    [
        ({"color": "silver", "noise cancelling": "active"}, 149.99),
        ({"color": "silver", "noise cancelling": "none"}, 162.4),
        ({"color": "navy", "noise cancelling": "active"}, 171.05),
    ],
)


@pytest.mark.parametrize(
    "message, named",
    [
        ("the silver over-ear headphones, the pair for $162.40 - do they block out noise?", {"Over-Ear Headphones-1"}),
        ("silver over-ear headphones going for 149.99... is the noise cancelling active", {"Over-Ear Headphones-0"}),
        ("those silver over-ear headphones at USD 162.40, noise cancelling or not?", {"Over-Ear Headphones-1"}),
    ],
)
def test_variants_named_together_are_told_apart_by_the_price_said(message, named):
    assert set(_named(HEADPHONES, message)) == named


def test_a_price_said_names_the_variant_and_is_not_what_is_asked():
    from assistant.naming import naming_words

    message = "the silver over-ear headphones, the pair for $162.40 - do they block out noise?"
    found = NameIndex([*FILLERS, *HEADPHONES]).find(message)
    assert {"162", "40"} <= set(naming_words(found, message).split())


def test_a_price_one_variant_of_the_line_carries_outweighs_options_of_the_story():
    watches = _priced(
        "Field Watch",
        [({"strap": "canvas", "dial": "white"}, 88.5), ({"strap": "steel", "dial": "white"}, 104.25)],
    )
    message = "canvas straps give me a rash. the white dial field watch for 104.25, would it be fine?"
    assert _named(watches, message) == ["Field Watch-1"]


# A product set aside while naming another ("..., not the X") is no product the question names.
LOAFERS = [
    Product(id="b1", title="hillside loafers", description="tan loafers", colours=["tan"]),
    Product(id="b2", title="hillside paris slip on loafers", brand="hillside paris"),
    Product(id="b3", title="hillside paris lace up derby", brand="hillside paris"),
]


@pytest.mark.parametrize(
    "message, named",
    [
        ("the tan hillside loafers, not the hillside paris ones - do they have laces?", ["b1"]),
        ("hillside loafers other than the hillside paris pair, are they padded inside?", ["b1"]),
        ("instead of the hillside paris derby, could the hillside loafers go with a suit?", ["b1"]),
    ],
)
def test_a_product_set_aside_by_not_the_names_nothing(message, named):
    assert _named(LOAFERS, message) == named


def test_a_brand_written_with_an_ampersand_is_named_when_said_with_and():
    bags = [
        Product(id="c1", title="bow & arrow tan leather tote", brand="bow & arrow"),
        Product(id="c2", title="linzo brown leather tote", brand="linzo"),
    ]
    assert _named(bags, "Bow and Arrow tan leather tote got a zip on top?") == ["c1"]
    assert _named(bags, "bow n arrow tote, is it real leather?") == ["c1"]


# -- a product said in a clause of its own, asked about in the next --------------------------------
KEYBOARDS = _line(
    "Mechanical Keyboard",
    {"switch type": ["tactile", "linear"], "backlight": ["white", "none"], "size": ["80%", "60%"]},
)
EARBUDS = _line("Wireless Earbuds", {"color": ["black", "white"], "battery life": ["4 hours", "8 hours"]})


@pytest.mark.parametrize(
    "catalog, message, named",
    [
        # the comment leaves its subject out: it points back at what the clause before named
        (
            MICE,
            "white optical gaming mouse: wired?",
            {"Gaming Mouse (white, optical, wired)", "Gaming Mouse (white, optical, wireless)"},
        ),
        (
            MICE,
            "black laser gaming mouse, how heavy",
            {"Gaming Mouse (black, laser, wired)", "Gaming Mouse (black, laser, wireless)"},
        ),
        # of two lines named alike, the one the option values said describe ("wireless" names
        # the earbuds' line, and "white" is one of their colours)
        (
            [*KEYBOARDS, *EARBUDS],
            "the 80% tactile keyboard with white backlight, wired or wireless?",
            {"Mechanical Keyboard (tactile, white, 80%)"},
        ),
    ],
)
def test_a_comment_after_the_clause_naming_a_product_points_back_at_it(catalog, message, named):
    assert _titles(catalog, message) == named
