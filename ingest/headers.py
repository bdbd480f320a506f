"""A catalog's own column names read as product fields when no --mapping is given.

Shop exports name their columns their own way ("SKU", "Item", "Vendor", "Cost (EUR)",
"Variant Price", "availability"). A file that uses our field names is read as it is; a file that
names a field another way has each such column matched against the header names common exports
use (`data/column_names.yaml`), so it ingests without a hand-written mapping, and the ingest says
which column it read as which field. A file whose columns match nothing still fails with the
how-to-fix message of `pipeline._missing_field_hint`.

Why not a library: the export formats are documented, but no maintained library maps arbitrary
spreadsheet headers to product fields; the table is data, kept small and closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common.settings import read_yaml_config
from ingest.read import TARGET_FIELDS, FieldRule, Mapping

DATA_FILE = Path(__file__).resolve().parent / "data" / "column_names.yaml"
BRACKETED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
CURRENCY_CODE = re.compile(r"(?:^|[\s_(\[-])([A-Za-z]{3})(?:$|[\s_)\]])")


@dataclass(frozen=True)
class HeaderNames:
    fields: dict[str, tuple[str, ...]]  # field -> header names, normalised, first preferred
    currency_marks: dict[str, str]  # a symbol in a price header -> its currency code
    currency_codes: frozenset[str]
    stock_yes: frozenset[str]
    stock_no: frozenset[str]


@cache
def header_names(path: Path = DATA_FILE) -> HeaderNames:
    data = read_yaml_config(path, what="column names file")
    fields = {f: tuple(normalised(n) for n in names) for f, names in data["fields"].items()}
    unknown = sorted(set(fields) - set(TARGET_FIELDS))
    if unknown:
        raise ValueError(f"{path}: not product fields: {', '.join(unknown)}")
    words = data["stock_words"]
    return HeaderNames(
        fields,
        {str(k): str(v) for k, v in data["currency_marks"].items()},
        frozenset(str(c).upper() for c in data["currency_codes"]),
        frozenset(normalised(w) for w in words["in_stock"]),
        frozenset(normalised(w) for w in words["out_of_stock"]),
    )


def normalised(header: str) -> str:
    """'Cost (EUR)' -> 'cost'; 'Body (HTML)' -> 'body'; 'image_link' -> 'image link'."""
    text = BRACKETED.sub(" ", str(header)).lower()
    return " ".join(re.sub(r"[^\w]+|_", " ", text).split())


def header_currency(header: str, names: HeaderNames) -> str | None:
    """The currency a price column's header names: 'Cost (EUR)', 'price_usd', 'Price €'."""
    for mark, code in names.currency_marks.items():
        if mark in header:
            return code
    codes = [c.upper() for c in CURRENCY_CODE.findall(header) if c.upper() in names.currency_codes]
    return codes[-1] if codes else None


def recognised_mapping(columns: list[str]) -> tuple[Mapping | None, str | None]:
    """A mapping for a file that names fields its own way, and a note saying what was read as what;
    (None, None) when the file already uses our names for every field it has a column for."""
    names = header_names()
    own: dict[str, str] = {}
    for column in columns:
        own.setdefault(normalised(column), column)
    for column in columns:  # "price_usd", "Price €": the field is the header without its currency
        own.setdefault(_without_currency(column, names), column)
    taken: dict[str, str] = {f: own[f] for f in TARGET_FIELDS if f in own}  # our names, as they are
    if "colour" not in taken and "color" in own:  # read as colour without a mapping already
        taken["colour"] = own["color"]
    used = set(taken.values())
    guessed: dict[str, str] = {}
    for target, headers in names.fields.items():
        if target in taken:
            continue
        for header in headers:
            column = own.get(header)
            if column is not None and column not in used:
                guessed[target] = column
                used.add(column)
                break
    for column in columns:  # "dept", "desc", "img", "mfr": a short form of one field's names
        if column in used or (target := _abbreviated_field(normalised(column), names, {**taken, **guessed})) is None:
            continue
        guessed[target] = column
        used.add(column)
    if not guessed:
        return None, None
    mapping = Mapping(columns={f: FieldRule(column=c) for f, c in {**taken, **guessed}.items()})
    price_column = mapping.columns["price"].column if "price" in mapping.columns else None
    if price_column and "currency" not in mapping.columns:
        mapping.currency = header_currency(price_column, names)
    read_as = ", ".join(f"{c!r} as {f}" for f, c in guessed.items())
    unread = [c for c in columns if c not in used]
    note = f"no mapping given: read column {read_as}" + (f"; columns not read: {', '.join(unread)}" if unread else "")
    if mapping.currency:
        note += f"; prices in {mapping.currency} (from the column {price_column!r})"
    return mapping, note


def _abbreviated_field(header: str, names: HeaderNames, found: dict[str, str]) -> str | None:
    """The one field not yet found whose name or header names a one-word header shortens, as
    exports shorten them: the header's letters in order within a one-word name, starting with
    its first letter ("dept" department, "desc" description, "img" image, "mfr" manufacturer,
    "qty" quantity). Three letters at least; where several fields' names take it, the one whose
    name it opens with most letters, and none on a tie: a short form two fields could mean as
    well is left unread, and the note says so."""
    if len(header) < 3 or not header.isalpha():
        return None
    # how many letters each field's best name shares with the header's start: "dept" opens
    # "department" (3) and only shortens "description" (2)
    shared: dict[str, int] = {}
    for field in TARGET_FIELDS:
        if field in found:
            continue
        # one-word names only: "department" is category's; "department gender" is audience's
        words = [w for w in (field, *names.fields.get(field, ())) if " " not in w and _shortens(header, w)]
        if words:
            shared[field] = max(_common_start(header, w) for w in words)
    best = [f for f, n in shared.items() if n == max(shared.values(), default=0)]
    return best[0] if len(best) == 1 else None


def _common_start(a: str, b: str) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def _shortens(short: str, word: str) -> bool:
    if short == word or len(short) >= len(word) or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in short[1:])  # in order: each search resumes after the last


def _without_currency(header: str, names: HeaderNames) -> str:
    for mark in names.currency_marks:
        header = header.replace(mark, " ")
    return " ".join(w for w in normalised(header).split() if w.upper() not in names.currency_codes)


def stock_said(value: object) -> bool | None:
    """True for 'yes' / 'in stock' / 'available', False for 'no' / 'out of stock' / 'sold out';
    None for anything else (a count is read as a number by the caller)."""
    if not isinstance(value, str):
        return None
    said = normalised(value)
    names = header_names()
    if said in names.stock_yes:
        return True
    if said in names.stock_no:
        return False
    return None
