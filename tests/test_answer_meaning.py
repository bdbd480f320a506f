"""Evidence said in other words than the record (assistant/answers.py): a flag key meant by a
run of asked words, a compound split in two, another part of speech, another value of the key
beside the word that matched, an amount asked in a unit no specification states, a year that is
a warranty and no age, and a question word after a preposition."""

from __future__ import annotations

import numpy as np
import pytest

from assistant import fit
from assistant.answer_evidence import Verdict, key_values
from assistant.answers import answer_question
from assistant.question_reading import is_question
from common.schema import Product
from tests.fakes import HashEmbedder

MICROWAVE = Product(
    id="m1",
    title="lg convection microwave oven",
    attributes={"Child Lock": "Yes", "Warranty Summary": "1 Year Product Warranty", "Features": "Keep Warm"},
)
CHAIR = Product(id="c1", title="office chair", attributes={"armrest": "none"})
TOY = Product(id="t1", title="kennel rubber dumbell", attributes={"Chewable": "No"})
HELMET = Product(id="h1", title="sonik g-7 helmet", attributes={"Type": "Open Face"})
OTHER_HELMET = Product(id="h2", title="vega helmet", attributes={"Type": "Full Face"})
KETTLE = Product(id="k1", title="electric kettle", attributes={"capacity": "1L"})


class MeaningEmbedder:
    """Words of one group share an axis; any other word its own hashed axis. Texts of the same
    group are close though they share no word ("lock" and "Child Lock")."""

    GROUPS = ({"lock", "locked", "child"}, {"siren", "alarm", "audible"}, {"scent", "scents", "smell", "fragrance"})

    def encode(self, texts, normalize_embeddings=True, convert_to_numpy=True):
        rows = []
        for text in texts:
            row = np.zeros(64)
            for word in text.lower().split():
                axis = next((i for i, g in enumerate(self.GROUPS) if word in g), None)
                row[axis if axis is not None else 8 + hash(word) % 56] += 1.0
            rows.append(row / (np.linalg.norm(row) or 1.0))
        return np.asarray(rows)


def test_a_flag_key_meant_by_the_asked_words_answers_yes_or_no():
    question = "my 3 yr old keeps pressing every button... can i lock the panel so she cant start it?"
    answer = answer_question(MICROWAVE, question, MeaningEmbedder(), key_values([MICROWAVE]), "lg microwave")
    assert answer.verdict == Verdict.YES and "Child Lock: Yes" in answer.text
    # without an embedder nothing is matched by meaning: no yes is invented
    assert answer_question(MICROWAVE, question, None, key_values([MICROWAVE])).verdict != Verdict.YES


def test_a_year_of_warranty_is_no_age():
    assert fit.listed("Warranty Summary", "1 Year Product Warranty") is None
    assert fit.listed("Age Group", "4 - 18 Years") == ("age", [4.0, 18.0], "range")


@pytest.mark.parametrize(
    ("age", "value", "fits"),
    [
        # each group of a value with several is read on its own: 12 is in "11 - 15 Years"
        (12, "11 - 15 Years, 15 Years and Above", True),
        (16, "11 - 15 Years, 15 Years and Above", True),
        (9, "11 - 15 Years, 15 Years and Above", False),
        (5, "3 - 6 Years", True),
    ],
)
def test_an_age_fits_one_of_the_groups_a_value_lists(age, value, fits):
    assert fit.fits(fit.Amount("age", float(age)), "Age Group", value) is fits


def test_a_compound_split_in_two_is_the_key():
    answer = answer_question(CHAIR, "does the office chair have arm rests?", HashEmbedder(), key_values([CHAIR]))
    assert answer.verdict == Verdict.NO and "armrest: none" in answer.text


def test_another_part_of_speech_is_the_same_word():
    answer = answer_question(TOY, "can my puppy chew on it all day?", HashEmbedder(), key_values([TOY]))
    assert answer.verdict == Verdict.NO and "Chewable: No" in answer.text


def test_another_value_of_the_key_beside_the_matched_word_is_a_no():
    values = key_values([HELMET, OTHER_HELMET])
    answer = answer_question(HELMET, "does it cover the chin like a full face one?", HashEmbedder(), values)
    assert answer.verdict == Verdict.NO and "Open Face" in answer.text
    assert answer_question(HELMET, "is it an open face helmet?", HashEmbedder(), values).verdict == Verdict.YES
    # a word after the matched one is the story, no modifier of it
    protector = Product(id="p1", title="cozy mattress protector", attributes={"Type": "WATERPROOF"})
    crib = Product(id="p2", title="baby crib", attributes={"Type": "Baby Bed"})
    question = "cozy mattress protector - is it waterproof? baby wets the bed a lot"
    answer = answer_question(
        protector, question, HashEmbedder(), key_values([protector, crib]), "cozy mattress protector"
    )
    assert answer.verdict == Verdict.YES


def test_an_amount_asked_in_a_unit_no_specification_states_is_not_another_value():
    question = "how many watts is the kettle, my inverter cant take too much"
    answer = answer_question(KETTLE, question, HashEmbedder(), key_values([KETTLE]), "electric kettle")
    assert "1L" not in answer.text and answer.verdict != Verdict.VALUE


def test_a_question_word_after_a_preposition_is_a_question():
    assert is_question("upto what distance will the motion sensor notice me")
    assert is_question("for how long is the warranty")
    assert not is_question("motion sensor for my office")
    assert is_question("the steel tiffin - dishwasher safe or not")  # "or not" closing it asks
    assert not is_question("whether or not it rains, a steel tiffin for my office")


SKATES = Product(
    id="s1",
    title="jaspo thunder skates combo",
    description="Skating kit suitable for age upto 6 to 14 years. Light weight and durable.",
)
CUP = Product(
    id="u1", title="small menstrual cup", description="Suitable for women up to the age of 25 years. Cup length 55mm."
)
HEADLIGHT = Product(
    id="l1", title="leebo led headlight", attributes={"Weight": "0.2 kg"}, description="Waterproof rating IP68."
)


def test_an_age_stated_in_a_description_sentence_answers_a_suitability_question():
    no = answer_question(SKATES, "my son just turned 4, is the jaspo kit right for his age?", HashEmbedder(), {})
    assert no.verdict == Verdict.NO and "6 to 14 years" in no.text
    yes = answer_question(CUP, "my daughter is 19, is the cup the right size for her?", HashEmbedder(), {})
    assert yes.verdict == Verdict.YES and "age of 25" in yes.text


def test_a_value_question_is_answered_by_what_it_asks_for_not_a_word_of_its_story():
    question = "what ip rating is the leebo headlight, worried about heavy rain"
    answer = answer_question(HEADLIGHT, question, HashEmbedder(), key_values([HEADLIGHT]), "leebo headlight")
    assert "Weight" not in answer.text
    charger = Product(id="c1", title="portable charger", attributes={"output": "USB-C", "capacity": "20000mAh"})
    port = answer_question(charger, "the portable charger, what type of output port does it have?", HashEmbedder(), {})
    assert "USB-C" in port.text
    mug = Product(
        id="g1", title="noritake mug gold plated", attributes={"Capacity": "385 ml"}, description="Gold plated."
    )
    hold = answer_question(mug, "noritake mug, how much coffee does it hold?", HashEmbedder(), key_values([mug]))
    assert "385 ml" in hold.text
    how_heavy = answer_question(HEADLIGHT, "how heavy is the leebo headlight?", HashEmbedder(), key_values([HEADLIGHT]))
    assert "Weight: 0.2 kg" in how_heavy.text


FRESHENER = Product(
    id="f1", title="itiha aroma oil freshener", attributes={"Fragrance": "Mandarin, Fresh Roses", "Quantity": "10 ml"}
)
CHARGER = Product(
    id="c2",
    title="furst usb charger",
    attributes={"Warranty Summary": "10 Days Warranty Against Manufacturing Defects", "Cable Length": "1 m"},
)


@pytest.mark.parametrize(
    "product, question, naming, expected",
    [
        # a key named in other words than the focus of a value question (pool sets M, P)
        (FRESHENER, "which scents come in the itiha freshener pack?", "itiha freshener", "Mandarin"),
        (FRESHENER, "which smell is the itiha aroma oil freshener", "itiha aroma oil freshener", "Mandarin"),
        # "how LONG is the WARRANTY": the measure is of the subject after it, the feature asked (set L)
        (
            CHARGER,
            "last two cheap chargers died within a month. how long is the warranty on the furst charger?",
            "furst charger",
            "10 Days",
        ),
        (CHARGER, "how long's the warranty on the furst charger", "furst charger", "10 Days"),
    ],
)
def test_a_value_question_finds_the_key_of_what_it_asks_for(product, question, naming, expected):
    answer = answer_question(product, question, MeaningEmbedder(), key_values([product]), naming)
    assert answer.verdict == Verdict.VALUE and expected in answer.text
