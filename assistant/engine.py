"""`SearchEngine`: the loaded catalog, its query understander and the retriever, built once."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.catalog import CatalogIndex
from assistant.search import Retriever, SearchResult
from assistant.shard_search import ShardedDense
from assistant.unchecked_attributes import eased_search
from assistant.understand import Query, Understander
from common.models import Embedder, embedder
from common.settings import Settings
from ingest.lock import tidy_if_idle
from ingest.snapshot import indexed_embedding_model


@dataclass
class SearchEngine:
    catalog: CatalogIndex
    understander: Understander
    retriever: Retriever

    @classmethod
    def load(cls, settings: Settings, embed: Embedder | None = None) -> SearchEngine:
        tidy_if_idle(settings, settings.index_dir)
        catalog = CatalogIndex.load(settings.index_dir)
        embed = embed or embedder(indexed_embedding_model(settings))
        retriever = Retriever(catalog, embed, settings.rrf_k, settings.mmr_lambda)
        if settings.dense_search == "shards":
            retriever.shards = ShardedDense.open(settings, catalog.row_of, len(catalog))
        return cls(catalog, Understander(catalog, embed), retriever)

    def parse(self, text: str) -> Query:
        return self.understander.parse(text)

    def search(self, text: str, k: int = 10, **options) -> tuple[Query, SearchResult]:
        query = self.parse(text)
        return query, eased_search(self.retriever, query, k, **options)[0]
