"""Products a shopper names in a message: "does the Sonata black analog watch have a date
display?", "the Pod Air Sport and the Free 2 Sport".

A product is named when the message carries the words that tell it from the rest of the
catalog: its rare title and brand words (idf-weighted), not the product-type, colour, material
or audience words every search uses. "black analog watch under 1000" carries none, so it stays a
search. When several products carry the same name words (a brand, a model line), the one whose
title the message covers best, then the one closest in embedding, is taken; when that still
leaves many alike, the message names a brand or a line, not a product, and nothing is named.
The threshold is data (`data/naming.yaml`) measured by bench/product_questions.py --naming.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz.distance import OSA

from assistant import vocabulary
from assistant.catalog_tables import words_key
from assistant.name_phrases import (
    POINTER_REACH,
    Flag,
    attached_positions,
    compound_head,
    flags_said,
    idf_share,
    mentions_of,
    name_end,
    names_a_product,
    ordinary_title_words,
    phrase_words,
    positions_of,
    said_compactly,
    said_near,
    said_together,
    said_types,
    type_phrase_words,
)
from assistant.name_text import (
    CODE_NUMBER,
    Line,
    catalog_brands,
    clause_ends,
    code_parts,
    connected_pattern,
    contains_phrase,
    is_model_code,
    joined_codes,
    joined_forms,
    phrase_positions,
    points_at_product,
    product_lines,
    said_tokens,
    specification_codes,
    spelled_terms,
    spelled_word,
    value_terms,
    verdicts_at,
)
from assistant.naming_rules import ENGLISH, rules
from assistant.said_prices import price_words, prices_said, told_by_price
from assistant.set_aside import set_aside
from assistant.topic_comment import comment_start
from common.models import Embedder, encode_query
from common.schema import Product
from common.text import AUDIENCE_WORDS, STOPWORDS, bm25_tokens, singular, terms


@dataclass(frozen=True)
class Named:
    product: Product
    weight: float  # idf of the name words the message carries
    matched: frozenset[str]
    group: int = 0  # variants the message does not tell apart share a group
    unnamed: frozenset[str] = frozenset()  # option words of its title the message did not name it by


class NameIndex:
    """Per catalog, once: each product's name words and each word's idf over titles, the brand
    table as phrases, and the product lines (products of one category) with their option values."""

    def __init__(self, products: list[Product], vectors: np.ndarray | None = None, counts: CatalogCounts | None = None):
        """`counts`: the whole catalog's, where `products` are some of its products (the
        candidates of one message, see `find_named`): idf and everyday words are the catalog's."""
        self.products = products
        self.vectors = vectors
        # A one-word product type ("watch", "mug") says what a product is, not which one it is;
        # so do the words of a longer type the message says ("running shoes", see `find`).
        type_vocabulary = vocabulary.type_words()
        generic = rules().generic | type_vocabulary
        self.title_terms = [spelled_terms(p.title) for p in products]
        self.title_terms = [[*terms, *code_parts(terms)] for terms in self.title_terms]
        codes = specification_codes(products)
        # only where said: a code the shopper leaves out is no part of the name they must cover
        self.spec_codes = [c - set(t) for c, t in zip(codes, self.title_terms, strict=True)]
        self.words = [
            frozenset(spelled_terms(f"{p.title} {p.brand or ''}") + joined_codes(p) + terms) | code
            for p, terms, code in zip(products, self.title_terms, codes, strict=True)
        ]
        # The words of each product's category tree: a shopper says "the fuson CASE" of "fuson
        # back cover ..." filed under "cases & covers" (set M).
        self.filed_under = [frozenset(spelled_terms(" ".join(p.category))) for p in products]
        said_words = {w for words in self.words for w in words}
        ordinary = counts.ordinary(said_words) if counts else ordinary_title_words(said_words, products)
        self.ordinary = ordinary
        self.types = [words & type_vocabulary for words in self.words]
        self.all_types = type_vocabulary
        brand_of = catalog_brands(products, generic | vocabulary.known_words())
        self.brands = [frozenset(spelled_terms(b)) for b in brand_of]
        brand_count = Counter(b.lower() for b in brand_of if b)
        # A brand read from the titles, not the record, is less sure ("now sp-ethnic analog
        # watch"): said alone it names nothing, only with words of the title (see `_picked_by_brand`).
        self.sole_of_brand = [bool(p.brand) and brand_count[p.brand.lower()] == 1 for p in products]
        df = Counter(w for words in self.words for w in words)
        n = max(len(products), 1)
        if counts:
            df = Counter({w: max(c, counts.titles_with(w)) for w, c in df.items()})
            n = max(counts.total, 1)
        self.idf = {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}
        self.max_idf = math.log((n + 1) / 0.5)  # a word of one title: thresholds are shares of it
        # The brand table as phrases: "house this" names its products only as the two words
        # together, though each is a common word on its own.
        self.brand_rows: dict[tuple[str, ...], list[int]] = {}
        for row, brand in enumerate(brand_of):
            phrase = tuple(spelled_terms(brand))
            if phrase and not set(phrase) <= ordinary:
                self.brand_rows.setdefault(phrase, []).append(row)
        # words next to each other in a brand ("mast harbour" of "mast & harbour"), which a
        # shopper joins with "and" (`_brands_joined`)
        self.brand_pairs = {pair for phrase in self.brand_rows for pair in zip(phrase, phrase[1:], strict=False)}
        self.lines = product_lines(products)
        # The lines a word of a line's name is in: a word in one line's name only ("the upright
        # VACUUM" of "Vacuum Cleaner") names that line.
        self.name_lines = Counter(w for line in self.lines.values() for w in line.common)
        self.kind_names = {frozenset(k): [frozenset(n) for n in v] for k, v in rules().kinds.items()}
        # Model codes ("co6394a1", "729") name a product too; a bare small number or a letter or
        # two cut from a code ("s-bk") does not. Option values its line varies in ("2L", "IPX7")
        # tell variants apart, they do not name a product (see `_variants`).
        self.name_words = [
            frozenset(
                w
                for w in words
                if w not in generic
                and w not in ordinary
                and names_a_product(w)
                # a brand is no option, though brands vary in a category ("jewellery > rings")
                and (w not in self._options(row) or w in self.brands[row])
            )
            for row, words in enumerate(self.words)
        ]
        # The number of a model code, said without its letters ("skmei 1070" for "skmei
        # 1070blk", "dg1010" said "1010"): a name only next to the product's brand.
        self.cores = [
            frozenset(c for w in words if not w.isdigit() for c in CODE_NUMBER.findall(w)) - words
            for words in self.words
        ]
        for core, count in Counter(number for cores in self.cores for number in cores).items():
            self.idf.setdefault(core, math.log((n + 1) / (count + 0.5)))
        self.postings: dict[str, list[int]] = {}
        for row, words in enumerate(self.words):
            for w in words:
                self.postings.setdefault(w, []).append(row)
        # A brand said by its own opening words ("GWYN floral skirt" of gwyn lingerie, "BLUE
        # BIRDS steel bottle" of blue birds usa homeware): a shorter opening whose last word is
        # found in that brand's titles only, and is no everyday, product-type or colour word.
        # A brand's words long enough to be told when misspelt (`near_spelling_min`, see `_spelt`)
        self.brand_words = frozenset(
            w for phrase in self.brand_rows for w in phrase if len(w) >= rules().near_spelling_min and w.isalpha()
        )
        for phrase, rows in list(self.brand_rows.items()):
            for k in range(1, len(phrase)):
                head, last = phrase[:k], phrase[k - 1]
                own = set(self.postings.get(last, [])) <= set(rows)
                if own and last not in generic and last not in ordinary and names_a_product(last):
                    self.brand_rows.setdefault(head, [])
                    self.brand_rows[head] = sorted(set(self.brand_rows[head]) | set(rows))

    def _kind_said(self, row: int, said_phrases: list[frozenset[str]]) -> frozenset[str]:
        """The words of a product that name a kind the message says, in the shop's word or a
        synonym's ("the burdy school BAG": its "backpack"); a kind its category tree names stands
        for the kind words of its title ("the fuson CASE": "cases & covers", its "back cover")."""
        words = self.words[row]
        out: set[str] = set()
        for ph in said_phrases:
            out |= ph if ph <= words else set()
            out |= {w for n in self.kind_names.get(ph, ()) if n <= words for w in n}
            out |= self.types[row] if ph <= self.filed_under[row] else set()
        return frozenset(out)

    def _picked_by_brand(
        self, said: list[str], branded: dict[int, tuple[str, ...]], pointing: bool, said_phrases: list[frozenset[str]]
    ) -> dict[int, frozenset[str]]:
        """A brand said with everyday words of one of its titles ("la briza BLACK BOOTS", "the
        carlton brown slip on BOOTS", "teemoods red FULL SLEEVE TOP"): the brand's product those
        words single out, with the words. Only words of the stretch that names it count, not
        the question's own ("my old BULB was 9 w"). The one carrying the most of them
        (idf-weighted), then the one whose title they say whole; none where two are equally good."""
        # A brand and a kind alone ("titan watches?", "dgold necklace") ask for the brand's
        # products of that kind unless the message points at one ("the dgold necklace, is IT...").
        kinds = vocabulary.known_words() | set(AUDIENCE_WORDS)
        by_brand: dict[tuple[str, ...], list[int]] = {}
        for row, brand in branded.items():
            by_brand.setdefault(brand, []).append(row)
        out: dict[int, frozenset[str]] = {}
        for brand, rows in by_brand.items():
            told = {r: self._told(said, brand, r) for r in rows}
            if pointing and not any(told.values()):
                # no word of a title said by the brand ("the burdy school bag"): the kind said,
                # in a synonym too, tells its products apart. Not beside title words: a kind
                # said elsewhere ("... speaker (the blue one for MOBILE)") would scatter the name.
                told = {r: self._kind_said(r, said_phrases) for r in rows}
            # Equally many told words: the one whose whole title is said ("the carlton boots",
            # not "carlton london boots"; its everyday "casual", "solid", "women's" may go
            # unsaid), never one whose other words are merely commoner.
            rank = {
                r: (
                    round(sum(self.idf[w] for w in told[r]), 6),
                    told[r] >= self._rest_of_title(r) - rules().filler,
                )
                for r in rows
            }
            best, *rest = sorted(rows, key=lambda r: rank[r], reverse=True)
            # Variants that only a colour, a size or a code tells apart ("ski lock seal lunch
            # box" of yellow02 and purple02), not said: each is named, answered together.
            tied = [best, *(r for r in rest if rank[r] == rank[best])]
            alike = len(tied) <= rules().max_alike and all(self._variant_of(best, r) for r in tied)
            if pointing and told[best] and len(tied) > 1 and not alike:
                # "the love more CREPE kurta": a word of one tied product's specification values
                # said in the stretch of its name tells it from the brand's others (set O)
                by_value = self._told_by_values(said, brand, tied)
                tied = [by_value] if by_value is not None else tied
                best = tied[0]
            if told[best] and (len(tied) == 1 or alike) and (pointing or told[best] - kinds):
                out.update({r: told[r] for r in tied})
        return out

    def _told_by_values(self, said: list[str], brand: tuple[str, ...], rows: list[int]) -> int | None:
        """The one row whose specification values alone, among `rows`, hold words said in the
        stretch of the brand's name ("crepe" of "Fabric: Crepe"); None if none or several."""
        values = {r: frozenset(w for v in self.products[r].attributes.values() for w in spelled_terms(v)) for r in rows}
        # A word every one of their titles carries tells none apart, though only some repeat it
        # in a value ("linzina striped clutch": each title says "clutch", one "Type: Clutch";
        # "Pattern: Striped" is what tells one from the brand's other clutches, set O)
        common = frozenset.intersection(*values.values()) | frozenset.intersection(
            *(frozenset(self.title_terms[r]) for r in rows)
        )
        found = []
        for r in rows:
            own = values[r] - common - STOPWORDS
            if self._stretch(said, brand, self._within(r) | own) & own:
                found.append(r)
        return found[0] if len(found) == 1 else None

    def _stretch(self, said: list[str], brand: tuple[str, ...], within: frozenset[str], reach: int = 2) -> set[str]:
        """The words of `within` said from the brand on either way, up to `reach` others in a row."""
        found: set[str] = set()
        for start in phrase_positions(said, brand):
            for steps in (range(start + len(brand), len(said)), range(start - 1, -1, -1)):
                other = 0
                for i in steps:
                    if said[i] in within:
                        other = 0
                        found.add(said[i])
                    else:
                        other += 1
                        if other >= reach:
                            break
        return found

    def _variant_of(self, row: int, other: int, said: set[str] = frozenset()) -> bool:
        """Two titles that differ only in colours, sizes, numbers and codes ("... gift set 550
        yellow02 ..." and "... purple02 ..."), none of them `said`: variants of one product the
        message does not tell apart ("the bft 6 watt led bulb" tells "bft 6 w" from "bft 9 w")."""
        differ = set(self.title_terms[row]) ^ set(self.title_terms[other])
        if differ & said:
            return False
        return all(w in rules().describing or w in rules().generic or any(c.isdigit() for c in w) for w in differ)

    def _rest_of_title(self, row: int) -> frozenset[str]:
        """A title's words that can tell it from its brand's others: not the brand, not "the",
        "one", "first" ("is the akup ONE microwave safe?" points, it does not describe)."""
        r_ = rules()
        return frozenset(self.title_terms[row]) - self.brands[row] - STOPWORDS - r_.definite - r_.ranking - r_.referents

    def _told(self, said: list[str], brand: tuple[str, ...], row: int, reach: int = 2) -> frozenset[str]:
        """The title words of `row` said in the stretch around its brand: from the brand on
        either way, over its own words and the colours, units and kinds a shopper describes it
        with, up to `reach` other words in a row."""
        within = self._within(row)
        title = self._rest_of_title(row)
        found: set[str] = set()
        for start in phrase_positions(said, brand):
            for steps in (range(start + len(brand), len(said)), range(start - 1, -1, -1)):
                other = 0
                for i in steps:
                    if said[i] in within or said[i].isdigit():
                        other = 0
                        found |= {said[i]} & title
                    else:
                        other += 1
                        if other >= reach:
                            break
        return frozenset(found)

    def _within(self, row: int) -> frozenset[str]:
        """Words said inside a product's name without breaking it: its own title and brand words,
        and the colours, materials, numbers and units a shopper describes it with ("the LEEBO LED
        headlight for PULSAR 150", "the NIRLON CLASSIC red 2.5 litre KADHAI")."""
        return self.words[row] | rules().describing

    def _line_name(self, row: int) -> frozenset[str]:
        """The title words a product shares with every product of its line (none outside a line)."""
        line = self.lines.get(self.products[row].category_path)
        return line.common if line and row in line.rows else frozenset()

    def _options(self, row: int) -> set[str]:
        line = self.lines.get(self.products[row].category_path)
        return line.option_words if line and row in line.rows else set()

    def find(self, text: str, embedder: Embedder | None = None, kind: str | None = None) -> list[Named]:
        """The products the text names, in the order they are named; variants of one line the
        text does not tell apart come together, with the same `group`. `kind`: the product type
        the message asks for products of ("do you have asics running shoes", "puma cricket bat, up
        to 2000"), as the understander read it: a brand and the words of that kind name no product."""
        r_ = rules()
        text = self._brands_joined(text)
        raw = said_tokens(text)
        said = self._spelt([spelled_word(singular(w)) for w in raw])
        definite = points_at_product(raw)
        back = sorted({i for i, w in enumerate(raw) if w in r_.back} | set(verdicts_at(raw)))
        # "stylistry brown boots - waterproof?": a comment asked after the clause that names the
        # product points back at it, as "are THEY waterproof?" would (`topic_comment`)
        comment = comment_start(text, said_tokens)
        back = sorted({*back, comment}) if comment is not None else back
        kind_words = set(spelled_terms(kind or ""))
        # "are the X gloves THE RIGHT age range?": a word after a "the" that asks for a choice
        # names nothing ("right" of "wolfer ... (right hand) batting gloves", set I)
        choosing = {i + 1 for i, w in enumerate(raw[:-1]) if w == "the" and raw[i + 1] in r_.ranking}
        # "..., NOT THE carlton london pair": words naming what the shopper does not mean (`set_aside`)
        aside = set_aside(raw, clause_ends(text))
        name_said = {w for i, w in enumerate(said) if i not in choosing and i not in aside}
        said_set = (name_said | set(joined_forms(text)) | self._joined(raw)) - type_phrase_words(said)
        # each row by the longest phrase of its brand said ("gwyn lingerie" over "gwyn")
        meant = [w if i not in aside else "" for i, w in enumerate(said)]
        # the set-aside product's own words: a product carrying one is the one not meant
        aside_words = {said[i] for i in aside} - name_said - r_.generic
        said_brands = sorted((b for b in self.brand_rows if contains_phrase(meant, b)), key=len)
        branded = {r: b for b in said_brands for r in self.brand_rows[b]}
        shared = Counter(r for w in sorted(said_set) for r in self.postings.get(w, []))
        rows = [r for r, n in shared.items() if n >= 2 or self.name_words[r] & said_set] + list(branded)
        said_phrases = said_types(said, self.all_types)
        picked = self._picked_by_brand(said, branded, definite or bool(back), said_phrases)
        scored = []
        for r in dict.fromkeys(rows):
            names = self.name_words[r]
            brand = branded.get(r)
            matched = names & said_set | (self.brands[r] | self.cores[r] & said_set if brand else frozenset())
            # An everyday word of the title counts where it is said next to a name word, in the
            # title's order ("get glamr STYLISH boots"), never alone.
            matched |= phrase_words(said, self.title_terms[r], matched, self.ordinary - rules().generic)
            if not names - self.brands[r] and not brand:
                continue  # a title of type and option words only: a variant of a line (below)
            if not brand and not self.brands[r] and matched <= self._line_name(r):
                # a line's name and nothing of one variant's own ("the RGB laser GAMING MOUSE, is
                # it wireless"): which variant is told by the option values said (`_variants`),
                # not by the title that happens to share most words with the question
                continue
            weight = sum(self.idf[w] for w in matched)
            cover = idf_share(self.idf, matched, names - (self.spec_codes[r] - matched) | self.brands[r])
            sole = brand is not None and self.sole_of_brand[r]
            code = any(any(c.isdigit() for c in w) and len(w) >= 3 for w in matched - self.brands[r])
            # the kind said, in the shop's word or a synonym ("the burdy school BAG", a backpack)
            said_type = bool(self._kind_said(r, said_phrases))
            lone = matched <= self.brands[r] or (len(matched) == 1 and not code)
            if said_phrases and not said_type and r not in picked and lone:
                # a brand, or one word of a name, and another kind of product ("adidas track pants",
                # a top; "i can JUST throw them in... the dearfoams boots", a dress of Just In Time);
                # not a brand said with words of its own title ("my HEAD is 61 cm, does the sonik
                # g-7 xl fit?")
                continue
            if r in picked:
                # its brand and the words of its title said around it; the same words said
                # elsewhere are the shopper's story ("my maruti 800 ..., does the rainfun cover
                # have a slot?" of "rainfun car cover for 800")
                matched = self.brands[r] | picked[r]
            # Several rare words of one title ("get glamr stylish boots", a catalog without a
            # brand column) name it as surely as a brand or a model code does.
            heavy = weight >= r_.strong_name_weight * self.max_idf
            strong = heavy and said_together(said, self.title_terms[r], matched)
            # "salt n pepper denny black boots, are THEY leather?": a word pointing back after
            # the name points as "the" does
            pointed = definite or any(i > max(positions_of(said, matched), default=len(said)) for i in back)
            if not (brand or code or pointed or strong):
                continue  # no brand, no model code, no "the": a search using a title's words
            # A model code no other product carries ("dap1320", "wq18") names its product alone,
            # however many other words its title has (set G: "can i plug a hard disk into the
            # dap1320" named nothing and was told "we don't carry disks").
            unique_code = any(is_model_code(w) and len(self.postings.get(w, ())) == 1 for w in matched)
            if cover < r_.min_name_cover and not (sole or heavy or unique_code or r in picked):
                continue  # one word of a long name ("wedding" of "lovelady wedding lingerie set")
            if matched <= self.brands[r] and not sole:
                continue  # a brand, not a product
            if kind_words and matched - self.brands[r] <= kind_words and not definite:
                # "puma cricket bat, up to 2000": a brand and a kind, a search for the brand's
                # products of that kind, even where the shop has one (its bounds still apply)
                continue
            own = self.words[r] - (self.spec_codes[r] - said_set)
            whole = idf_share(self.idf, own & said_set, own)  # breaks ties
            # The kind of product said breaks ties: "the anand archies wedges", not their boots.
            scored.append((weight, whole + said_type, r, frozenset(matched)))
        # "the carlton boots, not the carlton LONDON pair": a product carrying a word of the
        # stretch set aside is the one not meant, where another is named ("..., how many ml is
        # it? not the MINI" sets aside a part of the one set named)
        meant_rows = [s for s in scored if not self.words[s[2]] & aside_words]
        scored = meant_rows or scored
        similarity = self._similarity(text, [s[2] for s in scored], embedder)
        # A name is said as one phrase: a product whose words are said together comes before one
        # whose words are scattered over the message ("I cook on INDUCTION. will the NIRLON
        # classic kadhai work?" names the classic kadhai, not the induction one).
        # Then the heavier name; the one its brand's words single out (`picked`) before its
        # siblings said by the same words; the title covered best; the closest embedding; the
        # catalog's order, so that a tie never falls to chance.
        # A name said right after "the"/"this" before one said in the shopper's story ("my maruti
        # 800 has a fixed aerial, does THE RAINFUN cover have a slot for it?").
        pointed_at = {said[i + 1] for i, w in enumerate(raw[:-1]) if w in r_.definite}
        scored.sort(
            key=lambda s: (
                not said_compactly(said, s[3], self._within(s[2])),
                not s[3] & pointed_at,
                -round(s[0], 6),  # the same words summed in another order are one weight
                s[2] not in picked,
                -s[1],
                -similarity.get(s[2], 0.0),
                s[2],
            )
        )
        out: list[Named] = []
        used: set[str] = set()
        for weight, cover, row, matched in scored:
            fresh = matched - used
            if sum(self.idf[w] for w in fresh) < r_.min_name_weight * self.max_idf and weight < (
                r_.min_name_weight * self.max_idf
            ):
                continue
            if not fresh:
                continue
            if matched & used and not said_near(said, fresh, matched - fresh, self._within(row)):
                # A sibling of a product already named (same brand or line), told apart only by a
                # word said elsewhere, the question's own ("the nirlon classic kadhai, on INDUCTION?").
                continue
            alike = [s for s in scored if s[3] == matched and abs(s[1] - cover) < 1e-6]
            if len(alike) > r_.max_alike:
                # Equally good: a brand or a line. The embedding may still single one out.
                best = max(alike, key=lambda s: similarity.get(s[2], 0.0))
                if similarity.get(best[2], 0.0) <= 0 or len(alike) > 3 * r_.max_alike:
                    used |= matched
                    continue
                row = best[2]
            group = len(out)
            out.append(Named(self.products[row], weight, matched, group))
            # Its variants named by the same words ("the ski lock seal lunch box" in yellow and in
            # purple) come with it, for the question to be answered of each.
            variants = [
                v
                for v in scored
                if v[2] != row and v[3] == matched and self._variant_of(row, v[2], said_set | set(said))
            ]
            if len(variants) < r_.max_alike:
                out.extend(Named(self.products[v[2]], weight, matched, group) for v in variants)
            used |= matched
        # "show me all the flats under 500" asks for a kind; "pet bed large grey memory foam -
        # can i throw IT in the washer?" points back at the variant it has just named.
        if not out and (definite or not kind_words):
            # "what does the large electric grill come with": "the" points at a variant even
            # where the message opens as a request would ("what ...") and names the kind.
            in_lines, aliased = self._in_line_words(said)
            pointer = None if definite or not back else back[0]
            out = self._variants(in_lines, clause_ends(text), pointer, definite, aliased)
        position = {w: i for i, w in reversed(list(enumerate(said)))}
        pointers = [i for i, w in enumerate(raw) if w in r_.definite]

        def named_at(n: Named) -> tuple[bool, int, int, str]:
            # The product "the" points at first, then in the order named: a product named by words of
            # the shopper's story ("my maruti 800 ...") is no subject of "does THE rainfun cover ...".
            # Variants named together by the same words keep one order, never the hash seed's.
            at = min(position.get(w, 0) for w in n.matched)
            return (not any(0 < at - i <= POINTER_REACH for i in pointers), at, n.group, n.product.id)

        return sorted(self._by_price(out, text), key=named_at)

    def _brands_joined(self, text: str) -> str:
        """The text with a connective left out between two words of one brand ("Mast AND Harbour"
        of "mast & harbour"), so the brand is found as the phrase it is."""

        def joined(m: re.Match[str]) -> str:
            pair = (spelled_word(singular(m.group(1).lower())), spelled_word(singular(m.group(3).lower())))
            return f"{m.group(1)} {m.group(3)}" if pair in self.brand_pairs else m.group(0)

        return connected_pattern().sub(joined, text)

    def _by_price(self, named: list[Named], text: str) -> list[Named]:
        """Variants named together, narrowed to those whose price the text says ("the green 20 hr
        bluetooth speaker, costs like 295.94": `said_prices`). A price that one other variant of
        the named line carries names that one: the options read from the shopper's story ("my
        wrist breaks out with LEATHER bands. the black dial wristwatch for 2127.62") give way to it."""
        if not prices_said(text):
            return named
        out: list[Named] = []
        for group in dict.fromkeys(n.group for n in named):
            members = [n for n in named if n.group == group]
            ids = {m.product.id for m in members}
            told = {p.id for p in told_by_price([m.product for m in members], text)}
            if told != ids:
                out += [m for m in members if m.product.id in told]
                continue
            line = self.lines.get(members[0].product.category_path)
            priced = told_by_price([self.products[r] for r in line.rows], text) if line else []
            if len(priced) == 1 and priced[0].id not in ids:
                out.append(Named(priced[0], members[0].weight, members[0].matched, group))
                continue
            out += members
        return out

    def _spelt(self, said: list[str]) -> list[str]:
        """The message with a brand's word typed one letter off read as that word ("SKYVON pump
        controller" of skayvon): a word the catalog and English lack, of `near_spelling_min`
        letters or more, one letter in, out, changed or two swapped from one brand word only."""
        least = rules().near_spelling_min
        out = list(said)
        for i, w in enumerate(said):
            if len(w) < least or not w.isalpha() or w in self.idf or w in ENGLISH:
                continue
            near = [b for b in self.brand_words if abs(len(b) - len(w)) <= 1 and OSA.distance(w, b) == 1]
            if len(near) == 1:
                out[i] = near[0]
        return out

    def _joined(self, raw: list[str]) -> set[str]:
        """Two words said apart that a title writes as one ("gel kayano" for "gel-kayano", "one
        way" for "one-way"): the joined form, where the catalog has it."""
        # Words only: a number and its unit ("7 inch") are split apart on both sides already.
        pairs = zip(raw, raw[1:], strict=False)
        return {a + b for a, b in pairs if a.isalpha() and b.isalpha() and a + b in self.postings}

    def _in_line_words(self, said: list[str]) -> tuple[list[str], set[str]]:
        """The message with a kind said in the shopper's words put in the words of the shop's line
        ("the black 20000mAh POWER BANK" -> "portable charger", "garden PIPE" -> "garden hose",
        "the upright VACCUM" -> "vacuum"), word for word where the lengths differ (the shop's
        last words), and the lines so named. A word of some line's name is the shop's own
        and is kept ("kettle" is no "electric kettle" where the shop also has tea kettles)."""
        out = list(said)
        own = set(self.name_lines)
        aliased: set[str] = set()
        done: set[int] = set()
        for key, names in sorted(rules().kinds.items(), key=lambda kv: -len(kv[0])):
            if set(key) <= own:
                continue
            for i in phrase_positions(said, key):
                span = set(range(i, i + len(key)))
                lines = {c for name in names for c, line in self.lines.items() if set(name) <= line.common}
                if not lines or span & done:
                    continue
                name = next(n for n in names if any(set(n) <= self.lines[c].common for c in lines))
                words = (
                    list(name[-len(key) :])
                    if len(name) >= len(key)
                    else [name[0]] * (len(key) - len(name)) + list(name)
                )
                out[i : i + len(key)] = words
                done |= span
                aliased |= {c for c in lines if set(name) <= self.lines[c].common}
        least = rules().near_spelling_min
        for i, w in enumerate(out):
            if i in done or len(w) < least or w in self.idf or w in own or not w.isalpha():
                continue
            if w in ENGLISH:  # an English word is no misspelling of another ("around" is not "round")
                continue
            near = [c for c in own if len(c) >= least and OSA.distance(w, c) == 1]
            if len(near) == 1:
                out[i] = near[0]
        return out, aliased

    def _named_line(self, line: Line, category: str, said: set[str], aliased: set[str]) -> tuple[str, frozenset[str]]:
        """How the message names the line, if it does: "whole" by all of its name's words or a
        synonym of its name (`aliased`); "own" by a word of its name no other line's name has
        ("the cordless canister VACUUM" of "Vacuum Cleaner"), no colour, material, size or
        everyday word; "head" by a head word it shares with other lines ("the 20MP CAMERA" of
        "Digital Camera" beside "Action Camera") or the head of its one-word compound name
        ("GLASSES" of "Sunglasses"), which names it only where its option values tell it from
        the others (see `_told_apart`). With the head words said ("" and none where it is not named)."""
        if not line.common:
            return "", frozenset()
        if line.common <= said or category in aliased:
            return "whole", frozenset()
        wordlike = {w for w in said if w not in rules().generic and len(w) >= 3 and not w.isdigit()}
        if any(self.name_lines[w] == 1 for w in line.common & wordlike):
            return "own", frozenset()
        # a material or a colour may be a head too ("glasses" of "Sunglasses"): its options tell
        heads = frozenset(
            w
            for w in said
            if w.isalpha()
            and w not in rules().filler
            and w not in STOPWORDS
            and (w in line.common or any(compound_head(w, c) for c in line.common))
        )
        return ("head", heads) if heads else ("", frozenset())

    def _told_apart(self, category: str, heads: frozenset[str], named_by: set[str]) -> bool:
        """A line named by a head word is told apart by an option value said that no other line
        headed by that word has ("20MP" of the digital cameras; "black" names no camera)."""
        others = {
            w
            for c, line in self.lines.items()
            if c != category and any(h in line.common or any(compound_head(h, n) for n in line.common) for h in heads)
            for w in line.option_words
        }
        line = self.lines[category]
        return bool(named_by - line.common - heads - others)

    def _variants(
        self, said: list[str], ends: set[int], back: int | None, definite: bool, aliased: set[str] = frozenset()
    ) -> list[Named]:
        """ "the white glass electric kettle": a line whose shared title words the text carries,
        narrowed by the option values it names. The last option value said after the line's name
        is what is asked ("is the navy XL fleece jacket a FULL zip?") unless an earlier value of
        the same option names the variant ("the tea kettle for GAS stoves work on INDUCTION?").
        `ends`: the positions that close a clause; `back`: where a word pointing back at the
        product is said, when no "the" points at it: the name must come before it and narrow the
        line by at least one option. With neither, the options said must single out one variant,
        two options at least ("black wired gaming mouse with laser sensor - price?")."""
        said_all = set(said)
        found: list[Named] = []
        # each line found: 0 by its whole name (or a synonym), 1 by a head word, 2 by its own word
        how_named: dict[str, int] = {}
        told: dict[str, int] = {}  # each line found: how many of its options the values said tell
        naming = {c: self._named_line(line, c, said_all, aliased) for c, line in self.lines.items()}
        said_whole = any(how == "whole" for how, _ in naming.values())
        for category, line in self.lines.items():
            how, heads = naming[category]
            if not how or (how == "head" and said_whole):
                # a line said whole leaves none named by a head word: "1 liter electric kettle" is
                # no Tea Kettle (stovetop: electric), however its options fit
                continue
            value_words = {w for vs in line.values.values() for v in vs for w in v}
            key_words = {w for k in line.values for w in spelled_terms(k)}
            head = name_end(said, line.common | heads, value_words | key_words)
            if back is not None and head > back:
                continue
            # Where a comment points back at the name ("hiking boots, synthetic, size 8 -
            # WATERPROOF or not?"), the words from there on ask; they describe no variant (held-out
            # set AH, AH-p06 took "waterproof" for the boots' option and named none).
            attached = attached_positions(said, head, value_words | key_words | line.common)
            attached |= self._described(line, said, head, ends, value_words | key_words, back)
            flags = flags_said(line, said, head, ends)
            if back is not None:
                attached = {p for p in attached if p < back}
                flags = {k: f for k, f in flags.items() if phrase_positions(said[:back], f[1])}
            keep, named_by = self._narrowed(line, said, range(head), attached, flags)
            # Values said before the name that no variant has together with the nearer ones are
            # the shopper's own situation ("all we have is an INDUCTION cooktop. would the
            # ceramic tea kettle in 2 litres work?"), not the variant: the farthest give way first.
            for cut in range(1, head + 1):
                if keep:
                    break
                keep, named_by = self._narrowed(line, said, range(cut, head), attached, flags)
            if back is not None and named_by == set(line.common):
                continue  # "is there a tea kettle? is it cheap?": no variant said
            if how == "head" and not self._told_apart(category, heads, named_by):
                continue  # "the black camera": a head word and a value every camera line has
            options, counted = 0, set()
            for values in line.values.values():  # options told by words of their own ("brown, brown" is one)
                words = {w for v in values if set(v) <= named_by for w in v} - counted
                options += bool(words)
                counted |= words
            if not definite and back is None and (len(keep) != 1 or options < 2):
                continue  # "a white electric kettle?": a search
            if 0 < len(keep) <= rules().max_alike:
                unnamed = frozenset(line.option_words - named_by)
                found.extend(Named(self.products[r], 0.0, frozenset(named_by), 0, unnamed) for r in sorted(keep))
                how_named[category] = ("whole", "head", "own").index(how)
                told[category] = options
        # A line named by its whole name before one named by a head word told apart by its options
        # ("need GLASSES that cut the WATER glare. the silver plastic frame ones..." of
        # Sunglasses, not Water Bottle), before one named by a lone word of its name, a kind in
        # the shopper's story ("black leather high back office chair - ... to match my DESK
        # height, does this fit?" is no Desk Lamp).
        if how_named:
            best = min(how_named.values())
            found = [n for n in found if how_named[n.product.category_path] == best]
            # Of lines named alike, the one the option values said describe: "the 80% tactile
            # keyboard with white backlight, wired or WIRELESS?" asks of the keyboard, not of the
            # Wireless Earbuds its last word names (one value, "white", fits them too).
            most = max(told[n.product.category_path] for n in found)
            found = [n for n in found if told[n.product.category_path] == most]
        groups = {n.product.category_path for n in found}
        return found if len(groups) == 1 else []

    def _described(
        self, line: Line, said: list[str], head: int, ends: set[int], words: set[str], stop: int | None = None
    ) -> set[int]:
        """Option values said right after the line's name, with no attaching word, that describe
        it ("the patio umbrella RED 7 FT", "pet bed LARGE GREY MEMORY FOAM - can i wash it?"): a
        run of values naming two options or more, or one closing its clause ("the ceramic tea
        kettle 2 LITRE, will it work?") or followed by an attaching word ("indoor security camera
        2K with 130 degree view"). One value followed by more of the clause is what is asked
        ("is the tea kettle INDUCTION compatible?"). Anywhere after the name, a value said with
        its option's name names it too ("the CAPSULE TYPE", "with 130 DEGREE VIEW"). The run stops
        at `stop`, where a comment pointing back at the name starts."""

        def describes(w: str) -> bool:
            return w in words or w.isdigit() or w in rules().units

        run: list[int] = []
        i = head + 1
        # a list of values may run over commas ("tea kettle, ceramic, 1 litre size..")
        last = len(said) if stop is None else stop
        while i < last and describes(said[i]) and (not run or run[-1] not in ends or said[i] in words):
            run.append(i)
            i += 1
        said_with_key = set()
        for key, values in line.values.items():
            key_words = set(spelled_terms(key))
            for v in values:
                for p in mentions_of(said, v, values):
                    after = p + len(v) if phrase_positions(said, v) else p + 1
                    if p > head and after < len(said) and said[after] in key_words:
                        said_with_key |= set(range(p, after + 1))
        named = {key for key, values in line.values.items() for v in values for p in mentions_of(said, v) if p in run}
        following = said[i] if i < len(said) else ""
        # a value closing the message is what it asks ("is the RGB laser gaming mouse WIRELESS?"),
        # one closing a clause with more said after it describes ("the tea kettle 2 LITRE, will it")
        closes = bool(run) and ((run[-1] in ends and run[-1] < len(said) - 1) or following in rules().attach)
        return said_with_key | (set(run) if len(named) >= 2 or (named and closes) else set())

    def _narrowed(
        self, line: Line, said: list[str], before: range, attached: set[int], flags: dict[str, Flag] | None = None
    ) -> tuple[set[int], set[str]]:
        """The line's rows with the option values said at the positions `before` the name or
        `attached` after it, and the yes/no options said by their name (`flags`), and the words
        that named them."""
        keep = set(line.rows)
        named_by = set(line.common)
        said_values: list[tuple[str, tuple[str, ...]]] = []
        for key, (value, words) in (flags or {}).items():
            keep &= {r for r in line.rows if value_terms(self.products[r].attributes.get(key, "")) == value}
            named_by.update(value + words)
        for key, values in line.values.items():
            mentions = sorted((i, v) for v in values for i in mentions_of(said, v, values))
            # the longest value said there: "wifi + cellular" is not also "wifi"
            mentions = [
                (i, v)
                for i, v in mentions
                if not any(len(u) > len(v) and j <= i and i + len(v) <= j + len(u) for j, u in mentions)
            ]
            naming = [v for i, v in mentions if i in before or i in attached]
            if naming:
                keep &= {r for r in line.rows if value_terms(self.products[r].attributes.get(key, "")) in naming}
                said_values += [(key, v) for v in naming]
        # Only the values the variants kept have named them: another value of the same option
        # said there is the shopper's own ("I'm a SIZE 10. will the ... shoes in size 9 fit me?"
        # is asked against size 9; set O answered "Yes" with the 10 taken for part of the name).
        kept = {(key, value_terms(self.products[r].attributes.get(key, ""))) for r in keep for key in line.values}
        named_by.update(w for key, v in said_values if (key, v) in kept for w in v)
        return keep, named_by

    def _similarity(self, text: str, rows: list[int], embedder: Embedder | None) -> dict[int, float]:
        if embedder is None or self.vectors is None or not rows:
            return {}
        query = encode_query(embedder, text)
        return {r: float(self.vectors[r] @ query) for r in rows}


_indexes: dict[int, NameIndex] = {}
_building = threading.Lock()  # a question arriving while the server warms the index waits for that one build


def name_index(catalog: Any) -> NameIndex:
    """The name index of a `CatalogIndex` (or anything with `products` and `vectors`), built once."""
    key = id(catalog)
    with _building:
        index = _indexes.get(key)
        if index is None or index.products is not catalog.products:
            index = NameIndex(catalog.products, getattr(catalog, "vectors", None))
            _indexes[key] = index
    return index


@dataclass(frozen=True)
class CatalogCounts:
    """What a name index over some of a catalog's products reads from the whole catalog."""

    total: int
    titles_with: Callable[[str], int]  # products holding the word in their title or specifications
    ordinary: Callable[[set[str]], set[str]]  # the everyday words among these (see `ordinary_title_words`)


_counts: dict[int, CatalogCounts] = {}


def catalog_counts(catalog: Any) -> CatalogCounts:
    """A `CatalogIndex`'s counts from its search tables, read, never built: the attribute
    postings (title, category, specifications) for how many products hold a word, and the word
    counts (descriptions, one per product, plus titles, categories and brands) less those
    products for the everyday words: about the descriptions that say it."""
    key = id(catalog)
    if key not in _counts:
        postings, words, total = catalog.tables.attribute_postings, catalog.word_counts, len(catalog)
        limit = rules().ordinary_brand_share * max(total, 1)

        def titles_with(w: str) -> int:
            return postings.count(words_key([w]))

        def ordinary(said: set[str]) -> set[str]:
            return {w for w in said if words.get(w, 0) - titles_with(w) > limit}

        _counts[key] = CatalogCounts(total, titles_with, ordinary)
    return _counts[key]


def candidate_rows(text: str, catalog: Any) -> list[int]:
    """The rows a message may name, looked up in the catalog's search indexes: the products whose
    text best matches its words in BM25, rare words weighing most (a brand, a model code, a
    line's name and its option values), at most `candidates_max`; then, whole, the brands of the
    best `candidate_groups` of them and every candidate's kind (top category node), each up to
    `candidates_max` products: a line's options and a brand's titles are read from all its
    products, not from those its words happened to rank (set A, read from 3 of a line of
    coffee makers, "built in" named them: the option they vary in read as their name)."""
    tokens = bm25_tokens(text)
    if not tokens:
        return []
    r_ = rules()
    scores = np.asarray(catalog.bm25.get_scores(tokens))
    limit = min(r_.candidates_max, len(scores))
    top = np.argpartition(-scores, limit - 1)[:limit]
    top = top[scores[top] > 0]
    rows = set(top.tolist())
    best = top[np.argsort(-scores[top], kind="stable")][: r_.candidate_groups]
    brands = [np.flatnonzero(catalog.brand_code == code) for code in {int(catalog.brand_code[r]) for r in best} - {-1}]
    # every candidate's kind (its top category node: a tau line), where it is small enough
    kinds = catalog.tables.columns["kind_code"]
    sizes = np.bincount(kinds)
    small = [code for code in np.unique(kinds[top]) if sizes[code] <= r_.candidates_max]
    for group in brands:
        if len(group) <= r_.candidates_max:
            rows.update(group.tolist())
    # a model code only the specifications carry ("the fhd115 sofa bed"): BM25 reads titles and
    # descriptions; the attribute postings read specification values too
    for word in sorted({w for w in terms(text) if is_model_code(w)}):
        held = catalog.attribute_rows([word])
        if len(held) <= r_.candidates_max:
            rows.update(int(r) for r in held)
    rows.update(np.flatnonzero(np.isin(kinds, small)).tolist())
    return sorted(rows)


def find_named(
    text: str, catalog: Any, embedder: Embedder | None = None, kind: str | None = None, whole_max: int = 50_000
) -> list[Named]:
    """The products a message names (`NameIndex.find`). A catalog of up to `whole_max` products
    has one name index, built once (~2 s per 1,000 products on 2 busy cores); a larger one is
    never indexed whole inside a turn: the message's candidates are looked up in the search
    tables and indexed alone, with the whole catalog's counts (bench/product_questions.py --first)."""
    if len(catalog.products) <= whole_max:
        return name_index(catalog).find(text, embedder, kind)
    # A turn reads the message's names up to three times (routing, naming words, answer).
    key = (id(catalog), text, kind)
    with _recent_lock:  # the API serves turns on several threads
        found = _recent.get(key)
    if found is None:
        rows = candidate_rows(text, catalog)
        vectors = getattr(catalog, "vectors", None)
        products = [catalog.products[r] for r in rows]
        index = NameIndex(products, None if vectors is None else np.asarray(vectors[rows]), catalog_counts(catalog))
        found = index.find(text, embedder, kind) if rows else []
        with _recent_lock:
            _recent[key] = found
            while len(_recent) > RECENT_MAX:
                _recent.pop(next(iter(_recent)))
    return found


_recent: dict[tuple[int, str, str | None], list[Named]] = {}
_recent_lock = threading.Lock()
RECENT_MAX = 16


def name_products(text: str, catalog: Any, embedder: Embedder | None = None) -> list[Product]:
    """The products a shopper's message names, in the order named (empty for a plain search)."""
    return [n.product for n in name_index(catalog).find(text, embedder)]


NAMING_SPAN_MAX = 8  # words: a name said in one stretch ("the oxford 15cm non stick dosa tawa")
NAMING_OTHER_WORDS_MAX = 3  # words not its own inside a longer stretch ("the", "lenovo" of "lnvo")


def _naming_run(said: list[str], own: set[str], matched: set[str] | frozenset[str]) -> list[str]:
    """The stretch of `said` made of the name's `own` words, each said once, at most
    NAMING_OTHER_WORDS_MAX - 1 other words between two of them, that holds most of the `matched`
    words (the later on a tie: a question usually asks before it names)."""
    runs: list[list[int]] = []
    for i, word in enumerate(said):
        if word not in own:
            continue
        # A name word said again is what is asked ("... vibe p1m fit a VIBE P1M phone?").
        if runs and i - runs[-1][-1] <= NAMING_OTHER_WORDS_MAX and word not in {said[j] for j in runs[-1]}:
            runs[-1].append(i)
        else:
            runs.append([i])
    scored = [(len({said[i] for i in run} & set(matched)), k) for k, run in enumerate(runs)]
    if not scored or max(scored)[0] == 0:
        return []
    best = runs[max(scored)[1]]
    return said[best[0] : best[-1] + 1]


def _unnamed_keys(n: Named) -> list[str]:
    """The words of the keys of the options whose values the message did not name the product by,
    less the words of the line's name."""
    line = set(spelled_terms(n.product.title.split("(")[0]))  # "shoe" of "shoe size" still names Running Shoes
    keys = [k for k, v in n.product.attributes.items() if spelled_terms(v) and set(spelled_terms(v)) <= n.unnamed]
    return [w for k in keys for w in spelled_terms(k) if w not in line]


def naming_words(named: list[Named], message: str = "") -> str:
    """The words of the named products' titles and brands, less the option values the message
    did not name them by: what a question names them with, not what it asks about them. With the
    `message`, also every word of the stretch that names them, from its first name word to its
    last: a shopper describes the product while naming it ("the oxford non stick dosa tawa, will
    it work on induction?" asks about induction, not about being non-stick)."""
    words = {
        w for n in named for w in spelled_terms(f"{n.product.title} {n.product.brand or ''}") if w not in n.unnamed
    }
    # An option's name the title writes with its value ("Running Shoes (size 9, yellow)"), the
    # value not said: "WHAT SIZE are the yellow running shoes?" asks it (held-out set AD, AD-p37,
    # was answered "sole: rubber").
    asked_keys = {w for n in named for w in _unnamed_keys(n)}
    words -= asked_keys
    said = spelled_terms(message)
    for n in named:
        at = [i for i, w in enumerate(said) if w in n.matched and w not in asked_keys]
        # A name word said twice is said once as the name and once of the shopper's own thing:
        # the run below tells which ("would the cozy mattress protector KEEP THE MATTRESS dry?"
        # took "keep the" into the name, and the need "keep dry" was not heard: held-out set AH,
        # AH-p19).
        if at and at[-1] - at[0] < NAMING_SPAN_MAX and len({said[i] for i in at}) == len(at):
            words.update(said[at[0] : at[-1] + 1])
            continue
        # A long name said with its own words is still one stretch: "the furst usb adapter +
        # cable for the LENOVO vibe p1m" (of "... for lnvo vibe p1m") asks about no Lenovo. The
        # stretch is the run of the name's own words with at most a few others between them,
        # the run holding most of the words it was named by: "what RING size is the jewels of
        # jaipur ruby ring?" asks about size, so its first "ring" starts no stretch.
        own = set(spelled_terms(f"{n.product.title} {n.product.brand or ''}"))
        stretch = _naming_run(said, own, n.matched)
        if len(set(stretch) - own) <= NAMING_OTHER_WORDS_MAX:
            words.update(stretch)
    # A price said names the variant ("the ones at 241.90"); it is not what is asked.
    words.update(w for n in named for price in price_words(n.product, message) for w in [price, *spelled_terms(price)])
    # "... chalega?", "theek rahega?" ask whether it will do; their words are not what is asked.
    raw = said_tokens(message)
    words.update(
        w
        for i in verdicts_at(raw)
        for phrase in rules().verdicts
        if phrase_positions(raw[i:], phrase)[:1] == [0]
        for w in phrase
    )
    # The question is read in its own spelling ("litre"): each word also as the other spellings.
    words |= {k for k, v in rules().spellings.items() if v in words}
    return " ".join(sorted(words))
