"""Must-haves the records cannot check on what fits the rest of the request only rank
(`assistant.unchecked_attributes`): held-out set AC q19 ("plastic cover for a 6 seater dining
table": the one 6 seater cover records no material) and q20 ("curtain ..., the ring type one": no
curtain record speaks of rings, the shop's word is eyelet) got no card. Where the products that
fit the rest record the property ("Neck: Round Neck") or the shop names a sub-kind by the word
("hip hop cap"), the empty answer stays honest. A shop built in the test; each row states the
must-haves read as unchecked."""

from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np
import pytest

from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.part_fit import fitted_somewhere, sold_by_fit
from assistant.unchecked_attributes import recording_keys, relaxed, said_as_feature, unchecked
from common.schema import Product
from ingest.snapshot import read_snapshot, write_snapshot

# title, category path, price, specifications
SHOP = [
    ("Prime Printed 4 Seater Table Cover", "Home > Table Covers", 499, {"Material": "PVC"}),
    ("Prime Printed 6 Seater Table Cover", "Home > Kitchen & Dining Linen > Table Covers", 849, {}),
    ("Hariom Plastic File Cover", "Office > File Covers", 99, {"Material": "Plastic"}),
    ("Skipper Striped Eyelet Window Curtain", "Home > Curtains", 1039, {"Type": "Eyelet"}),
    ("Elegance Abstract Eyelet Door Curtain", "Home > Curtains", 899, {"Type": "Eyelet"}),
    ("Asian Gems Silver Ring", "Jewellery > Rings", 500, {"Type": "Ring"}),
    ("Hangover Solid Round Neck Women's Sweater", "Clothing > Sweaters", 499, {"Neck": "Round Neck"}),
    ("Species V Neck Women's Sweater", "Clothing > Sweaters", 1499, {"Neck": "V Neck"}),
    ("Jack Hip Hop Cap", "Accessories > Caps", 999, {}),
    ("Jack Baseball Cap", "Accessories > Caps", 199, {}),
    ("Speedwav Sun Shade For Honda City", "Automotive > Sun Shades", 358, {}),
    ("Crokrok Nylon Car Mat For Datsun Go", "Automotive > Car Mats", 1299, {}),
    ("Carbanao Plastic Car Mat For Maruti Swift", "Automotive > Car Mats", 1370, {}),
    ("Leebo LED Headlight For Honda CB", "Automotive > Headlights", 1500, {}),
    ("Leebo LED Headlight For Suzuki Sling", "Automotive > Headlights", 1500, {}),
]


@pytest.fixture(scope="module")
def catalog() -> CatalogIndex:
    products = [
        Product(id=f"p{i}", title=t, category=path.split(" > "), price=float(price), currency="INR", attributes=specs)
        for i, (t, path, price, specs) in enumerate(SHOP)
    ]
    index_dir = Path(tempfile.mkdtemp(prefix="shop-")) / "index"
    vectors = np.random.default_rng(0).normal(size=(len(products), 8)).astype(np.float32)
    write_snapshot(index_dir, products, vectors, "random")
    return CatalogIndex(read_snapshot(index_dir))


# constraints -> the must-haves that only rank
ROWS = [
    # the 6 seater cover records no material: "plastic" cannot be checked on it
    (Constraints(categories=["cover"], attributes=["plastic", "6 seater"]), ["plastic"]),
    # no curtain record speaks of rings; "Type: Ring" is what a ring is, no curtain's property
    (Constraints(categories=["curtain"], attributes=["ring"]), ["ring"]),
    # the sweaters under 1000 record their neck, and it is round: honest empty
    (Constraints(categories=["sweater"], attributes=["v neck"], price_max=1000), []),
    # the shop names hip hop caps: none under 300 is the answer
    (Constraints(categories=["cap"], attributes=["hip hop"], price_max=300), []),
    # the 6 seater cover is named so: the count is checked
    (Constraints(categories=["table cover"], attributes=["6 seater"], price_max=500), []),
    # a model the shop makes sun shades for and no car mat (AD d27): none that fits is the answer
    (Constraints(categories=["car mat"], attributes=["honda city"]), []),
    # a model of a maker the shop fits things to (AD q29 "hyundai verna" beside "for honda city")
    (Constraints(categories=["car mat"], attributes=["honda xyzzy"]), []),
    # headlights are sold by the bike they fit, and none says this one (AF q23): none fits
    (Constraints(categories=["led headlight"], attributes=["royal enfield classic 350"]), []),
]


@pytest.mark.parametrize(("constraints", "expected"), ROWS)
def test_unchecked_must_haves(catalog: CatalogIndex, constraints: Constraints, expected: list[str]) -> None:
    assert unchecked(catalog, constraints) == expected


def test_relaxed_ranks_what_cannot_be_checked(catalog: CatalogIndex) -> None:
    eased, dropped = relaxed(catalog, Constraints(categories=["cover"], attributes=["plastic", "6 seater"]))
    assert dropped == ["plastic"]
    assert eased.attributes == ["6 seater"] and eased.prefer == ["plastic"]
    assert [catalog.products[int(r)].title for r in np.flatnonzero(catalog.mask(eased))] == [
        "Prime Printed 6 Seater Table Cover"
    ]


def test_keys_that_record_a_value(catalog: CatalogIndex) -> None:
    assert recording_keys(catalog, "plastic") == {"material"}
    assert recording_keys(catalog, "ring") == set()  # "Type: Ring" names the kind


def test_a_material_is_checked_where_the_kind_states_one(catalog: CatalogIndex) -> None:
    # the 4 seater cover records "Material: PVC": "wood" can be checked on it, and it is not
    c = Constraints(categories=["table cover"], attributes=["wood"], price_max=500)
    assert unchecked(catalog, c) == []


@pytest.mark.parametrize(
    ("message", "attribute", "feature"),
    [
        ("beds that have leds", "led", True),  # WANDS not carried: a part it must have
        ("a watch with a date display", "date display", True),
        ("plastic cover for a 6 seater dining table", "plastic", False),
        ("curtain for the bedroom window, the ring type one", "ring", False),
    ],
)
def test_a_feature_asked_for_stays_a_must_have(message: str, attribute: str, feature: bool) -> None:
    assert said_as_feature(message, attribute) is feature


def test_a_kind_sold_by_fit_checks_the_model(catalog: CatalogIndex) -> None:
    headlights = np.flatnonzero(catalog.mask(Constraints(categories=["led headlight"])))
    curtains = np.flatnonzero(catalog.mask(Constraints(categories=["curtain"])))
    assert sold_by_fit(catalog, headlights, "royal enfield classic 350")
    assert not sold_by_fit(catalog, headlights, "plastic")  # no model
    assert not sold_by_fit(catalog, curtains, "royal enfield classic 350")  # curtains fit nothing


def test_a_model_fitted_somewhere_is_one_titles_say_for(catalog: CatalogIndex) -> None:
    assert fitted_somewhere(catalog, "honda city")
    assert not fitted_somewhere(catalog, "city")  # no title says "for city"
    assert not fitted_somewhere(catalog, "plastic")
    assert not fitted_somewhere(catalog, "tata nano")  # no title fits a thing to tata
    assert fitted_somewhere(catalog, "honda verna")  # a model of a maker titles fit things to
    assert not fitted_somewhere(catalog, "honda cars")  # an ordinary word after the maker
