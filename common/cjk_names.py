"""Chinese, Japanese and Korean names, written with no spaces: a family name of the lists and a
given name of one to three characters after a cue ("收件人"), before the verb that introduces
it ("佐藤 健太です", "김민준입니다"), before contact details or in brackets after them.

Many family names are everyday characters too (高 "high", 方 "square", 金 "gold"): after a
relation word, "我妈高兴了" says the mother is happy. A Chinese candidate that jieba's dictionary
holds as one word tagged as no person's name ("高兴", "高血压") is that word, not a name.
"""

from __future__ import annotations

import re
from functools import cache

from common.language import _jieba
from common.name_words import _name_lists, _names_data


@cache
def _tagger():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_jieba())


def chinese_word_not_name(candidate: str) -> bool:
    """One word of jieba's dictionary whose part of speech is no person's name ("nr")."""
    words = list(_tagger().cut(candidate))
    return len(words) == 1 and not words[0].flag.startswith("nr")


@cache
def _chinese_full_name() -> re.Pattern[str]:
    data = _names_data()
    cues = "|".join(map(re.escape, sorted(data["chinese_name_cues"], key=len, reverse=True)))
    stops = "|".join(map(re.escape, sorted(data["chinese_name_stops"], key=len, reverse=True)))
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    # a verb between the cue and the name: "收件人改成王秀英", "抬头写刘建国"
    verbs = "|".join(map(re.escape, sorted(data["chinese_name_cue_verbs"], key=len, reverse=True)))
    given = rf"(?:(?!{stops})[\u3400-\u9fff])"
    return re.compile(
        rf"(?P<cue>(?:{cues})[：:，,\s]*(?:(?:{verbs})[：:\s]*)?)"
        rf"(?P<name>(?:{surnames}){given}{{1,2}}(?=[^\u3400-\u9fff]|$|{stops})"
        # a name that fills its clause may hold a stop's character ("交俾陳家豪，": 家 is "home" too)
        rf"|(?:{surnames})[\u3400-\u9fff]{{1,2}}(?=[\s，,。；;！!？?]|$))"
    )


# Where a Chinese clause opens: the text's start or a punctuation mark of any width.
_CLAUSE_OPENS = r"(?:^|(?<=[\s，,、。：:；;！!？?…]))"


@cache
def _chinese_addressee() -> re.Pattern[str]:
    """A Chinese full name opening its clause before the word a parcel's addressee is written
    with ("，林怡君收，", "王小明 收"), then the clause's end."""
    data = _names_data()
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    stops = "|".join(map(re.escape, sorted(data["chinese_name_stops"], key=len, reverse=True)))
    marks = "|".join(map(re.escape, sorted(data["chinese_addressee_marks"], key=len, reverse=True)))
    return re.compile(
        rf"{_CLAUSE_OPENS}(?P<name>(?:{surnames})(?:(?!{stops})[\u3400-\u9fff]){{1,2}})[ \t]?(?:{marks})"
        rf"(?=[\s，,、。；;！!？?)）]|$)"
    )


def chinese_addressees(text: str) -> list[tuple[int, int]]:
    """Spans of the names `_chinese_addressee` finds."""
    return [m.span("name") for m in _chinese_addressee().finditer(text)]


@cache
def _chinese_card_greeting() -> re.Pattern[str]:
    """A card or writing word, then within the line "dear" and a given name of two or three
    characters closing its phrase ("贺卡上写：亲爱的晓燕 生日快乐")."""
    data = _names_data()
    cards = "|".join(map(re.escape, sorted(data["chinese_card_words"], key=len, reverse=True)))
    dears = "|".join(map(re.escape, sorted(data["chinese_card_greetings"], key=len, reverse=True)))
    return re.compile(
        rf"(?:{cards})[^\n。]{{0,12}}?(?:{dears})(?P<name>[\u3400-\u9fff]{{2,3}})(?=[\s，,、。；;！!？?：:～~]|$)"
    )


def chinese_card_addressees(text: str) -> list[tuple[int, int]]:
    """Spans of the given names a Chinese card message is addressed to, none a relation, an
    endearment or a dictionary word that is no name."""
    not_names = set(_names_data()["chinese_card_not_names"])
    return [
        m.span("name")
        for m in _chinese_card_greeting().finditer(text)
        if m.group("name") not in not_names and not chinese_word_not_name(m.group("name"))
    ]


@cache
def _cjk_opening_name() -> re.Pattern[str]:
    """A Chinese or Japanese full name opening the message or a line, set apart by a space or a
    comma from what follows ("陈志强 退款请退到…"): a heading, as Chinese writes no space
    between the words of a sentence. Read only where the message gives contact details (their
    holder)."""
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    stops = "|".join(map(re.escape, sorted(_names_data()["chinese_name_stops"], key=len, reverse=True)))
    given = rf"(?:(?!{stops}|[色码号型款])[\u3400-\u9fff])"
    # or before the possessive "的" ("张伟的快递…"): read by `cjk_opening_name_ok`
    return re.compile(rf"(?m)^[ \t]*(?P<name>(?:{surnames}){given}{{1,2}})(?=[ \t\u3000]+\S|[，,：:]|(?P<of>的))")


def cjk_opening_name_ok(m: re.Match[str]) -> bool:
    """A name opening the message before a space or a comma, as `_cjk_opening_name` reads it; one
    before "的" (whose thing follows) only where jieba's dictionary tags the whole a person's
    name: "张伟的快递", not "白色的"."""
    if not m.group("of"):
        return True
    words = list(_tagger().cut(m.group("name")))
    return len(words) == 1 and words[0].flag.startswith("nr")


@cache
def _japanese_introduction() -> re.Pattern[str]:
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    after = "|".join(map(re.escape, _names_data()["japanese_name_after"]))
    return re.compile(
        rf"(?:^|(?<=[\s、。，,！!？?：:「」は]))(?P<name>(?:{surnames})[ \u3000]?(?:[\u3400-\u9fff]{{1,3}}|[\u3041-\u3093]{{2,4}}))[ \u3000]?(?:{after})"
    )


@cache
def _korean_introduction() -> re.Pattern[str]:
    data = _names_data()
    surnames = "".join(w for w in _name_lists()[1] if len(w) == 1 and "\uac00" <= w <= "\ud7a3")
    after = "|".join(map(re.escape, data["korean_name_after"]))
    before = "|".join(map(re.escape, sorted(data["korean_name_cues_before"], key=len, reverse=True)))
    not_given = "|".join(map(re.escape, sorted(data["korean_not_given"], key=len, reverse=True)))
    # after a cue, the particle that closes the name's phrase too ("이름은 최수아로 했어요": "as 최수아")
    particles = "|".join(map(re.escape, sorted(data["korean_cued_name_particles"], key=len, reverse=True)))
    name = rf"(?P<name>[{surnames}](?!{not_given})[\uac00-\ud7a3]{{2}})"
    opening = r"(?:^|(?<=[\s,.!?:]))"
    return re.compile(
        rf"{opening}{name}(?=[ \t]?(?:{after}))|(?:{before})[ \t]*{name.replace('name', 'cued')}(?=[\s,.!?)]|$|{after}|{particles})"
    )


def _cjk_self_introductions(text: str) -> list[tuple[int, int]]:
    """Japanese and Korean names before the verb that introduces them ("佐藤 健太です",
    "김민준입니다"), or after a Korean cue ("저는 이서연이에요", "받는 사람: 박지훈")."""
    business = _names_data()["japanese_business_marks"]
    spans = [
        m.span("name")
        for m in _japanese_introduction().finditer(text)
        if not any(b in m.group("name") for b in business)
    ]
    for m in _korean_introduction().finditer(text):
        spans.append(m.span("name") if m.group("name") else m.span("cued"))
    return spans


@cache
def _cjk_name_before() -> re.Pattern[str]:
    """A Chinese, Japanese or Korean family name and a given name of one or two characters (two
    syllables in Korean), alone in its clause, before contact details."""
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    # not a word that ends in a payment or number word ("银联卡6202…": UnionPay card, no 银 family)
    stops = "|".join(map(re.escape, sorted(_names_data()["chinese_name_stops"], key=len, reverse=True)))
    # a Korean one too: a family name's syllable and a given name of two ("김민준, [PHONE]")
    korean = "".join(w for w in _name_lists()[1] if len(w) == 1 and "\uac00" <= w <= "\ud7a3")
    return re.compile(
        rf"{_CLAUSE_OPENS}(?P<name>(?:{surnames})(?:(?!{stops})[\u3400-\u9fff]){{1,2}}|[{korean}][\uac00-\ud7a3]{{2}})"
        rf"[ \t]*[,，、:：]?[ \t]*\Z"
    )


@cache
def _cjk_holder() -> re.Pattern[str]:
    """A Chinese or Japanese full name in brackets after contact details: a family name of the
    lists, perhaps a space, and a given name of one to three characters or kana ("（佐藤 美咲）")."""
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    return re.compile(rf"(?:{surnames})[ \u3000]?[\u3040-\u30ff\u3400-\u9fff]{{1,3}}")


@cache
def _cjk_list_name() -> re.Pattern[str]:
    """A Chinese or Japanese full name of two to four characters standing alone as an item of a
    list the message sets apart with "、" or commas ("注文番号 OD…、佐藤健太、日中は [PHONE]"): where
    the message gives contact details, the name beside them is their holder's. Not an item ending
    in a colour's or a size's character ("黄金色"): a product's."""
    surnames = "|".join(map(re.escape, sorted(_name_lists()[2], key=len, reverse=True)))
    stops = "|".join(map(re.escape, sorted(_names_data()["chinese_name_stops"], key=len, reverse=True)))
    given = rf"(?:(?!{stops}|[色码号型款])[\u3400-\u9fff])"
    return re.compile(rf"(?<=[、，,])[ \t]?(?P<name>(?:{surnames}){given}{{1,2}})[ \t]?(?=[、，,])")


def cjk_list_name_ok(name: str) -> bool:
    """A list item of three or four characters as `_cjk_list_name` reads it; one of two (a family
    name and one character, "李娟") only where jieba's dictionary tags it a person's name: two
    characters opening with a family name's are as often a word ("马上", "高兴", "白色")."""
    if len(name) > 2:
        return True
    words = list(_tagger().cut(name))
    return len(words) == 1 and words[0].flag.startswith("nr")
