"""Regenerate assistant/data/ordinary_words.txt from the bundled embedder's WordPiece vocabulary.

The whole-word entries of bert-base-uncased's vocabulary (the tokenizer of all-MiniLM-L6-v2) are
~21,700 common English words: the dictionary spelling correction never changes.
Usage: python scripts/ordinary_words.py
"""

from __future__ import annotations

import re
from pathlib import Path

from common.models import BUNDLED, embedding_model_path

OUT = Path(__file__).resolve().parent.parent / "assistant" / "data" / "ordinary_words.txt"
HEADER = """# Ordinary English words: the whole-word entries of the bert-base-uncased WordPiece vocabulary
# (the tokenizer of all-MiniLM-L6-v2, Apache-2.0), lower-case, alphabetic, 2+ letters. Spelling
# correction never changes one of these (assistant/spelling.py). Regenerate: scripts/ordinary_words.py
"""


def main() -> None:
    vocab = (Path(embedding_model_path(BUNDLED)) / "vocab.txt").read_text(encoding="utf-8").split("\n")
    words = sorted({w for w in vocab if re.fullmatch(r"[a-z]{2,}", w)})
    OUT.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
