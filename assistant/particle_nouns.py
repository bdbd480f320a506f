"""Nouns made of a verb and its particle: "lace-ups", "slip-ons", "pull-ons".

English names some products by the phrasal verb of their use, hyphenated and made plural on the
particle. Tokenised, the hyphen is lost and the last part alone ("ups", "ons") stood as the kind
asked for: "red lace-ups for men" asked for UPS power backups (pool N-u-q24), the shop said it
had none. The noun is read as the two words shop titles say it in ("street london lace up"), so
the kind is the verb phrase's and not its particle's. Particles are a closed class
(`particle_nouns` in type_resolution.json).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from assistant.vocabulary import DATA

PARTICLES: tuple[str, ...] = tuple(
    json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))["particle_nouns"]
)

# a verb, a hyphen, a particle with the plural "s": only the plural is the noun ("make-up",
# "lace-up shoes" already read the way titles write them)
PARTICLE_NOUN = re.compile(rf"\b([a-z]+)-({'|'.join(PARTICLES)})s\b", re.I)


def as_title_words(text: str) -> str:
    """The text with each verb-particle noun written as its two words ("lace-ups" -> "lace up")."""
    return PARTICLE_NOUN.sub(r"\1 \2", text)


def particle_kind(text: str, carried: Callable[[list[str]], bool]) -> str | None:
    """The last verb-particle noun of the text that the shop names products by ("red lace-ups for
    men" -> "lace up", as titles say "street london lace up"): no list of kinds holds such a
    phrase, so the request read no kind and showed watches and towels (pool N-u-q24)."""
    found = [f"{m.group(1)} {m.group(2)}".lower() for m in PARTICLE_NOUN.finditer(text)]
    return next((kind for kind in reversed(found) if carried(kind.split())), None)
