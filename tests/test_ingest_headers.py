"""A catalog that names its columns the way shop exports do ingests with no mapping, and says
which column it read as which field."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.headers import normalised, recognised_mapping, stock_said
from ingest.pipeline import load_catalog


@pytest.mark.parametrize(
    ("columns", "expected", "currency"),
    [
        # a spreadsheet of one's own
        (
            ["SKU", "Item", "Maker", "Cost (EUR)", "Colour", "Section", "For", "Details", "Stars", "In stock"],
            {
                "id": "SKU",
                "title": "Item",
                "brand": "Maker",
                "price": "Cost (EUR)",
                "colour": "Colour",
                "category": "Section",
                "audience": "For",
                "description": "Details",
                "rating": "Stars",
                "stock": "In stock",
            },
            "EUR",
        ),
        # a Shopify product export
        (
            ["Handle", "Title", "Body (HTML)", "Vendor", "Type", "Variant SKU", "Variant Price", "Image Src"],
            {
                "id": "Variant SKU",
                "title": "Title",
                "description": "Body (HTML)",
                "brand": "Vendor",
                "category": "Type",
                "price": "Variant Price",
                "image_url": "Image Src",
            },
            None,
        ),
        # a Google Merchant feed: our names where they are ours, its own for the rest
        (
            ["id", "title", "description", "price", "brand", "color", "gender", "product_type", "image_link"],
            {
                "id": "id",
                "title": "title",
                "description": "description",
                "price": "price",
                "brand": "brand",
                "colour": "color",
                "audience": "gender",
                "category": "product_type",
                "image_url": "image_link",
            },
            None,
        ),
        # a sale price is preferred to the regular one; "net" in a header is no currency
        (["product_id", "name", "regular_price", "sale_price (net)"], None, None),
        (["Item code", "Product name", "Regular price", "Sale price"], None, None),
        (["code", "title", "price_gbp"], {"id": "code", "title": "title", "price": "price_gbp"}, "GBP"),
        # a garden shop's spreadsheet (demo review: its blurb and count on hand were left unread)
        (
            ["Item Code", "Product", "Blurb", "Price (GBP)", "Qty on hand"],
            {
                "id": "Item Code",
                "title": "Product",
                "description": "Blurb",
                "price": "Price (GBP)",
                "stock": "Qty on hand",
            },
            "GBP",
        ),
        (["code", "title", "Price €"], {"id": "code", "title": "title", "price": "Price €"}, "EUR"),
    ],
)
def test_export_headers_are_read_as_fields(columns, expected, currency):
    mapping, note = recognised_mapping(columns)
    assert mapping is not None and note is not None
    read = {field: rule.column for field, rule in mapping.columns.items()}
    if expected is not None:
        assert read == expected
    assert mapping.currency == currency
    if columns[0] == "product_id":
        assert read["price"] == "sale_price (net)" and read["id"] == "product_id" and read["title"] == "name"
    if columns[0] == "Item code":
        assert read["price"] == "Sale price" and read["id"] == "Item code"  # first listed wins
        assert note.endswith("columns not read: Regular price")


@pytest.mark.parametrize(
    "columns",
    [
        ["id", "title", "description", "category", "brand", "price", "currency", "colour", "stock"],
        ["id", "title", "color", "price"],  # "color" was always read as colour
        ["sku_code", "title", "price"],  # nothing recognisable: the how-to-fix error stays
    ],
)
def test_our_own_names_or_unknown_ones_need_no_guess(columns):
    assert recognised_mapping(columns) == (None, None)


@pytest.mark.parametrize(
    ("columns", "read", "unread"),
    [
        # an export's short forms, each of one field's names
        (["sku", "name", "dept", "cost"], {"category": "dept"}, []),
        (
            ["id", "title", "price", "desc", "img", "mfr"],
            {"description": "desc", "image_url": "img", "brand": "mfr"},
            [],
        ),
        (["id", "title", "price", "rtg", "clr", "matl"], {"rating": "rtg", "colour": "clr", "material": "matl"}, []),
        (["id", "title", "price", "ctg", "avail"], {"category": "ctg", "stock": "avail"}, []),
        # "col" opens "colour" and "collection" (a category's name) alike: left unread, and said
        (["sku", "title", "price", "col"], {"id": "sku"}, ["col"]),
        # two letters say too little
        (["id", "title", "price", "ctg", "sz"], {"category": "ctg"}, ["sz"]),
    ],
)
def test_short_forms_of_header_names_are_read_when_one_field_fits(columns, read, unread):
    mapping, note = recognised_mapping(columns)
    assert mapping is not None and note is not None
    got = {field: rule.column for field, rule in mapping.columns.items()}
    assert read.items() <= got.items()
    assert note.endswith(f"columns not read: {', '.join(unread)}") if unread else "not read" not in note


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        ("yes", True),
        ("In Stock", True),
        ("in_stock", True),
        ("available", True),
        ("No", False),
        ("sold out", False),
        ("out_of_stock", False),
        ("preorder", False),
        ("12", None),
        (7, None),
        ("maybe", None),
    ],
)
def test_stock_said_as_words(said, expected):
    assert stock_said(said) is expected


@pytest.mark.parametrize(
    ("header", "expected"), [("Cost (EUR)", "cost"), ("Body (HTML)", "body"), ("image_link", "image link")]
)
def test_headers_are_compared_without_units_and_punctuation(header, expected):
    assert normalised(header) == expected


def test_a_kitchen_shop_spreadsheet_ingests_without_a_mapping(tmp_path: Path):
    path = tmp_path / "kitchen.csv"
    path.write_text(
        "SKU,Item,Maker,Cost (EUR),Colour,Section,Stars,In stock,Warehouse bin\n"
        "KT-1,Cast Iron Skillet 26 cm,Lodgewell,39.90,black,Cookware > Pans,4.7,yes,A3\n"
        "KT-2,Santoku Knife 17 cm,Kaiware,45.00,black,Knives,4.4,sold out,B1\n"
        "KT-3,Pasta Maker,Marcato,69.00,silver,Prep > Tools,,12,C2\n",
        encoding="utf-8",
    )
    products, report = load_catalog(path)
    assert [p.id for p in products] == ["KT-1", "KT-2", "KT-3"] and not report.rejected
    skillet, knife, pasta = products
    assert skillet.title == "Cast Iron Skillet 26 cm" and skillet.brand == "Lodgewell"
    assert skillet.price == 39.90 and skillet.currency == "EUR" and skillet.category == ["Cookware", "Pans"]
    # "yes" says in stock without a count: unknown, never "only 1 left"
    assert skillet.stock is None and skillet.in_stock and knife.stock == 0 and pasta.stock == 12
    assert any("read column 'SKU' as id" in w and "columns not read: Warehouse bin" in w for w in report.warnings)
