"""Which language a text is written in, as far as the assistant needs to know: Chinese or not.

The bundled English models read Latin text; a message or catalog in Chinese takes the Chinese path
(assistant/chinese.py for messages, the multilingual embedder and word segmentation for catalogs).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def is_chinese(text: str) -> bool:
    """Whether a message is written in Chinese: a few CJK characters are enough, since brands and
    numbers inside a Chinese message are Latin."""
    return len(CJK.findall(text)) >= 2


@cache
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Chinese text in simplified characters (OpenCC, Apache-2.0, its dictionaries in the wheel):
    the word tables, jieba's dictionary and the colour and price words are simplified, so "有沒有
    藍色的" (Taiwan, Hong Kong) lost its colour (set I). Other text is left as it is."""
    return _to_simplified().convert(text) if CJK.search(text) else text


def mostly_chinese(texts: list[str]) -> bool:
    """Whether a catalog is written in Chinese: most of its titles are."""
    return bool(texts) and sum(is_chinese(t) for t in texts) > len(texts) / 2


@cache
def _jieba(vocabulary: frozenset[str] = frozenset()):
    """A jieba.Tokenizer, its dictionary cache kept with the models, not in /tmp, that keeps the
    words of `vocabulary` whole. One per vocabulary: catalogs are segmented with jieba's own
    dictionary alone, so an index built in one process matches the queries of another."""
    import jieba

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    cache_dir = Path(os.environ.get("SHOPASSIST_MODEL_CACHE_DIR") or ".shopassist/models")
    cache_dir.mkdir(parents=True, exist_ok=True)
    tokenizer.tmp_dir = str(cache_dir)
    for word in sorted(vocabulary):
        if len(word) > 1:
            tokenizer.add_word(word)  # with the frequency that makes jieba cut it out whole
    return tokenizer


def segment(text: str, vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """Chinese text cut into words (jieba, MIT, with its own dictionary, plus `vocabulary`: the
    words a reader needs whole, such as shopping-app words jieba splits: 遮阳挡, 有吗); other
    text as it is."""
    return list(_jieba(vocabulary).cut(text))


@cache
def _tagger():
    """jieba's part-of-speech tagger over its own dictionary."""
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_jieba())


def is_adjective(word: str) -> bool:
    """Whether jieba's dictionary tags a Chinese word, whole, as an adjective ("a"): 干净 "clean",
    短 "short", 便宜 "cheap". An adjective describes a product and names none (its English sense may
    still spell a type: "clean" is near "cleaner", "short" is shorts)."""
    pieces = list(_tagger().cut(word))
    return len(pieces) == 1 and pieces[0].word == word and pieces[0].flag == "a"
