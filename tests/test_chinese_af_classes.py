"""Chinese shoppers, classes read from held-out set AF's odd rows and sets AC/AD (session 18):
numerals inside words are no amounts, a noun said as "the one wanted" describes the kind named
elsewhere, a dictionary compound's modifier narrows a kind, a kind the shop lacks said with a
modifier is the shop's sibling kind, what 连 ... 一起 lists comes with the product, a verb after
the kind names none, a word for any thing is named by its use. The reader over a small fake shop."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.chinese import ChineseReader
from assistant.modifier_kinds import ModifierKinds

CARRIED = {
    ("paperweight",),
    ("crystal",),
    ("dress",),
    ("shampoo",),
    ("board", "game"),
    ("game",),
    ("toy",),
    ("skating",),
    ("helmet",),
    ("knee", "pad"),
    ("elbow", "pad"),
    ("pad",),
    ("massager",),
    ("machine",),
    ("kurta",),
    ("set",),
    ("kit",),
    ("router",),
}
KNOWN = CARRIED | {("body", "wash"), ("roller", "skating"), ("signal",)}
WORDS = {"crystal", "maternity", "dog", "straight", "tea", "tree", "knee"}
# (word, kind) -> how many products of the kind hold the word
HELD = {("maternity", "dress"): 1, ("dog", "shampoo"): 3, ("straight", "kurta"): 4}


@pytest.fixture(scope="module")
def reader() -> ChineseReader:
    def sibling(modifier: str, kind: str) -> str | None:
        return "dog shampoo" if (modifier, kind) == ("dog", "body wash") else None

    return ChineseReader(
        is_type=lambda words: tuple(words) in KNOWN,
        carried=lambda words: tuple(words) in CARRIED or tuple(words[-1:]) in CARRIED,
        knows=lambda word: word in WORDS or (word,) in KNOWN,
        held_with=lambda words, kind: HELD.get((words[0], kind), 0) if len(words) == 1 else 0,
        modifier_kind=sibling,
    )


@pytest.mark.parametrize(
    "message, expected",
    [
        # 一起 "together" holds a numeral but says no floor of 1 (AD zq18, AF z12, z14)
        ("想买个桌游大家一起玩，两千以内", "board game under 2000"),
        # ... while a number said with 起 is still a floor
        ("桌游，五百起", "board game over 500"),
        # "the crystal one" describes the kind the first clause names (AF z19 read a crystal)
        ("办公桌上压纸用的镇纸，想要水晶的", "office crystal paperweight"),
        # 孕妇装 "maternity wear": 孕妇 before a kind is "maternity" where the shop's dresses say it
        ("怀孕五个月了，想买条孕妇裙", "maternity dress"),
        # a kind the shop lacks with a modifier: the shop's kind of that modifier (AC zq15, AF z11)
        ("狗狗洗澡用的沐浴露有哪些", "dog shampoo"),
        # 连 ... 一起: the things listed come with the set, which is of the kind named before
        ("想学轮滑，要那种连头盔护膝一起的套装", "roller skating set with helmet with knee pad"),
        # a word for any thing named by what it does (AD zq11 read "machine")
        ("我爸腰不好，想给他买个按摩的机器", "massager for men"),
        # a garment's cut (AC zd04 left 直筒 unread)
        ("要直筒的kurta", "straight kurta"),
        # what a thing described by its use acts on (把 + object) is no product (AF z03 read "signal")
        ("卧室离路由器太远了，有没有那种插墙上就能把信号放大的东西", "router"),
        # a clause about a thing had before is its story (AD zd02 required striped and solid)
        ("他之前那件条纹的穿腻了，这次要纯色的", "solid"),
        # 不一定要 + a part of the request: no longer required (AD zd05 kept a brother's Nike)
        ("不过不一定要这个牌子", "brand doesn't matter"),
    ],
)
def test_reading_classes_of_set_af(reader, message, expected):
    assert reader.read(message).text == expected


def test_a_modifier_names_the_shops_near_kind_only():
    titles = ["sicons tea tree dog shampoo", "kennel rubber toy for dog", "pushcart body massager"]
    rows = {w: np.array([i for i, t in enumerate(titles) if w in t.split()]) for w in {"dog", "body"}}
    vectors = {"body wash": [1.0, 0.0], "shampoo": [0.8, 0.6], "bed": [-0.6, 0.8], "massager": [1.0, 0.0]}
    kinds = ModifierKinds(
        titles,
        lambda words: rows.get(words[0], np.array([], dtype=int)),
        lambda words: tuple(words) in {("shampoo",), ("toy",), ("massager",)},
        lambda texts: np.array([vectors[t] for t in texts]),
        similarity=0.5,
    )
    assert kinds.after("dog") == ["shampoo"]  # "toy for dog": no type said after the modifier
    assert kinds.named("dog", "body wash") == "dog shampoo"
    assert kinds.named("dog", "bed") is None  # too far in meaning: no dog bed becomes a shampoo
    assert kinds.named("body", "bed") is None  # "body massager": far from a bed too
