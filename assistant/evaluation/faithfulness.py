"""Catalog faithfulness of one reply: its cards and every claim its text makes, against the records.

Written independently of the core's grounding (`assistant.grounding`), so the evaluator measures
what reaches the shopper rather than trusting the code under test. Per sentence (Markdown table
rows per cell, each cell bound to its column's product):

* **products named**: a catalog title in the text (exact, or fuzzy for long titles), a shown
  card's position ("the second one", "#2"), a capitalised name containing a product-type word of
  the catalog ("Apex Trail Runner Jacket"), or a catalog brand. A name that is no card shown this
  turn is a hallucinated product: a catalog record that was not shown, or nothing in the catalog.
  Words the shopper wrote are exempt (they are not the assistant's claims).
* **prices** (a number with a currency mark): in a sentence that names products, a price must be
  one of theirs (another shown product's only in a comparison: "than", "against", "vs"); in
  any other sentence, a shown product's price or one shown earlier. A difference of two shown
  prices, a price bound of the request, a number the shopper wrote and an amount in a cited
  policy passage ("a flat $5.95 return fee") are always allowed. A price written without
  decimals may drop them ("$99" for 99.50 passes; "$100" for 99.50 does not).
* **ratings** ("4.5/5", "rated 4.5", "4.5 stars") and **stock** ("out of stock", "in stock",
  "only 3 left"): the same binding; a stock claim is checked against the products it names.
* Quoted text ("a jacket under $120") is an example or the shopper's words: it makes no claim.
* **cards**: each card is a catalog record, and its title, price, currency, rating and stock equal
  the record's.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.ordinals import LAST
from assistant.ordinals import ORDINALS as SHARED_ORDINALS
from assistant.reply import ProductCard
from common.schema import Product
from common.text import STOPWORDS, terms, tokenize

MONEY = re.compile(
    r"(?:(?:US)?\$|USD\s?|INR\s?|Rs\.?\s?|₹|€|£)\s?(?P<a>\d[\d,]*(?:\.\d+)?)"
    r"|(?P<b>\d[\d,]*(?:\.\d+)?)\s?(?:USD|INR|EUR|GBP|CHF|JPY|CAD|AUD|dollars?|rupees?|bucks|euros?)\b",
    re.I,
)
RATING = re.compile(
    r"\b(?P<a>[0-5](?:\.\d)?)\s?(?:/\s?5|out of 5|-?stars?)\b|\brated\s(?:at\s)?(?P<b>[0-5](?:\.\d)?)(?![\d.]|\s?\+)",
    re.I,
)
OUT_OF_STOCK = re.compile(r"\b(?:out of stock|not in stock|sold out|unavailable|not available)\b", re.I)
IN_STOCK = re.compile(r"\b(?:in stock|available now)\b", re.I)
STOCK_COUNT = re.compile(r"\bonly (\d+)\b.{0,80}?\bleft\b|\b(\d+) (?:left|units? left|in stock)\b", re.I)
QUOTED = re.compile(r'"[^"\n]*"|“[^”\n]*”')  # examples and the shopper's words, not claims
COMPARATIVE = re.compile(r"\b(?:than|against|versus|vs\.?|compared|whereas|while)\b", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
NAME_RUN = re.compile(r"\b(?:[A-Z][\w'&-]*\s+){1,6}[A-Z][\w'&-]*")
ORDINALS = {**{w: n for w, n in SHARED_ORDINALS.items() if n <= 6 and w.isalpha()}, LAST: -1}
POSITION = re.compile(
    r"\b(?:the\s+)(first|second|third|fourth|fifth|sixth|last)(?:\s+(?:one|item|product|option|pick))?\b"
    r"|(?:#|\bnumber\s|\boption\s|\bitem\s|\[)(\d)\b",
    re.I,
)


def money_values(text: str) -> list[tuple[float, bool]]:
    """(value, written with decimals) for every money amount in the text."""
    out = []
    for m in MONEY.finditer(text):
        raw = (m.group("a") or m.group("b")).replace(",", "").rstrip(".")
        if raw:
            out.append((float(raw), "." in raw))
    return out


def numbers_in(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text) if n.replace(",", "")}


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


@dataclass
class Failure:
    check: str  # hallucinated_product | wrong_price | wrong_attribute
    detail: str
    sentence: str = ""


@dataclass
class Faithfulness:
    """What one reply claims and which claims fail."""

    failures: list[Failure] = field(default_factory=list)
    products_named: int = 0
    prices_stated: int = 0
    ratings_stated: int = 0
    stock_stated: int = 0
    unsupported_sentences: int = 0  # sentences with at least one failed claim

    def count(self, check: str) -> int:
        return sum(1 for f in self.failures if f.check == check)


@dataclass
class Context:
    """What a reply may legitimately refer to besides its own cards."""

    shopper_text: str = ""  # everything the shopper wrote so far
    bounds: set[float] = field(default_factory=set)  # price bounds / rating minimums the request has had
    earlier_prices: set[float] = field(default_factory=set)  # prices of products shown earlier
    passage_amounts: set[float] = field(default_factory=set)  # amounts in the policy passages cited


class FaithfulnessChecker:
    """Built once per catalog; `check` is pure and thread-safe."""

    def __init__(self, products: list[Product]):
        self.by_id = {p.id: p for p in products}
        self.products = products
        titles = [terms(p.title) for p in products]
        df = Counter(t for words in titles for t in set(words))
        # Each title is filed under its rarest word: a sentence can only contain the title if it
        # contains that word, so a mention costs a few lookups, not one per catalog product.
        self.by_rare_word: dict[str, list[Product]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for i, (p, words) in enumerate(zip(products, titles, strict=True)):
            if len(words) >= 2:  # a one-word title ("Watch") is a common word, not a name
                self.by_rare_word[min(words, key=lambda w: (df[w], w))].append(p)
            for w in set(words):
                self.by_word[w].append(i)
        self.type_words = {w for p in products for node in p.category for w in terms(node)} - set(STOPWORDS)
        brands = Counter((p.brand or "").lower() for p in products if p.brand)
        common = set(STOPWORDS) | self.type_words
        self.brands = {b for b in brands if len(b) >= 4 and b not in common}

    # -- cards ---------------------------------------------------------------------------------
    def check_cards(self, cards: list[ProductCard]) -> list[Failure]:
        failures = []
        for card in cards:
            record = self.by_id.get(card.id)
            if record is None:
                failures.append(Failure("hallucinated_product", f"card {card.id} ({card.title}) is no catalog record"))
                continue
            if not _same(card.price, record.price, 0.005):
                failures.append(
                    Failure("wrong_price", f"card {card.id} shows price {card.price}, record {record.price}")
                )
            for name, shown, true in (
                ("title", card.title, record.title),
                ("currency", card.currency, record.currency),
                ("rating", card.rating, record.rating),
                ("stock", card.stock, record.stock),
                ("in stock", card.in_stock, record.in_stock),
            ):
                if shown != true:
                    failures.append(
                        Failure("wrong_attribute", f"card {card.id} shows {name} {shown!r}, record {true!r}")
                    )
        return failures

    # -- text ----------------------------------------------------------------------------------
    def check(self, text: str, cards: list[ProductCard], context: Context | None = None) -> Faithfulness:
        context = context or Context()
        shown = [self.by_id[c.id] for c in cards if c.id in self.by_id]
        result = Faithfulness(failures=self.check_cards(cards))
        for unit, column_products in self._units(text, shown):
            before = len(result.failures)
            self._check_unit(unit, shown, column_products, context, result)
            if len(result.failures) > before:
                result.unsupported_sentences += 1
        return result

    def _units(self, text: str, shown: list[Product]) -> list[tuple[str, list[Product]]]:
        """Sentences, and Markdown table cells bound to the product of their column."""
        units: list[tuple[str, list[Product]]] = []
        columns: list[list[Product]] = []
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith("|") and stripped.endswith("|"):
                cells = [c.strip() for c in stripped.strip("|").split("|")]
                if all(set(c) <= set("-: ") for c in cells):
                    continue  # the separator row
                if not columns:  # the header: one product per column
                    columns = [self._named(c, shown)[0] for c in cells[1:]]
                    units += [(c, []) for c in cells[1:] if c]
                    continue
                for cell, products in zip(cells[1:], columns, strict=False):
                    units.append((f"{cells[0]}: {cell}", products))
                continue
            columns = []
            units += [(s, []) for s in sentences(line)]
        return units

    def _check_unit(
        self, unit: str, shown: list[Product], bound: list[Product], context: Context, result: Faithfulness
    ) -> None:
        named, unknown = self._named(unit, shown, context.shopper_text)
        if not bound:  # a table cell names its column's product, counted once in the header
            result.products_named += len(named) + len(unknown)
        named = bound or named
        for what in unknown:
            result.failures.append(Failure("hallucinated_product", what, unit))
        shopper_numbers = numbers_in(context.shopper_text)
        shown_prices = [p.price for p in shown if p.price is not None]
        differences = {round(abs(a - b), 2) for a in shown_prices for b in shown_prices if a != b}

        claims = QUOTED.sub(" ", unit)
        comparative = bool(COMPARATIVE.search(claims))
        derived = [*differences, *context.bounds, *shopper_numbers, *context.passage_amounts]
        for value, decimals in money_values(claims):
            result.prices_stated += 1
            if named:  # the named products' prices; others' only in a comparison
                allowed = [p.price for p in (shown if comparative else named) if p.price is not None] + derived
            else:
                allowed = [*shown_prices, *derived, *context.earlier_prices]
            if not any(_price_matches(value, decimals, p) for p in allowed):
                whose = f" for {named[0].title} (record {named[0].price})" if named else ""
                result.failures.append(Failure("wrong_price", f"states {value:g}{whose}; no record has it", unit))

        for m in RATING.finditer(claims):
            value = float(m.group("a") or m.group("b"))
            result.ratings_stated += 1
            subjects = shown if comparative or not named else named
            allowed = [p.rating for p in subjects if p.rating is not None] + [*context.bounds, *shopper_numbers]
            if not any(_same(value, r, 0.05) for r in allowed):
                result.failures.append(Failure("wrong_attribute", f"states rating {value:g}; no record has it", unit))

        self._check_stock(claims, named, shown, result)

    def _check_stock(self, unit: str, named: list[Product], shown: list[Product], result: Faithfulness) -> None:
        count = STOCK_COUNT.search(unit)
        negative = OUT_OF_STOCK.search(unit)
        positive = IN_STOCK.search(unit) and not negative
        if not (count or negative or positive):
            return
        result.stock_stated += 1
        if count:
            n = int(count.group(1) or count.group(2))
            subjects = named or shown
            if not any(p.stock == n for p in subjects):
                result.failures.append(Failure("wrong_attribute", f"says {n} left; the records say otherwise", unit))
        elif negative:
            subjects = named or shown
            if named and any(p.in_stock for p in named):
                wrong = next(p for p in named if p.in_stock)
                result.failures.append(
                    Failure("wrong_attribute", f"says {wrong.title} is out of stock; it is not", unit)
                )
            elif not named and subjects and all(p.in_stock for p in subjects):
                result.failures.append(
                    Failure("wrong_attribute", "says out of stock; every shown product is in stock", unit)
                )
        elif named:  # a positive claim about named products
            wrong = [p for p in named if not p.in_stock]
            if wrong:
                result.failures.append(
                    Failure("wrong_attribute", f"says {wrong[0].title} is in stock; it is not", unit)
                )

    # -- naming --------------------------------------------------------------------------------
    def _named(self, text: str, shown: list[Product], shopper_text: str = "") -> tuple[list[Product], list[str]]:
        """(shown products the text names, descriptions of names that are no shown product)."""
        low = text.lower()
        words = set(terms(text))
        shopper_words = set(terms(shopper_text))
        named: list[Product] = []
        unknown: list[str] = []
        shown_ids = {p.id for p in shown}

        for p in shown:
            title = p.title.lower()
            if title in low or (len(title) > 12 and fuzz.partial_ratio(title, low) >= 90):
                named.append(p)
        for m in POSITION.finditer(text):
            word, digit = m.group(1), m.group(2)
            position = ORDINALS[word.lower()] if word else int(digit)
            index = len(shown) - 1 if position == -1 else position - 1
            if 0 <= index < len(shown) and shown[index] not in named:
                named.append(shown[index])
        # Catalog titles that are not among this turn's cards.
        for word in words:
            for p in self.by_rare_word.get(word, ()):
                if p.id not in shown_ids and p.title.lower() in low and not set(terms(p.title)) <= shopper_words:
                    unknown.append(f"names {p.title} ({p.id}), a catalog product not shown this turn")
        # Product-like names: capitalised runs holding a product-type word.
        for run in NAME_RUN.findall(text):
            run_words = [w for w in terms(run) if w not in STOPWORDS]
            if not run_words or not set(run_words) & self.type_words or set(run_words) <= shopper_words:
                continue
            if any(_share_in(run_words, terms(f"{p.title} {p.brand or ''}")) >= 0.6 for p in shown):
                continue  # a shown product, or its brand
            if any(run.strip().lower() in u.lower() for u in unknown):
                continue  # part of a catalog title reported above
            match = self._catalog_title_like(run_words)
            if match is not None:
                unknown.append(f"names {match.title} ({match.id}), a catalog product not shown this turn")
            else:
                unknown.append(f"names '{run.strip()}', which is no catalog product")
        # Brands of products that were not shown.
        shown_brands = {(p.brand or "").lower() for p in shown}
        tokens = " " + " ".join(tokenize(text)) + " "
        for brand in self.brands - shown_brands:
            key = " " + " ".join(tokenize(brand)) + " "
            if key.strip() and key in tokens and not set(terms(brand)) <= shopper_words:
                unknown.append(f"names the brand {brand}, which no product shown this turn has")
        return named, unknown

    def _catalog_title_like(self, run_words: list[str]) -> Product | None:
        counts: Counter[int] = Counter()
        for w in set(run_words):
            for i in self.by_word.get(w, ()):
                counts[i] += 1
        for i, hits in counts.most_common(3):
            if hits / len(set(run_words)) >= 0.8:
                return self.products[i]
        return None


def _share_in(words: list[str], title: list[str]) -> float:
    title_set = set(title)
    return sum(w in title_set for w in words) / len(words)


def _same(a: float | None, b: float | None, tolerance: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance


def _price_matches(value: float, decimals: bool, price: float) -> bool:
    if abs(value - price) < 0.005:
        return True
    return not decimals and 0 <= price - value < 1  # "$99" for 99.50: the decimals dropped
