"""Grounding: every generated sentence shown must be specific and supported by this turn's records.

Checked sentence by sentence, so it works on a stream. A sentence is removed when it
- names a product that was not retrieved (another catalog title, a catalog brand not among the
  results), or carries a price that belongs to no retrieved product;
- says nothing specific: no retrieved product (by name, brand or position), no attribute of one,
  no price from the records (filler such as "a great product to have in your life");
- praises ("I'm sure they'll love the second one", "you can't go wrong with either pair") with
  nothing a shopper can check in the records beside it (`data/grounding.yaml`);
- says the same clause twice ("..., and I'm sure they're going to love the third one too"), or
  is nothing but a product's name;
- makes a claim about the shopper they did not make ("she loves jewellery");
- repeats a sentence or a figure of an earlier reply, or states a count or position that
  disagrees with the cards ("the third one" under two cards, "I found 100 products");
- makes a comparative claim (cheaper, dearer, higher-rated, lighter, bigger, newer) the records
  do not support for the product it is about (see assistant/comparatives.py).
A price that differs from the record of the product the sentence is about (by name, position,
"it" after one, or the one shown product of the kind it names: "a 60-dollar head torch") is
corrected from the record, in whatever form it is said ("$60", "60-dollar", "60 bucks"). Every
removal is counted in the report.

Policy answers have no products in play: `PassageGrounder` keeps a sentence only when its words
and numbers come from the policy passages quoted to the model.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from assistant import comparatives
from assistant.ordinals import ORDINALS
from assistant.wording import format_price
from common.schema import Product
from common.settings import read_yaml_config
from common.text import STOPWORDS, singular, tokenize

log = logging.getLogger(__name__)

PRICE = re.compile(
    r"(?P<pre>(?:US)?\$|USD\s?|INR\s?|Rs\.?\s?|₹|€|£)\s?(?P<a>\d[\d,]*(?:\.\d{1,2})?)"
    r"|(?P<b>\d[\d,]*(?:\.\d{1,2})?)[\s-]?(?P<post>USD|INR|EUR|GBP|dollars?|rupees?|bucks|euros?)\b",
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# Capitalised word runs ("Apex Trail Runner") are how small models invent product names.
NAME_RUN = re.compile(r"\b(?:[A-Z][\w'&-]+\s+){1,5}[A-Z][\w'&-]+\b")


@dataclass
class GroundingReport:
    removed_sentences: int = 0
    corrected_prices: int = 0
    removed: list[str] = field(default_factory=list)  # what was removed, for the logs

    @property
    def corrections(self) -> int:
        return self.removed_sentences + self.corrected_prices


# A person and a taste or trait attributed to them: a claim only the shopper can make.
PERSON = re.compile(r"\b(?:you|you'?re|you'?ll|your|she|she'?s|he|he'?s|her|his|him|they|they'?re|their)\b", re.I)
TRAIT = re.compile(
    r"\b(?:love[sd]?|lov(?:e|ing)|like[sd]?|enjoys?|adores?|fond|prefers?|favou?rite|passion(?:ate)?|"
    r"obsessed|always|never|taste|style is|dreams?|happy|deserves?)\b",
    re.I,
)
# Words that point at shown products without naming them ("the second one", "both", "option 2").
POSITION_WORDS = {w: n for w, n in ORDINALS.items() if w.isalpha()}
POSITION_NUMBER = re.compile(r"(?:#|\bnumber\s+|\bno\.\s*|\boption\s+|\bitem\s+|\bpick\s+)(\d{1,2})\b", re.I)
# A sentence opening with one of these continues about the product the last sentence named.
# The request told back to the shopper ("I'm sure you're looking for a rain jacket"): they
# know what they asked; the chips already show it.
RESTATES = re.compile(
    # ... in the second person or the third: the model also speaks of the shopper as "they".
    r"\b(?:(?:you|they|he|she)(?:'re| are|'s| is) (?:looking|searching|shopping) for|(?:you|they) (?:want|need|asked for|wish)|"
    r"your (?:request|search|query)|you(?:'ve| have) asked)\b",
    re.I,
)
CONTINUATION = {"it", "its", "it's", "this", "that", "they", "these", "those", "both", "each", "either", "all"}
# ... of which these speak of every shown product, not of the one the last sentence named.
SHOWN_SET = frozenset({"both", "each", "either", "all"})
MAX_SENTENCE_WORDS = 40  # longer "sentences" are small models dumping the data block
MAX_UNFINISHED_WORDS = 6
NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


@dataclass
class Grounder:
    retrieved: list[Product]
    catalog_brands: Iterable[str] = ()
    type_words: set[str] = field(default_factory=set)
    shopper_said: str = ""  # everything the shopper wrote in this conversation, this turn included
    earlier_replies: list[str] = field(default_factory=list)  # the assistant's earlier replies
    counts: set[int] = field(default_factory=set)  # counts the reply may state (cards, matches)
    policy_text: str = ""  # policy passages quoted beside the products (the copilot's), if any
    report: GroundingReport = field(default_factory=GroundingReport)

    def __post_init__(self) -> None:
        self._retrieved_brands = {(p.brand or "").lower() for p in self.retrieved if p.brand}
        self._other_brands = {b for b in self.catalog_brands if b not in self._retrieved_brands and len(b) >= 4}
        self._said: set[str] = set()
        self._anchors = _anchor_words(self.retrieved)
        self._record_words = {w for p in self.retrieved for w in tokenize(f"{_record_text(p)} {p.description}")}
        self._facts = _fact_words(self.retrieved, self.type_words)
        self._record_words |= set(tokenize(self.policy_text))
        self._earlier = {" ".join(tokenize(s)) for reply in self.earlier_replies for s in _sentences(reply)}
        self._earlier_numbers = {n for reply in self.earlier_replies for n in _numbers(reply)}
        # A description's figures are the record's too ("400 lumens", "comfort rated to 2°C").
        record_text = " ".join(f"{_record_text(p)} {p.description}" for p in self.retrieved)
        self._allowed_numbers = (
            _numbers(record_text)
            | _numbers(self.shopper_said)
            | {float(n) for n in self.counts}
            | {float(len(self.retrieved)), 5.0}  # "4.5/5"
        )
        self._last_anchored = False
        self._subject: Product | None = None  # the product the last sentence was about
        self._about: list[Product] = []  # the products the last sentence spoke about
        self._support = {p.id: _support_words(p) for p in self.retrieved}

    # -- one sentence ------------------------------------------------------------------------
    def sentence(self, text: str) -> str | None:
        """The sentence, corrected; or None when it must go."""
        key = " ".join(tokenize(text))
        # Small models loop, often with a word changed: a repeated sentence adds nothing.
        if key in self._said or any(_near_repeat(key, said) for said in self._said):
            self._said.add(key)
            return self._remove(text, "repeats a sentence of this reply")
        self._said.add(key)
        if only_quotes(text):
            return self._remove(text, "only quotes the records, in no words of its own")
        mentioned = self._mentioned(text)
        if self._names_unknown_product(text, mentioned):
            return self._remove(text, "names a product not retrieved this turn")
        problem = self._unsupported(text, key, mentioned)
        if problem:
            self._last_anchored = False
            return self._remove(text, problem)
        out, offset = text, 0
        # The products a price is about: those named, else the one the sentence is about.
        about = mentioned or ([self._subject] if self._subject is not None else [])
        for m in PRICE.finditer(text):
            value = float((m.group("a") or m.group("b")).replace(",", ""))
            prices = [p.price for p in about if p.price is not None]
            if any(abs(value - p) < 0.01 for p in prices):
                continue
            if prices:  # the sentence is about a product: its record price is the truth
                fixed = format_price(prices[0], about[0].currency)
                start, end = m.start() + offset, m.end() + offset
                out = out[:start] + fixed + out[end:]
                offset += len(fixed) - (m.end() - m.start())
                self.report.corrected_prices += 1
                log.info("grounding: corrected price %s -> %s", m.group(), fixed)
                continue
            if not any(p.price is not None and abs(value - p.price) < 0.01 for p in self.retrieved):
                return self._remove(text, f"price {m.group()} matches no retrieved product")
        return out

    def _unsupported(self, text: str, key: str, mentioned: list[Product]) -> str | None:
        """Why a sentence says nothing the records support, or None when it is fine."""
        if len(key.split()) > MAX_SENTENCE_WORDS:
            return "is a run-on list, not a sentence"
        if key in self._earlier or any(fuzz.ratio(key, old) >= 90 for old in self._earlier):
            return "repeats an earlier reply"
        if _says_twice(text, self.retrieved):
            return "says the same clause twice"
        named = {w for p in mentioned for w in tokenize(f"{p.title} {p.brand or ''}")}
        if mentioned and not set(tokenize(text)) - named - STOPWORDS:  # "Ridge Rechargeable Head Torch."
            return "names a product and says nothing of it"
        if RESTATES.search(text) and not (mentioned or PRICE.search(text)):
            return "tells the shopper's request back to them"
        trait = TRAIT.search(text)
        if trait and PERSON.search(text) and trait.group().lower() not in self.shopper_said.lower():
            return "claims something about the shopper they did not say"
        positions = self._positions(text)
        if any(n > len(self.retrieved) for n in positions):
            return "points at a product position that was not shown"
        opener = tokenize(text)[:1]
        continues = bool(opener and opener[0] in CONTINUATION)
        subject = None if "both" in tokenize(text) else self._subject_of(text, mentioned, positions, continues)
        false_comparison = comparatives.unsupported(text, subject, self.retrieved, mentioned)
        if false_comparison:
            return false_comparison
        # The products the sentence speaks about: those it names or points at, the kind it
        # names, or, for "it"/"they", those the sentence before spoke about.
        pointed = [self.retrieved[n - 1] for n in dict.fromkeys(positions) if 0 < n <= len(self.retrieved)]
        kind = [subject] if subject is not None and not (mentioned or pointed or continues) else []
        follows = continues and not (mentioned or pointed or kind)
        if follows and (opener[0] in SHOWN_SET or len(self.retrieved) == 1):
            about = self.retrieved if len(self.retrieved) == 1 else []  # "all of these": the others' checks
        else:
            about = mentioned or pointed or kind or (self._about if continues else [])
        if follows and opener[0] not in SHOWN_SET and not about:
            return "continues about no product"
        # A sentence that only continues ("It is warm.", "They're also designed to keep you cool")
        # names nothing a shopper could check it against: the record it speaks about must say it.
        # (A sentence naming a product is held by the other checks; records are often thin.)
        unsupported = [p for p in about if follows and not PRICE.search(text) and not self._supported(text, p)]
        if unsupported:
            return f"says something the {unsupported[0].title}'s record does not"
        self._about = about
        self._subject = subject
        without_prices = PRICE.sub(" ", text)
        for number in _numbers(without_prices) - self._allowed_numbers:
            return (
                f"repeats the figure {number:g} from an earlier reply"
                if number in self._earlier_numbers
                else f"states the figure {number:g}, which no record or count supports"
            )
        words = set(tokenize(text))
        terms_ = words & SERVICE_TERMS
        if terms_ and not terms_ <= self._record_words:  # "the first one comes with a warranty"
            return f"states {sorted(terms_)[0]} terms, which only the policies (not these records) give"
        if praises(text) and not (words & self._facts or PRICE.search(text) or _numbers(without_prices)):
            return "praises with nothing from the records to check"
        anchored = bool(mentioned or positions or words & self._anchors or PRICE.search(text))
        if not anchored and not (self._last_anchored and opener and opener[0] in CONTINUATION):
            return "names no product, attribute or price from the records"
        self._last_anchored = True
        return None

    def _supported(self, text: str, product: Product) -> bool:
        """Whether the record of the product a sentence speaks about supports what it says: of
        its own words (not the product's name, stopwords, praise or pronouns), at least
        `supported_share` (data/grounding.yaml) are words of that record ("It is warm." of a softshell whose record
        never says warm is not)."""
        others = " ".join(f"{p.title} {p.brand or ''}" for p in self._mentioned(text) if p.id != product.id)
        named = set(_stems(others))  # the products it sets this one against say nothing of this one
        for claim in comparatives.claims_in(text):  # "cheaper", "lasts longer": checked against the records above
            text = claim.pattern.sub(" ", text)
        words = [w for w in _stems(text) if w not in named and w not in _unsupportive()]
        if not words:
            return True  # nothing said beyond the name: the other checks judge it
        record = self._support[product.id]
        return sum(_stem_in(w, record) for w in words) >= _supported_share() * len(words)

    def _subject_of(self, text: str, mentioned: list[Product], positions: list[int], continues: bool) -> Product | None:
        """The one product a sentence is about: the one it names first, the position it points
        at, or the last one's for "it"/"this" (None when it points at several or none)."""
        if mentioned:
            return comparatives.first_named(text, mentioned)
        if not mentioned and len(set(positions)) == 1:
            return self.retrieved[positions[0] - 1] if 0 < positions[0] <= len(self.retrieved) else None
        if not mentioned and not positions and continues:
            return self._subject
        if not mentioned and not positions:
            return self._one_of_kind(text)
        return None

    def _one_of_kind(self, text: str) -> Product | None:
        """The one shown product whose title names a kind the sentence names ("the lantern",
        "a head torch"); None when no kind is named or several products are of it."""
        kinds = set(tokenize(text)) & self.type_words
        if not kinds:
            return None
        found = [p for p in self.retrieved if kinds & set(tokenize(p.title))]
        return found[0] if len(found) == 1 else None

    def _positions(self, text: str) -> list[int]:
        words = tokenize(text)
        found = [POSITION_WORDS[w] for w in words if w in POSITION_WORDS and self.retrieved]
        found += [int(n) for n in POSITION_NUMBER.findall(text)]
        if "both" in words:
            found.append(2)
        return found

    def _mentioned(self, text: str) -> list[Product]:
        low = text.lower()
        found = []
        for p in self.retrieved:
            title = p.title.lower()
            if title in low or (len(title) > 12 and fuzz.partial_ratio(title, low) >= 90):
                found.append(p)
        return found

    def _names_unknown_product(self, text: str, mentioned: list[Product]) -> bool:
        words = set(tokenize(text))
        if any(set(tokenize(b)) <= words for b in self._other_brands if tokenize(b)):
            return True
        titles = [p.title.lower() for p in self.retrieved]
        for run in NAME_RUN.findall(text):
            run_words = tokenize(run)
            if not (set(run_words) & self.type_words):
                continue  # not product-like ("Hi There", "ShopAssist Demo Store")
            if not any(fuzz.partial_ratio(run.lower(), t) >= 85 for t in titles):
                return True
        return False

    def _remove(self, text: str, why: str) -> None:
        self.report.removed_sentences += 1
        self.report.removed.append(text)
        log.info("grounding: removed sentence (%s)", why)
        return None

    # -- whole texts and streams -------------------------------------------------------------
    def text(self, text: str) -> str:
        return " ".join(s for s in (self.sentence(x) for x in _sentences(text)) if s)

    def stream(self, deltas: Iterable[str]) -> Iterator[str]:
        """Grounded sentences, each as soon as it is complete."""
        for sentence in stream_sentences(deltas):
            kept = self.sentence(sentence)
            if kept:
                yield kept + " "


def stream_sentences(deltas: Iterable[str]) -> Iterator[str]:
    """Complete sentences out of a stream of text deltas, as soon as each one ends."""
    buffer, sentences = "", 0
    for delta in deltas:
        buffer += delta
        parts = SENTENCE_END.split(buffer)
        for part in parts[:-1]:
            if part.strip():
                sentences += 1
                yield part.strip()
        buffer = parts[-1]
    # A last fragment with no closing punctuation was cut off by the token limit, unless it is
    # the whole of a short reply ("Great pick"): after whole sentences even a short one is a stub
    # ("They're a coffee maker").
    tail = buffer.strip()
    if tail and (tail[-1] in ".!?" or (sentences == 0 and len(tokenize(tail)) <= MAX_UNFINISHED_WORDS)):
        yield tail


def _record_text(p: Product) -> str:
    values = [p.title, p.brand or "", " ".join(p.colours), p.material or "", " ".join(p.sizes), " ".join(p.audience)]
    values += list(p.attributes.values())
    if p.rating:
        values.append(f"{p.rating:g}")
    if p.stock is not None:
        values.append(str(p.stock))
    return " ".join(values)


# Words that say nothing a record could support or contradict: how a sentence is put.
HOW_SAID = frozenset(
    "also too just really very quite even still well both each either all one ones pair option pick choice "
    "it its they them their this that these those there here has have had having make makes made give gives "
    "offer offers come comes can could will would should may might get gets keep keeps use used "
    "designed perfect ideal suitable great good nice right than out like".split()
)


def _stems(text: str) -> list[str]:
    return [singular(w) for w in tokenize(text.replace("’", "'").replace("'", " ")) if len(w) > 2 and not w.isdigit()]


@cache
def _unsupportive() -> frozenset[str]:
    praise = {w for phrase in _praise() for w in phrase}
    return frozenset(STOPWORDS | GENERIC_WORDS | HOW_SAID | praise | set(POSITION_WORDS) | {"re", "ll", "ve"})


def _support_words(p: Product) -> set[str]:
    """The record's words, with the names of the fields it states ("rated 4.6": its rating)."""
    fields = [
        "rated rating review" if p.rating else "",
        "price cost priced dollar rupee buck" if p.price is not None else "",
        "stock available" if p.in_stock else "",
        "colour color" if p.colours else "",
        "material made" if p.material else "",
        "size" if p.sizes else "",
    ]
    text = f"{_record_text(p)} {p.description} {' '.join(p.category)} {' '.join(p.attributes)} {' '.join(fields)}"
    return set(_stems(text))


def _stem_in(word: str, record: set[str]) -> bool:
    """The word, or a form of it: the first five letters shared ("quietens"/"quieten", "padding"/"padded"),
    or a short word and its longer form ("warm"/"warmth")."""
    if word in record:
        return True
    if len(word) >= 5 and any(len(r) >= 5 and r[:5] == word[:5] for r in record):
        return True
    return len(word) >= 4 and any(r.startswith(word) and len(r) - len(word) <= 4 for r in record)  # "warm"/"warmth"


def _near_repeat(key: str, said: str) -> bool:
    """Nearly the same sentence, or one inside the other ("...for your wife" after "...for your
    wife, and ..."): small models loop with a word changed or a clause dropped."""
    shorter = min(len(key), len(said))
    if fuzz.ratio(key, said) >= 90 or (shorter >= 30 and fuzz.partial_ratio(key, said) >= 95):
        return True
    # The same claim with a word or a clause changed ("They're also a small business that ..."
    # after "They're not just a brand, but a small business that ..."): nearly every content word
    # of the shorter one is in the other.
    a, b = ({w for w in s.split() if w not in STOPWORDS and len(w) > 2} for s in (key, said))
    small, large = sorted((a, b), key=len)
    return len(small) >= 6 and len(small & large) >= 0.85 * len(small)


GROUNDING_DATA = Path(__file__).resolve().parent / "data" / "grounding.yaml"


@cache
def _supported_share() -> float:
    return float(read_yaml_config(GROUNDING_DATA, what="grounding data file")["supported_share"])


@cache
def _praise() -> tuple[tuple[str, ...], ...]:
    data = read_yaml_config(GROUNDING_DATA, what="grounding data file")
    return tuple(tuple(_plain_words(w)) for w in data["praise"])


def _plain_words(text: str) -> list[str]:
    return tokenize(text.lower().replace("’", "'").replace("'", ""))


def praises(text: str) -> bool:
    """Whether the sentence uses a word or phrase of praise (`data/grounding.yaml`)."""
    words = _plain_words(text)
    return any(words[i : i + len(p)] == list(p) for p in _praise() for i in range(len(words) - len(p) + 1))


def _fact_words(products: list[Product], type_words: set[str]) -> set[str]:
    """Words that state something checkable about a shown product: its attributes and
    description, without what only names it (title, brand, kind) or could be said of anything."""
    facts, names = set(), set(type_words)
    for p in products:
        facts.update(tokenize(f"{_record_text(p)} {p.description}"))
        names.update(tokenize(f"{p.title} {p.brand or ''}"))
    praise = {w for phrase in _praise() for w in phrase}
    return {w for w in facts - names - praise - GENERIC_WORDS - STOPWORDS if len(w) > 2 and not w.isdigit()}


# Clauses of one sentence: "..., and ...", "...; ...".
CLAUSE_BREAK = re.compile(
    r",\s*(?:and|but|or|while)?\s*|;\s*|\s+(?:and|but)\s+(?=(?:i|you|he|she|they|it|the|this|that)\b)", re.I
)


def _says_twice(text: str, products: list[Product]) -> bool:
    """One sentence that says a clause twice with only the product it points at changed ("I'm
    sure he'll love the second one, and I'm sure he'll love the third one too")."""
    pointers = set(POSITION_WORDS) | {"one", "ones", "pair", "too", "also", "as", "well"}
    pointers |= {w for p in products for w in tokenize(p.title)}
    clauses = []
    for part in CLAUSE_BREAK.split(text):
        words = {w for w in tokenize(part) if w not in STOPWORDS and w not in pointers and len(w) > 2}
        if len(words) >= 2:
            clauses.append(words)
    for i, a in enumerate(clauses):
        for b in clauses[i + 1 :]:
            small, large = sorted((a, b), key=len)
            if small <= large:
                return True
    return False


def _anchor_words(products: list[Product]) -> set[str]:
    """Words that tie a sentence to the shown products: names, brands and attribute values."""
    words: set[str] = set()
    for p in products:
        words.update(w for w in tokenize(_record_text(p)) if len(w) >= 3 and not w.isdigit())
        words.update(w for node in p.category for w in tokenize(node) if len(w) >= 3)
    return words - GENERIC_WORDS


# Service terms are the policies' to state: a product reply may use them only where a record does.
SERVICE_TERMS = frozenset(
    "warranty warranties guarantee guaranteed refund refunds refundable returnable exchange exchangeable "
    "shipping delivery".split()
)

# Words too common in titles and categories to make a sentence specific on their own.
GENERIC_WORDS = set(
    "the and for with new best great good nice quality premium product products item items set pack".split()
)


def _numbers(text: str) -> set[float]:
    return {float(n) for n in NUMBER.findall(text.replace(",", ""))}


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


QUOTED = re.compile(r'"[^"]*"|“[^”]*”|‘[^’]*’')


def only_quotes(text: str) -> bool:
    """A "sentence" that is record text in quotation marks and nothing else (a small model
    listing a title and two descriptions): the shopper has read those on the cards already."""
    return bool(QUOTED.search(text)) and not tokenize(QUOTED.sub(" ", text))


def degenerate(text: str) -> bool:
    """Empty, tiny, or looping output: not worth showing a shopper."""
    words = tokenize(text)
    if len(words) < 4:
        return True
    return len(words) >= 12 and len(set(words)) / len(words) < 0.35


# Amounts a policy states as a whole: a range ("3-5") and a number with its unit ("30 days").
# "2-3 business days" is wrong against "3-5 business days" although both numbers appear there.
RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:-|–|to)\s*(\d+(?:\.\d+)?)")
QUANTITY = re.compile(
    r"(\d+(?:\.\d+)?)[\s-]*((?:business |working |calendar )?(?:day|hour|week|month|year)s?|%|percent)\b", re.I
)


def _ranges(text: str) -> set[tuple[float, float]]:
    return {(float(a), float(b)) for a, b in RANGE.findall(text)}


def _quantities(text: str) -> set[tuple[float, str]]:
    """(number, unit) pairs, the unit singular and without "business"/"working"/"calendar"."""
    out = set()
    for number, unit in QUANTITY.findall(text):
        unit = re.sub(r"^(?:business|working|calendar) ", "", unit.lower()).rstrip("s")
        out.add((float(number), "%" if unit == "percent" else unit))
    return out


@dataclass
class PassageGrounder:
    """Keeps a policy answer's sentence only when the quoted passages support it: its numbers
    appear in them and most of its content words do ("30 days", "free returns")."""

    passages: list[str]
    min_overlap: float = 0.5
    already: list[str] = field(default_factory=list)  # text the shopper has read this turn (the quote)
    report: GroundingReport = field(default_factory=GroundingReport)

    def __post_init__(self) -> None:
        text = " ".join(self.passages)
        self._words = set(tokenize(text))
        self._numbers = _numbers(text)
        self._ranges = _ranges(text)
        self._quantities = _quantities(text)
        self._said: set[str] = {" ".join(tokenize(x)) for t in self.already for x in re.split(r"(?<=[.:;])\s+", t)}

    def sentence(self, text: str) -> str | None:
        key = " ".join(tokenize(text))
        if key in self._said or any(_near_repeat(key, said) for said in self._said):
            return self._remove(text, "repeats a sentence of this answer")
        self._said.add(key)
        if only_quotes(text):
            return self._remove(text, "only quotes the passages, in no words of its own")
        missing = _numbers(text) - self._numbers
        if missing:
            return self._remove(text, f"states {min(missing):g}, which the policy passages do not")
        ranges = _ranges(text)
        if ranges - self._ranges:
            return self._remove(text, "states a range the policy passages do not")
        # A quantity must be one the passages state, or an end of a range they state ("up to 5 days").
        stated = self._quantities | {(end, unit) for r in self._ranges for end in r for _, unit in self._quantities}
        if any(q not in stated for q in _quantities(RANGE.sub(" ", text))):
            return self._remove(text, "states an amount the policy passages do not")
        words = [w for w in tokenize(text) if w not in STOPWORDS and len(w) >= 3]
        if words and sum(w in self._words for w in words) / len(words) < self.min_overlap:
            return self._remove(text, "is not supported by the policy passages")
        return text

    def _remove(self, text: str, why: str) -> None:
        self.report.removed_sentences += 1
        self.report.removed.append(text)
        log.info("grounding: removed policy sentence (%s)", why)
        return None

    def stream(self, deltas: Iterable[str]) -> Iterator[str]:
        for sentence in stream_sentences(deltas):
            kept = self.sentence(sentence)
            if kept:
                yield kept + " "
