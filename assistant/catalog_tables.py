"""Search tables: what filter-first search and the query parser need of every product, as arrays.

Built once per snapshot in one streamed pass over its records and written beside it
(`index/tables/`, keyed by the snapshot's fingerprint), then memory-mapped at every start. A
request looks phrases up in sorted key arrays instead of looping over products in Python, and a
start reads arrays instead of parsing a million records: at 1M products the old per-start
build took 22 minutes and the per-turn phrase checks hundreds of milliseconds (issue 21).

Phrase postings are keyed by a 64-bit hash of the phrase's words. Each product contributes
every phrase that `constraints.names_type` would accept for it (up to MAX_TYPE_WORDS words),
every one- and two-word run of its attribute terms, and the first words of its title; longer
phrases are checked against the records of the rows that hold their leading part. The recorded
specifications (`assistant.recorded`) are read in the same pass: their value phrases go into the
vocabulary, and the rows recording each specification key into postings of their own.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import shutil
import tempfile
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.constraints import attribute_nodes, head_words, is_titled, modified_later, type_segments
from assistant.recorded import Recorded, RecordedAttributes, RecordedScan
from common.schema import AUDIENCES, Product
from common.text import AUDIENCE_WORDS, COLOURS, normalise_colour, terms, tokenize
from ingest.snapshot import Snapshot

log = logging.getLogger(__name__)

TABLES_VERSION = 14  # 2: output filter, kind_code, Chinese separators; 3: title heads; 4: kind heads; 5: links;
# 6: a kind head later in a category node ('material'); 7: a category leaf that is the title cut short;
# 8: only a leaf that is the title's opening, cut, is such a copy; 9: the recorded attributes;
# 10: a category node listing kinds side by side holds no attribute; 11: irregular and "-ie" plurals (common/text.py);
# 12: yes/no specifications as flags; 13: a listing node above a title-copy leaf, where the title names a kind;
# 14: ... a kind the listing does not name
TABLES_DIR = "tables"
MAX_TYPE_WORDS = 4  # product-type phrases are at most four words in the catalogs we have
MAX_ATTRIBUTE_WORDS = 2  # longer attribute phrases are checked on the rows holding all their pairs
MAX_PREFIX_WORDS = 4  # brands named at the start of a title ("van heusen", "tommy hilfiger")

LISTING_SEPARATORS = re.compile(r"\s*(?:&|,|/|\band\b|及|、|与|和)\s*", re.I)
COLOUR_BITS = {c: i for i, c in enumerate(dict.fromkeys(normalise_colour(c) for c in COLOURS))}
AUDIENCE_BITS = {a: i for i, a in enumerate(AUDIENCES)}
# kind_code: the top category node ("kind of product"), coded in order of first appearance.
COLUMNS = ("price", "rating", "in_stock", "colour_mask", "audience_mask", "brand_code", "kind_code")


@lru_cache(maxsize=1 << 18)
def phrase_key(phrase: str) -> int:
    """A stable 64-bit key for a phrase (words joined by single spaces)."""
    return int.from_bytes(hashlib.blake2b(phrase.encode(), digest_size=8).digest(), "little", signed=True)


def words_key(words: Sequence[str]) -> int:
    return phrase_key(" ".join(words))


def bits(values: Iterable[str], table: dict[str, int]) -> int:
    mask = 0
    for v in values:
        if v in table:
            mask |= 1 << table[v]
    return mask


def type_phrases(segments: list[list[str]]) -> set[str]:
    """Every phrase of up to MAX_TYPE_WORDS words that `constraints.names_type` accepts for
    these segments: an occurrence before the purpose ("... for 6 watches"), not followed by
    another product-type head ("watch box" is a box) nor, in a title, by one later on."""
    found: set[str] = set()
    for k, words in enumerate(segments):
        found |= _segment_type_phrases(tuple(words), k == 0 or is_titled(words, segments[0]))
    return found


@lru_cache(maxsize=1 << 16)  # category nodes repeat across thousands of products
def _segment_type_phrases(words: tuple[str, ...], titled: bool) -> frozenset[str]:
    heads = head_words()
    end = len(words)
    for i, w in enumerate(words):  # `constraints._purpose_start`
        if w == "for" and any(x in heads for x in words[:i]):
            end = i
            break
    found = set()
    for n in range(1, MAX_TYPE_WORDS + 1):
        for i in range(min(len(words) - n + 1, end)):
            if (i + n == len(words) or words[i + n] not in heads) and not modified_later(words, i + n, end, titled):
                found.add(" ".join(words[i : i + n]))
    return frozenset(found)


def attribute_phrases(product: Product) -> set[str]:
    """Every run of up to MAX_ATTRIBUTE_WORDS of `constraints.attribute_terms`: the title's
    runs, the rest's (category, material, specifications: shared by many products, cached)
    and the pair across the join."""
    title = terms(product.title)
    rest = terms(" | ".join([*attribute_nodes(product), product.material or "", *product.attributes.values()]))
    found = set(_runs(tuple(title))) | _runs(tuple(rest))
    if title and rest:
        found.add(f"{title[-1]} {rest[0]}")
    return found


@lru_cache(maxsize=1 << 14)
def _runs(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        " ".join(words[i : i + n]) for n in range(1, MAX_ATTRIBUTE_WORDS + 1) for i in range(len(words) - n + 1)
    )


def title_prefixes(title: str) -> set[str]:
    """What `title.lower().startswith(b + " ")` can match: the first k space-separated parts."""
    parts = title.lower().split(" ")
    return {" ".join(parts[:k]) for k in range(1, min(MAX_PREFIX_WORDS, len(parts) - 1) + 1)}


@dataclass
class Postings:
    """Phrase key -> sorted rows, as three arrays (compressed sparse rows)."""

    keys: np.ndarray  # int64, sorted, unique
    starts: np.ndarray  # int64, len(keys) + 1
    rows: np.ndarray  # int32

    def _span(self, key: int) -> tuple[int, int]:
        i = int(np.searchsorted(self.keys, key))
        if i < len(self.keys) and self.keys[i] == key:
            return int(self.starts[i]), int(self.starts[i + 1])
        return 0, 0

    def rows_of(self, key: int) -> np.ndarray:
        start, end = self._span(key)
        return self.rows[start:end].astype(np.int64)

    def count(self, key: int) -> int:
        start, end = self._span(key)
        return end - start

    def save(self, folder: Path, name: str) -> None:
        for part in ("keys", "starts", "rows"):
            np.save(folder / f"{name}.{part}.npy", getattr(self, part))

    @classmethod
    def load(cls, folder: Path, name: str) -> Postings:
        # Plain array views of the maps: slicing a np.memmap costs a subclass object each time.
        parts = (
            np.asarray(np.load(folder / f"{name}.{part}.npy", mmap_mode="r")) for part in ("keys", "starts", "rows")
        )
        return cls(*parts)


class _PostingsBuilder:
    """Collects (key, row) pairs in C arrays: a million products hold tens of millions."""

    def __init__(self) -> None:
        self.keys = array("q")
        self.rows = array("i")

    def add(self, row: int, phrases: Iterable[str]) -> None:
        keys = [phrase_key(p) for p in phrases]
        self.keys.extend(keys)
        self.rows.extend([row] * len(keys))

    def finish(self) -> Postings:
        keys = np.frombuffer(self.keys, dtype=np.int64)
        rows = np.frombuffer(self.rows, dtype=np.int32)
        order = np.argsort(keys, kind="stable")  # rows were added in order: they stay sorted
        keys, rows = keys[order], rows[order]
        del order
        if not len(keys):  # a catalog with no phrase of this kind (one product, no brand...)
            return Postings(keys, np.zeros(1, dtype=np.int64), rows)
        starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        return Postings(keys[starts], np.append(starts, len(keys)).astype(np.int64), rows)


@lru_cache(maxsize=1 << 12)  # variants of one product share their description
def _description_words(text: str) -> frozenset[str]:
    return frozenset(tokenize(text))


def _mostly_in(words: list[str], title_words: set[str]) -> bool:
    return bool(words) and sum(w in title_words for w in words) / len(words) >= 0.6


def _path_brand(p: Product) -> str | None:
    """A brand read from the category tree for a product with an empty brand field: a node that
    is its parent with a prefix ("Wrist Watches > Skmei Wrist Watches"), where the title starts
    with that prefix too, names the brand ("skmei"). Catalogs exported from marketplaces often
    file products so while leaving the brand column empty."""
    if p.brand:
        return None
    title = " ".join(tokenize(p.title))
    for parent, node in zip(p.category, p.category[1:], strict=False):
        head, words = tokenize(parent), tokenize(node)
        if head and len(words) > len(head) and words[-len(head) :] == head:
            prefix = " ".join(words[: -len(head)])
            named = [w for w in words[: -len(head)] if not w.isdigit() and w not in AUDIENCE_WORDS and w != "for"]
            if named and title.startswith(prefix + " "):
                return prefix
    return None


class RowOf:
    """Product id -> row, by binary search over the sorted ids (no million-entry dict)."""

    def __init__(self, ids: np.ndarray, rows: np.ndarray):
        self.ids, self.rows = ids, rows

    def get(self, pid: str, default: int | None = None) -> int | None:
        i = int(np.searchsorted(self.ids, pid))
        return int(self.rows[i]) if i < len(self.ids) and self.ids[i] == pid else default

    def __contains__(self, pid: object) -> bool:
        return isinstance(pid, str) and self.get(pid) is not None

    def __getitem__(self, pid: str) -> int:
        row = self.get(pid)
        if row is None:
            raise KeyError(pid)
        return row

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class Tables:
    count: int
    columns: dict[str, np.ndarray]
    row_of: RowOf
    type_postings: Postings
    attribute_postings: Postings
    title_prefixes: Postings
    brand_names: list[str]
    currency: str
    word_counts: Counter[str]
    category_phrases: set[tuple[str, ...]]
    recorded_phrases: dict[str, Recorded]  # what a shopper may say -> the specification value
    recorded_keys: Postings  # specification key phrase -> rows that record it
    flag_phrases: dict[str, str]  # what a shopper may say -> the yes/no specification key

    def recorded(self) -> RecordedAttributes:
        """The specification values the shop records, looked up in these tables."""
        return RecordedAttributes(
            self.recorded_phrases, lambda key: self.recorded_keys.rows_of(phrase_key(key)), self.flag_phrases
        )


def build_tables(products: Iterable[Product]) -> Tables:
    """One streamed pass over the records: columns, postings and the parser's vocabulary."""
    cols: dict[str, array] = {name: array("d" if name in ("price", "rating") else "q") for name in COLUMNS}
    ids: list[str] = []
    brand_seen: dict[str, int] = {}
    kind_seen: dict[str, int] = {}
    path_brands: set[str] = set()
    types, attrs, prefixes, recorded_keys = (_PostingsBuilder() for _ in range(4))
    recorded = RecordedScan()
    words: Counter[str] = Counter()
    currencies: Counter[str] = Counter()
    leaf_counts: Counter[str] = Counter()
    paths: dict[tuple[str, ...], bool] = {}  # category path -> its leaf repeats a title
    for row, p in enumerate(products):
        ids.append(p.id)
        cols["price"].append(np.nan if p.price is None else p.price)
        cols["rating"].append(np.nan if p.rating is None else p.rating)
        cols["in_stock"].append(int(p.in_stock))
        cols["colour_mask"].append(bits(p.colours, COLOUR_BITS))
        cols["audience_mask"].append(bits(p.audience, AUDIENCE_BITS))
        brand = (p.brand or "").lower()
        cols["brand_code"].append(brand_seen.setdefault(brand, len(brand_seen)) if brand else -1)
        kind = p.category[0].lower() if p.category else ""
        cols["kind_code"].append(kind_seen.setdefault(kind, len(kind_seen)))
        if found := _path_brand(p):
            path_brands.add(found)
        currencies[p.currency] += 1
        types.add(row, type_phrases(type_segments(p)))
        attrs.add(row, attribute_phrases(p))
        prefixes.add(row, title_prefixes(p.title))
        recorded_keys.add(row, recorded.add(row, p))
        words.update(tokenize(f"{p.title} {' '.join(p.category)} {p.brand or ''}"))
        words.update(_description_words(p.description[:1000]))
        if p.category:
            path = tuple(p.category)
            leaf = path[-1].lower()
            leaf_counts[leaf] += 1
            repeats = len(path) > 2 and _mostly_in(terms(leaf), set(terms(p.title)))
            paths[path] = paths.get(path, False) or repeats
    brand_names = sorted(set(brand_seen) | path_brands)
    code_of = {name: i for i, name in enumerate(brand_names)}
    remap = np.full(len(brand_seen) + 1, -1, dtype=np.int64)  # the last slot maps -1 (no brand)
    for name, seen in brand_seen.items():
        remap[seen] = code_of[name]
    columns = {
        "price": np.frombuffer(cols["price"], dtype=np.float64).copy(),
        "rating": np.frombuffer(cols["rating"], dtype=np.float64).copy(),
        "in_stock": np.frombuffer(cols["in_stock"], dtype=np.int64).astype(bool),
        "colour_mask": np.frombuffer(cols["colour_mask"], dtype=np.int64).copy(),
        "audience_mask": np.frombuffer(cols["audience_mask"], dtype=np.int64).copy(),
        "brand_code": remap[np.frombuffer(cols["brand_code"], dtype=np.int64)],
        "kind_code": np.frombuffer(cols["kind_code"], dtype=np.int64).copy(),
    }
    id_array = np.array(ids)
    order = np.argsort(id_array, kind="stable")
    return Tables(
        count=len(ids),
        columns=columns,
        row_of=RowOf(id_array[order], order.astype(np.int64)),
        type_postings=types.finish(),
        attribute_postings=attrs.finish(),
        title_prefixes=prefixes.finish(),
        brand_names=brand_names,
        currency=currencies.most_common(1)[0][0] if currencies else "USD",
        word_counts=words,
        category_phrases=_category_phrases(paths, leaf_counts),
        recorded_phrases=recorded.phrases(),
        recorded_keys=recorded_keys.finish(),
        flag_phrases=recorded.flags(),
    )


def _category_phrases(paths: dict[tuple[str, ...], bool], leaf_counts: Counter[str]) -> set[tuple[str, ...]]:
    """Category path nodes as term tuples ("sports shoe",): the catalog's own product types."""
    phrases = set()
    for nodes, repeats in paths.items():
        # Some catalogs (Flipkart) end the path with the product's own name: not a type. Such a
        # leaf names one product only and mostly repeats its title.
        if repeats and leaf_counts[nodes[-1].lower()] == 1:
            nodes = nodes[:-1]
        for node in nodes:
            # A listing node names each of its kinds too: "Face Creams & Moisturisers" holds
            # "face cream" and "moisturiser".
            for part in [node, *LISTING_SEPARATORS.split(node)]:
                t = tuple(terms(part))
                if 0 < len(t) <= 4:
                    phrases.add(t)
    return phrases


# -- on disk ---------------------------------------------------------------------------------
def save_tables(tables: Tables, folder: Path) -> None:
    for name, values in tables.columns.items():
        np.save(folder / f"{name}.npy", values)
    np.save(folder / "ids.npy", tables.row_of.ids)
    np.save(folder / "id_rows.npy", tables.row_of.rows)
    tables.type_postings.save(folder, "types")
    tables.attribute_postings.save(folder, "attributes")
    tables.title_prefixes.save(folder, "prefixes")
    tables.recorded_keys.save(folder, "recorded_keys")
    vocabulary = {
        "brand_names": tables.brand_names,
        "currency": tables.currency,
        "word_counts": dict(tables.word_counts),
        "category_phrases": sorted(tables.category_phrases),
        # in the order built: a value's "value tail" alias never replaces a value of that name
        "recorded": [[phrase, e.value, sorted(e.keys)] for phrase, e in tables.recorded_phrases.items()],
        "flags": tables.flag_phrases,
    }
    (folder / "vocabulary.json").write_text(json.dumps(vocabulary, ensure_ascii=False))


def load_saved(folder: Path, count: int) -> Tables:
    vocabulary = json.loads((folder / "vocabulary.json").read_text())
    return Tables(
        count=count,
        columns={name: np.load(folder / f"{name}.npy") for name in COLUMNS},
        row_of=RowOf(
            np.asarray(np.load(folder / "ids.npy", mmap_mode="r")),
            np.asarray(np.load(folder / "id_rows.npy", mmap_mode="r")),
        ),
        type_postings=Postings.load(folder, "types"),
        attribute_postings=Postings.load(folder, "attributes"),
        title_prefixes=Postings.load(folder, "prefixes"),
        brand_names=vocabulary["brand_names"],
        currency=vocabulary["currency"],
        word_counts=Counter(vocabulary["word_counts"]),
        category_phrases={tuple(p) for p in vocabulary["category_phrases"]},
        recorded_phrases={p: Recorded(value, frozenset(keys)) for p, value, keys in vocabulary["recorded"]},
        recorded_keys=Postings.load(folder, "recorded_keys"),
        flag_phrases=vocabulary["flags"],
    )


def _stamp(snapshot: Snapshot) -> dict:
    return {"version": TABLES_VERSION, "fingerprint": snapshot.meta.get("fingerprint"), "count": len(snapshot.products)}


def tables_for(snapshot: Snapshot) -> Tables:
    """The snapshot's tables: read from `index/tables/` when they match it, else built (one pass
    over the records) and written there for the next start. A read-only index keeps them in
    memory only."""
    folder = snapshot.path / TABLES_DIR
    stamp_file = folder / "stamp.json"
    if stamp_file.is_file() and json.loads(stamp_file.read_text()) == _stamp(snapshot):
        return load_saved(folder, len(snapshot.products))
    tables = build_tables(snapshot.products)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f"{TABLES_DIR}.tmp-", dir=snapshot.path))
    except OSError as exc:
        log.warning("search tables not saved beside %s (%s); they are rebuilt on every start", snapshot.path, exc)
        return tables
    try:
        save_tables(tables, tmp)
        (tmp / "stamp.json").write_text(json.dumps(_stamp(snapshot)))
        shutil.rmtree(folder, ignore_errors=True)
        tmp.rename(folder)
    except OSError as exc:  # another process saved them first, or the disk is full: ours stay in memory
        log.info("search tables not saved (%s)", exc)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return tables
