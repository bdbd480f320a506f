"""Catalog ingest: read -> clean -> embed changed products -> Chroma -> snapshot (+ BM25).

Incremental and restartable: each product carries a content hash. Only new or changed products
are embedded; products gone from the file are removed (unless append). Chroma is written in
whole batches and the snapshot is rebuilt from Chroma at the end, so an ingest interrupted at any
point and run again ends consistent.

Nothing is lost silently: every row read ends in exactly one of accepted, rejected (with its line
and reason) or merged (a duplicate id: the later row wins, and the merged row names it), so
read = accepted + rejected + merged. The audit file (data_dir/audit/) keeps the raw text of
rejected and merged rows, every warning, and the raw value of every field that cleaning changed. One ingest writes a data directory at a time (ingest.lock), and storage
failures are one line each (ingest.store.storage_errors).
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from common.errors import ShopAssistError
from common.language import mostly_chinese
from common.models import MULTILINGUAL, Embedder, embedder
from common.schema import Product
from common.settings import BUNDLED, Settings
from common.text import tokenize
from ingest import store
from ingest.clean import Cleaning, RowError, clean_row, map_row
from ingest.headers import recognised_mapping
from ingest.lock import writer_lock
from ingest.read import RAW_CHARS, RawRow, Rejection, load_mapping, read_rows
from ingest.shards import Place, ProductCollections
from ingest.snapshot import FORMAT_VERSION, fingerprint, read_meta, write_snapshot

log = logging.getLogger(__name__)


@dataclass
class Merge:
    """A row whose id a later row of the file also has: the later row is kept."""

    line: int
    id: str
    kept_line: int
    raw: str | None = None


@dataclass
class IngestReport:
    path: str
    read: int = 0
    accepted: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    merged: list[Merge] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    cleaned: int = 0  # rows whose text cleaning changed (markup, instructions, unsafe URLs)
    seconds: float = 0.0
    audit: list[dict[str, Any]] = field(default_factory=list)  # raw values, for the audit file
    audit_path: str | None = None
    columns: list[str] = field(default_factory=list)  # the file's columns, for an error's how-to-fix

    def summary(self) -> dict:
        out = asdict(self)
        out.pop("columns")
        out["rejected"] = len(self.rejected)
        out["merged"] = len(self.merged)
        out["warnings"] = len(self.warnings)
        out.pop("audit")
        return out


def load_catalog(path: Path, mapping_path: Path | None = None) -> tuple[list[Product], IngestReport]:
    """Read and clean a catalog file: valid products plus a report of every rejected row."""
    report = IngestReport(path=str(path))
    mapping = load_mapping(mapping_path) if mapping_path else None
    columns, rows, notes = read_rows(path)
    report.columns = list(columns)
    report.warnings.extend(notes)
    if mapping is None:  # a file naming fields its own way ("SKU", "Item", "Cost (EUR)")
        mapping, read_as = recognised_mapping(list(columns))
        report.warnings.extend([read_as] if read_as else [])
    elif mapping:
        unknown = sorted(mapping.source_columns() - set(columns))
        if unknown:
            raise ShopAssistError(
                f"mapping {mapping_path} names column(s) {', '.join(map(repr, unknown))} that "
                f"{path} does not have; its columns are: {', '.join(columns)}"
            )
    by_id: dict[str, Product] = {}
    line_of: dict[str, int] = {}
    raw_of: dict[str, str] = {}
    for row in rows:
        report.read += 1
        if isinstance(row, Rejection):
            _reject(report, row)
            continue
        assert isinstance(row, RawRow)
        cleaning = Cleaning()
        try:
            product = clean_row(map_row(row, mapping), cleaning=cleaning)
        except RowError as exc:
            _reject(report, Rejection(row.line, str(exc), _raw_json(row.values)))
            continue
        except Exception as exc:  # one odd value must not stop the ingest: the row goes, with its reason
            log.debug("line %d could not be cleaned", row.line, exc_info=True)
            reason = f"could not be cleaned ({type(exc).__name__}: {str(exc)[:120]})"
            _reject(report, Rejection(row.line, reason, _raw_json(row.values)))
            continue
        if cleaning.changes:
            report.cleaned += 1
            report.audit.extend({"line": row.line, "id": product.id, **change} for change in cleaning.changes)
        report.warnings.extend(f"line {row.line}: {w}" for w in cleaning.warnings)
        if product.id in by_id:
            earlier = Merge(line_of[product.id], product.id, row.line, raw_of[product.id])
            report.merged.append(earlier)
            report.audit.append(
                {
                    "line": earlier.line,
                    "id": earlier.id,
                    "merged": f"duplicate id; line {row.line} kept",
                    "kept_line": row.line,
                    "raw": earlier.raw,
                }
            )
            report.warnings.append(
                f"line {row.line}: duplicate id {product.id!r} (also line {earlier.line}); keeping the later row"
            )
            del by_id[product.id]  # re-insert so the order follows the kept row
        if len(product.description) >= 5000:
            report.warnings.append(f"line {row.line}: description of {product.id!r} truncated")
        by_id[product.id] = product
        line_of[product.id] = row.line
        raw_of[product.id] = _raw_json(row.values)
    products = list(by_id.values())
    report.warnings.extend(near_duplicate_titles(products, line_of))
    report.accepted = len(products)
    report.audit.extend({"warning": w} for w in report.warnings)
    unaccounted = report.read - report.accepted - len(report.rejected) - len(report.merged)
    assert unaccounted == 0, f"{unaccounted} rows of {path} neither accepted, rejected nor merged"
    return products, report


def _reject(report: IngestReport, rejection: Rejection) -> None:
    report.rejected.append(rejection)
    report.audit.append({"line": rejection.line, "rejected": rejection.reason, "raw": rejection.raw})


def _raw_json(values: dict[str, Any]) -> str:
    return json.dumps(values, ensure_ascii=False, default=str)[:RAW_CHARS]


def write_audit(settings: Settings, report: IngestReport) -> Path | None:
    """data_dir/audit/ingest-<time>-<file>.jsonl: one line per rejected and per merged row (its raw
    text), per field that cleaning changed (raw and clean value) and per warning. None when there
    is nothing to keep."""
    if not report.audit:
        return None
    folder = settings.data_dir / "audit"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = folder / f"ingest-{stamp}-{Path(report.path).stem[:60]}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for entry in report.audit:
            f.write(json.dumps({"file": report.path, **entry}, ensure_ascii=False) + "\n")
    return path


def near_duplicate_titles(products: list[Product], line_of: dict[str, int]) -> list[str]:
    """Flag products whose titles are the same words (order, case, punctuation aside)."""
    groups: dict[tuple[str, ...], list[Product]] = defaultdict(list)
    for p in products:
        groups[tuple(sorted(tokenize(p.title)))].append(p)
    warnings = []
    for group in groups.values():
        if len(group) > 1:
            listed = ", ".join(f"{p.id!r} (line {line_of[p.id]})" for p in group)
            warnings.append(f"near-duplicate titles: {listed}")
    return warnings


REQUIRED_FIELDS = ("id", "title")


def _missing_field_hint(report: IngestReport, mapping_path: Path | None) -> str:
    """How to fix a catalog whose every row lacks a required field: its id or title column has
    another name ("sku", "name") that a mapping must point at."""
    missing = [f for f in REQUIRED_FIELDS if all(r.reason == f"missing {f}" for r in report.rejected)]
    if not report.rejected or not missing or mapping_path is not None:
        return ""
    return (
        f". Every row lacks a{'n' if missing[0] == 'id' else ''} {missing[0]}: the file's columns are "
        f"{', '.join(report.columns) or '(none)'}; rename the columns to {' and '.join(REQUIRED_FIELDS)}, "
        "or map yours with --mapping FILE.yaml (for example ingest/mappings/flipkart.yaml)"
    )


def ingest_catalog(
    settings: Settings,
    path: Path,
    mapping_path: Path | None = None,
    append: bool = False,
    progress: bool = True,
    embed: Embedder | None = None,
) -> IngestReport:
    """Read, clean and index a catalog file; `embed` replaces the configured embedding model
    (tests pass a small deterministic one; set `settings.embedding_model` to name it)."""
    start = time.perf_counter()
    products, report = load_catalog(path, mapping_path)
    if not products:
        raise ShopAssistError(
            f"nothing could be ingested from {path}: {len(report.rejected)} of {report.read} rows "
            "rejected"
            + (f" (first: line {report.rejected[0].line}: {report.rejected[0].reason})" if report.rejected else "")
            + _missing_field_hint(report, mapping_path)
        )
    if embed is None:
        settings = settings.model_copy(update={"embedding_model": embedding_model_for(settings, products)})
    with store.storage_errors(settings), writer_lock(settings):
        audit = write_audit(settings, report)
        report.audit_path = str(audit) if audit else None
        _index(settings, products, report, append, progress, embed)
    report.seconds = round(time.perf_counter() - start, 3)
    return report


def _index(
    settings: Settings,
    products: list[Product],
    report: IngestReport,
    append: bool,
    progress: bool,
    embed: Embedder | None,
) -> None:
    """Embed new and changed products into Chroma, remove gone ones, rebuild the snapshot.

    Products live in one collection or one per category (`shard_by`, ingest/shards.py); a stored
    product not where the settings now put it (the layout or the server list changed) is moved
    with its stored vector, and its old copy removed after the new one is written."""
    collections = ProductCollections(settings)
    model_name = index_tag(settings)

    copies = collections.stored()
    if any(c.meta.get("embed_model") != model_name for found in copies.values() for c in found):
        # Another embedding model (or indexed text) made these vectors: every one is redone, and
        # a new model's vectors may have another length, which one Chroma collection cannot mix.
        log.info("the index was built with another embedding model; re-embedding every product")
        collections.clear()
        copies = {pid: [] for pid in copies}  # still counted as updated, not added
    todo, moves = [], []
    for p in products:
        found = copies.get(p.id)
        if found is None:
            report.added += 1
            todo.append(p)
            continue
        here = [c for c in found if c.place == collections.place_of(p)]
        copy = (here or found or [None])[0]
        if (
            copy is None
            or copy.meta.get("content_hash") != p.content_hash
            or copy.meta.get("embed_model") != model_name
        ):
            report.updated += 1
            todo.append(p)
        else:
            report.unchanged += 1
            if not here:
                moves.append(p)
    current = {p.id: collections.place_of(p) for p in products}
    if append:  # stored products this file does not name stay, and go where the layout puts them
        for pid, found in copies.items():
            if pid not in current and found:
                current[pid] = collections.place_for(found[0].meta.get("category", "").split(" > "))
                if all(c.place != current[pid] for c in found):
                    moves.append(Product.model_validate_json(found[0].meta["record"]))
    collections.move(moves, copies)

    if todo:
        model = embed or embedder(settings.embedding_model)
        # One Chroma write per 16 encode batches: big enough for sentence-transformers' length
        # sorting to pay off, small enough that an interrupted ingest loses little work.
        batch = settings.embedding_batch_size * 16
        with tqdm(total=len(todo), desc="embedding", unit="product", disable=not progress) as bar:
            for i in range(0, len(todo), batch):
                chunk = todo[i : i + batch]
                vectors = model.encode(
                    [p.index_text() for p in chunk],
                    batch_size=settings.embedding_batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                )
                # No documents: search reads text from the snapshot, and Chroma would build a
                # full-text index over them that nothing uses.
                collections.upsert(chunk, vectors, [store.product_metadata(p, model_name) for p in chunk])
                bar.update(len(chunk))

    gone = set() if append else {pid for pid in copies if pid not in current}
    stale: dict[Place, list[str]] = defaultdict(list)  # copies not where the product now lives
    for pid, found in copies.items():
        for c in found:
            if pid in gone or (pid in current and c.place != current[pid]):
                stale[c.place].append(pid)
    collections.delete(stale)
    collections.drop_empty(keep=set(current.values()))
    report.removed = len(gone)

    rebuild_snapshot(settings, collections, expect=None if append else {p.id: p.content_hash for p in products})


def embedding_model_for(settings: Settings, products: list[Product]) -> str:
    """The configured embedding model, except that a catalog written mostly in Chinese gets the
    multilingual one when the (English) default is configured: MiniLM cannot read Chinese."""
    if settings.embedding_model == BUNDLED and mostly_chinese([p.title for p in products]):
        log.info("the catalog is written in Chinese: embedding with the multilingual model")
        return MULTILINGUAL
    return settings.embedding_model


def index_tag(settings: Settings) -> str:
    """What a stored vector was made with: the model and the version of the indexed text.

    Stored with every product; a different tag means re-embed, so changing the model or bumping
    FORMAT_VERSION (when index text or tokenisation change) re-indexes everything.
    """
    return f"{settings.embedding_model}|v{FORMAT_VERSION}"


def rebuild_snapshot(settings: Settings, collections: ProductCollections, expect: dict[str, str] | None = None) -> None:
    """Write the search snapshot from Chroma, unless the one on disk already matches."""
    model_name = index_tag(settings)
    meta = read_meta(settings.index_dir)
    if expect is not None and meta and meta.get("fingerprint") == fingerprint(expect, model_name):
        return
    # Records stay JSON text and vectors float32 rows until written: a million products as
    # pydantic objects and lists of Python floats would take ~15 GB, this ~3 GB.
    ids: list[str] = []
    records: list[str] = []
    vectors: list[np.ndarray] = []
    for item in collections.iter_records(include=["metadatas", "embeddings"]):
        ids.append(item["id"])
        records.append(item["metadatas"]["record"])
        vectors.append(np.asarray(item["embeddings"], dtype=np.float32))
    # A stable order (by id) keeps snapshots of the same catalog identical across runs.
    order = sorted(range(len(ids)), key=ids.__getitem__)
    matrix = np.asarray([vectors[i] for i in order], dtype=np.float32).reshape(len(order), -1)
    del vectors
    products = (Product.model_validate_json(records[i]) for i in order)
    write_snapshot(settings.index_dir, products, matrix, model_name)
