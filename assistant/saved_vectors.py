"""Text vectors kept in a file beside the index, so a new process does not encode again what an
earlier one did. The policy clauses are the case: every start encoded all of them (123 on the
demo policies, ~2 s of a laptop CPU and 8.6 s on the shared 2-core machine under load), though
they change only at ingest. The file is a cache: keyed by model name and text, rewritten when the
texts change, and any problem reading or writing it only costs the encoding."""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VectorFile:
    path: Path
    model: str  # the embedding model's name: another model's vectors are never read

    def read(self) -> dict[str, np.ndarray]:
        """The saved vectors by text; empty when there is no file, it is unreadable or it holds
        another model's vectors."""
        try:
            with np.load(self.path, allow_pickle=False) as saved:
                if str(saved["model"]) != self.model:
                    return {}
                return dict(zip(saved["texts"].tolist(), saved["vectors"].astype(np.float32), strict=True))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError) as exc:
            log.warning("ignoring saved vectors %s: %s", self.path, exc)
            return {}

    def write(self, vectors: dict[str, np.ndarray]) -> None:
        """Replace the file with these vectors (atomically: a reader sees the old file or the new)."""
        if not vectors:
            return
        texts = list(vectors)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with temporary.open("wb") as out:
                np.savez(
                    out,
                    model=np.array(self.model),
                    texts=np.array(texts, dtype=str),
                    vectors=np.stack([vectors[t] for t in texts]).astype(np.float32),
                )
            os.replace(temporary, self.path)
        except OSError as exc:  # a read-only data folder: the next start encodes again
            log.warning("could not save vectors to %s: %s", self.path, exc)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
