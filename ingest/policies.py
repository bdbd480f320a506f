"""Store policies and FAQ (Markdown) -> passages -> Chroma collection "policies".

Split by headings first (a passage keeps its section title, which we cite), then by size.
A policy folder may hold translations in a folder named by the language's code (`zh/returns.md`
beside `returns.md`): the same headings in the same order, one for one. Each translated section
is stored whole in "policy_translations" beside the original section it translates, so a shopper
writing that language is quoted the shop's own translation of the clause that answers.
Policy documents are untrusted like catalog text (common/untrusted.py): each passage becomes
plain text (lists and paragraphs kept; HTML, links, images and emphasis marks removed) and loses
sentences that speak to the assistant rather than to a customer.
"""

from __future__ import annotations

import hashlib
import logging
import re
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
LANGUAGE_CODE = re.compile(r"[a-z]{2}(?:-[A-Za-z]{2,4})?")  # a translations folder: zh, pt-BR, zh-Hant


@dataclass
class Passage:
    id: str
    source: str  # file name
    section: str  # "Returns > Refund timing"
    text: str


def _read(path: Path) -> str:
    """A policy file's text, or one clear error naming the file."""
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ShopAssistError(
            f"policy file {path} is not UTF-8 ({exc.reason} at byte {exc.start}); save it as UTF-8"
        ) from exc
    except OSError as exc:
        raise ShopAssistError(f"cannot read policy file {path}: {exc.strerror or exc}") from exc


def split_policy(path: Path, chunk_chars: int = 800) -> list[Passage]:
    text = _read(path)
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


@dataclass
class Translation:
    """One section of a policy in another language, beside the original section."""

    id: str
    language: str  # "zh"
    source: str  # the original's file name ("returns.md")
    section: str  # the original's section, as its passages cite it
    title: str  # the section's title in the translation
    original: str  # the original section's text, whole
    text: str  # the translated section's text, whole


def _sections(path: Path) -> list[tuple[str, str]]:
    """(section, plain text) of each heading's section of a policy file, whole, in order."""
    text = _read(path)
    out = []
    for doc in MarkdownHeaderTextSplitter(HEADERS, strip_headers=True).split_text(text):
        section = plain_text(" > ".join(doc.metadata[k] for _, k in HEADERS if k in doc.metadata), keep_urls=False)
        out.append((section or path.stem, _clean_passage(doc.page_content, f"{path.name} ({section or path.stem})")))
    return out


def translations_of(original: Path, translated: Path, language: str) -> list[Translation]:
    """The sections of `translated` paired one for one with those of `original`. A translation
    whose sections do not pair with the original's is a mistake in the shop's files: a clear
    error, nothing stored."""
    ours, theirs = _sections(original), _sections(translated)
    if len(ours) != len(theirs):
        raise ShopAssistError(
            f"policy translation {translated} has {len(theirs)} sections and {original} has {len(ours)}: "
            "a translation keeps the original's headings, one for one and in the same order"
        )
    out = []
    for (section, text), (title, body) in zip(ours, theirs, strict=True):
        digest = hashlib.sha256(f"{language}|{original.name}|{section}".encode()).hexdigest()[:16]
        out.append(
            Translation(f"{language}-{original.stem}-{digest}", language, original.name, section, title, text, body)
        )
    return out


def _translations(folders: list[Path], files: list[Path]) -> list[Translation]:
    """The translations beside the policy files: `<folder>/<language>/<same name>`. In a folder
    given whole, a translation with no original is a misnamed file: a clear error."""
    out: list[Translation] = []
    for original in files:
        for sub in _language_folders(original.parent):
            if (sub / original.name).is_file():
                out += translations_of(original, sub / original.name, sub.name)
    for folder in folders:
        for sub in _language_folders(folder):
            for translated in sorted(sub.glob("*.md")):
                if not (folder / translated.name).is_file():
                    raise ShopAssistError(
                        f"policy translation {translated} has no original {folder / translated.name}: "
                        "name it as the policy it translates"
                    )
    return out


def _language_folders(folder: Path) -> list[Path]:
    return sorted(d for d in folder.iterdir() if d.is_dir() and LANGUAGE_CODE.fullmatch(d.name))


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
    translated = _translations([p for p in paths if p.is_dir()], files)
    with store.storage_errors(settings), writer_lock(settings):
        _store_passages(settings, passages, embed)
        _store_translations(settings, translated, embed)
    if translated:
        log.info(
            "policies: %d translated sections (%s)",
            len(translated),
            ", ".join(sorted({t.language for t in translated})),
        )
    return len(passages)


def _store_translations(settings: Settings, translated: list[Translation], embed: Embedder | None) -> None:
    """Replace the translations collection. Chroma stores a vector with every record: the
    original section's, so the records sit where the passages they translate do."""
    vectors = (
        (embed or embedder(indexed_embedding_model(settings))).encode(
            [f"{t.section}. {t.original}" for t in translated], normalize_embeddings=True
        )
        if translated
        else []
    )
    client = store.chroma_client(settings)
    if _exists(client, store.POLICY_TRANSLATIONS):  # the policies changed: their old translations go
        client.delete_collection(store.POLICY_TRANSLATIONS)
    if not translated:
        return
    coll = store.collection(client, store.POLICY_TRANSLATIONS)
    coll.upsert(
        ids=[t.id for t in translated],
        embeddings=vectors,
        documents=[t.text for t in translated],
        metadatas=[
            {"language": t.language, "source": t.source, "section": t.section, "title": t.title, "original": t.original}
            for t in translated
        ],
    )


def _exists(client, name: str) -> bool:
    return name in {getattr(c, "name", c) for c in client.list_collections()}


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
