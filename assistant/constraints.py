"""`Constraints`: the hard filters of a request, and how a `Product` is checked against them."""

from __future__ import annotations

import json
from functools import cache

from pydantic import BaseModel, Field

from assistant.pets import kind_for_animals
from assistant.recorded import flag_phrases
from assistant.vocabulary import DATA, lists_kinds, type_words
from assistant.word_forms import refused_forms
from common.schema import AUDIENCE_MATCHES, Product
from common.text import money, singular, terms


def phrase_in(phrase: list[str], words: list[str]) -> bool:
    """Whether the term sequence `phrase` occurs contiguously in `words`."""
    n = len(phrase)
    if n == 0:
        return True
    first = phrase[0]
    return any(words[i] == first and words[i : i + n] == phrase for i in range(len(words) - n + 1))


def type_nodes(product: Product) -> list[str]:
    """The category nodes that can say what this product is: the most specific one (and the one
    above it when that merely repeats the title, as Flipkart paths end with the product's name),
    and every node that is not a listing of several kinds. "Bags, Wallets & Belts" holds belts,
    so "wallet" found only there does not make a belt a wallet; "Face Care" does make a cream a
    face-care product."""
    nodes = product.category
    if not nodes:
        return []
    title_terms = terms(product.title)
    title = set(title_terms)
    last = terms(nodes[-1])
    own = 2 if len(nodes) > 1 and last and sum(w in title for w in last) / len(last) >= 0.6 else 1
    if own == 2 and _cut_title(last, title_terms):
        # A copy of the title cut short ("... Tea Tree Lavender Mint Moisturizin" for a
        # conditioner): it lost the word that says what the product is, so a modifier in it
        # ("tree", "containers", "bed" of "bedsheet") would read as the type. The title says
        # it all. Only a leaf that is the title's opening, cut, is such a copy: a short leaf
        # whose word the title also says ("Yoga" above "Lotus Yoga Block Pair", "Mugs" above
        # "Harbour Ceramic Mug Set of 4") is the shop's own kind (102 of Flipkart's 1,002
        # paths end in a cut copy; none of the demo catalog's 416).
        nodes, own = nodes[:-1], 1
    # The node above a leaf that copies the title is the product's own kind, unless it lists
    # kinds side by side and the title names a kind of its own ("Pans & Tawas" above "nirlon
    # induction kadhai": a kadhai, no tawa; held-out AG q26 showed it for a tawa). A title naming
    # one of the listed kinds files it under them all ("Car Stickers & Decals" above "hood car
    # sticker": a decal too; set AI d18 was told "we don't carry decals").
    kinds_titled = [w for w in title_terms if w in type_words()]  # the last is the title's head

    def titled_apart(node: str) -> bool:
        return bool(kinds_titled) and singular(kinds_titled[-1]) not in {singular(w) for w in terms(node)}

    return [
        n
        for i, n in enumerate(nodes)
        if i >= len(nodes) - own
        and not (i < len(nodes) - 1 and lists_kinds(n) and titled_apart(n))
        or not lists_kinds(n)
    ]


def _cut_title(leaf: list[str], title: list[str]) -> bool:
    """The leaf is the title's opening cut short: at least three words, the last of them the
    start of the title's word there, and the title's last word missing."""
    n = len(leaf)
    return (
        3 <= n <= len(title)
        and leaf[:-1] == title[: n - 1]
        and title[n - 1].startswith(leaf[-1])
        and title[-1] not in leaf
    )


def type_segments(product: Product) -> list[list[str]]:
    """The texts a product-type phrase is matched against, apart: the title and `type_nodes`."""
    return [terms(product.title), *(terms(node) for node in type_nodes(product))]


def product_type_terms(product: Product) -> list[str]:
    return [w for segment in type_segments(product) for w in segment]


# Type words that describe a part of the product rather than name another ("watch dial").
PART_WORDS = frozenset({"dial", "model"})


@cache
def kind_heads() -> frozenset[str]:
    """Words that head a broad kind ("bed linen", "table decor", "lehenga choli material"):
    `kind_heads` in type_resolution.json."""
    return frozenset(json.loads((DATA / "type_resolution.json").read_text(encoding="utf-8"))["kind_heads"])


@cache
def head_words() -> frozenset[str]:
    """Words that name a product type when they follow another type word, and the words that
    head a broad kind (`kind_heads`)."""
    return (type_words() - PART_WORDS) | kind_heads()


def modified_later(words: list[str] | tuple[str, ...], start: int, end: int, titled: bool) -> bool:
    """Whether a type word ending at `start` is a modifier of a head said later in the segment:
    in a title any type head counts; in a category node only a broad kind's head does
    ("Lehenga Choli Material" is fabric, not a lehenga)."""
    return (titled and head_follows(words, start, end, head_words())) or head_follows(words, start, end, kind_heads())


# Words after which a title names a second item or what comes with the product, not what the
# product is ("kurta and pyjama set", "bottle with 2 glasses"): a type word past them makes no
# earlier one a modifier. "combo", "plus", "n" and "along" link items as "and" does ("aroma burner
# combo lemongrass liquid air freshener" is a burner too: it was told "we don't carry burners",
# set E, 2026-12-06).
TITLE_LINKS = frozenset({"with", "and", "combo", "plus", "n", "along", "including"})


def names_type(phrase: list[str], segments: list[list[str]]) -> bool:
    """Whether a segment names the product as that type: the phrase occurs, not as the modifier
    of another product type right after it ("watch box" is a box, "table cover" a cover, "shoe
    rack" a rack) and not as the purpose of a type named before it ("box for 6 watches"), as in
    the shopper's own words (see `Understander.requested_type`). In a title (the first segment,
    and a category node that starts as the title does, "Jayanti Sarees Kurtis"), a type word
    followed later by another type head is a modifier too: a title ends with what the product
    is, and words before it are its brand or its kind ("Jayanti Sarees ... Kurti" is a kurti,
    "Silky Coat Dog Shampoo" a shampoo)."""
    n = len(phrase)
    if n == 0:
        return True
    heads = head_words()
    for k, words in enumerate(segments):
        purpose_from = _purpose_start(words, heads)
        titled = k == 0 or is_titled(words, segments[0])
        for i in range(min(len(words) - n + 1, purpose_from)):
            if (
                words[i : i + n] == phrase
                and (i + n == len(words) or words[i + n] not in heads)
                and not modified_later(words, i + n, purpose_from, titled)
            ):
                return True
    return False


def is_titled(words: list[str], title: list[str]) -> bool:
    """A category node that restates the title: it starts with the title's first word."""
    return bool(words) and bool(title) and words[0] == title[0]


def head_follows(words: list[str] | tuple[str, ...], start: int, end: int, heads: frozenset[str]) -> bool:
    """Whether a product-type head other than the word before `start` follows it in a title,
    before `end` and before a word that links a second item (`TITLE_LINKS`). The same head
    again ("running shoes casual shoes") is the same type said twice."""
    own = words[start - 1]
    for w in words[start:end]:
        if w in TITLE_LINKS:
            return False
        # `singular` keeps a final "is" ("tennis"), so "kurtis" is read here as "kurti".
        head = w if w in heads else w[:-1] if w.endswith("is") and w[:-1] in heads else None
        if head and head != own:
            return True
    return False


def _purpose_start(words: list[str], heads: frozenset[str]) -> int:
    """Index of the first "for" that follows a type word (what comes after is what it is for)."""
    for i, w in enumerate(words):
        if w == "for" and any(x in heads for x in words[:i]):
            return i
    return len(words)


def matches_type(product: Product, phrase: list[str]) -> bool:
    return names_type(phrase, type_segments(product))


def attribute_nodes(product: Product) -> list[str]:
    """The category nodes an attribute is matched in: all but those listing kinds side by side."""
    return [node for node in product.category if not lists_kinds(node)]


def attribute_terms(product: Product) -> list[str]:
    """The words a required attribute ("diamond", "leather", "iphone") is matched against: the
    title, category, material and specification values, not the free-text description (which
    mentions things a product is not: "unlike leather"). Not a category node that lists kinds
    side by side: a round-neck tee filed under "Polos & T-Shirts" is no polo (set Q, q-20)."""
    fields = [product.title, *attribute_nodes(product), product.material or "", *product.attributes.values()]
    return terms(" | ".join(fields))


def alternatives(attribute: str) -> list[str]:
    """The phrases an attribute constraint accepts: itself, or each of "a or b"."""
    return [alt for alt in attribute.split(" or ") if alt.strip()] or [attribute]


def states_no(product: Product, flag: str) -> bool:
    """Whether the product's record states the yes/no specification a shopper's phrase names
    ("polarized": "Lens Polarization") as "No"."""
    return any(
        str(v).strip().lower() == "no" and flag in flag_phrases(" ".join(terms(k)))
        for k, v in product.attributes.items()
    )


class Constraints(BaseModel):
    price_min: float | None = None
    price_max: float | None = None
    cheap: bool = False  # "cheap" with no number: resolved to a price_max at search time
    # "cheaper" / "more premium": strictly under the cheapest (over the dearest) shown, so the
    # bound is that price itself and reads "under $39.99", not "under $39.98".
    price_strict: bool = False
    # "around 700": a soft target (ranking prefers prices near it), never a filter.
    price_near: float | None = None
    premium: bool = False  # "money's not an issue", "the fanciest": rank the dearer ones first
    steer_types: list[str] = Field(default_factory=list)  # "into cooking": these types rank first
    # Wishes a follow-up adds ("something waterproof", "with a white dial"): products whose title
    # or specifications hold them rank first; never a filter.
    prefer: list[str] = Field(default_factory=list)
    brands: list[str] = Field(default_factory=list)  # any of, lower-case
    exclude_brands: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)  # any of these product-type phrases
    # every one of these phrases ("diamond"); a phrase of alternatives joined by " or " holds when
    # any of them does ("checkered or printed": either will do)
    attributes: list[str] = Field(default_factory=list)
    # Yes/no specifications asked for, as said ("polarized" for "Lens Polarization"): a product
    # whose record states the key as "No" fails; one that does not state it is not excluded.
    flags: list[str] = Field(default_factory=list)
    # none of these phrases ("not the fabric ones", "no plastic"), read as `attributes` are
    exclude_attributes: list[str] = Field(default_factory=list)
    colours: list[str] = Field(default_factory=list)  # any of
    exclude_colours: list[str] = Field(default_factory=list)  # none of ("anything but black")
    audience: str | None = None  # key of AUDIENCE_MATCHES
    # The audience was implied ("for my kid", "she's 6"), not asked ("for girls"): a product whose
    # record states no audience may still be for them, so it stays (a coin bank records none).
    audience_open: bool = False
    min_rating: float | None = None
    in_stock: bool = False

    def is_empty(self) -> bool:
        return self == Constraints()

    def parts(self, currency: str = "") -> list[tuple[str, str]]:
        """(name, readable label) per active constraint, in `CatalogIndex.constraint_masks` order.

        Names match `failures`; labels read inside a sentence ("nothing in watch for men under
        100 USD"), in replies and in each result's "why".
        """
        out = []
        if self.categories:
            # Once per kind: the type's spellings ("backpacks", "backpack") are one word to a reader.
            kinds: dict[tuple[str, ...], str] = {}
            for category in self.categories:
                kinds.setdefault(tuple(terms(category)), category)
            out.append(("category", " or ".join(kinds.values())))
        if self.attributes:
            out.append(("attribute", " ".join(self.attributes)))
        if self.flags:
            out.append(("flag", " ".join(self.flags)))
        if self.exclude_attributes:
            out.append(("not attribute", "not " + " or ".join(self.exclude_attributes)))
        if self.brands:
            out.append(("brand", "by " + " or ".join(self.brands)))
        if self.exclude_brands:
            out.append(("not brand", "not by " + ", ".join(self.exclude_brands)))
        if self.colours:
            out.append(("colour", "in " + " or ".join(self.colours)))
        if self.exclude_colours:
            out.append(("not colour", "not in " + " or ".join(self.exclude_colours)))
        if self.audience:
            out.append(("audience", f"for {self.audience}"))
        if self.price_min is not None and self.price_max is not None:
            out.append(("price", f"between {money(self.price_min, currency)} and {money(self.price_max, currency)}"))
        elif self.price_max is not None:
            out.append(("price", f"under {money(self.price_max, currency)}"))
        elif self.price_min is not None:
            out.append(("price", f"over {money(self.price_min, currency)}"))
        if self.min_rating is not None:
            out.append(("rating", f"rated {self.min_rating:g}+"))
        if self.in_stock:
            out.append(("in stock", "in stock"))
        return out

    def soft_parts(self, currency: str = "") -> list[str]:
        """Labels of the preferences that rank but never filter ("around ₹700")."""
        out = [f"around {money(self.price_near, currency)}"] if self.price_near is not None else []
        return out + (["premium first"] if self.premium else [])

    def describe(self, currency: str = "") -> list[str]:
        return [label for _, label in self.parts(currency)]

    def failures(self, product: Product) -> list[str]:
        """Names of the constraints `product` violates (empty: it satisfies them all), reading
        the audience strictly; `CatalogIndex.failures` also knows which kinds of product record
        no audience, so that none can be asked of them."""
        failed = []
        if self.categories and not any(matches_type(product, terms(c)) for c in self.categories):
            failed.append("category")
        if self.attributes:
            words = attribute_terms(product)
            if not all(any(phrase_in(terms(alt), words) for alt in alternatives(a)) for a in self.attributes):
                failed.append("attribute")
        if any(states_no(product, key) for key in self.flags):
            failed.append("flag")
        if self.exclude_attributes:
            words = attribute_terms(product)
            if any(phrase_in(terms(form), words) for a in self.exclude_attributes for form in refused_forms(a)):
                failed.append("not attribute")
        brand = (product.brand or "").lower()
        title = product.title.lower()
        if self.brands and not any(brand == b or title.startswith(b + " ") for b in self.brands):
            failed.append("brand")
        if self.exclude_brands and any(brand == b or title.startswith(b + " ") for b in self.exclude_brands):
            failed.append("not brand")
        if self.colours and not set(self.colours) & set(product.colours):
            failed.append("colour")
        if set(self.exclude_colours) & set(product.colours):
            failed.append("not colour")
        # a kind for animals is no person's, even to an audience implied ("for my kid")
        open_to_it = self.audience_open and not product.audience and not kind_for_animals(product)
        if self.audience and not open_to_it and not AUDIENCE_MATCHES[self.audience] & set(product.audience):
            failed.append("audience")
        if not self.price_allows(product.price):
            failed.append("price")
        if self.min_rating is not None and (product.rating is None or product.rating < self.min_rating):
            failed.append("rating")
        if self.in_stock and not product.in_stock:
            failed.append("in stock")
        return failed

    def price_allows(self, price: float | None) -> bool:
        """Whether a price is within the bounds (a product without a price fails any bound)."""
        if self.price_min is None and self.price_max is None:
            return True
        if price is None:
            return False
        if self.price_strict:
            return (self.price_min is None or price > self.price_min) and (
                self.price_max is None or price < self.price_max
            )
        return (self.price_min is None or price >= self.price_min) and (
            self.price_max is None or price <= self.price_max
        )

    def satisfied_by(self, product: Product) -> bool:
        return not self.failures(product)
