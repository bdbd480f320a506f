"""A shopper writing Chinese to a shop whose catalog is written in Chinese (data/catalog_zh.csv):
the reader's closed classes that had no reading (a rating with no number, a size said before its
number), and whole turns through the real `Assistant` (deterministic embedder, scripted backend)
where a message of Chinese words the shop itself uses is searched, never answered with "English
only"."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chinese import ChineseReader, shop_kinds
from assistant.chinese_kinds import ShopKinds

ZH_CATALOG = Path(__file__).resolve().parent.parent / "data" / "catalog_zh.csv"


@pytest.fixture(scope="module")
def reader() -> ChineseReader:
    kinds = {("trousers",), ("jeans",), ("shoe",), ("watch",)}
    return ChineseReader(lambda w: tuple(w) in kinds, lambda w: tuple(w) in kinds, lambda w: (w,) in kinds)


@pytest.mark.parametrize(
    "message, expected",
    [
        ("评分高一点的", "highly rated"),
        ("有没有口碑好的手表", "watch highly rated"),
        ("要好评多一些的", "highly rated"),
        ("评分4分以上", "rated 4 and above"),  # a number still wins over the plain "higher"
        ("腰围32", "size 32"),
        ("尺码42的鞋", "size 42 shoe"),
        ("鞋码 38", "size 38"),
    ],
)
def test_ratings_and_sizes_without_the_usual_words(reader, message, expected):
    assert reader.read(message).text == expected


# A small shop written in Chinese: its category paths, as a catalog has them.
PATHS = [
    ["家居厨房", "咖啡及茶具", "马克杯"],
    ["家居厨房", "咖啡及茶具", "水壶及茶壶"],
    ["服饰", "男装", "牛仔裤及长裤"],
    ["服饰", "女装", "牛仔裤及长裤"],  # the same node in two places: still that node
    ["鞋靴", "男鞋", "跑步鞋"],
    ["鞋靴", "童鞋", "运动鞋"],
    ["家居厨房", "锅具"],
    ["服饰", "女装"],
    ["服饰", "男装"],
    ["美妆个护", "礼盒套装"],
]


class NearWords:
    """A stand-in embedder: each word its own direction, the words listed as near sharing one."""

    NEAR = {"锅": "锅具", "平底锅": "锅具"}

    def __init__(self):
        self.seen: dict[str, int] = {}

    def encode(self, sentences, **_):
        import numpy as np

        rows = np.zeros((len(sentences), 64), dtype=np.float32)
        for row, s in enumerate(sentences):
            rows[row, self.seen.setdefault(self.NEAR.get(s, s), len(self.seen))] = 1.0
        return rows


@pytest.mark.parametrize(
    "word, kinds",
    [
        ("马克杯", ["马克杯"]),  # the shop's own kind
        ("跑步鞋", ["跑步鞋"]),
        ("男士跑步鞋", ["跑步鞋"]),  # ends with one: the head comes last
        ("电热水壶", ["水壶"]),
        ("杯子", ["马克杯"]),  # a generic word: every kind with that head
        ("裤子", ["牛仔裤及长裤"]),  # several kinds of that head: the node that holds them all
        ("鞋子", ["鞋靴"]),
        ("杯", ["马克杯"]),  # a head alone names its kinds too
        ("装", ["装"]),  # kinds of that head under no one node, too many to list: the head itself
        ("冰箱", []),  # nothing of the shop's
        ("mug", []),  # Latin words are the English reading's
    ],
)
def test_a_chinese_word_names_the_shops_own_kinds(word, kinds):
    assert ShopKinds.of_categories(PATHS, None, 0.96, ["子", "儿"], 2).lexical(word) == kinds


def test_the_embedder_names_a_kind_only_above_the_measured_threshold():
    kinds = shop_kinds(PATHS, NearWords())
    assert kinds.similar("锅") == "锅具"
    assert kinds.similar("洗衣机") is None
    assert not shop_kinds([["Home", "Kitchen", "Mugs"]], NearWords())  # an English catalog: nothing


@pytest.fixture(scope="module")
def chinese_shop_reader() -> ChineseReader:
    shop = {"马克杯", "牛仔裤", "长裤", "水壶", "电热", "运动鞋", "锅具"}
    return ChineseReader(
        is_type=lambda words: tuple(words) == ("washing", "machine"),  # the general list's, not the shop's
        carried=lambda words: "".join(words) in shop,
        knows=lambda word: word in shop,
        shop_kinds=shop_kinds(PATHS, NearWords()),
    )


@pytest.mark.parametrize(
    "message, expected",
    [
        ("我想买个杯子", "马克杯"),  # not "cup or mug", which the shop does not say
        ("给我老公买条裤子", "牛仔裤及长裤 for men"),
        ("男士跑步鞋", "跑步鞋 for men"),
        ("电热水壶", "电热 水壶"),
        ("做饭用的锅", "锅具"),  # through the embedder
        ("想买一台洗衣机", "washing machine"),  # no evidence in the shop: the English reading
        ("300块以内的运动鞋", "运动鞋 under 300"),
    ],
)
def test_chinese_words_read_against_a_chinese_shops_kinds(chinese_shop_reader, message, expected):
    assert chinese_shop_reader.read(message).text == expected


@pytest.fixture(scope="module")
def zh_shop(tmp_path_factory):
    from assistant.core import Assistant
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog
    from tests.fakes import FAKE_EMBEDDING, HashEmbedder, ScriptedBackend

    embed = HashEmbedder()
    settings = Settings(data_dir=tmp_path_factory.mktemp("zh-shop"), embedding_model=FAKE_EMBEDDING)
    ingest_catalog(settings, ZH_CATALOG, progress=False, embed=embed)
    return Assistant.load(settings, backend=ScriptedBackend(), embed=embed)


@pytest.mark.parametrize(
    "message, in_title",
    [
        ("马克杯", "马克杯"),  # the shop's own leaf category, said alone
        ("想要一个帐篷", "帐篷"),
        ("毛绒玩具", "毛绒"),
        ("有没有哑铃", "哑铃"),
        ("我想买个杯子", "马克杯"),  # a generic word: the shop's kind with that head
        ("给我老公买条裤子", "裤"),
    ],
)
def test_the_shops_own_chinese_word_alone_finds_its_products(zh_shop, message, in_title):
    from assistant.session import Session

    reply = zh_shop.reply(Session(), message)
    assert reply.products, reply.text
    assert in_title in reply.products[0].title
    assert "English" not in reply.text


def test_a_rating_asked_for_in_words_filters_on_it(zh_shop):
    from assistant.session import Session

    session = Session()
    zh_shop.reply(session, "我想买手表")
    reply = zh_shop.reply(session, "评分高一点的")
    assert reply.products and all((c.rating or 0) >= 4.0 for c in reply.products)
    assert reply.constraints.get("categories") == ["手表"]  # the request's kind stays


@pytest.mark.parametrize("message, word", [("我想买一台洗衣机", "洗衣机"), ("冰箱有吗", "冰箱")])
def test_a_kind_the_shop_lacks_is_named_in_the_shoppers_words(zh_shop, message, word):
    from assistant.session import Session

    reply = zh_shop.reply(Session(), message)
    assert not reply.products
    assert f"没有“{word}”" in reply.text, reply.text


def test_a_kind_the_shop_lacks_from_an_earlier_turn_is_never_named_in_english(zh_shop):
    import re

    from assistant.session import Session

    session = Session()
    zh_shop.reply(session, "我想买一台洗衣机")
    reply = zh_shop.reply(session, "冰箱有吗")  # the request keeps the earlier kind, read in English
    assert not reply.products
    assert not re.search(r"[A-Za-z]{3,}", reply.text), reply.text
