"""Store policies and FAQ (Markdown) -> passages -> Chroma collection "policies".

Split by headings first (a passage keeps its section title, which we cite), then by size.
Policy documents are untrusted like catalog text (common/untrusted.py): each passage becomes
plain text (lists and paragraphs kept; HTML, links, images and emphasis marks removed) and loses
sentences that speak to the assistant rather than to a customer.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from common.errors import ShopAssistError
from common.models import Embedder, embedder
from common.settings import Settings
from common.untrusted import plain_text, without_instructions
from ingest import store
from ingest.lock import writer_lock
from ingest.snapshot import indexed_embedding_model

log = logging.getLogger(__name__)

HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]


@dataclass
class Passage:
    id: str
    source: str  # file name
    section: str  # "Returns > Refund timing"
    text: str


def split_policy(path: Path, chunk_chars: int = 800) -> list[Passage]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ShopAssistError(
            f"policy file {path} is not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from exc
    except OSError as exc:
        raise ShopAssistError(f"cannot read policy file {path}: {exc.strerror or exc}") from exc
    sections = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True).split_text(text)
    sizer = RecursiveCharacterTextSplitter(chunk_size=chunk_chars, chunk_overlap=80)
    passages = []
    for doc in sizer.split_documents(sections):
        section = plain_text(" > ".join(doc.metadata[k] for _, k in HEADERS if k in doc.metadata), keep_urls=False)
        body = _clean_passage(doc.page_content, f"{path.name} ({section or path.stem})")
        if not body:
            continue
        digest = hashlib.sha256(f"{path.name}|{section}|{body}".encode()).hexdigest()[:16]
        passages.append(Passage(f"{path.stem}-{digest}", path.name, section or path.stem, body))
    return passages


def _clean_passage(text: str, where: str) -> str:
    """Plain text, line by line (lists stay lists), without instruction-like sentences."""
    lines = []
    for line in plain_text(text, multiline=True).split("\n"):
        kept, removed = without_instructions(line)
        if removed:
            log.warning("policy %s: removed %d instruction-like sentence(s) (%s)", where, len(removed), removed[0])
        if kept or not line.strip():
            lines.append(kept)
    return "\n".join(lines).strip()


def ingest_policies(settings: Settings, paths: list[Path], embed: Embedder | None = None) -> int:
    """Replace the policies collection with the passages of these files. Returns their count."""
    files: list[Path] = []
    for p in paths:
        if not p.exists():
            raise ShopAssistError(f"policy path {p} does not exist")
        files.extend(sorted(p.glob("*.md")) if p.is_dir() else [p])
    if not files:
        raise ShopAssistError(f"no Markdown policy files found in {', '.join(map(str, paths))}")
    passages = [passage for f in files for passage in split_policy(f)]
    if not passages:
        raise ShopAssistError(f"the policy files in {', '.join(map(str, paths))} hold no text")
    with store.storage_errors(settings), writer_lock(settings):
        _store_passages(settings, passages, embed)
    return len(passages)


def _store_passages(settings: Settings, passages: list[Passage], embed: Embedder | None) -> None:
    # Encode first: a failing model must not leave the collection emptied.
    vectors = (embed or embedder(indexed_embedding_model(settings))).encode(
        [f"{p.section}. {p.text}" for p in passages], normalize_embeddings=True
    )
    client = store.chroma_client(settings)
    coll = store.collection(client, store.POLICIES)
    if coll.count():
        # A fresh collection rather than deleted ids: another embedding model's vectors may have
        # another length, which one Chroma collection cannot mix.
        client.delete_collection(store.POLICIES)
        coll = store.collection(client, store.POLICIES)
    coll.upsert(
        ids=[p.id for p in passages],
        embeddings=vectors,
        documents=[p.text for p in passages],
        metadatas=[{"source": p.source, "section": p.section} for p in passages],
    )
