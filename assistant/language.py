"""Whether a message is one this assistant can read: its language (by script) and whether it
has any word at all. Kept small and apart so that support for another language plugs in here
(a language the assistant serves is one `SUPPORTED` lists).

Script, not a language-identification model: a message in Chinese, Hindi (Devanagari) or Arabic
is told by its letters alone, instantly; Latin-script messages are read as English (a Hindi word
in Latin letters, "chappal", is a catalog word, not another language).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from common.language import CJK, is_chinese
from common.text import tokenize

# Unicode script name (the first word of a letter's name) -> language code.
SCRIPTS = {
    "LATIN": "en",
    "CJK": "zh",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "HANGUL": "ko",
    "DEVANAGARI": "hi",
    "BENGALI": "bn",
    "TAMIL": "ta",
    "TELUGU": "te",
    "ARABIC": "ar",
    "HEBREW": "he",
    "CYRILLIC": "ru",
    "GREEK": "el",
    "THAI": "th",
}
# "zh": a Chinese message reaches the interpreter only as `assistant/chinese.py` read it, and the
# reader passes Chinese words through only when the shop's own text uses them (a catalog written in
# Chinese): such a reading ("马克杯") is the shop's words, to be searched, not another language.
SUPPORTED = frozenset({"en", "zh"})


def language(text: str) -> str:
    """The language code of the message's dominant script ("en" for Latin or no letters)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts[SCRIPTS.get(name.split(" ")[0], "other")] += 1
    return counts.most_common(1)[0][0] if counts else "en"


def has_words(text: str, knows: Callable[[str], bool]) -> bool:
    """Whether any token of a (Latin-script) message is a word `knows` or a number: "asdkj
    qwpeo" has none."""
    tokens = tokenize(text)
    return not tokens or any(t.isdigit() or knows(t) for t in tokens)


def turn_language(message: str, held: str, grammar: Callable[[str], bool]) -> str:
    """The language a turn is answered in, given the one the conversation is held in (`held`).

    A message written in Chinese is Chinese. In a conversation held in Chinese, a message with any
    Chinese character ("swift的") stays Chinese, and so does one in Latin letters that holds no
    English grammar word (`grammar`: "hyundai i10", "nike" are names, not English): shoppers type
    brands and models in Latin letters, and a reply that turns English for them mixes languages
    (set H: "swift的" was answered in English). Otherwise Latin words make the turn English.
    """
    if is_chinese(message):
        return "zh"
    if held == "zh" and (CJK.search(message) or not any(grammar(t) for t in tokenize(message))):
        return "zh"
    if re.search(r"[A-Za-z]{3,}", message):
        return "en"
    return held
