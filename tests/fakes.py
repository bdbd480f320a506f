"""Test doubles for the two models, in the spirit of simonw/llm's MockModel.

`ScriptedBackend` is an LLM backend that streams given replies (or fails as told), so tests of
the core can assert exact text; `HashEmbedder` is a small deterministic embedder (hashed bag of
words), so indexing and search run without loading MiniLM. Both satisfy the same protocols as
the real parts (`assistant.backends.Backend`, `common.models.Embedder`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from assistant.backends import BackendError, Sampling
from common.text import terms

FAKE_EMBEDDING = "hash-embedder"  # the settings.embedding_model name for indexes built with it


class HashEmbedder:
    """Each term (and term bigram) adds a signed unit at a hashed position; rows are normalised.

    Texts that share words get similar vectors, which is all ranking tests need.
    """

    def __init__(self, dim: int = 256):
        self.dim = dim

    def _index(self, token: str) -> tuple[int, float]:
        digest = hashlib.blake2b(token.encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dim, 1.0 if value >> 63 else -1.0

    def encode(self, sentences: list[str] | str, normalize_embeddings: bool = True, **_: Any) -> np.ndarray:
        single = isinstance(sentences, str)
        texts = [sentences] if single else list(sentences)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = terms(text)
            for token in words + [a + " " + b for a, b in zip(words, words[1:], strict=False)]:
                i, sign = self._index(token)
                out[row, i] += sign
        if normalize_embeddings:
            norms = np.linalg.norm(out, axis=1, keepdims=True)
            out = out / np.where(norms == 0, 1.0, norms)
        return out[0] if single else out


@dataclass
class ScriptedBackend:
    """Streams its replies in order, one per call, in small deltas; an Exception item is raised
    as a `BackendError` (the way real backends fail). Every call's messages are kept."""

    replies: list[str | Exception] = field(default_factory=list)
    default: str = ""  # streamed once the scripted replies run out
    chunk: int = 7  # characters per delta: sentences arrive split, as from a real model
    name: str = "scripted"
    calls: list[dict[str, Any]] = field(default_factory=list)

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        self.calls.append({"messages": messages, "sampling": sampling, "adapter": adapter})
        reply = self.replies.pop(0) if self.replies else self.default
        if isinstance(reply, Exception):
            raise BackendError(f"scripted failure: {reply}") from reply
        for i in range(0, len(reply), self.chunk):
            yield reply[i : i + self.chunk]
