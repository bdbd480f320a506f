"""Whether a part the shopper names comes with the product, where the record lists its parts.

"is a dupatta included in the set?" against "Type: Lehenga, Choli and Dupatta Set" and "1 Lehenga,
1 Choli, 1 Dupatta Set" (held-out set AC, AC-p03, answered "the listing doesn't say"): the part
asked is a word of the title, so the question read it as naming the product, and "included" is in
no record word. Here the object of a box verb ("is X included", "does it come with X", "is there
X in the box") is read from the question itself, and looked for as one item of a list of parts:
the title, the keys that say what the product is or holds (`identity_keys`, "Type", "Set
Contents") and the keyless statements (`statement_keys`). Only a yes: a part missing from a list
may still come (the list may name the main pieces only), so absence is left to the answerer.
"""

from __future__ import annotations

import re

from assistant.answer_data import knowledge
from assistant.answer_evidence import Answer, Evidence, Verdict
from common.schema import Product
from common.text import STOPWORDS, singular, tokenize

# The object of a box verb: "is (there) a dupatta included", "does it come with a chain", "is
# there a water bottle in the box", "dupatta included?"
OBJECT = (
    re.compile(
        r"\b(?:is|are)\s+(?:there\s+)?(?:a|an|the|any)\s+([a-z][a-z -]{0,30}?)\s+(?:included|provided|in the box)\b"
    ),
    re.compile(r"\b(?:come|comes|came)\s+with\s+(?:a|an|the|any)\s+([a-z]+(?:[ -][a-z]+)?)\b"),
)
ITEM_SPLIT = re.compile(r"\s*(?:,|;|\||&|\+|\band\b|\bwith\b)\s*")
CONTENT_KEYS = frozenset({"type", "set contents", "contents"})
# Words that count or name a set, not a part: "1 Dupatta SET", "2 PCS"
SET_WORDS = frozenset("set sets pc pcs piece pieces pack of unit units".split())


def asked_parts(question: str) -> list[set[str]]:
    """The parts a box verb asks about, each as its words (singular, no filler)."""
    low = question.lower().replace("'", "")
    out = []
    for pattern in OBJECT:
        for m in pattern.finditer(low):
            words = {singular(w) for w in tokenize(m.group(1))} - STOPWORDS - knowledge().filler - SET_WORDS
            if words:
                out.append(words)
    return out


def _lists(product: Product) -> list[Evidence]:
    """The record's texts that list the product's parts: its title, its identity and contents keys,
    its keyless statements."""
    out = []
    keys = knowledge().identity_keys | CONTENT_KEYS
    for key, value in product.attributes.items():
        if key.lower() in knowledge().statement_keys:
            out += [Evidence(part.strip(), source="description") for part in value.split(" | ") if part.strip()]
        elif key.lower() in keys:
            out.append(Evidence(f"{key}: {value}", key, value, "specification"))
    return [*out, Evidence(f"title: {product.title}", "title", product.title, "field")]


def included(product: Product, question: str) -> Answer | None:
    """Yes where every part asked is one item of a list of two or more the record gives."""
    parts = asked_parts(question)
    if not parts:
        return None
    for e in _lists(product):
        items = [
            {singular(w) for w in tokenize(item)} for item in ITEM_SPLIT.split((e.value or e.text).lower()) if item
        ]
        if len(items) < 2:
            continue
        if all(any(part <= item for item in items) for part in parts):
            lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: “{e.text}”"
            return Answer(Verdict.YES, f"Yes. {lead}.", [e], e.value)
    return None
