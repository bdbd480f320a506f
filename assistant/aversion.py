"""A material the shopper reacts to, against what the record says the product is made of: "wool
makes me itch ... is the sweater safe for me?" against "Fabric: 80% Acrylic 20% Wool" (no), "my
wrist breaks out with leather bands ... ok for me?" against "strap material: metal" (yes).

The sentence with a reaction word (`aversion_cues` in data/suitability.yaml) names what to avoid;
its words are read against the record: one a value of the record holds is a no; one another
product's value of a key with few values holds ("leather" of "strap material", whose values are
leather, metal, silicone), where this record gives that key another value, is a yes. Any other
word of the sentence ("wrist", "crazy") is no material, and nothing is answered from it.
"""

from __future__ import annotations

import re

from assistant.answer_data import knowledge
from common.schema import Product
from common.text import STOPWORDS, singular, tokenize

SENTENCE = re.compile(r"[^.!?\n]+")
CLOSED_WORDS = 12  # a key with at most this many value words across the catalog takes a closed set


def _words(text: str) -> set[str]:
    return {singular(w) for w in tokenize(text.replace("'", ""))}


def avoided(question: str, cues: frozenset[str], own: set[str]) -> set[str]:
    """The words of the sentences saying a reaction (a cue word or phrase: "breaks out"), less the
    reaction words, function words and the product's own words."""
    out: set[str] = set()
    phrases = [tokenize(cue) for cue in cues]
    for sentence in SENTENCE.findall(question):
        tokens = tokenize(sentence.replace("'", ""))
        said = [p for p in phrases if any(tokens[i : i + len(p)] == p for i in range(len(tokens)))]
        if said:
            cue_words = {singular(w) for p in said for w in p}
            out |= _words(sentence) - cue_words - STOPWORDS - knowledge().filler - own
    return out


# A value that says the whole product is of one material ("100% Cotton", "Pure Silk"): any other
# material of that key is absent, however many values the key takes across the catalog.
WHOLLY = re.compile(r"\b100\s*%|\bpure\b|\bonly\b", re.I)


def aversion_verdict(
    product: Product,
    question: str,
    cues: frozenset[str],
    phrases: dict[str, dict[str, int]],
    names: dict[str, frozenset[str]] | None = None,
) -> tuple[bool, str, str] | None:
    """(suits, key, value) where a word the shopper reacts to is settled by the record; None
    otherwise. `names`: the other names a value gives a material the shopper says ("latex" is
    natural "rubber"; `material_names` in data/suitability.yaml)."""
    own = _words(f"{product.title} {product.brand or ''}")
    words = avoided(question, cues, own)
    words |= {n for w in words for n in (names or {}).get(w, frozenset())}
    if not words:
        return None
    for key, value in product.attributes.items():
        if words & _words(value):
            return False, key, value
    for key, value in product.attributes.items():
        vocab = set().union(*(_words(v) for v in phrases.get(key.lower(), {}))) - STOPWORDS
        if not words & vocab or words & _words(value):
            continue
        # "wife gets itchy with wool" against "Fabric: 100% Cotton": the key takes wool elsewhere,
        # and this value says it is all cotton (set AG, AG-p30, was "says nothing of the need")
        if len(vocab) <= CLOSED_WORDS or WHOLLY.search(value):
            return True, key, value
    return None
