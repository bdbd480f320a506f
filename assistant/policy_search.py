"""Policy passages for questions like "how long do returns take?" (Chroma collection "policies")."""

from __future__ import annotations

from dataclasses import dataclass

from common.models import Embedder, encode_query
from common.settings import Settings
from ingest import store


@dataclass
class PolicySearch:
    collection: object  # chromadb Collection
    embed: Embedder

    @classmethod
    def open(cls, settings: Settings, embed: Embedder) -> PolicySearch:
        return cls(store.collection(store.chroma_client(settings), store.POLICIES), embed)

    def search(self, text: str, k: int = 3) -> list[dict]:
        """Top passages: {'id', 'source', 'section', 'text', 'distance'}; empty if none indexed."""
        if self.collection.count() == 0:
            return []
        found = self.collection.query(
            query_embeddings=[encode_query(self.embed, text)], n_results=min(k, self.collection.count())
        )
        return [
            {"id": pid, "source": meta["source"], "section": meta["section"], "text": doc, "distance": dist}
            for pid, meta, doc, dist in zip(
                found["ids"][0], found["metadatas"][0], found["documents"][0], found["distances"][0], strict=True
            )
        ]
