"""A shopper writing Chinese to a shop whose catalog is written in Chinese (data/catalog_zh.csv):
the reader's closed classes that had no reading (a rating with no number, a size said before its
number), and whole turns through the real `Assistant` (deterministic embedder, scripted backend)
where a message of Chinese words the shop itself uses is searched, never answered with "English
only"."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.chinese import ChineseReader

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
