"""What the product must say on it: "a coffee mug with a msg for mum on it".

Mugs, cushions and cards are sold by what they say ("i-love-my-mom ceramic mug", "happy-mothers-
day ceramic mug"). A message addressed to someone ("a msg for mum", "a note to my sister") asks
for a product that says it to that person, so the person is a must-have of the product's words,
in any of the words for the same relation the shop uses (`same_person` in audiences.json: "mum",
"mom", "mother"). Read as nothing but who it is for, the message was lost and birthday and dad
mugs were shown (held-out AG q15, AH q06). Which nouns name a message is data
(`data/printed_messages.json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache

from assistant.life_stage import audience_data
from assistant.vocabulary import DATA


@cache
def _data() -> dict:
    return json.loads((DATA / "printed_messages.json").read_text(encoding="utf-8"))


@cache
def _groups() -> dict[str, tuple[str, ...]]:
    return {w: tuple(group) for group in audience_data()["same_person"] for w in group}


def message_for(words: list[str], knows_word: Callable[[str], bool]) -> str | None:
    """The person a message on the product is addressed to, as a must-have: the word said and the
    words of its relation the shop knows ("mom or mum or mother"); None where no message is."""
    d = _data()
    nouns, by, owners = set(d["message_nouns"]), set(d["addressed_by"]), set(d["owners"])
    for i, w in enumerate(words[:-2]):
        if w not in nouns or words[i + 1] not in by:
            continue
        rest = [x for x in words[i + 2 : i + 4] if x not in owners]
        if not rest:
            continue
        said = rest[0]
        group = _groups().get(said)
        if group is None:
            continue  # a relation word only: "a note for the delivery" names no one it says
        forms = [said, *(f for f in group if f != said and knows_word(f))]
        return " or ".join(dict.fromkeys(forms))
    return None
