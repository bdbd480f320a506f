"""Grounding of generated text against the products retrieved this turn (no model needed)."""

from __future__ import annotations

from assistant.grounding import Grounder
from assistant.sentence_text import degenerate
from common.schema import Product

JACKET = Product(id="J1", title="Highmoor Packable Rain Jacket", brand="Highmoor", price=77.95, currency="USD")
SHELL = Product(id="J2", title="Ridgeback Softshell Jacket", brand="Ridgeback", price=63.95, currency="USD")


def grounder(**options) -> Grounder:
    brands = ["highmoor", "ridgeback", "tickwell"]
    return Grounder([JACKET, SHELL], catalog_brands=brands, type_words={"jacket", "watch", "boot"}, **options)


def test_correct_price_is_kept():
    g = grounder()
    assert (
        g.sentence("The Highmoor Packable Rain Jacket costs $77.95.")
        == "The Highmoor Packable Rain Jacket costs $77.95."
    )
    assert g.report.corrections == 0


def test_wrong_price_is_corrected_from_the_record():
    g = grounder()
    out = g.sentence("The Highmoor Packable Rain Jacket is only $49.99 today.")
    assert out == "The Highmoor Packable Rain Jacket is only $77.95 today."
    assert g.report.corrected_prices == 1


def test_price_of_no_retrieved_product_removes_the_sentence():
    g = grounder()
    assert g.sentence("Prices start at $12.00 for this kind of thing.") is None
    assert g.sentence("One option costs $63.95.") == "One option costs $63.95."


def test_unknown_product_and_other_brand_are_removed():
    g = grounder()
    assert g.sentence("You might also love the Golden Unicorn Watch.") is None
    assert g.sentence("Tickwell makes nice ones too.") is None
    assert g.report.removed_sentences == 2


def test_stream_grounds_sentence_by_sentence_and_drops_repeats():
    g = grounder()
    deltas = ["The Ridgeback Soft", "shell Jacket is $10. ", "It is warm. It is warm. ", "Buy the Acme Storm Jacket."]
    out = "".join(g.stream(deltas))
    # "It is warm." was kept here before, though this jacket's record never says warm: a pronoun
    # sentence must be supported by the record of the product it refers to.
    assert out.strip() == "The Ridgeback Softshell Jacket is $63.95."
    warm = Product(id="J3", title="Ridgeback Softshell Jacket", price=63.95, description="A brushed face adds warmth.")
    out = "".join(Grounder([warm]).stream(["The Ridgeback Softshell Jacket is $63.95. It is warm. It is warm."]))
    assert out.strip() == "The Ridgeback Softshell Jacket is $63.95. It is warm."  # its record says so; once


def test_degenerate_output():
    assert degenerate("") and degenerate("ok ok")
    assert degenerate("buy buy buy buy buy buy buy buy buy buy buy buy buy")
    assert not degenerate("The Ridgeback Softshell Jacket is a warm choice for cold hikes.")


def test_a_near_repeat_in_the_same_reply_is_removed_and_counted():
    g = grounder()
    first = "The Highmoor Packable Rain Jacket packs into its own pocket for travel."
    again = "The Highmoor Packable Rain Jacket packs into its own pockets for travel!"
    assert g.sentence(first) == first
    assert g.sentence(again) is None and g.report.removed_sentences == 1


def test_service_terms_no_record_states_are_removed():
    g = grounder()
    assert g.sentence("The first one comes with a lifetime warranty.") is None
    assert g.sentence("The Highmoor Packable Rain Jacket ships free with delivery tomorrow.") is None
    assert g.report.removed_sentences == 2
    with_warranty = Product(
        id="W", title="Tickwell Field Watch", brand="Tickwell", description="Includes a 2-year warranty."
    )
    kept = Grounder([with_warranty], catalog_brands=["tickwell"], type_words={"watch"})
    assert kept.sentence("The Tickwell Field Watch includes a warranty.") is not None


def test_the_request_told_back_and_a_sentence_repeated_inside_another_are_removed():
    g = grounder(shopper_said="I'm looking for a rain jacket for my wife")
    first = "The Highmoor Packable Rain Jacket is light enough for your wife to carry all day, and it packs small."
    assert g.sentence(first) == first
    assert g.sentence("The Highmoor Packable Rain Jacket is light enough for your wife to carry all day.") is None
    assert g.sentence("I'm sure you're looking for a rain jacket for your wife.") is None
    assert g.report.removed_sentences == 2


def test_policy_amounts_must_be_stated_as_the_passages_state_them():
    from assistant.passage_grounding import PassageGrounder

    g = PassageGrounder(["Standard delivery takes 3-5 business days; express takes 2 days. Returns within 30 days."])
    assert g.sentence("Standard delivery takes 3-5 business days.") is not None
    assert g.sentence("Returns are accepted within 30 days of delivery.") is not None
    assert g.sentence("Standard delivery takes 2-3 business days.") is None  # both numbers appear, the range does not
    assert g.sentence("Returns are accepted within 30 hours.") is None  # 30, but of another unit
    assert g.report.removed_sentences == 2


def test_an_unfinished_last_fragment_after_whole_sentences_is_dropped():
    from assistant.sentence_text import stream_sentences

    assert list(stream_sentences(["The mug is white. They're a coffee", " maker"])) == ["The mug is white."]
    assert list(stream_sentences(["Great pick"])) == ["Great pick"]  # a short reply on its own


def test_false_comparatives_go_and_true_ones_stay():
    light = Product(
        id="A", title="Free 2 Sport Earbuds", price=36.5, rating=4.2, currency="USD", attributes={"Weight": "5 g"}
    )
    heavy = Product(
        id="B", title="Pod Air Earbuds", price=29.0, rating=4.6, currency="USD", attributes={"Weight": "0.01 kg"}
    )
    g = Grounder([light, heavy])
    assert g.sentence("The Free 2 Sport Earbuds are a great budget-friendly option.") is None  # the dearer one
    assert g.sentence("The Pod Air Earbuds are cheaper and higher-rated.") is not None
    assert g.sentence("The Free 2 Sport Earbuds are lighter than the others.") is not None  # 5 g < 10 g
    assert g.sentence("It is also the higher-rated pick.") is None  # "it": the Free 2 Sport, rated 4.2
    assert g.sentence("The second one is newer.") is None  # no record states a year
    assert g.sentence("They are cheaper than most earbuds on the market.") is None  # about no one product
    assert g.report.removed_sentences == 4


def test_policy_answers_drop_near_repeated_sentences():
    from assistant.passage_grounding import PassageGrounder

    g = PassageGrounder(["Unused items can be returned within 30 days of delivery for a full refund."])
    assert g.sentence("Unused items can be returned within 30 days of delivery.") is not None
    assert g.sentence("Unused items can be returned within 30 days of the delivery.") is None


def test_a_comparison_between_two_named_products_is_about_the_first_named():
    cheap = Product(id="A", title="Pod Air Earbuds", price=29.0, currency="USD")
    dear = Product(id="B", title="Free 2 Sport Earbuds", price=36.5, currency="USD")
    g = Grounder([cheap, dear])
    assert g.sentence("The Pod Air Earbuds are cheaper than the Free 2 Sport Earbuds.") is not None
    assert g.sentence("The Free 2 Sport Earbuds are cheaper than the Pod Air Earbuds.") is None


def test_the_same_claim_with_a_clause_changed_is_a_repeat():
    from assistant.sentence_text import near_repeat
    from common.text import tokenize

    def key(text: str) -> str:
        return " ".join(tokenize(text))

    first = key(
        "They're not just a fashion brand, but a small business that's willing to take a chance on a high-end product."
    )
    again = key("They're also a small business that's willing to take a chance on a high-end product.")
    other = key("The first pair is lighter and has a longer battery life than the second pair of earbuds.")
    assert near_repeat(again, first) and not near_repeat(other, first)


def test_the_request_told_back_in_the_third_person_is_removed():
    from assistant.grounding import RESTATES

    said = "They're looking for a coffee maker that can brew a full jug of espresso, only available in Italy."
    assert RESTATES.search(said) and RESTATES.search("You're looking for a jacket")
    assert not RESTATES.search("The Filtro Drip Coffee Maker brews a full jug.")


def test_a_sentence_of_nothing_but_quoted_record_text_is_removed():
    """A small model that lists a title and a description in quotes has written nothing the cards
    do not already show; a sentence that quotes the record inside its own words stays."""
    from assistant.passage_grounding import PassageGrounder

    g = grounder()
    listed = '"Highmoor Packable Rain Jacket" "A light shell for rainy hikes" "A softshell for wind"'
    assert g.sentence(listed) is None
    assert g.sentence("“Ridgeback Softshell Jacket”") is None
    assert g.report.removed_sentences == 2
    kept = 'The "Highmoor Packable Rain Jacket" costs $77.95.'
    assert grounder().sentence(kept) == kept
    p = PassageGrounder(["Returns within 30 days of delivery."])
    assert p.sentence('"Returns within 30 days of delivery."') is None
    assert p.sentence("Returns are accepted within 30 days of delivery.") is not None


def test_a_price_said_any_way_must_be_the_price_of_the_product_it_is_about():
    lamp = Product(id="L", title="Glowmoor Reading Lamp", price=24.0, currency="USD", attributes={"Bulb": "LED"})
    rug = Product(id="R", title="Kilim Hallway Rug", price=59.0, currency="USD")
    g = Grounder([lamp, rug], type_words={"lamp", "rug"}, shopper_said="something for the flat under 70 bucks")
    # a kind that one shown product is, a position, "it" after one: each has a record price
    assert g.sentence("A 70-dollar reading lamp is hard to beat.") == "A $24.00 reading lamp is hard to beat."
    assert g.sentence("The second one costs $24.") == "The second one costs $59.00."
    assert g.sentence("It is only 45 bucks.") == "It is only $59.00."
    assert g.sentence("The Glowmoor Reading Lamp costs $24.00 and takes an LED bulb.") is not None
    assert g.report.corrected_prices == 3


def test_praise_with_nothing_to_check_goes_and_praise_beside_a_fact_stays():
    g = grounder(shopper_said="a rain jacket for my brother, he loves the outdoors")
    assert g.sentence("I'm sure he is going to love the first one.") is None
    assert g.sentence("Honestly, you cannot go wrong with the Ridgeback Softshell Jacket.") is None
    assert g.sentence("It is simply the best jacket ever made.") is None
    assert g.sentence("The Highmoor Packable Rain Jacket is a great pick at $77.95.") is not None
    assert g.report.removed_sentences == 3


def test_a_clause_said_twice_in_one_sentence_goes():
    hiker = Product(
        id="H", title="Scree Trail Shoes", price=80.0, currency="USD", description="Grippy soles for wet rock."
    )
    runner = Product(
        id="T", title="Tempo Road Shoes", price=95.0, currency="USD", description="Light foam for road miles."
    )

    def g() -> Grounder:  # a new reply each: no sentence before to repeat
        return Grounder([hiker, runner], type_words={"shoes"})

    assert (
        g().sentence(
            "The first pair has grippy soles for wet rock, and the second pair has grippy soles for wet rock too."
        )
        is None
    )
    assert g().sentence(
        "The first pair has grippy soles for wet rock, and the second pair has light foam for road miles."
    )
    assert g().sentence("The first pair costs $80.00, and the second pair costs $95.00.")


def test_a_sentence_that_is_only_a_name_says_nothing():
    g = grounder()
    assert g.sentence("Highmoor Packable Rain Jacket") is None
    assert g.sentence("The Ridgeback Softshell Jacket.") is None
    assert grounder().sentence("The Ridgeback Softshell Jacket costs $63.95.") is not None


def test_a_description_figure_is_a_record_figure():
    torch_ = Product(
        id="T", title="Ridge Head Torch", price=38.0, currency="USD", description="400 lumens, 12 hours on low."
    )
    g = Grounder([torch_], type_words={"torch"})
    assert g.sentence("The Ridge Head Torch gives 400 lumens and lasts 12 hours on low.") is not None
    assert g.sentence("The Ridge Head Torch gives 900 lumens.") is None
