"""Reading catalog files (CSV, JSONL, Parquet) into raw rows, and the column-mapping file.

A raw row is (line number, dict of column -> value). Nothing here judges values; that is
`ingest.clean`'s job. Rows that cannot even be decoded are returned as rejections.
"""

from __future__ import annotations

import csv
import io
import json
import sys
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


@dataclass
class RawRow:
    line: int
    values: dict[str, Any]


@dataclass
class Rejection:
    line: int
    reason: str


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
    mapping = Mapping(currency=data.get("currency"))
    for target, rule in (data.get("columns") or {}).items():
        if target not in TARGET_FIELDS:
            raise ShopAssistError(
                f"mapping file {path}: unknown target field '{target}'; use one of: {', '.join(TARGET_FIELDS)}"
            )
        if isinstance(rule, str):
            rule = {"column": rule}
        try:
            parsed = FieldRule(**rule)
        except TypeError as exc:
            raise ShopAssistError(f"mapping file {path}, field '{target}': {exc}") from exc
        if parsed.parse not in PARSERS:
            raise ShopAssistError(
                f"mapping file {path}, field '{target}': unknown parser '{parsed.parse}' (one of {', '.join(PARSERS)})"
            )
        mapping.columns[target] = parsed
    return mapping


def read_rows(path: Path) -> tuple[list[str], Iterator[RawRow | Rejection]]:
    """Columns of the file and an iterator of its rows. Raises ShopAssistError if unreadable."""
    if not path.exists():
        raise ShopAssistError(f"catalog file {path} does not exist")
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


def _decode(path: Path) -> str:
    # errors="replace" keeps the good rows of a file with some invalid UTF-8; rows that carry a
    # replacement character are rejected by line in the readers below.
    return path.read_bytes().decode("utf-8-sig", errors="replace")


def _read_csv(path: Path, delimiter: str) -> tuple[list[str], Iterator[RawRow | Rejection]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # long descriptions are data, not errors
    text = _decode(path)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        columns = [c.strip() for c in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise ShopAssistError(f"catalog file {path}: cannot read the CSV header: {exc}") from exc
    if not columns:
        raise ShopAssistError(f"catalog file {path} has no header row")
    reader.fieldnames = columns

    def rows() -> Iterator[RawRow | Rejection]:
        start = 2
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Rejection(start, f"unreadable CSV row: {exc}")
                start = reader.line_num + 1
                continue
            line, start = start, reader.line_num + 1
            if None in row:  # more cells than header columns
                yield Rejection(line, f"row has {len(columns) + len(row[None])} cells, header has {len(columns)}")
                continue
            if any("\ufffd" in (v or "") for v in row.values()):
                yield Rejection(line, "invalid UTF-8 in row")
                continue
            yield RawRow(line, dict(row))

    return columns, rows()


def _read_jsonl(path: Path) -> tuple[list[str], Iterator[RawRow | Rejection]]:
    lines = _decode(path).splitlines()
    columns: list[str] = []
    for raw in lines:  # the union of keys of the first object that parses gives the columns
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            columns = list(obj)
            break

    def rows() -> Iterator[RawRow | Rejection]:
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            if "\ufffd" in raw:
                yield Rejection(number, "invalid UTF-8 in row")
                continue
            try:
                obj = json.loads(raw)
            except json.JSONDecodeError as exc:
                yield Rejection(number, f"invalid JSON: {exc.msg}")
                continue
            if not isinstance(obj, dict):
                yield Rejection(number, f"expected a JSON object, got {type(obj).__name__}")
                continue
            yield RawRow(number, obj)

    return columns, rows()


def _read_parquet(path: Path) -> tuple[list[str], Iterator[RawRow | Rejection]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        raise ShopAssistError(f"catalog file {path} is not a readable Parquet file: {exc}") from exc
    columns = table.column_names

    def rows() -> Iterator[RawRow | Rejection]:
        # Parquet has no lines; the row number (1-based) plays that part in reports.
        for number, obj in enumerate(table.to_pylist(), start=1):
            yield RawRow(number, obj)

    return columns, rows()
