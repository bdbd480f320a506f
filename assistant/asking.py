"""Whether a message asks something, in the ways a question about a named product is put where no
"?" or clause-opening question word says so: an inverted verb and a pronoun anywhere ("skayvon
pump controller does it beep"), a Hindi or Hinglish question word ("X ka weight kitna hai", "kya
ye waterproof hai") or ending ("... hai ki nahi"). The words are data (`data/asking.yaml`).

Used where the assistant decides whether a message naming a product asks about it
(`named_products.NamedProducts.ids`, `interpret.interpret`), beside the English tests there.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from common.settings import read_yaml_config

DATA_FILE = Path(__file__).resolve().parent / "data" / "asking.yaml"


@cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    data = read_yaml_config(DATA_FILE, what="asking data file")
    words = sorted(set(data["question_words"].split()), key=len, reverse=True)
    endings = sorted(data["question_endings"], key=len, reverse=True)
    verbs = "|".join(data["inverted_verbs"].split())
    subjects = "|".join(data["inverted_subjects"].split())
    openers = "|".join(data["clause_openers"].split())
    after_opener = "|".join(data["inverted_after_opener"].split())
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in data["asking_phrases"])
    # Devanagari vowel signs are no word characters to `\b`: a word is bounded by a space, a
    # punctuation mark or the text's ends instead.
    edge_before, edge_after = r"(?:(?<=[\s\W])|^)", r"(?=[\s\W]|$)"
    return (
        re.compile(edge_before + "(?:" + "|".join(map(re.escape, words)) + ")" + edge_after, re.I),
        re.compile(edge_before + "(?:" + "|".join(map(re.escape, endings)) + r")\W*$", re.I),
        # not in a relative clause ("a kettle that does it all")
        re.compile(rf"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\b(?:{verbs})\s+(?:{subjects})\b", re.I),
        # an inverted verb opening a clause after "so"/"but": "... so CAN THE keep calm mug go in"
        re.compile(rf"\b(?:{openers})\s+(?:{verbs})\s+(?:{after_opener})\b", re.I),
        re.compile(rf"\b(?:{phrases})\b", re.I),
    )


def asks(message: str) -> bool:
    """The message asks a question by a Hindi/Hinglish question word or ending, by an inverted
    verb and pronoun said anywhere in it or opening a clause after "so"/"but", or by a phrase
    that asks for a fact ("tell me the length of ...")."""
    return any(p.search(message) for p in _patterns())
