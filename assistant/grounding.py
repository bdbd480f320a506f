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

from rapidfuzz import fuzz

from assistant import comparatives
from assistant.sentence_support import (
    POSITION_WORDS,
    SERVICE_TERMS,
    anchor_words,
    fact_words,
    praises,
    record_words_text,
    says_twice,
    stem_in,
    stems,
    support_share_needed,
    support_words,
    unsupportive,
)
from assistant.sentence_text import (
    GroundingReport,
    near_repeat,
    numbers_in,
    only_quotes,
    sentences_of,
    stream_sentences,
)
from assistant.wording import format_price
from common.schema import Product
from common.text import STOPWORDS, tokenize

log = logging.getLogger(__name__)

PRICE = re.compile(
    r"(?P<pre>(?:US)?\$|USD\s?|INR\s?|Rs\.?\s?|₹|€|£)\s?(?P<a>\d[\d,]*(?:\.\d{1,2})?)"
    r"|(?P<b>\d[\d,]*(?:\.\d{1,2})?)[\s-]?(?P<post>USD|INR|EUR|GBP|dollars?|rupees?|bucks|euros?)\b",
    re.I,
)
# Capitalised word runs ("Apex Trail Runner") are how small models invent product names.
NAME_RUN = re.compile(r"\b(?:[A-Z][\w'&-]+\s+){1,5}[A-Z][\w'&-]+\b")


# A person and a taste or trait attributed to them: a claim only the shopper can make.
PERSON = re.compile(r"\b(?:you|you'?re|you'?ll|your|she|she'?s|he|he'?s|her|his|him|they|they'?re|their)\b", re.I)
TRAIT = re.compile(
    r"\b(?:love[sd]?|lov(?:e|ing)|like[sd]?|enjoys?|adores?|fond|prefers?|favou?rite|passion(?:ate)?|"
    r"obsessed|always|never|taste|style is|dreams?|happy|deserves?)\b",
    re.I,
)
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
        self._anchors = anchor_words(self.retrieved)
        self._record_words = {w for p in self.retrieved for w in tokenize(f"{record_words_text(p)} {p.description}")}
        self._facts = fact_words(self.retrieved, self.type_words)
        self._record_words |= set(tokenize(self.policy_text))
        self._earlier = {" ".join(tokenize(s)) for reply in self.earlier_replies for s in sentences_of(reply)}
        self._earlier_numbers = {n for reply in self.earlier_replies for n in numbers_in(reply)}
        # A description's figures are the record's too ("400 lumens", "comfort rated to 2°C").
        record_text = " ".join(f"{record_words_text(p)} {p.description}" for p in self.retrieved)
        self._allowed_numbers = (
            numbers_in(record_text)
            | numbers_in(self.shopper_said)
            | {float(n) for n in self.counts}
            | {float(len(self.retrieved)), 5.0}  # "4.5/5"
        )
        self._last_anchored = False
        self._subject: Product | None = None  # the product the last sentence was about
        self._about: list[Product] = []  # the products the last sentence spoke about
        self._support = {p.id: support_words(p) for p in self.retrieved}

    # -- one sentence ------------------------------------------------------------------------
    def sentence(self, text: str) -> str | None:
        """The sentence, corrected; or None when it must go."""
        key = " ".join(tokenize(text))
        # Small models loop, often with a word changed: a repeated sentence adds nothing.
        if key in self._said or any(near_repeat(key, said) for said in self._said):
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
        if says_twice(text, self.retrieved):
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
        for number in numbers_in(without_prices) - self._allowed_numbers:
            return (
                f"repeats the figure {number:g} from an earlier reply"
                if number in self._earlier_numbers
                else f"states the figure {number:g}, which no record or count supports"
            )
        words = set(tokenize(text))
        terms_ = words & SERVICE_TERMS
        if terms_ and not terms_ <= self._record_words:  # "the first one comes with a warranty"
            return f"states {sorted(terms_)[0]} terms, which only the policies (not these records) give"
        if praises(text) and not (words & self._facts or PRICE.search(text) or numbers_in(without_prices)):
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
        named = set(stems(others))  # the products it sets this one against say nothing of this one
        for claim in comparatives.claims_in(text):  # "cheaper", "lasts longer": checked against the records above
            text = claim.pattern.sub(" ", text)
        words = [w for w in stems(text) if w not in named and w not in unsupportive()]
        if not words:
            return True  # nothing said beyond the name: the other checks judge it
        record = self._support[product.id]
        return sum(stem_in(w, record) for w in words) >= support_share_needed() * len(words)

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
        return " ".join(s for s in (self.sentence(x) for x in sentences_of(text)) if s)

    def stream(self, deltas: Iterable[str]) -> Iterator[str]:
        """Grounded sentences, each as soon as it is complete."""
        for sentence in stream_sentences(deltas):
            kept = self.sentence(sentence)
            if kept:
                yield kept + " "
