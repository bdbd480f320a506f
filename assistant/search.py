"""Filter-first hybrid retrieval: hard constraints -> candidates -> dense + BM25 -> RRF -> MMR.

Only products that satisfy every hard constraint are ever scored, so no result can violate one.
When nothing satisfies them, the result is empty and names the constraint that left nothing.
"""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass

import numpy as np
from pydantic import BaseModel, Field

from assistant.amounts import near_band
from assistant.catalog import CatalogIndex
from assistant.constraints import Constraints
from assistant.dense_index import EXACT_BELOW, SHORTLIST
from assistant.message_patterns import FUNCTION_WORDS
from assistant.shard_search import ShardedDense, ShardUnavailable
from assistant.understand import Query
from common.models import Embedder, encode_query, torch_threads
from common.schema import AUDIENCE_RANKS_FIRST, Product
from common.text import COLOURS, bm25_tokens, terms

log = logging.getLogger(__name__)


def best_first(scores: np.ndarray, depth: int) -> np.ndarray:
    """Positions of the `depth` highest scores, best first, equal scores in position order.

    A partial sort alone leaves a tie in whatever order it reached it, and that order changes
    with the length of the list: two products whose dense and BM25 ranks are swapped fuse to the
    same score, and many products share a BM25 score. In position order (the rows are sorted),
    a shortlist that holds the best rows ranks them as the whole candidate list does, so search
    from the shards or an ANN index gives the in-process exact path's cards, not a reshuffled tie.
    """
    n = len(scores)
    if n <= depth:
        return np.argsort(-scores, kind="stable")
    kth = np.partition(scores, n - depth)[n - depth]  # the depth-th highest score
    better = np.flatnonzero(scores > kth)
    tied = np.flatnonzero(scores == kth)[: depth - len(better)]
    top = np.concatenate([better, tied])
    return top[np.argsort(-scores[top], kind="stable")]


def _top_rows(scores: np.ndarray, rows: np.ndarray, depth: int) -> np.ndarray:
    """The `depth` rows (of `rows`) with the highest positive scores, in no order: a row that
    holds no query term has no BM25 rank to give (and at 1M most rows hold none, so the
    partition runs over the matches only, not over a million scores)."""
    hits = np.flatnonzero(scores > 0) if len(rows) == len(scores) else rows[scores[rows] > 0]
    if len(hits) <= depth:
        return hits
    return hits[best_first(scores[hits], depth)]


# Share of the filtered candidates treated as "cheap" when a shopper says cheap without a number.
CHEAP_QUANTILE = 0.33
# "Money's not an issue", "the fanciest": the dearest share of the candidates ranks first.
PREMIUM_QUANTILE = 0.67


class Why(BaseModel):
    constraints: list[str] = Field(default_factory=list)  # satisfied constraints, readable
    terms: list[str] = Field(default_factory=list)  # query terms found in the product text
    attributes: dict[str, str] = Field(default_factory=dict)  # colour/brand/audience matched


class Hit(BaseModel):
    product: Product
    dense: float
    lexical: float
    fused: float
    why: Why


class SearchResult(BaseModel):
    hits: list[Hit]
    constraints: Constraints
    candidates: int  # products that passed the filters
    empty_reason: str | None = None  # set when hits is empty
    # Set when the dense shortlist could not come from where the settings say (a shard did not
    # answer) and this process's own copy of the vectors ranked instead: one line, what and why.
    degraded: str | None = None


@dataclass
class Retriever:
    catalog: CatalogIndex
    embed: Embedder
    rrf_k: int = 60
    mmr_lambda: float = 0.7
    rrf_depth: int = 500  # ranks past this share one rank in the fusion
    # settings.dense_search "shards": the dense shortlist comes from the Chroma product
    # collections (assistant/shard_search.py) for every request, filtered or not; None: local.
    shards: ShardedDense | None = None

    def search(
        self,
        query: Query,
        k: int = 10,
        mode: str = "hybrid",  # hybrid | dense | bm25
        use_filters: bool = True,
        mmr: bool = False,
        exclude_ids: set[str] | None = None,
    ) -> SearchResult:
        c = query.constraints.model_copy(deep=True)
        cat = self.catalog
        if use_filters:
            if c.cheap and c.price_max is None:
                c.price_max = self._cheap_threshold(c)
            mask = cat.mask(c)
        else:
            mask = np.ones(len(cat), dtype=bool)
        if exclude_ids:
            for pid in exclude_ids:
                row = cat.row_of.get(pid)
                if row is not None:
                    mask[row] = False
        rows = np.flatnonzero(mask)
        if len(rows) == 0:
            reason = self.explain_empty(query, c) if use_filters else "the catalog is empty"
            return SearchResult(hits=[], constraints=c, candidates=0, empty_reason=reason)

        candidates = len(rows)
        pool = max(k * 3, 30) if mmr else k
        # Preferences rank in tiers above relevance, decided over every candidate (the dearer
        # part of the candidates, not of a shortlist).
        tiers = self._preference_tiers(rows, c) if use_filters else np.zeros(candidates)
        tokens = bm25_tokens(query.text)
        use_lexical = mode in ("hybrid", "bm25") and bool(tokens)
        all_lexical = cat.bm25.get_scores(tokens) if use_lexical else None
        degraded = None
        if mode in ("hybrid", "dense") and self.shards is not None:
            try:
                rows, tiers, dense = self._shortlist_scores(self.shards, query, rows, mask, tiers, all_lexical, pool)
            except ShardUnavailable as exc:
                # Honest degradation: rank over every candidate from this process's copy of the
                # vectors (the snapshot holds them all), and say so; never a ranking that lacks
                # the categories of the shard that did not answer.
                degraded = f"{exc}; ranked from this server's copy of the catalog instead"
                log.warning("dense search: %s", degraded)
                rows, tiers, dense = self._local_dense(query, rows, mask, tiers, all_lexical, pool, candidates)
        elif mode in ("hybrid", "dense"):
            rows, tiers, dense = self._local_dense(query, rows, mask, tiers, all_lexical, pool, candidates)
        else:
            dense = np.zeros(len(rows), dtype=np.float32)
        lexical = np.zeros(len(rows), dtype=np.float32)
        if all_lexical is not None:
            lexical = all_lexical[rows].astype(np.float32)

        if mode == "dense":
            fused = dense.copy()
        elif mode == "bm25":
            fused = lexical.copy()
        else:
            fused = self._rrf(dense, lexical, total=candidates)
        fused = fused + tiers
        pool = min(len(rows), pool)
        top = best_first(fused, pool)
        if mmr:
            top = self._mmr(rows, top, fused, k)
        top = top[:k]
        query_terms = set(bm25_tokens(query.text))
        hits = [
            Hit(
                product=cat.products[rows[i]],
                dense=float(dense[i]),
                lexical=float(lexical[i]),
                fused=float(fused[i]),
                why=self._why(cat.products[rows[i]], c, query_terms) if use_filters else Why(),
            )
            for i in top
        ]
        return SearchResult(hits=hits, constraints=c, candidates=int(candidates), degraded=degraded)

    # -- ranking -----------------------------------------------------------------------------
    def _local_dense(
        self,
        query: Query,
        rows: np.ndarray,
        mask: np.ndarray,
        tiers: np.ndarray,
        all_lexical: np.ndarray | None,
        pool: int,
        candidates: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, tiers, dense scores) from this process's vectors: exact over every candidate,
        or, past the exact threshold, the snapshot's own ANN index's shortlist."""
        if self.catalog.dense is not None and candidates > EXACT_BELOW:
            return self._shortlist_scores(self.catalog.dense, query, rows, mask, tiers, all_lexical, pool)
        return rows, tiers, self._dense_scores(self._query_vector(query.text), rows)

    def _shortlist_scores(
        self,
        dense_index,
        query: Query,
        rows: np.ndarray,
        mask: np.ndarray,
        tiers: np.ndarray,
        all_lexical: np.ndarray | None,
        pool: int,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(rows, tiers, dense scores) of the rows that can rank, scored exactly."""
        cat = self.catalog
        candidates = len(rows)
        # Score exactly only the rows that can rank: the index's shortlist of nearest vectors
        # and the best BM25 matches, within the candidates and within each preferred tier that
        # can reach the results.
        qv = self._query_vector(query.text)
        allowed = None if candidates == len(cat) else mask
        depth = max(SHORTLIST, self.rrf_depth, pool)
        shortlist = self._shortlist(dense_index, qv, all_lexical, rows, allowed, depth)
        covered = 0
        # Best tier first; the lowest is covered above. With nothing preferred every tier is 0:
        # no sort of a million zeros (np.unique took ~10 ms a search at 1M).
        levels = np.unique(tiers)[::-1][:-1] if tiers.any() else []
        for level in levels:
            if covered >= pool:
                break
            in_tier = rows[tiers == level]
            covered += len(in_tier)
            if len(in_tier) <= EXACT_BELOW:
                shortlist = np.union1d(shortlist, in_tier)
            else:
                tier_mask = np.zeros(len(cat), dtype=bool)
                tier_mask[in_tier] = True
                found = self._shortlist(dense_index, qv, all_lexical, in_tier, tier_mask, depth)
                if len(found) < pool:  # too few of a sparse tier in the lists scanned: score it exactly
                    found = in_tier[np.argpartition(-(cat.vectors[in_tier] @ qv), depth - 1)[:depth]]
                shortlist = np.union1d(shortlist, found)
        shortlist = np.sort(shortlist)
        tiers = tiers[np.searchsorted(rows, shortlist)]  # rows is sorted and holds the shortlist
        return shortlist, tiers, self._dense_scores(qv, shortlist)

    def _shortlist(
        self,
        dense_index,
        qv: np.ndarray,
        all_lexical: np.ndarray | None,
        rows: np.ndarray,
        allowed: np.ndarray | None,
        depth: int,
    ) -> np.ndarray:
        """Rows of `rows` that can rank: the index's `depth` nearest vectors among `allowed`
        (None: all) and the best BM25 matches."""
        shortlist = dense_index.search(qv, depth, allowed)
        if all_lexical is not None:
            shortlist = np.union1d(shortlist, _top_rows(all_lexical, rows, depth))
        return shortlist

    def _dense_scores(self, query_vector: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """Cosine similarity of the query to the candidate rows (all of them, or a shortlist),
        exact; one computation for every path, so the same rows get the same bits whichever
        index shortlisted them (ties between variants then break the same way).

        Encoding and the mat-vec run in torch on one thread: for one query both are latency-
        bound, and a second BLAS thread on a busy 2-core machine spin-waits (3 ms vs 11 ms for
        the 10k mat-vec, measured here).
        """
        import torch

        vectors = self.catalog.vectors
        qv = torch.from_numpy(query_vector)
        with torch_threads(1), torch.inference_mode(), warnings.catch_warnings():
            # The vectors are memory-mapped read-only; torch only reads them.
            warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
            # Gathering most rows copies the matrix; scoring all and then picking is cheaper.
            if len(rows) > len(vectors) // 4:
                return torch.mv(torch.from_numpy(vectors), qv).numpy()[rows]
            return torch.mv(torch.from_numpy(vectors[rows]), qv).numpy()

    def _query_vector(self, text: str) -> np.ndarray:
        with torch_threads(1):
            return np.asarray(encode_query(self.embed, text), dtype=np.float32)

    def _rrf(self, dense: np.ndarray, lexical: np.ndarray, total: int | None = None) -> np.ndarray:
        """Reciprocal-rank fusion: robust to the two scores' different scales.

        Only the top `depth` of each list get their exact rank; the rest share rank `total` (the
        candidates, of which these rows may be the shortlist), which changes no order that
        matters and avoids two full sorts of 100k scores. Given each list's top `depth` rows, the
        scores equal those over all candidates. A row that holds no query term has no BM25 rank
        (ranking the zeros would favour whichever rows came first, and a shortlist holds other
        rows than the whole list): it shares the tail.
        """
        n, depth = len(dense), self.rrf_depth
        tail = 1.0 / (self.rrf_k + (total or n))
        lists = (dense,) if not lexical.any() else (dense, lexical)  # no term matched: BM25 is noise
        fused = np.full(n, len(lists) * tail, dtype=np.float64)
        for scores in lists:
            top = best_first(scores, depth)
            if scores is lexical:
                top = top[scores[top] > 0]
            fused[top] += 1.0 / (self.rrf_k + np.arange(1, len(top) + 1)) - tail
        return fused

    def _mmr(self, rows: np.ndarray, pool: np.ndarray, fused: np.ndarray, k: int) -> np.ndarray:
        """Maximal marginal relevance: trade a little relevance for variety (cold start)."""
        vecs = self.catalog.vectors[rows[pool]]
        rel = fused[pool] / (fused[pool].max() or 1.0)
        chosen: list[int] = []
        sims = np.zeros(len(pool))
        for _ in range(min(k, len(pool))):
            score = self.mmr_lambda * rel - (1 - self.mmr_lambda) * sims
            score[chosen] = -np.inf
            best = int(np.argmax(score))
            chosen.append(best)
            sims = np.maximum(sims, vecs @ vecs[best])
        return pool[chosen]

    def _preference_tiers(self, rows: np.ndarray, c: Constraints) -> np.ndarray:
        """What the shopper prefers but did not make a filter, as rank tiers above relevance
        (fused scores stay below 1): the kinds of product the person is into first; then
        products that record the audience asked for before those
        whose kind records none; those holding the wishes a follow-up added; prices near "around X" before others; the dearer part of the
        candidates first for "money's not an issue"."""
        cat = self.catalog
        tiers = np.zeros(len(rows), dtype=np.float64)
        if not (c.steer_types or c.prefer or c.audience or c.price_near is not None or c.premium):
            return tiers  # nothing preferred: no pass over a million candidates' prices
        if c.steer_types:  # what the person is into ("likes cooking"): those kinds first
            steered = np.zeros(len(cat), dtype=bool)
            for phrase in c.steer_types:
                # The kind itself, and products whose title or category holds it: a coffee lover's
                # kinds are coffee makers and coffee mugs too, though "coffee" only modifies them.
                steered[cat.phrase_rows(terms(phrase))] = True
                steered[cat.attribute_rows(terms(phrase))] = True
            tiers += 8.0 * steered[rows]
        if c.audience:
            tiers += 4.0 * cat.audience_exact(c)[rows]
            first = AUDIENCE_RANKS_FIRST.get(c.audience)
            if first:  # "for my daughter": girls' first, then women's
                tiers += 1.0 * cat.audience_exact(c.model_copy(update={"audience": first}))[rows]
        if c.prefer:  # wishes said in a follow-up: the more of them a product holds, the higher
            held = np.zeros(len(cat), dtype=np.float64)
            for phrase in c.prefer:
                holds = np.zeros(len(cat), dtype=bool)
                holds[cat.attribute_rows(terms(phrase))] = True
                if phrase in COLOURS:  # a colour taste ("she's into tan"): the recorded colour too
                    holds |= cat.mask(Constraints(colours=[phrase]))
                held += holds
            tiers += 2.0 * held[rows] / len(c.prefer)
        prices = cat.price[rows]
        with np.errstate(invalid="ignore"):
            if c.price_near is not None:
                lo, hi = near_band(c.price_near)
                tiers += 2.0 * ((prices >= lo) & (prices <= hi))
            if c.premium and np.isfinite(prices).any():
                tiers += 1.0 * (prices >= np.nanquantile(prices, PREMIUM_QUANTILE))
        return tiers

    # -- constraints -------------------------------------------------------------------------
    def _cheap_threshold(self, c: Constraints) -> float | None:
        prices = self.catalog.price[self.catalog.mask(c)]
        prices = prices[~np.isnan(prices)]
        return float(np.quantile(prices, CHEAP_QUANTILE)) if len(prices) else None

    def explain_empty(self, query: Query, c: Constraints) -> str:
        """Name the constraint that left nothing: the one whose removal brings results back."""
        cat = self.catalog
        cur = cat.currency
        for brand in query.unknown_brands:
            return f"no brand '{brand}' in this catalog"
        parts = cat.constraint_masks(c)
        labels = dict(c.parts(cur))

        def scope_without(name: str) -> str:
            others = [labels[o] for o, _ in parts if o != name]
            return " ".join(others) if others else "the catalog"

        for name, m in parts:
            if not m.any():  # this constraint alone leaves nothing
                return f"nothing in {scope_without(name)} {labels[name]} (none in the whole catalog)"
        for name, _ in reversed(parts):
            rest = np.ones(len(cat), dtype=bool)
            for other, m in parts:
                if other != name:
                    rest &= m
            if rest.any():
                return f"nothing in {scope_without(name)} {labels[name]} ({int(rest.sum())} without it)"
        return "nothing matches all of " + ", ".join(labels.values())

    def _why(self, product: Product, c: Constraints, query_terms: set[str]) -> Why:
        text_terms = set(terms(product.index_text(300)))
        attrs: dict[str, str] = {}
        if c.colours:
            attrs["colour"] = ", ".join(x for x in product.colours if x in c.colours)
        if c.brands and product.brand:
            attrs["brand"] = product.brand
        if c.audience:
            attrs["audience"] = ", ".join(product.audience) or "none recorded"
        return Why(
            constraints=c.describe(product.currency),
            # A single letter is what tokenising a contraction leaves ("it's" -> "it", "s"), and a
            # function word ("into", "about") is grammar: no word the shopper would recognise as matched.
            terms=sorted(t for t in query_terms & text_terms if len(t) > 1 and t not in FUNCTION_WORDS),
            attributes=attrs,
        )
