"""Compounds the shopper and the shop write differently: a modifier before a carried type that
makes a kind the shop lacks ("surge protector" where the shop's protectors are mattress
protectors), one word that is two ("rainjacket", "barstool"), and a compound whose head the shop
writes with a synonym in one word ("rain jacket" / "raincoat"). A shop built in the test, with
the hash embedder of tests/fakes.py (no model); each row states the request it should read."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest

from assistant.catalog import CatalogIndex
from assistant.understand import Understander
from common.schema import Product
from ingest.snapshot import read_snapshot, write_snapshot
from tests.fakes import HashEmbedder

SHOP = [
    ("Chhote Janab Cozy Mattress Protector", "Home > Bed Linen > Mattress Protectors"),
    ("Fabhomedecor Fabric Double Sofa Bed", "Furniture > Living Room Furniture"),
    ("Rainfun Solid Men's Raincoat", "Clothing > Men's Clothing > Raincoats"),
    ("Zeel Hooded Raincoat", "Clothing > Women's Clothing > Raincoats"),
    ("Fort Collins Hiking Jacket", "Clothing > Men's Clothing > Jackets"),
    ("Fort Collins Quilted Jacket", "Clothing > Men's Clothing > Jackets"),
    ("Orchard Ceramic Table Lamp", "Home > Lighting > Lamps"),
]
DESCRIPTIONS = {"Orchard Ceramic Table Lamp": "A warm light for a study corner."}


def _understander(embed: HashEmbedder | None) -> Understander:
    products = [
        Product(
            id=f"p{i}",
            title=title,
            description=DESCRIPTIONS.get(title, ""),
            category=path.split(" > "),
            price=100.0 + i,
            currency="INR",
        )
        for i, (title, path) in enumerate(SHOP)
    ]
    index_dir = Path(tempfile.mkdtemp(prefix="shop-")) / "index"
    vectors = np.random.default_rng(0).normal(size=(len(products), 8)).astype(np.float32)
    write_snapshot(index_dir, products, vectors, "random")
    return Understander(CatalogIndex(read_snapshot(index_dir)), embed)


@pytest.fixture(scope="module")
def understander() -> Understander:
    return _understander(HashEmbedder())


# message -> (the type read, carried, catalog phrases it filters on)
COMPOUNDS = [
    # a modifier no product of the type records, far from the shop's own compounds of it
    ("surge protector for my computer", "surge protector", False, []),
    ("king poster bed", "poster bed", False, []),
    ("hardwood girls bed", "hardwood bed", False, []),  # past the audience word
    # the shop's own compound, or the modifier recorded by a product of the type
    ("mattress protector for a single bed", "mattress protector", True, ["mattress protector"]),
    ("hiking jacket for my dad", "jacket", True, ["jacket"]),
    # no modifier, or one that is a filter of its own (a colour, a material)
    # a kind named for what it holds or fits, said with its determiner: the shop's compound
    ("a protector for my mattress", "mattress protector", True, ["mattress protector"]),
    ("black lamp", "lamp", True, ["lamp"]),
    ("ceramic lamp", "lamp", True, ["lamp"]),
    # a word the shop's own text uses, a brand, a unit or a word no dictionary knows: no compound
    ("study lamp", "lamp", True, ["lamp"]),
    ("a prestige lamp", "lamp", True, ["lamp"]),
    ("2 ltr lamp", "lamp", True, ["lamp"]),
    # one word that is a word and a type; carried or not, the reply can say which
    ("a rainjacket for my son", "rain jacket", True, ["raincoat"]),
    ("barstool for the kitchen", "bar stool", False, []),
    # the head under a synonym the shop writes in one word
    ("a rain jacket", "rain jacket", True, ["raincoat"]),
]


@pytest.mark.parametrize(("message", "named", "carried", "categories"), COMPOUNDS)
def test_a_compound_resolves_against_the_shops_own_kinds(understander, message, named, carried, categories):
    q = understander.parse(message)
    assert (q.product_type, q.type_carried) == (named, carried)
    if carried:
        assert [c for c in q.constraints.categories if c in categories] == categories


def test_without_an_embedder_an_unrecorded_modifier_is_no_evidence_against_the_type():
    q = _understander(None).parse("surge protector for my computer")
    assert (q.product_type, q.type_carried) == ("protector", True)


def test_the_shops_compounds_of_a_type_come_from_its_titles_and_category_nodes(understander):
    assert set(understander.types.sub_kinds(["protector"])) == {"mattress protector"}
    assert set(understander.types.sub_kinds(["bed"])) == {"sofa bed"}
