"""Japanese names written in katakana or in Latin letters, for `common.redact`. A bank account's or
a card's holder is written phonetically ("名義はヤマダ ハナコ", "名義は TAKAHASHI YUI です"), as is a
foreigner's name, and no list of family names in kanji holds them. Where the words stand decides:

- after a Japanese name label (person_names.yaml: `japanese_kana_name_cues`, "名義", "氏名",
  "受取人"), and perhaps its particle or colon, one to three words of katakana, or two or three
  capitalised words of Latin letters, that fill the clause up to a mark or a Japanese character;
- two or three katakana words set apart by a space or "・" right before an honorific or an
  addressee's mark (`japanese_name_after` less the verbs: "サトウ ケンタ 様").
"""

from __future__ import annotations

import re
from functools import cache

from common.name_words import NAME_TAG, _names_data, merged_spans

# Katakana letters and the long-vowel mark; a name's words set apart by a space of either width
# or a middle dot ("ジョン・スミス").
KATAKANA_WORD = r"[\u30a1-\u30fa\u30fc]{2,}"
KATAKANA_NAME = rf"{KATAKANA_WORD}(?:[ \u3000・]{KATAKANA_WORD}){{0,2}}"
KATAKANA_FULL_NAME = rf"{KATAKANA_WORD}(?:[ \u3000・]{KATAKANA_WORD}){{1,2}}"
# Latin letters as a card or a passport prints them ("TAKAHASHI YUI", "Takahashi Yui").
ROMAJI_NAME = r"[A-Z][A-Za-z]+(?:[ \u3000][A-Z][A-Za-z]+){1,2}"
# What may end the name: a mark, a Japanese character that is no katakana, the text's end.
NAME_END = r"(?=[ \u3000]*(?:[\s、。，,.!?！？）)]|[\u3041-\u3096\u3400-\u9fff]|$))"

# The verbs that `japanese_name_after` holds beside honorifics: after a katakana product's name
# they say as much ("ワイヤレス イヤホン です").
_VERBS = ("です", "と申します", "といいます", "と言います", "でございます", "と申す")


@cache
def _after_cue() -> re.Pattern[str]:
    cues = "|".join(map(re.escape, sorted(_names_data()["japanese_kana_name_cues"], key=len, reverse=True)))
    return re.compile(rf"(?:{cues})[ \u3000]*[はがを:：]?[ \u3000]*(?P<name>{KATAKANA_NAME}|{ROMAJI_NAME}){NAME_END}")


@cache
def _before_honorific() -> re.Pattern[str]:
    marks = [m for m in _names_data()["japanese_name_after"] if m not in _VERBS]
    after = "|".join(map(re.escape, sorted(marks, key=len, reverse=True)))
    return re.compile(rf"(?<![\u30a1-\u30fa\u30fc])(?P<name>{KATAKANA_FULL_NAME})[ \u3000]?(?:{after})")


def kana_names(text: str) -> str:
    """The text with Japanese names in katakana or Latin letters replaced by "[NAME]"."""
    spans = [m.span("name") for m in _after_cue().finditer(text)]
    spans += [m.span("name") for m in _before_honorific().finditer(text)]
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
