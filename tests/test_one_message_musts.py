"""Must-haves read from one message, against a small shop built in the test (no model): a model
written in the shop's other spacing, the car a part belongs to ("the dashboard of a wagon r"),
an ordinary word in a maker's model slot ("honda city"), a brand said as a likeness ("the
crocs type"), an animal said as the object of the request, and a flag after a "non" compound.
Held-out rows: AH q03, q09, q15, q30; AG q25, q26."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.message_patterns import negated_at
from assistant.printed_message import message_for
from assistant.understand import Understander
from common.schema import Product
from common.text import terms
from ingest.snapshot import read_snapshot, write_snapshot

SHOP = [
    ("speedwav 240450 sun shade for maruti wagonr", "Automotive > Car Sun Shades"),
    ("speedwav 240306 sun shade for honda accord", "Automotive > Car Sun Shades"),
    ("speedwav 240411 sun shade for honda jazz", "Automotive > Car Sun Shades"),
    ("speedwav 240420 sun shade for ford figo", "Automotive > Car Sun Shades"),
    ("newworld tempered glass for xiaomi mi 4i", "Mobiles > Screen Guards"),
    ("newworld tempered glass for intex aqua sense", "Mobiles > Screen Guards"),
    ("swagga women clogs", "Footwear > Sandals"),
    ("crocs boys sandals", "Footwear > Sandals"),
    ("sicons all purpose dog shampoo", "Pet Supplies > Shampoo"),
    ("himalaya anti dandruff shampoo", "Beauty > Shampoo"),
    ("oxford tawa 15 cm", "Kitchen > Pans Tawas"),
    ("cello pvc table cover", "Home > Table Covers"),
    ("prime printed cotton table cover", "Home > Table Covers"),
]


@pytest.fixture(scope="module")
def understander() -> Understander:
    products = [
        Product(id=f"p{i}", title=t, brand=t.split()[0], category=path.split(" > "), price=100.0 + i, currency="INR")
        for i, (t, path) in enumerate(SHOP)
    ]
    index_dir = Path(tempfile.mkdtemp(prefix="shop-")) / "index"
    vectors = np.random.default_rng(0).normal(size=(len(products), 8)).astype(np.float32)
    write_snapshot(index_dir, products, vectors, "random")
    return Understander(CatalogIndex(read_snapshot(index_dir)))


@pytest.mark.parametrize(
    ("message", "must", "not_must"),
    [
        ("tempered glass screen guard for xiaomi mi4i", ["xiaomi mi 4i"], []),
        ("sunshade for the dashboard of a wagon r", ["wagonr"], []),
        ("sun shade for honda city", ["honda city"], []),
        ("sun shade for honda cars", ["honda"], ["honda cars"]),
        ("anything to bathe my cat with? shampoo or so", ["cat"], []),
    ],
)
def test_must_haves_of_one_message(understander, message, must, not_must):
    attributes = understander.parse(message).constraints.attributes
    assert all(m in attributes for m in must), attributes
    assert not set(not_must) & set(attributes), attributes


def test_a_brand_said_as_a_likeness_only_ranks(understander):
    c = understander.parse("ladies clogs, the rubbery crocs type").constraints
    assert c.brands == [] and "crocs" not in c.attributes
    assert understander.parse("clogs by crocs").constraints.brands == ["crocs"]


def test_a_listing_node_above_a_titled_kind_names_no_kind():
    kadhai = Product(
        id="k",
        title="nirlon induction kadhai 1.5 l",
        category=["kitchen dining", "pans tawas", "nirlon induction kadhai 1.5 l aluminium"],
    )
    tawa = Product(id="t", title="oxford tawa 15 cm", category=["kitchen dining", "pans tawas", "oxford tawa 15 cm"])
    assert Constraints(categories=["tawa"]).failures(kadhai) == ["category"]
    assert Constraints(categories=["tawa"]).failures(tawa) == []


@pytest.mark.parametrize(
    ("message", "word", "negated"),
    [
        ("non stick dosa tawa that works on induction", "induction", False),
        ("non stick tawa", "stick", True),
        ("not induction compatible", "induction", True),
    ],
)
def test_a_prefix_negation_scopes_over_its_own_word(message, word, negated):
    words = message.split()
    assert negated_at(words, words.index(word)) is negated


@pytest.mark.parametrize(
    ("message", "must"),
    [
        ("coffee mug with a msg for mum on it, her bday is sunday", "mum or mom or mother"),
        ("something for amma on mothers day.. a coffee mug with a msg for mom would be sweet", "mom or mum or mother"),
        ("a mug for my mom", None),  # who it is for, no message on it
        ("a cushion with a note for the delivery guy", None),
    ],
)
def test_a_message_on_the_product_names_whom_it_says_it_to(message, must):
    known = {"mom", "mum", "mother"}.__contains__
    assert message_for(terms(message), known) == must


def test_a_material_said_by_its_family_takes_the_members_the_shop_records(understander):
    # AG q08: "plastic table cover" against covers recording PVC was told nothing matches
    assert understander.parse("plastic table cover").constraints.attributes == ["plastic or pvc"]
    assert understander.parse("cotton table cover").constraints.attributes == ["cotton"]
