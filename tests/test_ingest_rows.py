"""Ingest never loses a row silently, and one bad row never stops it (issue 11, section 2).

Each case is a file a real catalog export can produce: an unclosed quote, a wrong cell count,
specifications that are no key/value pairs, Parquet maps and decimals, absurd JSON nesting,
foreign encodings, a directory or a malformed mapping given by mistake. Each becomes a per-row
rejection (with its line, reason and raw text for the audit) or one clear error, never a
traceback.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from common.errors import ShopAssistError
from ingest.pipeline import load_catalog

HEADER = "id,title,description,category,brand,price,currency\n"


def rows(n: int, start: int = 1) -> str:
    return "".join(f"P{i},Mug {i},Nice mug,Home,Acme,{i}.50,USD\n" for i in range(start, start + n))


def write(tmp_path: Path, body: str | bytes, name: str = "catalog.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    return path


def reasons(report) -> dict[int, str]:
    return {r.line: r.reason for r in report.rejected}


def test_unclosed_quote_is_reported_and_swallowed_rows_are_recovered(tmp_path):
    # Eight data rows; row P3's title opens a quote that the csv module would close only at the
    # quoted description of P5, two lines later: today "read 6, accepted 6" with P4 and P5 inside
    # P3's title.
    body = (
        HEADER
        + rows(2)
        + 'P3,"Mug 3,Nice mug,Home,Acme,3.50,USD\n'
        + rows(1, start=4)
        + 'P5,Mug 5,"Nice, mug",Home,Acme,5.50,USD\n'
        + rows(3, start=6)
    )
    products, report = load_catalog(write(tmp_path, body))
    assert sorted(p.id for p in products) == ["P1", "P2", "P4", "P5", "P6", "P7", "P8"]
    assert report.read == 8 and report.accepted == 7
    (rejection,) = report.rejected
    assert rejection.line == 4 and "unclosed quote" in rejection.reason and "lines 5-6" in rejection.reason
    assert rejection.raw.startswith('P3,"Mug 3')
    assert all(len(p.title) < 10 for p in products)  # no row swallowed into a title


def test_unclosed_quote_running_to_the_end_of_the_file(tmp_path):
    body = HEADER + rows(1) + 'P2,"Mug 2,Nice mug,Home,Acme,2.50,USD\n' + rows(3, start=3)
    products, report = load_catalog(write(tmp_path, body))
    assert [p.id for p in products] == ["P1", "P3", "P4", "P5"]
    assert list(reasons(report)) == [3] and "swallowing 3 row(s) (lines 4-6)" in reasons(report)[3]


def test_a_multi_line_description_is_not_mistaken_for_an_unclosed_quote(tmp_path):
    body = HEADER + 'P1,Mug,"Line one,\nline two, with a comma",Home,Acme,5,USD\n' + rows(1, start=2)
    products, report = load_catalog(write(tmp_path, body))
    assert [p.id for p in products] == ["P1", "P2"] and not report.rejected
    assert products[0].description == "Line one, line two, with a comma"


def test_rows_with_too_few_or_too_many_cells_are_rejected(tmp_path):
    body = HEADER + rows(1) + "P2,Mug 2,Nice\n" + "P3,Mug 3,Nice,Home,Acme,3,USD,extra\n" + rows(1, start=4)
    products, report = load_catalog(write(tmp_path, body))
    assert [p.id for p in products] == ["P1", "P4"]
    assert reasons(report) == {3: "row has 3 cells, header has 7", 4: "row has 8 cells, header has 7"}


@pytest.mark.parametrize(
    "specs, kept",
    [
        (["waterproof", "breathable"], {}),  # a list of words: no pairs
        (42, {}),  # a number
        ("not a literal [", {}),  # text that parses as nothing
        # a statement without a key is kept under one key ("2 Years warranty")
        (
            [{"key": "Capacity", "value": "350 ml"}, {"value": "Hand wash"}],
            {"Capacity": "350 ml", "Other Details": "Hand wash"},
        ),
        (
            [{"key": "Other Details", "value": "Gift box"}, {"value": "1 Year"}, {"value": ""}],
            {"Other Details": "Gift box | 1 Year"},
        ),
        ({"Capacity": "350 ml", "Lid": ["yes", "no"]}, {"Capacity": "350 ml", "Lid": "yes, no"}),
    ],
)
def test_specifications_of_any_shape_never_stop_the_row(tmp_path, specs, kept):
    row = {"id": "A", "title": "Mug", "price": 5, "specifications": specs}
    products, report = load_catalog(write(tmp_path, json.dumps(row) + "\n", "c.jsonl"))
    assert [p.id for p in products] == ["A"] and not report.rejected
    assert products[0].attributes == kept
    assert bool(kept) != any("specifications ignored" in w for w in report.warnings)


def test_parquet_map_and_decimal_columns(tmp_path):
    table = pa.table(
        {
            "id": ["a", "b"],
            "title": ["Red Mug", "Blue Mug"],
            "price": pa.array([Decimal("12.49"), Decimal("1299.00")], pa.decimal128(10, 2)),
            "rating": pa.array([Decimal("4.5"), None], pa.decimal128(3, 1)),
            "specifications": pa.array(
                [[("Capacity", "350 ml"), ("Colour", "red")], None], pa.map_(pa.string(), pa.string())
            ),
        }
    )
    path = tmp_path / "c.parquet"
    pq.write_table(table, path)
    products, report = load_catalog(path)
    assert not report.rejected
    a, b = products
    assert (a.price, b.price, a.rating, b.rating) == (12.49, 1299.0, 4.5, None)
    assert isinstance(a.price, float)
    assert a.attributes == {"Capacity": "350 ml", "Colour": "red"} and a.colours == ["red"]


def test_jsonl_nested_100000_deep_is_one_rejection(tmp_path):
    deep = '{"id": "X", "title": "Deep", "specifications": ' + "[" * 100_000 + "]" * 100_000 + "}"
    moderately_deep = json.dumps({"id": "Y", "title": "Deep too", "specifications": json.loads("[" * 500 + "]" * 500)})
    good = json.dumps({"id": "A", "title": "Mug", "price": 5})
    path = write(tmp_path, "\n".join([good, deep, moderately_deep, good.replace('"A"', '"B"')]) + "\n", "c.jsonl")
    products, report = load_catalog(path)
    assert [p.id for p in products] == ["A", "B"]
    assert set(reasons(report)) == {2, 3} and all("nested too deeply" in r for r in reasons(report).values())


def test_numbers_no_float_can_hold_are_rejected_by_row(tmp_path):
    lines = [
        json.dumps({"id": "A", "title": "Mug", "price": 5}),
        '{"id": "B", "title": "Mug", "price": 1e999}',
        '{"id": "C", "title": "Mug", "price": ' + "9" * 5000 + "}",
        '{"id": "D", "title": "Mug", "price": 5, "rating": NaN}',
    ]
    products, report = load_catalog(write(tmp_path, "\n".join(lines), "c.jsonl"))
    assert [p.id for p in products] == ["A"]
    got = reasons(report)
    assert "out of range" in got[2] and "invalid JSON" in got[3] and "rating" in got[4]


def test_a_directory_given_as_the_file_is_one_clear_error(tmp_path):
    folder = tmp_path / "catalog.csv"
    folder.mkdir()
    with pytest.raises(ShopAssistError, match="is a directory; give the catalog file itself"):
        load_catalog(folder)


@pytest.mark.parametrize(
    "mapping, message",
    [
        ("columns:\n  - id\n  - title\n", "`columns` must map target fields to file columns"),
        ("columns: pid\n", "`columns` must map target fields"),
        ("colums:\n  id: pid\n", "unknown key"),
        ("columns:\n  id: [pid]\n  title: name\n", "give a column name"),
        ("columns:\n  id: {column: pid, parse: magic}\n  title: name\n", "unknown parser 'magic'"),
        ("columns:\n  id: {column: pid, colour: x}\n  title: name\n", "unexpected keyword"),
        ("columns:\n  title: name\n", "does not map id"),
        ("currency: rupees\ncolumns:\n  id: pid\n  title: name\n", "3-letter code"),
    ],
)
def test_malformed_mappings_are_one_clear_error(tmp_path, mapping, message):
    path = write(tmp_path, mapping, "m.yaml")
    with pytest.raises(ShopAssistError, match=message):
        load_catalog(write(tmp_path, "pid,name\n1,x\n"), path)


def test_utf16_with_bom_is_read_and_said(tmp_path):
    path = write(tmp_path, (HEADER + rows(2) + "P3,Café Mug,Nice,Home,Acme,3,USD\n").encode("utf-16"))
    products, report = load_catalog(path)
    assert [p.title for p in products] == ["Mug 1", "Mug 2", "Café Mug"] and not report.rejected
    assert any("UTF-16" in w for w in report.warnings)


def test_utf16_without_bom_is_refused_by_name(tmp_path):
    path = write(tmp_path, (HEADER + rows(2)).encode("utf-16-le"))
    with pytest.raises(ShopAssistError, match="UTF-16 without a byte-order mark"):
        load_catalog(path)


def test_latin1_rows_are_rejected_with_a_reason_naming_the_encoding(tmp_path):
    body = (HEADER + rows(1)).encode() + "P2,Crème Mug,Très beau,Home,Acme,3,EUR\n".encode("latin-1")
    products, report = load_catalog(write(tmp_path, body))
    assert [p.id for p in products] == ["P1"]
    assert "Latin-1" in reasons(report)[3] and "Crème" in reasons(report)[3]
    # The raw row is kept for the audit, bytes decoded with replacement characters.
    assert report.rejected[0].raw.startswith("P2,Cr")


def test_jsonl_keeps_unicode_line_separators_inside_strings(tmp_path):
    row = {"id": "A", "title": "Mug\u2028Deluxe", "price": 5}
    products, report = load_catalog(write(tmp_path, json.dumps(row, ensure_ascii=False) + "\n", "c.jsonl"))
    assert [p.title for p in products] == ["Mug Deluxe"] and not report.rejected
