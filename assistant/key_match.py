"""Which piece of a record a question is about: a specification key said, a flag meant, a value named.

Scores each `Evidence` of a record against what the question asks, with the catalog's key
weights (rare keys weigh more) and embedding similarity together; `answers.py` turns the
evidence found here into yes / no / the value.
"""

from __future__ import annotations

import numpy as np

from assistant import fit, vocabulary
from assistant.answer_data import knowledge
from assistant.answer_evidence import (
    Evidence,
    KeyValues,
    cached_by_identity,
    cover_share,
    is_code,
    is_flag,
    same_word,
    says_no,
    word_covered,
    word_set,
)
from assistant.question_reading import (
    Asked,
)
from common.models import Embedder
from common.text import (
    AUDIENCE_WORDS,
    COLOURS,
    MATERIALS,
    STOPWORDS,
    terms,
    tokenize,
)

# Words a shopper uses to pick the product out (its colour, material, who it is for), never the
# feature asked about: "is the black dial watch water resistant?" asks nothing of "Dial: black".
FULL = 0.99  # a key said whole
ORDINARY_VALUES = frozenset(COLOURS) | frozenset(MATERIALS) | frozenset(AUDIENCE_WORDS)


def _expanded(word: str) -> frozenset[str]:
    return knowledge().synonyms.get(word, frozenset()) | {word}


def _key_weights(values: KeyValues) -> dict[str, float]:
    """idf of each word over the catalog's specification keys: "dishwasher" tells "Dishwasher
    Safe" apart, "safe" (microwave safe, oven safe, ...) much less."""
    keys = [set(terms(k)) for k in values]
    df: dict[str, int] = {}
    for words in keys:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(keys)
    return {w: float(np.log((n + 1) / (c + 0.5))) for w, c in df.items()}


_weights: dict[int, tuple[KeyValues, dict[str, float]]] = {}


def _weights_of(values: KeyValues) -> dict[str, float]:
    """The key-word weights of a catalog's key table."""
    return cached_by_identity(_weights, values, lambda: _key_weights(values))


def _key_weight(values: KeyValues, word: str) -> float:
    weights = _weights_of(values)
    if word in knowledge().generic_keys or word in STOPWORDS or word in knowledge().judging_key_words:
        return 0.1
    return weights.get(word, max(weights.values(), default=1.0))


def key_coverage(asked: Asked, key: str, values: KeyValues) -> float:
    """The share (weighted by `_key_weight`) of a key's words the question says, directly, in
    another form ("hooded"/"hood"), by a synonym ("heavy" -> "weight") or run together ("stop
    watch" -> "stopwatch")."""
    words = terms(key.replace("-", " "))
    if not words:
        return 0.0
    # A compound the question splits ("arm rests" for "Armrest") is said as the key writes it.
    said = set(asked.words) | {a + b for a, b in zip(asked.words, asked.words[1:], strict=False)}
    joined = {a + b for a, b in zip(words, words[1:], strict=False)}
    total = covered = 0.0
    for i, w in enumerate(words):
        weight = _key_weight(values, w)
        total += weight
        pair = {words[i - 1] + w if i else "", w + words[i + 1] if i + 1 < len(words) else ""} & joined
        if any(word_covered(a, {w}) or w in _expanded(a) for a in said) or pair & said:
            covered += weight
    return covered / total if total else 0.0


def matching_key(
    asked: Asked,
    evidence: list[Evidence],
    values: KeyValues,
    embedder: Embedder | None,
    own: frozenset[str] | set[str] = frozenset(),
) -> Evidence | None:
    """The specification or field whose key the question asks about, by most of its (weighted)
    words, wherever they stand in the question and whatever else it says (a story, the product's
    name): "can I put it in the dishwasher?" finds "Dishwasher Safe: No", "how heavy is it?" finds
    "Net Weight". Ties go to the key closest in meaning to the question (`similarities`)."""
    candidates = [
        (e, key_coverage(asked, e.key or "", values))
        for e in evidence
        if e.key
        and e.value
        and e.source != "description"
        and e.key != "category"
        and not set(terms(e.key)) <= knowledge().generic_keys
        and not set(terms(e.key)) <= keys_ruled_out(asked)
    ]
    # A question does not ask what it states: "is the fleece jacket in size M available?" names
    # the variant by "size: M"; it asks about the stock.
    # Only when no other key is asked, and its key is what the question ends on, is a stated value
    # the question ("the i7 one, does it have 32gb RAM?" against "ram: 32GB"; not "the helmet (low
    # ventilation), is it safety certified?").
    # Stated in the question's own words: naming may bring title words the shopper never said
    # ("how many PIECES in the art jigsaw" against a "Jigsaw Puzzle (2000, art)": "2000" asks).
    said = set(asked.words) | ((asked.named & set(asked.said)) if asked.said else asked.named)
    candidates = [(e, c) for e, c in candidates if c >= knowledge().key_match_min]
    candidates = [(e, c) for e, c in candidates if is_flag(e.value or "") or not word_set(e.value or "") <= said] or [
        (e, c) for e, c in candidates if _last_said(asked, e.key or "") == len(asked.words) - 1
    ]
    if not asked.yes_no:  # "water resistant up to how many metres?" asks a value, never a yes
        candidates = [(e, c) for e, c in candidates if not is_flag(e.value or "")] or candidates
    if not candidates:
        return None
    keys = [Evidence(e.key or "", e.key, e.value, e.source) for e, _ in candidates]
    similarity = _window_similarities(asked, keys, embedder)
    # Lexical and embedding evidence together: most of the key said, or part of it said and the
    # key close in meaning to the question ("what warranty period" and "Warranty Summary").
    k = knowledge()
    kept = [i for i, (_, c) in enumerate(candidates) if c >= k.key_match or similarity[i] >= k.key_similar]
    if not kept:
        return None
    # Ties: the key said last (a question names the product first, "is the <name> in stock?"),
    # then the closest in meaning.
    best = max(
        kept,
        key=lambda i: (
            round(candidates[i][1], 2),
            _says_focus_head(asked, keys[i].text),
            _said_count(asked, keys[i].text),
            _last_said(asked, keys[i].text),
            similarity[i],
        ),
    )
    chosen = candidates[best][0]
    return None if _unexplained(asked, chosen, values, own) else chosen


def focus_key(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> Evidence | None:
    """The specification whose key names, in other words, what a value question asks for ("which
    SCENTS come in the pack?" / "Fragrance", "which SMELL is it?" / "Fragrance"): the key closest
    to the focus words by the embedder, when close enough (`meant_focus` in answers.yaml). Only
    where no key of the record says a focus word: a key said in part ("battery LIFE" against
    "Battery Type") was weighed by `matching_key` and is not met again by meaning."""
    if embedder is None or not asked.focus or asked.yes_no:
        return None
    keyed = [
        e
        for e in evidence
        if e.source == "specification"
        and e.key
        and e.value
        and not is_flag(e.value)
        and not set(terms(e.key)) <= knowledge().generic_keys
        and (e.key or "").lower() not in knowledge().identity_keys
    ]
    if not keyed or any(word_covered(w, word_set(e.key or "")) for w in asked.focus for e in evidence if e.key):
        return None
    texts = [" ".join(asked.focus)] + [e.key or "" for e in keyed]
    vectors = np.asarray(embedder.encode(texts, normalize_embeddings=True, convert_to_numpy=True))
    similarity = vectors[1:] @ vectors[0]
    best = int(np.argmax(similarity))
    return keyed[best] if similarity[best] >= knowledge().meant_focus else None


def flag_meant(
    asked: Asked, evidence: list[Evidence], values: KeyValues, embedder: Embedder | None, own: set[str]
) -> Evidence | None:
    """The yes/no specification ("Child Lock: Yes", "Audible Alarm: No") whose key means what a run
    of the asked words means though no word is the same ("lock the panel", "a noise/siren"): the
    closest key by the embedder, when close enough (`meant_flag`, `meant_flag_word` in
    answers.yaml) and no other feature the catalog has a key for is asked (`_unexplained`)."""
    if embedder is None:
        return None
    flags = [
        e
        for e in evidence
        if e.source == "specification"
        and e.key
        and is_flag(e.value or "")
        and len(tokenize(e.value or "")) == 1  # "Yes", "No", "None"; not "No damage" (dev A)
        and not set(terms(e.key)) <= knowledge().generic_keys
        and (e.key or "").lower() not in knowledge().identity_keys
    ]
    if not flags:
        return None
    words = asked.words
    runs = [" ".join(words[i : i + n]) for n in (1, 2, 3) for i in range(len(words) - n + 1)]
    vectors = np.asarray(embedder.encode(runs, normalize_embeddings=True, convert_to_numpy=True))
    keys = np.asarray(embedder.encode([e.key or "" for e in flags], normalize_embeddings=True, convert_to_numpy=True))
    similarity = keys @ vectors.T  # flags x runs
    k = knowledge()
    needed = np.array([k.meant_flag_word if " " not in r else k.meant_flag for r in runs])
    score = np.where(similarity >= needed, similarity, 0.0).max(axis=1)
    best = int(np.argmax(score))
    if score[best] <= 0:
        return None
    chosen = flags[best]
    return None if _unexplained(asked, chosen, values, own) else chosen


def states_no(asked: Asked, e: Evidence) -> bool:
    """ "The blue earbuds WITHOUT any water resistance rating, will the battery last my shift?": a
    "no" the question itself says of a key ("water resistance: not resistant") tells which
    product; it is not what is asked (set L, L-pq-038 was answered no from it)."""
    named = [w for w in terms((e.key or "").replace("-", " ")) if w not in knowledge().generic_keys]
    return says_no(e.value or "") and bool(named) and all(any(same_word(w, n) for n in asked.negated) for w in named)


def keys_ruled_out(asked: Asked) -> set[str]:
    """Key words an asked word rules out: "how much weight can it HOLD?" asks a load, not the
    product's own "Weight" (`not_keys` in answers.yaml)."""
    return {w for a in asked.words for w in knowledge().not_keys.get(a, ())}


def _says_focus_head(asked: Asked, key: str) -> bool:
    """Whether the key says the first focus word, the noun a value question asks of ("what's the
    SOLE made of" / "sole"): a key reached by a word of the frame after it ("made" -> "material")
    names what any part is made of, not the part asked."""
    return bool(asked.focus) and word_covered(asked.focus[0], word_set(key))


def _said_count(asked: Asked, key: str) -> int:
    """How many words of the key the question says: the more specific key wins a tie."""
    return sum(any(word_covered(a, {w}) for a in asked.words) for w in word_set(key))


def _last_said(asked: Asked, key: str) -> int:
    """Where the question last says a word of the key (-1: nowhere)."""
    words = word_set(key)
    return max((i for i, w in enumerate(asked.words) if word_covered(w, words)), default=-1)


def _unexplained(asked: Asked, e: Evidence, values: KeyValues, own: frozenset[str] | set[str]) -> bool:
    """The question names another feature the catalog has a key for, one this key does not cover
    ("the boots' LINING made of" against "Material: Rubber", "what AGE does size S fit" against
    "Fit: Regular"): the record does not answer what was asked."""
    if not values:
        return False
    weights = _weights_of(values)
    # The values the catalog gives this key are alternatives asked ("bristles made of? synthetic?").
    key_words = word_set(e.key or "") | word_set(e.value or "") | values.get((e.key or "").lower(), set())
    strongest = max((_key_weight(values, w) for w in terms(e.key or "")), default=0.0)
    for w in asked.words:
        # What it is ("soap", "range extender", "just the GLASSES" of sunglasses), not a feature.
        if w in knowledge().generic_keys or word_covered(w, set(own)):
            continue
        # A word of the question's synonyms is a feature too when a key it is in is said
        # ("LINING" against "Material: Rubber"); `_other_key_said` keeps it to such keys.
        if w in weights and not word_covered(w, key_words):
            if weights[w] >= min(strongest, knowledge().feature_idf) and _other_key_said(asked, w, values):
                return True
    return False


def _other_key_said(asked: Asked, word: str, values: KeyValues) -> bool:
    """Whether the question says most of some key holding `word` ("LINING", "AGE group"): a word
    that only shares a key with words the question does not say ("the HANDS glow" and "Hand
    Washable", "a sleeve INSIDE" and "Inside Ring Circumference") names no other feature."""
    return any(
        word in terms(key.replace("-", " ")) and key_coverage(asked, key, values) >= knowledge().key_match
        for key in values
    )


def described(
    asked: Asked, evidence: list[Evidence], values: KeyValues, own: frozenset[str] | set[str], embedder: Embedder | None
) -> Evidence | None:
    """A description sentence that says every feature word of the question (a word some key of
    the catalog uses, "warranty", "lining"), not a word of what the product is."""
    if not values:
        return None
    weights = _weights_of(values)
    # A unit is an answer the shopper offers ("months or years?"), not the feature asked: "1 Year
    # Warranty" is no battery life (set G).
    k = knowledge()
    features = [w for w in asked.words if w in weights and w not in own and w not in k.generic_keys | k.units]
    if not features:
        return None
    found = [
        e for e in evidence if e.source == "description" and all(word_covered(w, word_set(e.text)) for w in features)
    ]
    if not found:
        return None
    # The feature said in the question's own words before one found by a synonym ("warranty"
    # before "guarantee"), then the closest in meaning.
    literal = [sum(w in word_set(e.text) for w in features) for e in found]
    similarity = similarities(asked, found, embedder)
    return found[max(range(len(found)), key=lambda i: (literal[i], similarity[i]))]


def value_match(asked: Asked, evidence: list[Evidence]) -> Evidence | None:
    """A specification whose value says an asked word that is no everyday word ("ISI",
    "waterproof", "slip on", "SSD"): the question asks whether it has what the value says."""
    best: tuple[int, Evidence] | None = None
    for e in evidence:
        if not e.value or e.source != "specification" or (e.key or "").lower() in knowledge().identity_keys:
            continue
        said = word_set(e.value)
        hits = [
            w
            for w in asked.words
            if len(w) >= 3
            and w not in ORDINARY_VALUES
            and w not in asked.named
            and w not in vocabulary.type_words()  # "the revitalift SERUM" says what it is, not a feature
            # The asked word itself in one of its forms, never a synonym: "fit" is no "size" said
            # in "Weight: 309 g - may vary depending on size" (a "wide fit" answered yes, set G).
            # A code of letters and digits ("B22", "USB3") only as written; other digits never.
            and (any(same_word(w, x) for x in said) if not any(c.isdigit() for c in w) else is_code(w) and w in said)
        ]
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), e)
    return best[1] if best else None


def _asked_things(asked: Asked) -> list[list[str]]:
    """The things a question asks about: runs of asked words standing together in it ("does it
    have a SHOE COMPARTMENT?", "a USB PORT"), each a head with the words before it that say which."""
    runs: list[list[str]] = [[]]
    for w in asked.said:
        if w in asked.words:
            runs[-1].append(w)
        elif runs[-1]:
            runs.append([])
    return [r for r in runs if r]


def about_asked(
    asked: Asked, e: Evidence, values: KeyValues, lexical: bool = True, own: frozenset[str] | set[str] = frozenset()
) -> bool:
    """Whether evidence is about the thing asked, so that it can carry a yes or a no: it says a
    word of it (in a form, by a synonym, or run together: "arm rest" / "Armrest"), and not only its
    head without the word before it that says which one ("Pocket Compartments: Yes" is no SHOE
    compartment, "Display Type: LCD" no DATE display; set K held-out). Another value the catalog
    gives the key is a word it speaks to ("a LEATHER strap?" against "Strap Material: Synthetic").
    Evidence found by meaning (`lexical` False) may say no word of it at all."""
    said = word_set(e.text) | values.get((e.key or "").lower(), set())
    joined = {w for w in said if len(w) > 4}

    def mentioned(i: int, run: list[str]) -> bool:
        w = run[i]
        pairs = [run[j] + run[j + 1] for j in (i - 1, i) if 0 <= j < len(run) - 1]
        return word_covered(w, said) or any(p in joined for p in pairs)

    # A word saying what the product is ("the lakshadi SOAP, paraben free?") names it beside what is
    # asked: "Soap Type: Bathing Soap" says nothing of parabens (set L, an invented judgement).
    kinds = own & vocabulary.type_words()  # the kind this product is, not a part ("strap" of a watch)
    runs = [kept for run in _asked_things(asked) if (kept := [w for w in run if w not in kinds])] or _asked_things(
        asked
    )
    if not any(mentioned(i, run) for run in runs for i in range(len(run))):
        return not lexical  # a flag meant by what its key means ("a siren?" / "Audible Alarm")
    # A head said without the word before it that says which is another thing of that kind, where
    # that word names a feature (a word of the catalog's keys: "SHOE Size", "DATE Display"; not the
    # subject of "can my PUPPY chew on it?"); any other word said ("take E27 screw bulbs" against
    # "Bulb Base: E27") is about the thing asked.
    features = _weights_of(values)

    def which(i: int, run: list[str]) -> bool:
        # the unit of an amount ("a 15.6 INCH laptop") says how much, not which thing
        before = run[i - 1] if i else ""
        return not before or before not in features or before in fit.unit_words() or mentioned(i - 1, run)

    return any(mentioned(i, run) and (i < len(run) - 1 or which(i, run)) for run in runs for i in range(len(run)))


def best_evidence(asked: Asked, candidates: list[Evidence], embedder: Embedder | None) -> Evidence:
    """The most direct evidence: the key naming most of the question, then fields and
    specifications before description sentences, then the closest in meaning."""
    similarity = similarities(asked, candidates, embedder)
    order = {"field": 0, "specification": 0, "description": 1}

    def rank(i: int) -> tuple[float, int, float]:
        e = candidates[i]
        return (-cover_share(asked.words, word_set(e.key or "")), order[e.source], -similarity[i])

    return candidates[min(range(len(candidates)), key=rank)]


def similarities(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> np.ndarray:
    """Cosine of the asked feature with each piece of evidence (zeros without an embedder)."""
    if embedder is None or not evidence:
        return np.zeros(len(evidence))
    texts = [asked.phrase] + [e.text for e in evidence]
    vectors = np.asarray(embedder.encode(texts, normalize_embeddings=True, convert_to_numpy=True))
    return vectors[1:] @ vectors[0]


def _window_similarities(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> np.ndarray:
    """Cosine of each piece of evidence with the closest run of two or three asked words (one
    word alone, "safe", would find "Microwave Safe" for "dishwasher safe"): a
    question's story ("my bedroom is 2 walls away from the router...") dilutes the whole phrase,
    while "wifi speed" alone is close to "Wireless Speed"."""
    if embedder is None or not evidence:
        return np.zeros(len(evidence))
    words = asked.words
    runs = [" ".join(words[i : i + n]) for n in (2, 3) for i in range(len(words) - n + 1)]
    texts = list(dict.fromkeys([asked.phrase, *runs]))
    asked_vectors = np.asarray(embedder.encode(texts, normalize_embeddings=True, convert_to_numpy=True))
    vectors = np.asarray(embedder.encode([e.text for e in evidence], normalize_embeddings=True, convert_to_numpy=True))
    return (vectors @ asked_vectors.T).max(axis=1)


def related_evidence(asked: Asked, evidence: list[Evidence], embedder: Embedder | None) -> Evidence | None:
    """The evidence closest in meaning to the asked feature, when close enough to quote."""
    scores = similarities(asked, evidence, embedder)
    if not len(scores):
        return None
    best = int(np.argmax(scores))
    return evidence[best] if scores[best] >= knowledge().related else None
