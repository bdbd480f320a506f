"""`common.redact`: Chinese names after a relation word with no particle between (common/cjk_names.py,
`chinese_name_cues` and `chinese_name_stops` in common/data/person_names.yaml)."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the relation with its possessive, the grandchildren's words, then the name and what is
        # said of the relative
        ("我爸李国强想要个按摩椅，预算两千", "我爸[NAME]想要个按摩椅，预算两千"),
        ("孙女陈思雨今年上小学，要个书包", "孙女[NAME]今年上小学，要个书包"),
        ("我老婆黄丽华生日是下个月，买条围巾", "我老婆[NAME]生日是下个月，买条围巾"),
    ],
)
def test_chinese_name_after_a_relation_word(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a family name's character opening a dictionary word: what is said of the relative
        "我妈高兴了，谢谢",
        "我爸高血压，买个血压计",
        "老公方便的时候再取",
    ],
)
def test_a_word_after_a_relation_word_is_kept(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an account's or a card's holder is written in katakana or in Latin letters after its label
        ("口座名義：スズキ イチロウ、よろしくお願いします", "口座名義：[NAME]、よろしくお願いします"),
        ("カード名義は SATO KENTA です", "カード名義は [NAME] です"),
        ("受取人 マリア・ガルシア", "受取人 [NAME]"),
        # two katakana words before an honorific
        ("このギフトは キムラ タクヤ 様 宛にお願いします", "このギフトは [NAME] 様 宛にお願いします"),
    ],
)
def test_japanese_names_in_katakana_or_latin_letters(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a two-character item between commas beside contact details, a person's name by jieba's tags
        ("电话 13912345678，王芳，放门口就行", "电话 [PHONE]，[NAME]，放门口就行"),
        ("邮箱 lin.t@qq.com，林涛，发票要抬头", "邮箱 [EMAIL]，[NAME]，发票要抬头"),
        # opening the message before the possessive 的, where jieba tags it a name
        ("林涛的包裹我来收，电话 13912345678", "[NAME]的包裹我来收，电话 [PHONE]"),
    ],
)
def test_a_two_character_name_standing_alone_beside_contacts(text, expected):
    assert redact(text) == expected
