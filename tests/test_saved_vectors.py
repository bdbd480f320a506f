"""The policy clauses' vectors kept beside the index: a second start reads them instead of
encoding, another model's file or a broken one is ignored, and changed clauses rewrite it."""

from pathlib import Path

import numpy as np
import pytest

from assistant.policy_answer import warm
from assistant.saved_vectors import VectorFile
from ingest.policies import split_policy
from tests.fakes import HashEmbedder

POLICIES = Path(__file__).resolve().parents[1] / "data" / "policies"


class CountingEmbedder(HashEmbedder):
    def __init__(self) -> None:
        super().__init__()
        self.encoded = 0

    def encode(self, sentences, normalize_embeddings: bool = True, **kw):
        self.encoded += 1 if isinstance(sentences, str) else len(sentences)
        return super().encode(sentences, normalize_embeddings, **kw)


@pytest.fixture()
def passages() -> list[dict]:
    return [
        {"id": f"p{i}", "text": p.text, "section": p.section, "source": p.source}
        for i, p in enumerate(p for f in sorted(POLICIES.glob("*.md")) for p in split_policy(f))
    ]


def test_a_second_start_reads_the_clause_vectors_instead_of_encoding(tmp_path, passages):
    saved = VectorFile(tmp_path / "index" / "clauses.npz", "hash-embedder")
    first = CountingEmbedder()
    ready = warm(passages, first, saved)
    assert first.encoded == ready > 50 and saved.path.is_file()

    second = CountingEmbedder()  # a new process: a new embedder, nothing in memory
    assert warm(passages, second, saved) == ready and second.encoded == 0
    kept = saved.read()
    text = next(iter(kept))
    assert np.allclose(kept[text], second.encode([text])[0])  # the same vectors the model gives


def test_changed_clauses_are_encoded_and_saved_and_others_are_not(tmp_path, passages):
    saved = VectorFile(tmp_path / "clauses.npz", "hash-embedder")
    warm(passages[:-1], CountingEmbedder(), saved)
    later = CountingEmbedder()
    warm(passages, later, saved)  # one passage more since the last ingest
    assert 0 < later.encoded < 10
    again = CountingEmbedder()
    warm(passages, again, saved)
    assert again.encoded == 0


def test_another_models_file_or_a_broken_one_is_ignored(tmp_path, passages):
    path = tmp_path / "clauses.npz"
    warm(passages, CountingEmbedder(), VectorFile(path, "other-model"))
    other = CountingEmbedder()
    assert warm(passages, other, VectorFile(path, "hash-embedder")) == other.encoded  # all encoded again
    path.write_bytes(b"not a numpy file")
    assert VectorFile(path, "hash-embedder").read() == {}
    broken = CountingEmbedder()
    assert warm(passages, broken, VectorFile(path, "hash-embedder")) == broken.encoded
    assert VectorFile(path, "hash-embedder").read()  # rewritten whole


def test_a_folder_that_cannot_be_written_costs_only_the_encoding(tmp_path, passages):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    embedder = CountingEmbedder()
    assert warm(passages, embedder, VectorFile(blocked / "clauses.npz", "hash-embedder")) == embedder.encoded
