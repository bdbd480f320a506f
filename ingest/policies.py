"""Store policies and FAQ (Markdown) -> passages -> Chroma collection "policies".

Split by headings first (a passage keeps its section title, which we cite), then by size.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from common.errors import ShopAssistError
from common.models import Embedder, embedder
from common.settings import Settings
from ingest import store

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
    except (OSError, UnicodeDecodeError) as exc:
        raise ShopAssistError(f"cannot read policy file {path}: {exc}") from exc
    sections = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True).split_text(text)
    sizer = RecursiveCharacterTextSplitter(chunk_size=chunk_chars, chunk_overlap=80)
    passages = []
    for doc in sizer.split_documents(sections):
        section = " > ".join(doc.metadata[k] for _, k in HEADERS if k in doc.metadata)
        body = doc.page_content.strip()
        if not body:
            continue
        digest = hashlib.sha256(f"{path.name}|{section}|{body}".encode()).hexdigest()[:16]
        passages.append(Passage(f"{path.stem}-{digest}", path.name, section or path.stem, body))
    return passages


def ingest_policies(settings: Settings, paths: list[Path], embed: Embedder | None = None) -> int:
    """Replace the policies collection with the passages of these files. Returns their count."""
    files: list[Path] = []
    for p in paths:
        files.extend(sorted(p.glob("*.md")) if p.is_dir() else [p])
    if not files:
        raise ShopAssistError(f"no Markdown policy files found in {', '.join(map(str, paths))}")
    passages = [passage for f in files for passage in split_policy(f)]
    coll = store.collection(store.chroma_client(settings), store.POLICIES)
    existing = coll.get(include=[])["ids"]
    if existing:
        coll.delete(ids=existing)
    vectors = (embed or embedder(settings.embedding_model)).encode(
        [f"{p.section}. {p.text}" for p in passages], normalize_embeddings=True
    )
    coll.upsert(
        ids=[p.id for p in passages],
        embeddings=vectors,
        documents=[p.text for p in passages],
        metadatas=[{"source": p.source, "section": p.section} for p in passages],
    )
    return len(passages)
