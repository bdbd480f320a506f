"""Pictures drawn from a product's record (`ui.web.pictures`), over every category and colour of
the demo catalog: each gets a pictogram of its own kind, a swatch of its colour, well-formed SVG
with readable ink, and nothing that fetches."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest

from assistant.reply import ProductCard
from common.text import singular, tokenize
from tests.conftest import DEMO_CATALOG
from ui.web import pictures
from ui.web.pictures import luminance, picture_svg, table
from ui.web.render import card_html

with DEMO_CATALOG.open(newline="", encoding="utf-8") as fh:
    ROWS = list(csv.DictReader(fh))
CATEGORIES = sorted({r["category"] for r in ROWS})
COLOURS = sorted({r["colour"] for r in ROWS if r["colour"]})
SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    return ET.fromstring(svg)


@pytest.mark.parametrize("category", CATEGORIES)
def test_every_demo_category_has_a_pictogram_of_its_own_kind(category):
    t = table()
    pictogram = t.pictogram(category)
    assert pictogram.name != "tag", f"{category} falls back to the generic tag"
    # The most specific part of the path that names any pictogram chose it (leaf first).
    parts = [{singular(w) for w in tokenize(part)} for part in category.split(" > ")]
    naming = next(words for words in reversed(parts) if any(p.words & words for p in t.pictograms))
    assert pictogram.words & naming, (category, pictogram.name)


@pytest.mark.parametrize("colour", COLOURS)
def test_every_demo_colour_has_a_swatch_and_readable_ink(colour):
    swatch = table().swatch(colour)
    assert swatch != table().colours["unknown"], f"{colour} has no swatch"
    root = parsed(picture_svg("Bags > Backpacks", colour))
    ink = root.find(f"{SVG}g").get("stroke")
    if swatch == "multicolour":
        assert len(root.findall(f"{SVG}rect")) == len(table().multicolour)
    else:
        assert root.find(f"{SVG}rect").get("fill") == swatch
        # Dark ink on light swatches, white ink on dark ones: the contrast is never poor.
        assert abs(luminance(swatch) - luminance(ink)) > 0.35, (colour, swatch, ink)


def test_a_picture_is_well_formed_svg_that_fetches_nothing_and_escapes_its_label():
    svg = picture_svg("Home > Mugs <script>alert(1)</script>", None)
    root = parsed(svg)  # well-formed XML
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "href" not in svg and "url(" not in svg  # nothing for the browser to load
    assert root.find(f"{SVG}rect").get("fill") == table().colours["unknown"]  # no colour: neutral swatch
    assert picture_svg("Something > Unheard Of", "ultramarine").count('data-pictogram="tag"') == 1


def test_a_card_always_has_a_picture_and_a_real_image_lies_over_it():
    card = ProductCard(
        id="P1",
        title="Trail Mug",
        brand=None,
        price=12.0,
        currency="USD",
        image_url="https://cdn.example.com/1.jpg",
        rating=None,
        stock=3,
        in_stock=True,
        category="Home & Kitchen > Coffee & Tea > Mugs",
    )
    with_url = card_html(card, 1, colour="blue")
    assert with_url.index('class="sa-pic"') < with_url.index('class="sa-img"')  # drawn first, the photo over it
    assert 'data-pictogram="mug"' in with_url
    without = card_html(card.model_copy(update={"image_url": None}), 1, colour="blue")
    assert 'class="sa-pic"' in without and "sa-img" not in without


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["pictograms"][0].update(svg="<image href='http://x/y.png'/>"), "not plain shapes"),
        (lambda d: d["pictograms"][0].update(svg="<path d='M0 0' onload='alert(1)'/>"), "not plain shapes"),
        (lambda d: d["colours"].update(red="red;background:url(x)"), "not #rrggbb"),
        (lambda d: d["pictograms"].pop(), "the last pictogram must match nothing"),
    ],
)
def test_a_bad_table_is_refused_on_load(tmp_path, monkeypatch, change, message):
    data = json.loads(pictures.TABLE.read_text(encoding="utf-8"))
    change(data)
    bad = tmp_path / "pictures.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(pictures, "TABLE", bad)
    table.cache_clear()
    try:
        with pytest.raises(ValueError, match=message):
            table()
    finally:
        table.cache_clear()
