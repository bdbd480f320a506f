"""Failure classes of product questions read from a shopper's story (assistant/answers.py), each
on a small hand-made record with the deterministic embedder: a value asked beside a story amount,
a yes flag said whole amid chatter, an age said of a relative, when something happened in the
story, and a naming word said again as the thing asked."""

from __future__ import annotations

import pytest

from assistant import key_match
from assistant.answer_evidence import Evidence, Verdict, key_values
from assistant.answers import answer_question
from assistant.question_reading import read_question
from common.schema import Product
from tests.fakes import HashEmbedder

BULB = Product(
    id="b1", title="bft led cool white bulb 6 w", attributes={"Bulb Base": "B22", "Power Consumption": "6 W"}
)
MAT = Product(id="c1", title="crokrok nylon car mat for datsun go", attributes={"Water Resistant": "Yes"})
SKATES = Product(id="s1", title="veelys quad roller skates", attributes={"Age Group": "4 - 18 Years"})
PAN = Product(id="p1", title="nirlon classic pan 25 cm", attributes={"Induction Bottom": "No"})
KADHAI = Product(id="k1", title="nirlon induction kadhai 1.5 l", attributes={"Induction Bottom": "Yes"})
# another product of the catalog whose key says "year": a story's "last year" must not ask it
CAR_PART = Product(id="x1", title="leebo headlight", attributes={"Model Year": "2015", "Power Consumption": "40 W"})


def ask(product: Product, question: str, catalog: list[Product], naming: str | None = None):
    return answer_question(product, question, HashEmbedder(), key_values(catalog), naming)


def test_a_value_asked_beside_an_amount_of_the_story_is_the_value_not_a_fit():
    answer = ask(BULB, "which holder does it fit, pin type or screw type? my old bulb was 9 w", [BULB, CAR_PART])
    assert answer.verdict != Verdict.NO and "Power Consumption" not in answer.text


def test_a_yes_flag_said_whole_amid_chatter_is_a_yes_not_partly():
    question = "monsoon is coming and kids get mud in car always. crokrok car mat - is it water resistant?"
    answer = ask(MAT, question, [MAT], naming="crokrok nylon car mat")
    assert answer.verdict == Verdict.YES and "Water Resistant: Yes" in answer.text
    # a use the fact rules out still gets the fact's consequence
    assert ask(MAT, "can i take it swimming?", [MAT]).verdict == Verdict.NO


def test_an_age_said_of_a_relative_is_checked_against_the_age_range():
    answer = ask(SKATES, "my cousin is 20 and wants to learn, will these be ok for his age?", [SKATES])
    assert answer.verdict == Verdict.NO and "4 - 18 Years" in answer.text


def test_when_something_happened_in_the_story_is_no_feature_asked():
    question = "i shifted to induction last year. would the nirlon classic pan work on it?"
    answer = ask(PAN, question, [PAN, CAR_PART], naming="nirlon classic pan")
    assert answer.verdict == Verdict.NO and "Induction Bottom: No" in answer.text


def test_a_naming_word_said_again_in_the_story_is_what_is_asked():
    question = "new flat has only induction stove. nirlon induction kadhai 1.5 l black, works on it na?"
    answer = ask(KADHAI, question, [KADHAI, PAN], naming="nirlon induction kadhai 1.5 l black")
    assert answer.verdict == Verdict.YES and "Induction Bottom: Yes" in answer.text


def test_words_in_brackets_tell_which_product_and_are_not_asked():
    pan = Product(id="p2", title="nirlon classic pan 25 cm", attributes={"Non-stick": "Yes", "Induction Bottom": "No"})
    question = "i shifted to induction last year. would nirlon classic pan 25 cm (red, non stick) work on it?"
    answer = ask(pan, question, [pan, CAR_PART], naming="nirlon classic pan 25 cm")
    assert answer.verdict == Verdict.NO and "Induction Bottom: No" in answer.text


def test_what_other_boxes_hold_is_no_other_value_of_this_box():
    cups = Product(id="t1", title="techware microwavable tea cups", attributes={"Sales Package": "6 Cups"})
    other = Product(
        id="t2", title="kitchen towel set", attributes={"Sales Package": "2 kitchen towels, 1 holder inside"}
    )
    question = "techware tea cups purple, pack of 6 - can they be kept one inside other to save space in my kitchen?"
    answer = ask(cups, question, [cups, other], naming="techware microwavable tea cups")
    assert answer.verdict != Verdict.NO


def test_what_the_product_is_said_again_only_points_at_it():
    from assistant.question_reading import read_question

    question = "iskiuski medieval diamond ring looks gold in the pic, but what metal is the ring itself made of?"
    assert "ring" not in read_question(question, "iskiuski medieval diamond ring").words
    # a feature word said again is asked
    question = "new flat has only induction stove. nirlon induction kadhai 1.5 l black, works on it na?"
    assert "induction" in read_question(question, "nirlon induction kadhai").words


def test_a_list_of_other_features_is_read_as_statements_not_as_an_option():
    cups = Product(
        id="t3", title="techware tea cups", attributes={"Other Features": "Microwave Safe, 100% Food Grade, No PVC"}
    )
    other = Product(id="t4", title="steel tiffin", attributes={"Other Features": "saves space in a small kitchen"})
    question = "techware tea cups - can they be kept one inside other to save space in my small kitchen?"
    answer = ask(cups, question, [cups, other], naming="techware tea cups")
    assert answer.verdict != Verdict.NO


SPEAKER = Product(
    id="sp1", title="Bluetooth Speaker", attributes={"battery life": "20 hours", "water resistance": "yes"}
)
WATCH = Product(
    id="w1",
    title="tag heuer formula 1 chronograph watch",
    attributes={"Water Resistant": "Yes", "Water Resistance Depth": "200 m", "Alarm Clock": "No"},
)
GAINER = Product(id="g1", title="proence mass gainer capsules", attributes={"Quantity": "60 No", "Form": "Capsules"})
JUG = Product(id="j1", title="dungri copper jug glass set", attributes={"Capacity per Glass": "350 ml"})


def test_a_description_before_a_dash_names_the_product_it_asks_nothing():
    question = "red bluetooth speaker, 20 hour battery, water resistant one - has a mic for taking calls?"
    answer = ask(SPEAKER, question, [SPEAKER], naming="bluetooth speaker")
    assert answer.verdict == Verdict.NOT_STATED
    # the feature after the dash is still asked
    assert ask(SPEAKER, "the red bluetooth speaker - is it water resistant?", [SPEAKER]).verdict == Verdict.YES


def test_an_amount_named_with_its_unit_run_together_is_no_feature():
    question = "i want to use coffee pods.. will the 19 bar 1.5L espresso machine take those?"
    asked = read_question(question, "1 5 l 19 bar espresso machine")
    assert "5l" not in asked.words and "capsule" not in asked.words and "pod" in asked.words


def test_a_word_that_says_a_feature_is_asked_names_none():
    answer = ask(WATCH, "tag heuer formula 1 - does it have alarm function", [WATCH], naming="tag heuer formula 1")
    assert answer.verdict == Verdict.NO and "Alarm Clock: No" in answer.text


def test_a_depth_rating_answers_diving_before_water_resistant_alone():
    answer = ask(WATCH, "i do scuba every year, can i dive with it on?", [WATCH], naming="tag heuer")
    assert answer.verdict == Verdict.YES and "200 m" in answer.text


def test_an_amount_asked_per_unit_needs_evidence_that_says_that_unit():
    per_day = ask(GAINER, "proence mass gainer - how many per day should i take?", [GAINER], naming="proence gainer")
    assert per_day.verdict == Verdict.NOT_STATED
    each = ask(JUG, "dungri jug set - how much does each glass hold?", [JUG], naming="dungri jug glass set")
    assert each.verdict == Verdict.VALUE and "350 ml" in each.text


def test_an_amount_asked_per_charge_is_still_the_battery_life():
    answer = ask(
        SPEAKER, "bluetooth speaker - how long is the battery life per charge?", [SPEAKER], naming="bluetooth speaker"
    )
    assert answer.verdict == Verdict.VALUE and "20 hours" in answer.text


def test_a_story_before_the_dash_is_no_name():
    question = "our living room is big. the red bluetooth speaker - is it water resistant?"
    assert "room" in read_question(question, "bluetooth speaker").words


def test_the_question_is_answered_without_the_story_before_it():
    # set I: the story's words diluted what was asked; the asking sentence alone finds the flag
    watch = Product(
        id="w",
        title="vizion 8503b red digital watch",
        price=300.0,
        currency="INR",
        attributes={"Alarm Clock": "Yes", "Dial Shape": "Round"},
    )
    handi = Product(
        id="h",
        title="cookart elegant ss handi set",
        price=900.0,
        currency="INR",
        attributes={"Microwave Safe": "No", "Material": "Steel"},
    )
    catalog = [watch, handi]
    said = ask(
        watch,
        "the vizion 8503b red digital watch for my daughter, she needs to wake up for school bus at 6.. has alarm?",
        catalog,
        "vizion 8503b red digital watch",
    )
    assert said.verdict == Verdict.YES
    # a purpose said after what is asked, and a plural the singulariser keeps ("handis")
    said = ask(
        handi,
        "got the cookart elegant ss handi set as a gift. can i put the handis in microwave to reheat dal?",
        catalog,
        "cookart elegant ss handi set",
    )
    assert said.verdict == Verdict.NO


def test_a_decimal_point_ends_no_sentence():
    kettle = Product(
        id="k",
        title="Tea Kettle (1.5 liters, ceramic, induction)",
        price=40.0,
        currency="USD",
        attributes={"capacity": "1.5 liters", "material": "ceramic"},
    )
    said = ask(
        kettle,
        "the ceramic tea kettle, 1.5 litre induction one, does it whistle when the water boils?",
        [kettle],
        "the ceramic tea kettle, 1.5 litre induction one",
    )
    assert said.verdict == Verdict.NOT_STATED


KIDS_PHONES = Product(id="h1", title="quietline kids headphones", audience=["boys", "girls"])
STUDIO_PHONES = Product(id="h2", title="studio pro headphones", audience=["men", "women"])
PLAIN_PHONES = Product(id="h3", title="basic wired headphones")


def test_who_it_is_for_said_by_a_person_or_an_age_is_answered_from_the_audience():
    catalog = [KIDS_PHONES, STUDIO_PHONES, PLAIN_PHONES]
    for question in ["is it good for kids?", "would it suit a child", "ok for a 9 year old?"]:
        assert ask(KIDS_PHONES, question, catalog).verdict == Verdict.YES, question
        assert ask(STUDIO_PHONES, question, catalog).verdict == Verdict.NO, question
        assert ask(PLAIN_PHONES, question, catalog).verdict != Verdict.YES, question
    assert ask(STUDIO_PHONES, "can my wife use it?", catalog).verdict == Verdict.YES
    # a pronoun alone says no one; a feature asked beside the person is the question
    assert ask(STUDIO_PHONES, "can she use it?", catalog).verdict != Verdict.YES
    assert ask(KIDS_PHONES, "is it good for kids with small ears?", catalog).verdict != Verdict.YES


def test_a_negation_before_another_form_of_the_asked_word_says_no():
    bag = Product(id="y1", title="jute yoga mat bag", attributes={"Wash Care": "Do Not Wash, Clean With A Wet Cloth"})
    answer = ask(bag, "can i toss it in the washing machine after class?", [bag])
    assert answer.verdict == Verdict.NO, answer.text  # "Do Not Wash" was a yes to "washing"


def test_the_subject_of_a_yes_no_question_names_the_product_and_is_not_asked():
    mats = Product(id="m1", title="crokrok car mat for datsun go", attributes={"Finish": "Glossy", "Pieces": "5"})
    question = "does the crokrok glossy mat set include a mat for the dickey also?"
    # "glossy" describes the product before the verb; it was a yes from "Finish: Glossy"
    assert ask(mats, question, [mats]).verdict != Verdict.YES
    # the subject of a value question is what is asked
    assert "shaft" in read_question("how high does the boot shaft go?").words


# A catalog whose keys name shoes, USB and dimensions: what says which thing is asked.
SHOE_RACK = Product(id="r1", title="shoe rack", attributes={"Shoe Capacity": "12 pairs"})
TROLLEY = Product(id="t1", title="safari trolley bag", attributes={"Compartment": "Yes", "Material": "Polyester"})
DUFFEL = Product(id="d1", title="skybags duffel", attributes={"Features": "Pocket Compartments, Trolley"})
CONTROLLER = Product(
    id="cc1", title="phocos solar charge controller", attributes={"Service Type": "OFF SITE", "Load Control": "Yes"}
)
LAMP = Product(id="u1", title="desk lamp", attributes={"USB Port": "Yes", "Height": "40 cm"})
YOGA_MAT = Product(id="ym1", title="strauss yoga mat", attributes={"Height": "68 cm", "Width": "173 cm"})
THIN_MAT = Product(id="ym2", title="boldfit yoga mat", attributes={"Thickness": "6 mm"})
EVIDENCE_CATALOG = [SHOE_RACK, TROLLEY, DUFFEL, CONTROLLER, LAMP, YOGA_MAT, THIN_MAT]


@pytest.mark.parametrize(
    ("product", "question", "verdict", "quoted"),
    [
        # the head said without the word that says which one: another thing of that kind
        (TROLLEY, "does it have a shoe compartment?", Verdict.JUDGEMENT, "Compartment: Yes"),
        (DUFFEL, "does it have a shoe compartment?", Verdict.JUDGEMENT, "Pocket Compartments"),
        # evidence that says nothing asked carries no yes
        (CONTROLLER, "does it have a usb port?", Verdict.NOT_STATED, None),
        (LAMP, "does it have a usb port?", Verdict.YES, "USB Port: Yes"),
        # an amount said with its dimension fits only a key of that dimension
        (YOGA_MAT, "is the mat 10mm thick?", Verdict.NOT_STATED, None),
        (THIN_MAT, "is the mat 6 mm thick?", Verdict.YES, "Thickness: 6 mm"),
        (THIN_MAT, "is it 10mm thick?", Verdict.NO, "Thickness: 6 mm"),
    ],
)
def test_evidence_carries_a_yes_or_no_only_about_the_thing_asked(product, question, verdict, quoted):
    answer = ask(product, question, EVIDENCE_CATALOG)
    assert answer.verdict == verdict, answer.text
    assert quoted is None or quoted in answer.text


def test_the_unit_of_an_amount_before_the_thing_asked_says_no_other_thing():
    bag = Product(id="bp1", title="burdy backpack", attributes={"Laptop Sleeve": "Yes", "Capacity": "16 L"})
    screen = Product(id="tv1", title="tv", attributes={"Screen Size (inch)": "32"})
    asked = read_question("son carries a 15.6 inch laptop, is the burdy bag big enough?", "burdy bag")
    values = key_values([bag, screen])
    sleeve = Evidence("Laptop Sleeve: Yes", "Laptop Sleeve", "Yes")
    assert key_match.about_asked(asked, sleeve, values)
    # a feature word before the head does say which: a "SCREEN holder" is no "Laptop Holder"
    asked = read_question("does it have a screen holder?", "burdy bag")
    holder = Evidence("Laptop Holder: Yes", "Laptop Holder", "Yes")
    assert not key_match.about_asked(asked, holder, values)


MOTOR = Product(id="mo1", title="kirloskar 3 phase motor pump 1 hp", attributes={"Power": "1 HP"})
PUMP = Product(id="mo2", title="crompton pump", attributes={"Phase": "Single Phase"})
THICK_MAT = Product(id="ym3", title="Strauss Yoga Mat 10 mm", attributes={"Material": "EVA"})
SIZED_MAT = Product(id="ym4", title="Yoga Mat 6 mm 183 x 61 cm", attributes={"Material": "EVA"})


@pytest.mark.parametrize(
    ("product", "question", "verdict", "said"),
    [
        # the record states the thing asked with another count, in its title: a no
        (MOTOR, "will it run on single phase?", Verdict.NO, "3 phase"),
        (PUMP, "will it run on single phase?", Verdict.YES, "Single Phase"),
        # a value of a dimension no specification states: the one its title gives
        (THICK_MAT, "how thick is it?", Verdict.VALUE, "10 mm"),
        (SIZED_MAT, "how thick is it?", Verdict.NOT_STATED, None),
    ],
)
def test_a_fact_of_the_title_answers_where_it_conflicts_or_gives_the_value(product, question, verdict, said):
    answer = ask(product, question, [MOTOR, PUMP, THICK_MAT, SIZED_MAT])
    assert answer.verdict == verdict, answer.text
    assert said is None or said in answer.text


LIGHT = Product(id="pl1", title="weldecor picture light", attributes={"Bulb Included": "No"})
CHARGED = Product(id="pl2", title="aero earbuds", attributes={"Charger Included": "Yes"})


@pytest.mark.parametrize(
    ("product", "question", "verdict"),
    [
        # asked whether it must be bought apart: the included flag answers the other way round
        (LIGHT, "will I need to buy bulbs separately for it?", Verdict.YES),
        (CHARGED, "do i have to buy a charger separately?", Verdict.NO),
        (LIGHT, "are bulbs included?", Verdict.NO),
    ],
)
def test_a_thing_asked_to_be_bought_separately_is_the_included_flag_turned_round(product, question, verdict):
    answer = ask(product, question, [LIGHT, CHARGED])
    assert answer.verdict == verdict, answer.text


# Keys whose values across the catalog are alternatives of one another (one per product).
WIRED = Product(id="kb1", title="cm key 354 keyboard", attributes={"Interface": "Wired USB"})
PAIRED = Product(id="kb2", title="zeb k20 keyboard", attributes={"Interface": "Bluetooth"})
PAIRED_2 = Product(id="kb3", title="hp k3 keyboard", attributes={"Interface": "Bluetooth"})
WIRED_2 = Product(id="kb4", title="lapcare keyboard", attributes={"Interface": "Wired USB"})
B22 = Product(id="bb1", title="bft cool white bulb 6 w", attributes={"Bulb Base": "B22"})
E27 = Product(id="bb2", title="philips bulb", attributes={"Bulb Base": "E27"})
E27_2 = Product(id="bb3", title="wipro bulb", attributes={"Bulb Base": "E27"})
RIGHT = Product(id="sc1", title="darpan solo scissor set", attributes={"Usage": "Right Hand"})
LEFT = Product(id="sc2", title="fiskars scissors", attributes={"Usage": "Left Hand"})
LEFT_2 = Product(id="sc3", title="maped scissors", attributes={"Usage": "Left Hand"})
HOME = Product(id="u1", title="kent purifier", attributes={"Usage": "Home"})
HOME_2 = Product(id="u2", title="aqua purifier", attributes={"Usage": "Home"})
OFFICE = Product(id="u3", title="pure purifier", attributes={"Usage": "Office"})
# "Wireless Bluetooth" says both: "wireless" is no alternative of "bluetooth"
LINKED = Product(id="sp1", title="boat speaker", attributes={"Connectivity": "Bluetooth"})
LINKED_2 = Product(id="sp2", title="jbl speaker", attributes={"Connectivity": "Wireless"})
LINKED_3 = Product(id="sp3", title="sony speaker", attributes={"Connectivity": "Wireless"})
LINKED_4 = Product(id="sp4", title="mi speaker", attributes={"Connectivity": "Wireless Bluetooth"})
OTHERS_KEYED = [WIRED, PAIRED, PAIRED_2, WIRED_2, B22, E27, E27_2, RIGHT, LEFT, LEFT_2, HOME, HOME_2, OFFICE]


@pytest.mark.parametrize(
    ("product", "question", "verdict"),
    [
        # the value asked is another the catalog gives the key: a no from the record's own
        (WIRED, "cm key 354 keyboard - bluetooth?", Verdict.NO),
        (WIRED, "does it have bluetooth?", Verdict.NO),
        (PAIRED, "is it bluetooth?", Verdict.YES),
        # a need stated in a story, said as a code or a phrase of two words
        (B22, "every holder in my flat is the E27 screw-in kind. can i use those bft bulbs?", Verdict.NO),
        (RIGHT, "I'm a leftie and normal scissors dig into my hand. any good for me?", Verdict.NO),
        # one everyday word of a story is no need: not a no
        (OFFICE, "we are at home all day with the kids, will it keep up with us?", Verdict.NOT_STATED),
        # values said together in one value are no alternatives
        (LINKED, "is it wireless?", Verdict.NOT_STATED),
        # a question offering options asks which: the record's value, never a "no" to one option
        (WIRED, "is it bluetooth or wired?", Verdict.VALUE),
        (B22, "the bft bulbs - e27 or b22?", Verdict.VALUE),
    ],
)
def test_another_value_of_a_key_whose_values_are_alternatives_is_a_no(product, question, verdict):
    answer = ask(product, question, [*OTHERS_KEYED, LINKED, LINKED_2, LINKED_3, LINKED_4])
    assert answer.verdict == verdict, answer.text


ZIPPED = Product(id="cl1", title="roadster cardigan", attributes={"Closure": "Zipper"})
BUTTONED = Product(id="cl2", title="hrx cardigan", attributes={"Closure": "Button"})
BUTTONED_2 = Product(id="cl3", title="puma cardigan", attributes={"Closure": "Button"})
BOTH = Product(id="cl4", title="wallet", attributes={"Closure": "Zip, Magnet"})
MAGNET = Product(id="cl5", title="purse", attributes={"Closure": "Magnet"})


@pytest.mark.parametrize(
    ("product", "question", "catalog", "verdict"),
    [
        # an item of a listed value is an alternative too, unless it stands beside the record's own
        (ZIPPED, "is the roadster cardigan a button one?", [ZIPPED, BUTTONED, BUTTONED_2, BOTH], Verdict.NO),
        (MAGNET, "does it have a zip?", [ZIPPED, BUTTONED, BOTH, MAGNET, BOTH], Verdict.NOT_STATED),
        # no other product gives the key the value asked: a word the record's value contradicts
        # (`opposites` in answers.yaml) is a no, in a question that asks nothing else
        (WIRED, "cm key 354 keyboard - bluetooth?", [WIRED, WIRED_2], Verdict.NO),
        (WIRED, "my son wants to play games with bluetooth, ok?", [WIRED, WIRED_2], Verdict.NOT_STATED),
    ],
)
def test_listed_values_and_opposite_words_read_as_alternatives(product, question, catalog, verdict):
    answer = ask(product, question, catalog)
    assert answer.verdict == verdict, answer.text


EARBUDS = Product(
    id="eb1",
    title="Wireless Earbuds (blue, 8 hours, not resistant)",
    attributes={"battery life": "8 hours", "water resistance": "not resistant"},
)
SHIFT = "I do 6 hour shifts with earbuds in. The blue earbuds without any water resistance rating, will the battery get me through a shift?"


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # the "no" the question itself says of a key tells which product; an amount in hours is
        # no count of a thing ("6 hour" against the title's "8 hours"): neither is a no
        (SHIFT, Verdict.NOT_STATED),
        ("is it water resistant?", Verdict.NO),
    ],
)
def test_a_no_the_question_says_of_a_key_names_the_product_and_is_not_asked(question, verdict):
    assert ask(EARBUDS, question, [EARBUDS], naming="earbuds blue").verdict == verdict


HANDBAG = Product(id="hb1", title="alessia74 red handbag", attributes={"Material": "PU"})
LEATHER_BAG = Product(id="hb2", title="hidesign handbag", attributes={"Material": "Genuine Leather"})
LEATHER_BAG_2 = Product(id="hb3", title="baggit handbag", attributes={"Material": "Genuine Leather"})


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        # a verb before its pronoun asks, without a question mark and wherever it stands
        ("alessia74 red handbag is it genuine leather", True),
        ("the steel kettle does it have auto shut off", True),
        # a value asked stays a value; a statement asks nothing
        ("what size is it", False),
        ("red handbag, genuine leather", False),
    ],
)
def test_a_verb_before_its_pronoun_asks_yes_or_no(question, yes_no):
    assert read_question(question).yes_no == yes_no


def test_a_yes_no_asked_without_a_question_mark_is_answered():
    answer = ask(HANDBAG, "alessia74 red handbag is it genuine leather", [HANDBAG, LEATHER_BAG, LEATHER_BAG_2])
    assert answer.verdict == Verdict.NO, answer.text


WOMENS_BOOTS = Product(
    id="wb1", title="glamr kuyal boots", audience=["women"], colours=["blue"], attributes={"Ideal For": "Women"}
)


@pytest.mark.parametrize(
    ("question", "verdict"),
    [
        # a gift for someone asks whether it suits them: the record's audience answers
        ("glamr kuyal boots, a gift for my husband — would they suit him?", Verdict.NO),
        # a colour the record has says which one, beside who it is for
        ("get glamr kuyal boots in blue, gift for my husband — would they suit him?", Verdict.NO),
        ("glamr kuyal boots, a gift for my wife, would they suit her?", Verdict.YES),
    ],
)
def test_a_gift_for_someone_is_answered_from_the_audience(question, verdict):
    assert ask(WOMENS_BOOTS, question, [WOMENS_BOOTS], naming="glamr kuyal boots").verdict == verdict


# -- evidence about the words that point at the product, not the thing asked -------------------
TOTE = Product(id="t9", title="kora linen tote bag", attributes={"Material": "Linen", "Closure": "Zip"})
PARKA = Product(id="p9", title="norde striped parka coat", attributes={"Pattern": "Striped", "Fabric": "Wool"})
LOAFERS = Product(id="l9", title="trevi loafers", attributes={"Closure": "Slip On", "Outer Material": "Leather"})
LACED = Product(id="l8", title="trevi derby", attributes={"Closure": "Lace Up", "Outer Material": "Leather"})
ZIPPED = Product(id="l7", title="trevi chelsea", attributes={"Closure": "Zip", "Outer Material": "Leather"})
ZIPPED_TOO = Product(id="l6", title="trevi ankle boot", attributes={"Closure": "Zip", "Outer Material": "Suede"})


@pytest.mark.parametrize(
    "question, pointing, asked",
    [
        # a clause that is only a noun phrase opened by a determiner points at the product
        ("the green linen tote bag, will my books stay dry in a storm? is it waterproof", "linen", "waterproof"),
        ("could i machine wash that kora tote, the linen one?", "linen", "wash"),
        ("can I iron those kora shorts, the pack of three?", "pack", "iron"),
        # the subject of "is the ... <kind> <asked>?" ends at the word saying what it is
        ("is the only striped hooded parka padded inside?", "striped", "padded"),
        ("are the red suede boots fleece lined?", "suede", "fleece"),
        # ... or at a pro-form ("the first one"): a kind word after it is asked, not the subject
        ("is the first one dishwasher safe?", "first", "dishwasher"),
        ("are the green ones phone compatible", "green", "phone"),
    ],
)
def test_words_pointing_at_the_product_are_not_asked(question, pointing, asked):
    words = read_question(question, "kora").words
    assert pointing not in words and asked in words, words


@pytest.mark.parametrize(
    "product, question, catalog, verdict",
    [
        # the story says the record's value; the asking sentence asks another value of its key
        (LACED, "do the trevi derbies zip up? my fingers hate laces", [LACED, ZIPPED, ZIPPED_TOO, LOAFERS], Verdict.NO),
    ],
)
def test_a_yes_from_the_story_gives_way_to_the_asking_sentences_no(product, question, catalog, verdict):
    assert ask(product, question, catalog).verdict == verdict
