"""Reading catalog files (CSV, JSONL, Parquet) into raw rows, and the column-mapping file.

A raw row is (line number, dict of column -> value). Nothing here judges values; that is
`ingest.clean`'s job. Rows that cannot even be decoded are returned as rejections, each with its
line and the raw text, so no row is ever lost without a word. What makes the whole file
unreadable (a directory, a UTF-16 file without a byte-order mark, a broken Parquet file) raises
one `ShopAssistError` that says what and how to fix it.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common.errors import ShopAssistError
from common.settings import read_yaml_config

# Fields a mapping may target. `specifications` feeds attributes (and derived colour etc.).
TARGET_FIELDS = (
    "id title description category brand price currency colour audience sizes material rating "
    "stock image_url specifications"
).split()
PARSERS = ("text", "list_literal", "list_first", "key_value_list", "path")
MAPPING_KEYS = ("columns", "currency")
MAX_NESTING = 20  # JSON nesting deeper than this is no catalog row (and would exhaust recursion)
RAW_CHARS = 2000  # of a rejected row's text kept for the audit file
PARQUET_BATCH = 4096
UNDECODED = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept as surrogate escapes


@dataclass
class RawRow:
    line: int
    values: dict[str, Any]


@dataclass
class Rejection:
    line: int
    reason: str
    raw: str | None = None  # the row's text (or values as JSON), kept for the audit file


@dataclass
class FieldRule:
    column: str
    parse: str = "text"
    fallback: str | None = None  # another column, used when this one is empty or zero
    zero_is_missing: bool = False


@dataclass
class Mapping:
    columns: dict[str, FieldRule] = field(default_factory=dict)
    currency: str | None = None  # constant currency for catalogs without a column

    def source_columns(self) -> set[str]:
        cols = {r.column for r in self.columns.values()}
        return cols | {r.fallback for r in self.columns.values() if r.fallback}


def load_mapping(path: Path) -> Mapping:
    """Mapping YAML: `currency: INR` and `columns: {target: column | {column, parse, ...}}`."""
    data = read_yaml_config(path, what="mapping file")
    unknown = sorted(set(data) - set(MAPPING_KEYS))
    if unknown:
        raise ShopAssistError(
            f"mapping file {path}: unknown key(s) {', '.join(unknown)}; use {', '.join(MAPPING_KEYS)}"
        )
    currency = data.get("currency")
    if currency is not None and not (isinstance(currency, str) and len(currency.strip()) == 3):
        raise ShopAssistError(f"mapping file {path}: currency must be a 3-letter code such as INR, got {currency!r}")
    columns = data.get("columns")
    if not isinstance(columns, dict) or not columns:
        got = type(columns).__name__ if columns is not None else "nothing"
        raise ShopAssistError(
            f"mapping file {path}: `columns` must map target fields to file columns "
            f"(e.g. `columns: {{id: pid, title: product_name}}`), got {got}"
        )
    mapping = Mapping(currency=currency.strip().upper() if currency else None)
    for target, rule in columns.items():
        where = f"mapping file {path}, field '{target}'"
        if target not in TARGET_FIELDS:
            raise ShopAssistError(
                f"mapping file {path}: unknown target field '{target}'; use one of: {', '.join(TARGET_FIELDS)}"
            )
        if isinstance(rule, str):
            rule = {"column": rule}
        if not isinstance(rule, dict):
            raise ShopAssistError(f"{where}: give a column name or {{column: NAME, parse: ...}}, got {rule!r}")
        try:
            parsed = FieldRule(**rule)
        except TypeError as exc:
            raise ShopAssistError(f"{where}: {exc}") from exc
        if not isinstance(parsed.column, str) or not parsed.column.strip():
            raise ShopAssistError(f"{where}: `column` must be a column name, got {parsed.column!r}")
        if parsed.fallback is not None and not isinstance(parsed.fallback, str):
            raise ShopAssistError(f"{where}: `fallback` must be a column name, got {parsed.fallback!r}")
        if not isinstance(parsed.zero_is_missing, bool):
            raise ShopAssistError(f"{where}: `zero_is_missing` must be true or false")
        if parsed.parse not in PARSERS:
            raise ShopAssistError(f"{where}: unknown parser '{parsed.parse}' (one of {', '.join(PARSERS)})")
        mapping.columns[target] = parsed
    missing = [t for t in ("id", "title") if t not in mapping.columns]
    if missing:
        raise ShopAssistError(f"mapping file {path} does not map {' and '.join(missing)}; every product needs both")
    return mapping


@dataclass
class Decoded:
    text: str
    note: str | None = None  # said in the report, e.g. "read as UTF-16"


def read_rows(path: Path) -> tuple[list[str], Iterator[RawRow | Rejection], list[str]]:
    """Columns of the file, an iterator of its rows, and notes about the file as a whole.

    Raises ShopAssistError when the file as a whole cannot be read."""
    if not path.exists():
        raise ShopAssistError(f"catalog file {path} does not exist")
    if path.is_dir():
        raise ShopAssistError(
            f"catalog path {path} is a directory; give the catalog file itself (CSV, JSONL or Parquet)"
        )
    if not path.is_file():
        raise ShopAssistError(f"catalog path {path} is not a regular file (a pipe or device?); give a catalog file")
    if path.stat().st_size == 0:
        raise ShopAssistError(f"catalog file {path} is empty")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        return _read_csv(path, delimiter="\t" if suffix == ".tsv" else ",")
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _read_jsonl(path)
    if suffix == ".parquet":
        return _read_parquet(path)
    raise ShopAssistError(f"catalog file {path}: unknown format '{suffix}'; use CSV, JSONL or Parquet")


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ShopAssistError(f"cannot read catalog file {path}: {exc.strerror or exc}") from exc


def _decode(path: Path) -> Decoded:
    """The file as text. UTF-8 (with or without BOM) is the format; UTF-16 with a byte-order mark
    is unambiguous, so it is read (and said); anything else with NUL bytes is refused by name.

    Invalid UTF-8 bytes are kept as surrogate escapes so each bad row can be rejected on its own,
    with a reason that names the encoding it looks like (`encoding_problem`)."""
    data = _read_bytes(path)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ShopAssistError(f"catalog file {path} is UTF-32 encoded; save it as UTF-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "the file is UTF-16 (byte-order mark); read as UTF-16")
    if b"\x00" in data[:65536]:
        raise ShopAssistError(
            f"catalog file {path} contains NUL bytes: it is UTF-16 without a byte-order mark, or not a text "
            "file; save it as UTF-8 (e.g. `iconv -f UTF-16LE -t UTF-8`)"
        )
    return Decoded(data.decode("utf-8-sig", errors="surrogateescape"))


def encoding_problem(text: str) -> str | None:
    """Why a row's text is not clean UTF-8, naming the encoding it looks like; None when it is."""
    if "\ufffd" in text:
        return "undecodable characters in row (the file is not clean UTF-16)"
    bad = UNDECODED.search(text)
    if not bad:
        return None
    raw = text.encode("utf-8", errors="surrogateescape")
    start = bad.start()
    try:
        guess = raw.decode("cp1252")
    except UnicodeDecodeError:
        return "invalid UTF-8 in row (not Latin-1 either); save the file as UTF-8"
    snippet = guess[max(0, start - 15) : start + 15].strip()
    return f"invalid UTF-8 in row: it looks Latin-1 / Windows-1252 encoded ({snippet!r}); save the file as UTF-8"


def _raw_text(text: str) -> str:
    return text.encode("utf-8", errors="surrogateescape").decode("utf-8", errors="replace")[:RAW_CHARS]


class _Lines:
    """Physical lines of a text, numbered, for csv.reader; lines can be pushed back to be read
    again, and `consumed` lists the lines the current record took. (A class rather than a
    generator: it can go on after the end when lines are pushed back.)"""

    def __init__(self, source: io.StringIO) -> None:
        self.source = source
        self.number = 0
        self.pushed: deque[tuple[int, str]] = deque()
        self.consumed: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.pushed:
            item = self.pushed.popleft()
        else:
            line = self.source.readline()
            if not line:
                raise StopIteration
            self.number += 1
            item = (self.number, line)
        self.consumed.append(item)
        return item[1]

    def push_back(self, items: list[tuple[int, str]]) -> None:
        self.pushed.extendleft(reversed(items))


def _read_csv(path: Path, delimiter: str) -> tuple[list[str], Iterator[RawRow | Rejection], list[str]]:
    """CSV rows by physical line number, with a guard against unclosed quotes.

    A quote that never closes makes the csv module read the following lines into one field,
    so rows vanish into a title. We watch which lines each record consumed: when a record spans
    several lines and a continuation line, read on its own, has exactly the header's field count,
    the quote was unclosed. That record is rejected (naming the swallowed lines) and the
    swallowed lines are read again as rows of their own.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # long descriptions are data, not errors
    decoded = _decode(path)
    source = io.StringIO(decoded.text, newline="")  # splits on \n, \r\n, \r only, as CSV does
    lines = _Lines(source)
    reader = csv.reader(lines, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        header = []
    except csv.Error as exc:
        raise ShopAssistError(f"catalog file {path}: cannot read the CSV header: {exc}") from exc
    columns = [c.strip() for c in header]
    if not any(columns):
        raise ShopAssistError(f"catalog file {path} has no header row")
    bad = encoding_problem(",".join(columns))
    if bad:
        raise ShopAssistError(f"catalog file {path}, header: {bad}")
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise ShopAssistError(f"catalog file {path}: the header names column(s) {', '.join(duplicates)} twice")
    width = len(columns)

    def looks_like_row(line: str) -> bool:
        try:
            cells = next(csv.reader([line], delimiter=delimiter), [])
        except csv.Error:
            return False
        return width >= 3 and len(cells) == width

    def rows() -> Iterator[RawRow | Rejection]:
        while True:
            lines.consumed.clear()
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:  # e.g. a NUL byte
                consumed = lines.consumed
                if consumed:
                    yield Rejection(consumed[0][0], f"unreadable CSV row: {exc}", _raw_text(consumed[0][1]))
                    lines.push_back(consumed[1:])
                continue
            consumed = lines.consumed
            if not consumed:
                continue
            line, raw = consumed[0][0], "".join(text for _, text in consumed)
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line
            swallowed = [n for n, text in consumed[1:] if looks_like_row(text)]
            if swallowed:
                last = consumed[-1][0]
                yield Rejection(
                    line,
                    f"unclosed quote: a quoted field in this row runs on through line {last}, swallowing "
                    f"{len(swallowed)} row(s) (lines {swallowed[0]}-{swallowed[-1]}); fix the quote. "
                    f"Lines {consumed[1][0]}-{last} are read again on their own",
                    _raw_text(consumed[0][1]),
                )
                lines.push_back(consumed[1:])
                continue
            if len(cells) != width:
                yield Rejection(line, f"row has {len(cells)} cells, header has {width}", _raw_text(raw))
                continue
            problem = encoding_problem(raw)
            if problem:
                yield Rejection(line, problem, _raw_text(raw))
                continue
            yield RawRow(line, dict(zip(columns, cells, strict=True)))

    return columns, rows(), [decoded.note] if decoded.note else []


def nesting_depth(value: Any, limit: int = MAX_NESTING) -> int:
    """How deeply lists and dicts nest in a value (iterative: a hostile row cannot exhaust the
    stack); stops counting past `limit`."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, (list, tuple)):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _parse_json_line(raw: str) -> tuple[Any, str | None]:
    try:
        return json.loads(raw), None
    except RecursionError:
        return None, f"JSON nested too deeply (more than {MAX_NESTING} levels)"
    except ValueError as exc:  # JSONDecodeError, and integers longer than Python allows
        return None, f"invalid JSON: {getattr(exc, 'msg', None) or exc}"


def _read_jsonl(path: Path) -> tuple[list[str], Iterator[RawRow | Rejection], list[str]]:
    decoded = _decode(path)
    # JSON Lines are separated by \n alone; U+2028 and friends are valid inside JSON strings.
    lines = decoded.text.split("\n")
    columns: list[str] = []
    for raw in lines:  # the keys of the first object that parses give the columns
        obj, _ = _parse_json_line(raw) if raw.strip() and not encoding_problem(raw) else (None, None)
        if isinstance(obj, dict):
            columns = [str(k) for k in obj]
            break

    def rows() -> Iterator[RawRow | Rejection]:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            problem = encoding_problem(raw)
            if problem:
                yield Rejection(number, problem, _raw_text(raw))
                continue
            obj, error = _parse_json_line(raw)
            if error is None and nesting_depth(obj) > MAX_NESTING:
                error = f"JSON nested too deeply (more than {MAX_NESTING} levels)"
            if error:
                yield Rejection(number, error, _raw_text(raw))
                continue
            if not isinstance(obj, dict):
                yield Rejection(number, f"expected a JSON object, got {type(obj).__name__}", _raw_text(raw))
                continue
            yield RawRow(number, obj)

    return columns, rows(), [decoded.note] if decoded.note else []


def _read_parquet(path: Path) -> tuple[list[str], Iterator[RawRow | Rejection], list[str]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        raise ShopAssistError(f"catalog file {path} is not a readable Parquet file: {exc}") from exc
    columns = table.column_names

    def rows() -> Iterator[RawRow | Rejection]:
        # Parquet has no lines; the row number (1-based) plays that part in reports. Batches keep
        # memory bounded; a map column arrives as a list of (key, value) pairs, a decimal column
        # as decimal.Decimal (the cleaner accepts both).
        number = 0
        for batch in table.to_batches(max_chunksize=PARQUET_BATCH):
            try:
                records = batch.to_pylist()
            except Exception as exc:  # a value pyarrow cannot turn into Python (e.g. a bad timestamp)
                for _ in range(batch.num_rows):
                    number += 1
                    yield Rejection(number, f"Parquet value cannot be read: {exc}")
                continue
            for obj in records:
                number += 1
                yield RawRow(number, obj)

    return columns, rows(), []
