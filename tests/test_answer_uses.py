"""Needs said through a use, judged from the record (assistant/answers.py, `uses` in
answers.yaml), and related evidence that must not answer: a flag or a value stating what the use
needs, another value of an alternatives key, a description sentence, a need the shopper wants to
be rid of, a story word's key giving way to a flag, and words that only look related."""

from __future__ import annotations

import pytest

from assistant.answer_evidence import Verdict, key_values
from assistant.answers import answer_question
from common.schema import Product
from tests.fakes import HashEmbedder

UNIT = Product(id="u1", title="living world display unit", attributes={"Wheels Included": "Yes", "With Door": "No"})
EXTENDER = Product(id="e1", title="d-link dap1320 range extender", attributes={"Number of USB Ports": "0"})
WALKER = Product(id="w1", title="sumo baby walker", attributes={"Brakes": "No", "Foldable": "Yes"})
BATTERY_LAMP = Product(id="l1", title="desk lamp", attributes={"power source": "battery", "brightness": "low"})
MAINS_LAMP = Product(id="l2", title="desk lamp", attributes={"power source": "AC adapter", "brightness": "high"})
USB_LAMP = Product(id="l3", title="desk lamp", attributes={"power source": "USB", "brightness": "medium"})
BAGGED = Product(id="v1", title="canister vacuum", attributes={"bagged/bagless": "bagged"})
BAGLESS = Product(id="v2", title="upright vacuum", attributes={"bagged/bagless": "bagless"})
BLOWER = Product(
    id="b1", title="sheffield handheld vacuum", description="A vaccum cleaner cum blower, to keep your house clean."
)
BAG = Product(id="s1", title="burdy school backpack", attributes={"Weight": "490 g", "Trolley Support": "No"})
SHOE = Product(
    id="k1",
    title="asics gel kayano 22 running shoe",
    attributes={"Weight": "309 g (per single Shoe) - Weight of the product may vary depending on size."},
)
WATCH = Product(id="a1", title="alfajr qibla watch", description="Digital qibla compass watch. 1 Year Alfajr Warranty.")
CUP = Product(
    id="c1", title="techware purple cup", attributes={"Design": "Floral Injection Mould", "Capacity": "150 ml"}
)
ALARM = Product(id="x1", title="one way bike alarm", attributes={"Display Type": "NA", "Alarm Type": "One-way"})

LAMPS = [BATTERY_LAMP, MAINS_LAMP, USB_LAMP]


def ask(product: Product, question: str, catalog: list[Product] | None = None):
    return answer_question(product, question, HashEmbedder(), key_values(catalog or [product]), product.title)


def test_a_use_said_in_other_words_is_answered_by_the_flag_for_it():
    assert ask(UNIT, "can i move it around the hall, has it got castors underneath?").verdict == Verdict.YES
    answer = ask(EXTENDER, "can i plug a pen drive or hard disk into it to share movies?")
    assert answer.verdict == Verdict.NO and "Number of USB Ports: 0" in answer.text
    answer = ask(WALKER, "there is a small ramp near the door, i want a walker i can lock so it doesnt roll off. ok?")
    assert answer.verdict == Verdict.NO and "Brakes: No" in answer.text


def test_another_value_of_an_alternatives_key_is_a_no():
    question = "daily 2-3 hrs power cut here, need a lamp that works without plugging into the wall. ok?"
    assert ask(MAINS_LAMP, question, LAMPS).verdict == Verdict.NO
    assert ask(BATTERY_LAMP, question, LAMPS).verdict == Verdict.YES
    answer = ask(USB_LAMP, "no free plug point near the desk, can i run it off my laptop?", LAMPS)
    assert answer.verdict == Verdict.YES and "power source: USB" in answer.text


def test_a_use_the_shopper_wants_to_be_rid_of_inverts_the_answer():
    question = "i dont want to keep buying dust bags every month. is it a good pick?"
    assert ask(BAGGED, question, [BAGGED, BAGLESS]).verdict == Verdict.NO
    assert ask(BAGLESS, question, [BAGGED, BAGLESS]).verdict == Verdict.YES
    assert ask(BAGLESS, "does it use those paper bags inside?", [BAGGED, BAGLESS]).verdict == Verdict.NO


def test_a_description_sentence_stating_the_use_is_a_yes():
    answer = ask(BLOWER, "can the handheld also blow air, like to clear dust from the ac vents?")
    assert answer.verdict == Verdict.YES and "cum blower" in answer.text


def test_a_key_reached_by_a_story_word_gives_way_to_a_flag_the_question_names():
    answer = ask(BAG, "can the school bag be pulled on wheels like a trolley? her bag is too heavy")
    assert answer.verdict == Verdict.NO and "Trolley Support: No" in answer.text


MUG = Product(
    id="g1",
    title="akup beautiful ceramic mug",
    brand="akup",
    attributes={"Mug Capacity": "300 ml", "Material": "Ceramic", "Freezer Safe": "Yes", "Microwave Safe": "No"},
)
BOWLS = Product(id="g2", title="caffeine katori bowl set", attributes={"Freezer Safe": "Yes", "Microwave Safe": "Yes"})
# A catalog's many other keys make "microwave" and "safe" about as rare as each other, as in the
# Flipkart catalog: "microwave" alone then covers half of "Microwave Safe".
KITCHEN = [MUG, BOWLS] + [
    Product(id=f"k{i}", title=f"item {i}", attributes={f"{word} Detail": "Yes" for word in words})
    for i, words in enumerate([["Lid", "Handle", "Spout", "Base", "Rim"], ["Grip", "Hook", "Stand", "Cover", "Knob"]])
]


@pytest.mark.parametrize(
    ("product", "question", "verdict", "quoted"),
    [
        # the place said with what the shopper does there, never "safe" (sets L to S)
        (MUG, "akup ceramic mug, can i heat milk in it in the microwave", Verdict.NO, "Microwave Safe: No"),
        (
            MUG,
            "i reheat my chai like 4 times a day lol, can the akup mug go in there? the microwave i mean",
            Verdict.NO,
            "Microwave Safe: No",
        ),
        (
            BOWLS,
            "planning to set kulfi in those caffeine katori bowls, ok to keep them in the freezer?",
            Verdict.YES,
            "Freezer Safe: Yes",
        ),
    ],
)
def test_the_place_a_safe_flag_names_asks_that_flag(product, question, verdict, quoted):
    answer = ask(product, question, KITCHEN)
    assert answer.verdict == verdict and quoted in answer.text


LUMINOUS_WATCH = Product(
    id="wt1",
    title="cartier w6701005 analog watch",
    brand="cartier",
    attributes={"Ideal For": "Boys, Men", "Luminous": "No", "Strap Material": "Leather"},
)
TOE_RINGS = Product(
    id="tr1",
    title="frabjous sterling silver toe ring set",
    brand="frabjous",
    attributes={"Ideal For": "Women", "Ring Size": "Free Size", "Base Material": "Silver"},
)


@pytest.mark.parametrize(
    ("product", "question", "verdict", "quoted"),
    [
        # made for the person, and the need of the story is another key's (sets O, T)
        (
            LUMINOUS_WATCH,
            "Thinking of the Cartier W6701005 for my husband, he's a projectionist and needs to read the time in"
            " the dark booth. Does it work for that?",
            Verdict.NO,
            "Luminous: No",
        ),
        (
            TOE_RINGS,
            "i don't know my wife's toe size at all.. will the frabjous silver toe rings fit her anyway?",
            Verdict.YES,
            "Ring Size: Free Size",
        ),
    ],
)
def test_a_need_of_the_persons_story_is_settled_by_the_key_that_states_it(product, question, verdict, quoted):
    answer = ask(product, question, [LUMINOUS_WATCH, TOE_RINGS])
    assert answer.verdict == verdict and quoted in answer.text, answer.text


SCHOOL_BAG = Product(id="vb1", title="vency creation multipurpose bag", attributes={"Waterproof": "Yes"})
SPEAKER = Product(
    id="sp1", title="Bluetooth Speaker (green, 10 hours)", attributes={"water resistance": "no", "color": "green"}
)


@pytest.mark.parametrize(
    ("product", "question", "verdict", "quoted"),
    [
        # wet weather said, never "waterproof" (sets L, M, N, U)
        (
            SCHOOL_BAG,
            "niece walks to tuition through the monsoon every evening. will the vency bag keep her things safe?",
            Verdict.YES,
            "Waterproof: Yes",
        ),
        (
            SPEAKER,
            "thinking of the green bluetooth speaker for the garden. will it survive getting wet?",
            Verdict.NO,
            "water resistance: no",
        ),
    ],
)
def test_wet_weather_asks_the_waterproof_flag(product, question, verdict, quoted):
    answer = ask(product, question, [SCHOOL_BAG, SPEAKER])
    assert answer.verdict == verdict and quoted in answer.text, answer.text


def test_related_words_answer_nothing_not_stated():
    # "fit" is no "size" said in a weight's note; a year of warranty is no battery life
    assert ask(SHOE, "do they come in a wide fit? my feet are broad").verdict == Verdict.NOT_STATED
    answer = ask(WATCH, "how long does the cell last before i need a new one? months or years?")
    assert answer.verdict != Verdict.VALUE and "Warranty" not in answer.text
    # "NA" states nothing: no display asked about is answered from it
    assert "Display Type" not in ask(ALARM, "does it show where the bike is on my phone?").text


def test_a_value_asked_through_a_use_reaches_its_key():
    answer = ask(CUP, "how much chai fits in one of the cups")
    assert answer.verdict == Verdict.VALUE and "Capacity: 150 ml" in answer.text


NET = Product(id="n1", title="chinmay padded mosquito net", attributes={"Capacity": "1 person", "Width": "18 inch"})
COVER = Product(id="t1", title="prime printed table cover", attributes={"Seating Capacity": "4 Seater"})


def test_people_counted_in_words_or_numbers_are_compared_with_the_listing():
    answer = ask(NET, "planning to use the net over our double bed for me and hubby, is it big enough")
    assert answer.verdict == Verdict.NO and "Capacity: 1 person" in answer.text
    assert ask(NET, "will it fit both my kids sleeping together?").verdict == Verdict.NO
    assert ask(COVER, "our dining table seats 6 people, will it cover it fully?").verdict == Verdict.NO
    assert ask(COVER, "we are a family of 4 people, is it enough?").verdict == Verdict.YES


SHOWER = Product(id="o1", title="oleanna solo shower head", attributes={"Corrosion Resistant": "Yes"})


def test_a_question_whether_the_trouble_happens_is_answered_the_other_way_round():
    question = "our borewell water is very hard and all the fittings get rusty in a year. will it last or rust too"
    assert ask(SHOWER, question).verdict == Verdict.YES
    answer = ask(SHOWER, "will it rust in the bathroom?")
    assert answer.verdict == Verdict.NO and "Corrosion Resistant: Yes" in answer.text
    assert ask(WALKER, "would it roll off the ramp near our balcony?").verdict == Verdict.YES


CAR_COVER = Product(
    id="r1", title="rainfun car cover for 800", attributes={"Universal Fit": "No", "Suitable For": "800"}
)


def test_a_phrase_with_a_filler_word_is_read_whole():
    answer = ask(CAR_COVER, "will the cover fit my swift also? want one cover that works on any small car")
    assert answer.verdict == Verdict.NO and "Universal Fit: No" in answer.text
    # "car" alone asks nothing of a universal fit
    assert "Universal Fit" not in ask(CAR_COVER, "is the car cover waterproof?").text


# -- what the product is for, against what the shopper names (assistant/suitability.py) --------
POUCH = Product(
    id="p1", title="wise guys pouch for lenovo s880", brand="Wise Guys", attributes={"Designed for": "Lenovo S880"}
)
CAR_MAT = Product(
    id="m1",
    title="carbanao plastic car mat for maruti suzuki swift",
    brand="Carbanao",
    attributes={"Vehicle Brand": "Maruti Suzuki", "Vehicle Model Name": "Swift"},
)
TAIL_BULB = Product(
    id="t1",
    title="bike world tail light led bulb for honda dream cd110",
    brand="Bike World",
    attributes={"Vehicle Brand": "Honda", "Vehicle Model Name": "Dream CD110", "Vehicle Type": "Car, Motorbike"},
)
SANTRO_COVER = Product(
    id="m2",
    title="autofurnish car cover for santro xing",
    attributes={"Vehicle Brand": "Hyundai", "Vehicle Model Name": "Santro Xing"},
)
HOLDER_BULB = Product(id="h1", title="bft 6 w led bulb", brand="BFT", attributes={"Bulb Base": "B22", "Power": "6 W"})
KETTLE = Product(
    id="k9",
    title="Tea Kettle (stainless steel, 1 liter, induction)",
    attributes={"stovetop compatibility": "induction"},
)
GAS_KETTLE = Product(id="k8", title="Tea Kettle (glass, 1 liter, gas)", attributes={"stovetop compatibility": "gas"})
THERMOSTAT = Product(
    id="s9", title="Smart Thermostat (Google Assistant, white)", attributes={"compatibility": "Google Assistant"}
)
ALEXA_THERMOSTAT = Product(
    id="s8", title="Smart Thermostat (Amazon Alexa, black)", attributes={"compatibility": "Amazon Alexa"}
)
CAMERA = Product(id="c9", title="Indoor Security Camera (2K, Ethernet)", attributes={"connectivity": "Ethernet"})
WIFI_CAMERA = Product(id="c8", title="Indoor Security Camera (4K, Wi-Fi)", attributes={"connectivity": "Wi-Fi"})
PERFUME = Product(id="f9", title="Perfume (fresh, 50ml, men)", attributes={"gender": "men"})
HER_PERFUME = Product(id="f8", title="Perfume (woody, 100ml, women)", attributes={"gender": "women"})
TOOTHBRUSH = Product(
    id="b9", title="Electric Toothbrush (blue, AA batteries)", attributes={"battery type": "AA batteries"}
)
RECHARGEABLE = Product(
    id="b8", title="Electric Toothbrush (white, rechargeable)", attributes={"battery type": "rechargeable battery"}
)


@pytest.mark.parametrize(
    ("product", "catalog", "question", "verdict", "quoted"),
    [
        # the device named in the title, asked after the product's own mention
        (POUCH, [POUCH], "wise guys pouch - does it fit lenovo s880 properly", Verdict.YES, "Lenovo S880"),
        # another maker's model: a code beside a brand the key takes
        (
            CAR_MAT,
            [CAR_MAT, SANTRO_COVER],
            "carbanao beige mats - can i put them in a hyundai grand i10",
            Verdict.NO,
            "Swift",
        ),
        # the vehicle in the story, the product mentioned by its brand
        (
            TAIL_BULB,
            [TAIL_BULB],
            "my bike is a honda dream cd110, brake light gone. this bike world led bulb is meant for that one right?",
            Verdict.YES,
            "Dream CD110",
        ),
        (
            TAIL_BULB,
            [TAIL_BULB],
            "bike world tail bulb - my motorbike runs 12V, will it work on it?",
            Verdict.YES,
            "Motorbike",
        ),
        # a code of the record's code's shape
        (
            HOLDER_BULB,
            [HOLDER_BULB],
            "every holder in my flat is the E27 kind. can i use those bft bulbs?",
            Verdict.NO,
            "B22",
        ),
        # an option value of the title, said outside the product's mention
        (
            KETTLE,
            [KETTLE, GAS_KETTLE],
            "I cook on an induction hob - will the stainless 1 liter tea kettle work on it?",
            Verdict.YES,
            "induction",
        ),
        (
            THERMOSTAT,
            [THERMOSTAT, ALEXA_THERMOSTAT],
            "Will the white smart thermostat work with my Google Assistant speakers?",
            Verdict.YES,
            "Google",
        ),
        # a negated need is no need: only wifi is asked
        (
            CAMERA,
            [CAMERA, WIFI_CAMERA],
            "No wired internet near the door, only wifi. Can I use the 2K indoor security camera there?",
            Verdict.NO,
            "Ethernet",
        ),
        (
            PERFUME,
            [PERFUME, HER_PERFUME],
            "is the 50ml fresh perfume meant for women? it's a present",
            Verdict.NO,
            "men",
        ),
        (
            TOOTHBRUSH,
            [TOOTHBRUSH, RECHARGEABLE],
            "i've got loads of AA batteries, will the blue electric toothbrush run on those?",
            Verdict.YES,
            "AA",
        ),
    ],
)
def test_what_a_product_is_for_answers_the_need_named(product, catalog, question, verdict, quoted):
    answer = ask(product, question, catalog)
    assert answer.verdict == verdict and quoted in answer.text


PANEL = Product(
    id="n1",
    title="casedeal microsoft nokia lumia x2 back panel",
    brand="Casedeal",
    attributes={"Compatible Model": "Microsoft Nokia lumia x2"},
)
WIFI_BULB = Product(id="w9", title="Smart Bulb (daylight, 75W, Wi-Fi)", attributes={"connectivity": "Wi-Fi"})


@pytest.mark.parametrize(
    ("product", "question"),
    [
        # asks the warranty, with no word of fitting: the device said is no need
        (PANEL, "Casedeal white replacement back panel for Lumia X2, any warranty on it?"),
        # "wifi" names the "Wi-Fi" bulb; Alexa is what is asked, and nothing states it
        (WIFI_BULB, "wifi daylight smart bulb, 75W — does it work with Alexa?"),
    ],
)
def test_what_a_product_is_for_gives_no_yes_to_another_question(product, question):
    assert ask(product, question).verdict != Verdict.YES


# -- who it is for, the thing a size is said of, what the title says it is for -------------------
KURTA = Product(id="q1", title="biba printed straight kurta", brand="Biba", attributes={"Ideal For": "Women"})
BAND = Product(id="q2", title="titan steel analog watch", brand="Titan", attributes={"Ideal For": "Men, Boys"})
FROCK = Product(id="q3", title="tiny tots smocked frock", attributes={"Ideal For": "Girl's", "Fabric": "Cotton"})
SCENT = Product(id="q4", title="Perfume (citrus, 30ml, unisex)", attributes={"gender": "unisex"})
FLOOR_MAT = Product(id="q5", title="autoform floor mat for maruti swift dzire", brand="Autoform", attributes={})
BLACK_THERMOSTAT = Product(
    id="q6", title="Smart Thermostat (Amazon Alexa, black)", attributes={"compatibility": "Amazon Alexa"}
)
SHIRT = Product(id="q9", title="allen solly slim fit shirt", attributes={"Fabric": "60% Cotton 40% Polyester"})
PENDANT = Product(id="r1", title="sukkhi pendant", brand="Sukkhi", attributes={"Base Material": "Sterling Silver"})
NICKEL_PENDANT = Product(id="r2", title="zaveri pendant", attributes={"Base Material": "Nickel Alloy"})
BRASS_PENDANT = Product(id="r3", title="jfl pendant", attributes={"Base Material": "Brass"})
HEELS = Product(id="q7", title="metro block heels", attributes={"Heel Height": "3 inch"})
FIGURINE = Product(id="q8", title="ecraft brass ganesha figurine", attributes={"Height": "39 cm", "Width": "20 cm"})


@pytest.mark.parametrize(
    ("product", "catalog", "question", "verdict", "quoted"),
    [
        # a person said with their age and an audience word of the asking sentence
        (FROCK, [FROCK], "it's for my grandson, he's 4. is the frock fine for a boy?", Verdict.NO, "Girl's"),
        (KURTA, [KURTA], "buying for my dad's birthday — is the biba kurta a gents style?", Verdict.NO, "Women"),
        # a person and a word asking whether it suits: his audience, against a list of them
        (BAND, [BAND], "my brother turns 30 next week, would the titan watch suit him?", Verdict.YES, "Men, Boys"),
        (SCENT, [SCENT], "it's a present for my wife, is the citrus perfume okay for her?", Verdict.YES, "unisex"),
        # the title says what it fits; the shopper names it outside the product's mention
        (
            FLOOR_MAT,
            [FLOOR_MAT],
            "we drive a maruti swift dzire, will these autoform mats suit it?",
            Verdict.YES,
            "swift dzire",
        ),
        # a price names the product; a word only one value of the key has settles it
        (
            BLACK_THERMOSTAT,
            [BLACK_THERMOSTAT, THERMOSTAT],
            "Alexa controls everything at home. the black smart thermostat at $149.99, will it work with alexa?",
            Verdict.YES,
            "Amazon Alexa",
        ),
        # a material the shopper reacts to: one the record holds is a no, another of a closed key a yes
        (
            SHIRT,
            [SHIRT],
            "polyester gives me a rash every time. would the allen solly shirt be ok for me?",
            Verdict.NO,
            "Polyester",
        ),
        (
            PENDANT,
            [PENDANT, NICKEL_PENDANT, BRASS_PENDANT],
            "i get an allergy from nickel. is the sukkhi pendant safe for me to wear?",
            Verdict.YES,
            "Sterling Silver",
        ),
        # the product goes into the shopper's space: it must be the smaller one
        (
            FIGURINE,
            [FIGURINE],
            "the shelf gap is just 35 cm high, would the brass ganesha figurine fit under it?",
            Verdict.NO,
            "39 cm",
        ),
        (
            FIGURINE,
            [FIGURINE],
            "the shelf gap is 45 cm high, would the brass ganesha figurine fit under it?",
            Verdict.YES,
            "39 cm",
        ),
        # a verb of standing is one of going in: the product is the smaller one
        (
            FIGURINE,
            [FIGURINE],
            "the alcove is only 35 cm tall, will the ganesha figurine stand in it?",
            Verdict.NO,
            "39 cm",
        ),
        # the shopper's amount bounds the product's from above: it must be at most that
        (
            HEELS,
            [HEELS],
            "my physio allows no more than 2 inches of heel, are the metro heels alright?",
            Verdict.NO,
            "3",
        ),
        (HEELS, [HEELS], "nothing above two inches for my knees. metro heels, okay or not?", Verdict.NO, "3"),
        (HEELS, [HEELS], "I need heels under 4 inches, would the metro heels be fine?", Verdict.YES, "3"),
        # a need said of the person besides who they are: their audience is no yes to it
        (
            BAND,
            [BAND],
            "my dad struggles reading dials at night in the cinema booth, would the titan watch suit him?",
            Verdict.JUDGEMENT,
            "Men, Boys",
        ),
    ],
)
def test_a_need_read_from_the_situation_is_settled_by_the_field_that_states_it(
    product, catalog, question, verdict, quoted
):
    answer = ask(product, question, catalog)
    assert answer.verdict == verdict and quoted in answer.text


JACKET = Product(
    id="r4", title="roadster jacket", category_path="clothing > men > jackets", attributes={"Ideal For": "Men"}
)


def test_a_story_after_the_question_leaves_the_question_answered():
    # "is it cotton? she gets hot": the asking sentence alone, where the whole finds nothing
    answer = ask(FROCK, "is the tiny tots frock cotton? she gets hot and sticky in summer", [FROCK])
    assert answer.verdict == Verdict.YES and "Cotton" in answer.text


def test_an_audience_word_naming_the_product_asks_no_audience():
    # "men's" says which jacket (its category's word after it); waterproof is what is asked
    assert ask(JACKET, "is the roadster men's jacket waterproof?").verdict != Verdict.YES
    assert ask(JACKET, "is the roadster jacket a men's one?").verdict == Verdict.YES


def test_a_person_named_outside_the_clause_that_asks_asks_no_audience():
    # the clause that asks is about water; the kid is only who wears it
    question = "my kid will wear the titan watch in the pool, is it water resistant?"
    assert ask(BAND, question).verdict != Verdict.YES


# -- a feared alternative, values for every option, sides, grades, head counts, the description --
PAD = Product(id="z1", title="sg chest guard", brand="SG", attributes={"Suitable for": "Right-Handed"})
SERUM = Product(id="z2", title="lakme glow serum", brand="Lakme", attributes={"Skin Type": "All Skin Types"})
DRY_SERUM = Product(id="z3", title="nivea night serum", brand="Nivea", attributes={"Skin Type": "Dry Skin"})
OILY_GEL = Product(id="z4", title="pond's face gel", attributes={"Skin Type": "Oily Skin"})
PURIFIER = Product(id="z5", title="Air Purifier (small, HEPA)", attributes={"room size": "small"})
BIG_BED = Product(id="z6", title="Pet Bed (large, cotton)", attributes={"size": "large", "material": "cotton"})
ONE_CUP = Product(id="z7", title="Coffee Maker (drip, 1 cup)", attributes={"capacity": "1 cup"})
TWELVE_CUPS = Product(id="z8", title="Coffee Maker (pour over, glass)", attributes={"capacity": "12 cups"})
STARTER = Product(
    id="z9",
    title="aqua pump starter",
    brand="Aqua",
    description="Automatic water level starter. This unit is suitable for three phase motors. Easy to fit.",
    attributes={"Brand": "Aqua", "Display Type": "LED"},
)
ROMPER = Product(id="y3", title="babyhug romper", brand="Babyhug", attributes={"Ideal For": "Baby Boys"})
LADIES_WATCH = Product(id="y4", title="sonata analog watch", brand="Sonata", attributes={"Ideal For": "Women"})
COW_TOY = Product(
    id="y5", title="musical walking cow toy", attributes={"Ideal for": "Boys, Girls", "Age Group": "3 - 6 Years"}
)
AC = Product(id="y2", title="voltas 1 ton split ac", attributes={"Suitable Room Size": "120 - 160 sq ft"})
SHADE = Product(id="y1", title="speedwav sun shade for maruti swift", brand="Speedwav", attributes={"Color": "Black"})


@pytest.mark.parametrize(
    ("product", "catalog", "question", "verdict", "quoted"),
    [
        # a second question after "or" names what the shopper fears, not what they need
        (
            FROCK,
            [FROCK],
            "for my daughter, she's seven - is the frock cut for girls or is it meant for grown women?",
            Verdict.YES,
            "Girl's",
        ),
        (
            SERUM,
            [SERUM, DRY_SERUM, OILY_GEL],
            "my t-zone turns oily fast, would the lakme serum suit me or is it only for dry skin?",
            Verdict.YES,
            "All Skin Types",
        ),
        # one side said by a word that starts with it, against the other side
        (PAD, [PAD], "my daughter bats left handed, can she use the sg chest guard?", Verdict.NO, "Right-Handed"),
        (PAD, [PAD], "lefty here - will the sg chest guard work for me?", Verdict.NO, "Right-Handed"),
        # a size grade of the shopper's space, or asked with "enough", against the record's grade
        (PURIFIER, [PURIFIER], "our hall is huge, will the HEPA air purifier manage?", Verdict.NO, "small"),
        (BIG_BED, [BIG_BED], "is the cotton pet bed big enough for a great dane?", Verdict.YES, "large"),
        # a head count said with its number, against a capacity in cups
        (ONE_CUP, [ONE_CUP], "can the drip coffee maker brew for six of us at once?", Verdict.NO, "1 cup"),
        (TWELVE_CUPS, [TWELVE_CUPS], "we're a family of three, is the glass pour over enough?", Verdict.YES, "12 cups"),
        # a clause asking only whether it suits asks it of the person said before it
        (
            ROMPER,
            [ROMPER],
            "getting one for my newborn nephew - is the babyhug romper suitable?",
            Verdict.YES,
            "Baby Boys",
        ),
        (
            LADIES_WATCH,
            [LADIES_WATCH],
            "my aunt turns 55 next month, is the sonata watch fine for her?",
            Verdict.YES,
            "Women",
        ),
        # an age said and stated settles it, not the audience
        (COW_TOY, [COW_TOY], "for my grandson, he is just 2 - suitable?", Verdict.NO, "3 - 6 Years"),
        # a floor area against the room size a listing states; "sq" of "sq ft" counts nothing
        (AC, [AC], "my bedroom is about 150 sq ft - is the 1 ton split ac suitable?", Verdict.YES, "120 - 160 sq ft"),
        (AC, [AC], "the hall is 30 square metres, will the 1 ton split ac be enough?", Verdict.NO, "120 - 160 sq ft"),
        # what the description says it is for, where no key says it
        (
            STARTER,
            [STARTER],
            "our borewell has a three phase motor, will the aqua pump starter work with it?",
            Verdict.YES,
            "three phase motors",
        ),
        # a bracket after the shopper's own words is theirs; an article opens the product's mention
        (
            SHADE,
            [SHADE],
            "my hatchback's a swift (maruti). the speedwav sun shade will fit it?",
            Verdict.YES,
            "maruti swift",
        ),
        # "usable" asks whether it suits
        (
            KETTLE,
            [KETTLE, GAS_KETTLE],
            "only an induction plate at my hostel - the stainless 1 liter tea kettle, usable there?",
            Verdict.YES,
            "induction",
        ),
    ],
)
def test_a_need_read_past_the_key_match_is_settled_by_the_record(product, catalog, question, verdict, quoted):
    answer = ask(product, question, catalog)
    assert answer.verdict == verdict and quoted in answer.text, answer.text
