"""A need said through a situation, settled by the yes/no specification whose key means it.

"taking a bottle of white to a picnic, need it to stay cold for a couple hours - does the kohl
wine bag do that job?" against "Insulated: No"; "I need somewhere to rest my elbows, does the
office chair work for me?" against "armrest: none"; "we switched to an induction hob, will the
kadhai heat up on it?" against "Induction Bottom: Yes". The shopper names no key and says no word
of it, so the key match and the use list find nothing and the answer was "doesn't say" (pool
sets K, M, R, S). The record's own keys are the evidence: the shopper's need (their words outside
the product's mention, `suitability.need_words`) is embedded with each specification key of the
record, and where one key is clearly the nearest (`need_flag` in data/suitability.yaml: close
enough, and ahead of the next key by a margin) and its value is a one-word flag ("Yes", "No",
"None"), the flag answers.

Only flags: a value ("ventilation: low", "tilt mechanism: manual tilt") would need to be judged
against the need, and the embedder reads "manual tilt" as near "tilts on its own" as any other
tilt; on pool sets K..S, comparing a key's values that way answered three of five the opposite
way. Only where nothing else answered (`answers.py` calls it last).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
import yaml

from assistant import suitability
from assistant.answer_data import knowledge
from assistant.answer_evidence import Answer, Evidence, Verdict, record_evidence, says_no, says_yes
from common.models import Embedder
from common.schema import Product
from common.text import singular, tokenize

DATA = Path(__file__).resolve().parent / "data" / "suitability.yaml"


@cache
def _gates() -> tuple[float, float]:
    """(near, margin): the cosine the nearest key must reach, and its lead over the next key."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))["need_flag"]
    return float(data["near"]), float(data["margin"])


def _keys(product: Product) -> list[Evidence]:
    """The record's specifications that may state a need: not what the box holds or who made it
    (`identity_keys`), not statements read as sentences, not the category."""
    k = knowledge()
    skip = k.identity_keys | k.statement_keys
    return [
        e
        for e in record_evidence(product)
        if e.source == "specification" and e.key and e.value and e.key != "category" and e.key.lower() not in skip
    ]


def nearest_key(product: Product, need: list[str], embedder: Embedder) -> Evidence | None:
    """The specification whose key the need means, where one is clearly nearest (module doc)."""
    keys = _keys(product)
    if len(keys) < 2 or not need:  # one key is nearest of nothing: no margin to read
        return None
    vectors = np.asarray(embedder.encode([" ".join(need), *(e.key or "" for e in keys)], normalize_embeddings=True))
    similarity = vectors[1:] @ vectors[0]
    order = np.argsort(-similarity)
    near, margin = _gates()
    best, second = float(similarity[order[0]]), float(similarity[order[1]])
    if best < near or best - second < margin:
        return None
    return keys[int(order[0])]


def flag_answer(
    product: Product, question: str, embedder: Embedder | None, catalog_keys: Iterable[str] = ()
) -> Answer | None:
    """Yes or no from the flag whose key the shopper's need means (module doc); None elsewhere."""
    if embedder is None:
        return None
    name_words = suitability._joined(tokenize(f"{product.title} {product.brand or ''}"))
    core = suitability.core_words(product)
    need = suitability.need_words(question, name_words, core, suitability.title_for(product))
    e = nearest_key(product, need, embedder)
    value = (e.value or "") if e is not None else ""
    if e is None or len(tokenize(value)) != 1 or not (says_yes(value) or says_no(value)):
        return None
    if _key_said(need, e.key or "", name_words) or _other_key_nearer(need, e, product, catalog_keys, embedder):
        return None
    verdict = Verdict.NO if says_no(value) else Verdict.YES
    return Answer(verdict, f"{'No' if verdict == Verdict.NO else 'Yes'}. The listing gives {e.text}.", [e], value)


def _key_said(need: list[str], key: str, name_words: set[str]) -> bool:
    """Whether the need says a word of the key that is not a word of the product's name: the key
    match has read that word and judged the key ("a SHOE compartment?" is no "Compartment: Yes";
    "DISHWASHER safe?" no "Microwave Safe: No"). A word of the name said in the shopper's story
    ("we switched to an INDUCTION hob" of the "nirlon induction kadhai") was read as naming it,
    so no key match saw it as a need."""
    key_words = {singular(w) for w in tokenize(key)}
    return any(w in key_words and w not in name_words for w in need)


def _other_key_nearer(
    need: list[str], e: Evidence, product: Product, catalog_keys: Iterable[str], embedder: Embedder
) -> bool:
    """Whether a key other products state, and this record does not, is nearer the need than the
    flag found: the need is that feature, which this listing does not state ("go in a baking OVEN?"
    is the catalog's "Oven Safe", not this mug's "Microwave Safe: Yes"; pool set K, K:pq-k030)."""
    own = {k.lower() for k in product.attributes}
    others = sorted({k for k in catalog_keys if k.lower() not in own})
    if not others:
        return False
    vectors = _key_vectors(tuple(others), embedder)
    said = np.asarray(embedder.encode([" ".join(need), e.key or ""], normalize_embeddings=True))
    return float((vectors @ said[0]).max()) > float(said[1] @ said[0])


_VECTORS: dict[tuple[int, tuple[str, ...]], tuple[Embedder, np.ndarray]] = {}


def _key_vectors(keys: tuple[str, ...], embedder: Embedder) -> np.ndarray:
    """The catalog's keys embedded once per embedder and key set (a catalog holds a few thousand);
    the embedder is kept beside them, so a freed one's reused id never reads another's vectors."""
    held = _VECTORS.get((id(embedder), keys))
    if held is None or held[0] is not embedder:
        held = _VECTORS[(id(embedder), keys)] = (
            embedder,
            np.asarray(embedder.encode(list(keys), normalize_embeddings=True)),
        )
    return held[1]
