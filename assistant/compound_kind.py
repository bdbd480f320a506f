"""The words before the kind asked for that narrow it, read against the shop's products of it.

A shopper names a kind with the words that make it theirs: "hip hop cap", "gel air freshener",
"double breasted coat", "single phase pump controller". Read as its head alone ("cap"), the
request shows every cap, and the modifier only ranks the right one first (sets L and M: the top
pick right, four of five cards wrong). Where some product of the kind records the modifier in
its title, category or specifications, it is the kind asked for: it filters. Where none does, it
is a style the shop does not record ("comfortable", "stylish"), or a misspelling: it only ranks,
as before, and never empties a kind on its own. Where other products of the kind say it in their
descriptions ("a waterproof shell"), it is a property the titles happen to carry: it ranks too.

The words read are the run right before the kind in the asking clause, past words that have
their own filters (colours, audiences, materials), stopping at the grammar of the request ("a",
"for", "under") and at numbers other than a model's ("jrb 1042 usb fan").

A modifier that is itself a kind the shop files beside the head ("wedge heels": wedges and heels
under one parent node) is the kind asked for, in the shop's word (`sibling_kind`). What the kind
is said to fit ("bulb for Hero CD") is a must-have where the shop sells the kind by fit
(`fitment`).
"""

from __future__ import annotations

import re

import numpy as np

from assistant import sorted_rows
from assistant.catalog import CatalogIndex
from assistant.colour_words import METAL_COLOURS
from assistant.constraints import Constraints, attribute_terms, phrase_in
from assistant.lexicon import PRODUCT_LINES, QUERY_WORDS
from assistant.message_patterns import NEGATIONS
from assistant.part_fit import model_word, named_device
from assistant.type_resolution import (
    AUDIENCE_TERMS,
    COMPOUND_FILLERS,
    FIT_CUES,
    PERSON_NOUNS,
    TypeResolver,
)
from common.text import COLOURS, STOPWORDS, singular, terms

# Words before the kind passed over, not read as its modifiers: grammar ("a", "for") and words
# with filters of their own (an audience, a colour). A metal is no colour filter where the kind
# is made of it ("copper water bottle"), a material that is also a kind ("canvas") no material
# filter, and a word of the request's grammar may be the shop's own value ("formal" shirts,
# "no show" socks): those stay in the run, and the kind's records say whether they narrow it.
RUN_ENDS = frozenset(STOPWORDS) | frozenset(QUERY_WORDS)
PASSED_OVER = (frozenset(COLOURS) - METAL_COLOURS) | AUDIENCE_TERMS | frozenset(STOPWORDS)
SIBLING_ROWS_READ = 2000  # products read for a kind's parent nodes (a large catalog repeats them)
DESCRIPTIONS_READ = 2000  # other products of the kind read for a modifier said in prose
MAX_FIT = 4  # "for royal enfield classic 350"
FIT_TITLES_READ = 2000  # titles of the kind read for the fits they name
FIT_SHARE = 0.5  # most of the kind's titles name a fit: the shop sells it by fit
FIT_AT_LEAST = 3  # ...and several do: one title naming its fit is no way of selling
MAX_WITH = 3  # "with cable", "with a usb cable": what the kind comes with, before its "for"
MAX_RUN = 4  # "single phase submersible pump controller": a compound seldom has more
OWNERS = frozenset(("my", "our", "his", "her", "their", "your"))  # possessive determiners, a closed class


def modifier_run(types: TypeResolver, text: str, named: str) -> list[str]:
    """The words right before the last mention of the kind `named` in the asking clause, nearest
    last, less those that filter on their own."""
    words = types.asking_words(text)
    head = terms(named)[-1:]
    span = next(
        ((s, e) for s, e, form in reversed(types.named_spans(words)) if terms(" ".join(form))[-1:] == head), None
    )
    if span is None:
        return []
    # A compound the shop lacks read as its head ("musical toy" -> "toy"): its first words modify.
    start = max(span[0], span[1] - len(named.split()))
    run: list[str] = []
    window = words[max(0, start - MAX_RUN) : start]
    for k in range(len(window) - 1, -1, -1):
        word = window[k]
        if not (word.isalpha() or _model_code(word)):
            break
        # a grammar word a negation takes ("no show" socks) is the compound's, not grammar
        negated = k > 0 and window[k - 1] in NEGATIONS and word in STOPWORDS
        if (word in PASSED_OVER and not negated) or (len(word) < 3 and word not in NEGATIONS):
            continue
        run.insert(0, word)
    return run


def _model_code(word: str) -> bool:
    """A model's code or number ("1042" usb fan, "i20", "rn020"): a digit in three characters or
    more, not a size or a count ("2", "6w"), which have readings of their own."""
    return len(word) >= 3 and word.isalnum() and any(ch.isdigit() for ch in word)


def narrowing(catalog: CatalogIndex, run: list[str], c: Constraints) -> list[str]:
    """The phrases of the run that products of what the request `c` asks a product to be (its
    kind, must-haves and brand) record, nearest the kind first: the longest end of the run
    recorded as one phrase ("hip hop"), then each word before it that still leaves some product
    ("single" phase pump): a modifier never empties the kind on its own. A price, colour or
    audience none of those meets is the request's to report ("nothing in double breasted coats
    under ₹3,000"; set M showed a jacket). Words of the kind itself, and those already a
    constraint, are not read again."""
    rows = np.flatnonzero(catalog.mask(Constraints(categories=c.categories, attributes=c.attributes, brands=c.brands)))
    said = [*c.categories, *c.attributes, *c.brands, *c.colours]
    kind_words = {w for s in said for w in terms(s)}
    run = [w for w in run if not set(terms(w)) <= kind_words]
    found: list[str] = []
    end = len(run)
    while end > 0 and len(rows):
        for start in range(0, end):
            phrase = terms(" ".join(run[start:end]))
            # a negation narrows only with the word it makes a compound of ("no show" socks)
            kept = sorted_rows.common(rows, catalog.attribute_rows(phrase)) if _asked(run, start, phrase) else rows[:0]
            if len(kept):
                said_phrase = " ".join(run[start:end])
                # one every product of the kind holds adds nothing; one that others of the kind
                # say in their descriptions is a property, not a sub-kind, and only ranks
                if len(kept) < len(rows) and not described(catalog, np.setdiff1d(rows, kept), said_phrase):
                    found.append(said_phrase)
                    rows = kept
                end = start
                break
        else:
            end -= 1  # the word nearest the kind is recorded by none of them: it only ranks
    return found


def _asked(run: list[str], start: int, phrase: list[str]) -> bool:
    """A phrase that can name what is asked for: not empty, not a negation alone ("no"), and not
    the end of a compound of the request's grammar words said whole: "wear" of "too heavy for
    daily wear" (a follow-up read with the kind after it) is every kurta's, as "daily wear" is no
    sub-kind the shop holds; "party" of "party dress" is the whole compound said."""
    if not phrase or set(phrase) <= NEGATIONS:
        return False
    cut = start > 0 and run[start - 1] in QUERY_WORDS and run[start - 1] not in NEGATIONS
    return not (cut and set(phrase) <= QUERY_WORDS)


def described(catalog: CatalogIndex, rows: np.ndarray, phrase: str) -> bool:
    """Some of these products say the phrase in their description: the records hold it only where
    a title happens to ("Waterproof Hiking Jacket"), and others have it too ("a waterproof shell")."""
    said = re.compile(r"\b" + r"\s+".join(re.escape(w) for w in phrase.lower().split()) + r"s?\b")
    return any(said.search((catalog.products[int(r)].description or "").lower()) for r in rows[:DESCRIPTIONS_READ])


def sibling_kind(types: TypeResolver, catalog: CatalogIndex, text: str, named: str) -> str | None:
    """The kind named right before the kind asked for where the shop files the two side by side,
    under the same parent node ("wedge heels": its wedges and heels are both under "womens
    footwear"): the shopper names the narrower kind by both words, and the shop calls it by the
    modifier (set L read heels and showed no wedge). A kind filed elsewhere says what the product
    goes with ("shoe rack", "laptop bag"), and the head stays."""
    spans = types.named_spans(types.asking_words(text))
    head = terms(named)
    for (_, end, before), (start, _, form) in zip(spans, spans[1:], strict=False):
        if end != start or terms(" ".join(form)) != head or terms(" ".join(before)) == head:
            continue
        modifier = terms(" ".join(before))
        if types.is_type(modifier) and _parents(catalog, modifier) & _parents(catalog, head):
            return " ".join(before)
    return None


def _parents(catalog: CatalogIndex, kind: list[str]) -> set[str]:
    """The category nodes right above the nodes that name this kind."""
    out: set[str] = set()
    for row in catalog.phrase_rows(kind)[:SIBLING_ROWS_READ]:
        path = catalog.products[int(row)].category
        out |= {path[i - 1] for i in range(1, len(path)) if terms(path[i])[-len(kind) :] == kind}
    return out


def fitment(catalog: CatalogIndex, types: TypeResolver, text: str, named: str, c: Constraints) -> str | None:
    """What the kind is asked to fit, said after it with "for" ("tail light bulb for Hero CD",
    "headlight for Royal Enfield Classic 350"), where the shop's titles of the kind name what each
    fits the same way ("... led bulb for hero cd"): the longest start of it some such title
    holds after its "for" is a must-have; where none holds it and most of the kind's titles name
    a fit and none uses a word of it, the whole of it is (the reply then says the shop has none;
    set L showed headlights for other bikes). A person or an audience ("for my dad", "for men")
    is no fit, and a kind whose titles name no fit ("a jacket for hiking") is left to ranking."""
    words = types.asking_words(text)
    head = terms(named)[-1:]
    end = next((e for _, e, form in reversed(types.named_spans(words)) if terms(" ".join(form))[-1:] == head), None)
    end = _for_after(words, end) if end is not None else None
    if end is None:
        return None
    target: list[str] = []
    after = ""
    for word in _whole_fitted(words[end + 1 :])[:MAX_FIT]:
        # A person's possessive ("for my mom's 50th", "for my son's bike": "moms", "sons" once
        # tokenised) says whose it is, like "my": it opens the run and is never the thing fitted
        # (set W: "watch for my mom's 50th" required the words "moms 50th" and showed no watch).
        if (word in COMPOUND_FILLERS or _possessed_by_person(word)) and not target:
            continue
        if word in RUN_ENDS or word in AUDIENCE_TERMS or word in PERSON_NOUNS or ORDINAL.match(word):
            after = word  # an ordinal is an occasion ("her 50th", "our 25th"), never a model
            break
        target.append(word)
    # "a mat for outside THE shower": a word taking an object is a preposition, not a thing fitted
    if not target or set(target) & (AUDIENCE_TERMS | PERSON_NOUNS) or after in COMPOUND_FILLERS:
        return None
    if _own_unnamed(words[end + 1 : end + 1 + MAX_FIT], target, types):
        return None
    rows = np.flatnonzero(catalog.mask(Constraints(categories=c.categories, brands=c.brands)))[:FIT_TITLES_READ]
    titles = [terms(catalog.products[int(r)].title) for r in rows]
    fitted = [t for t in titles if "for" in t]
    for n in range(len(target), 0, -1):
        said = terms(" ".join(target[:n]))
        if any(phrase_in(["for", *said], t) for t in fitted):
            slot = _model_slot(said, fitted)
            return " ".join(target[: n + _model_words_after(target[n:], titles, slot, _node_words(catalog, rows))])
    # In a kind sold by fit, titles that name the device without "for" ("d'clair micromax bolt
    # a075 battery charger"), or in the maker's spelling ("lnvo vibe p1m"): the run of it they
    # hold is a must-have, unless others of the kind say it in their descriptions (a use).
    device = named_device(target, titles) if len(fitted) >= FIT_AT_LEAST else None
    if device and not described(catalog, _not_holding(rows, titles, device), device):
        return device
    # None holds it: a fit the shop does not make the kind for, where most of its titles name a
    # fit and none uses a word of it ("for royal enfield"); a word they use ("for car roof": car
    # antennas) says where it goes, not what it fits, and ranks.
    used = {w for r in rows for w in attribute_terms(catalog.products[int(r)])}
    unheard = not set(terms(" ".join(target))) & used
    by_fit = len(fitted) >= max(FIT_AT_LEAST, FIT_SHARE * len(titles))
    return " ".join(target) if unheard and by_fit else None


def _whole_fitted(after_for: list[str]) -> list[str]:
    """The words after "for" that name what is fitted: past a part of it said with "of" ("for the
    dashboard of a wagon r", "for the rear window of my swift"), the whole the part belongs to
    (set AH q03 read "dashboard" and lost the car). The part, where the records state it
    ("Placement Position: Dashboard"), is read as a recorded value elsewhere."""
    head = after_for[: MAX_FIT + 1]
    if "of" not in head[1:]:
        return after_for
    at = head.index("of", 1)
    part = [w for w in head[:at] if w not in COMPOUND_FILLERS]
    if not part or set(part) & (AUDIENCE_TERMS | PERSON_NOUNS) or any(_possessed_by_person(w) for w in part):
        return after_for
    return after_for[at + 1 :]


def _model_words_after(rest: list[str], titles: list[list[str]], slot: set[str], nodes: set[str]) -> int:
    """How many of the words said after the maker the titles hold ("hyundai" of "hyundai verna")
    belong to the fit: the model words no title of the kind uses ("verna": a name no dictionary
    holds, or with a digit), which name a model the shop makes the kind for none of (AD q29: sun
    shades for a hyundai creta or i10 were shown for a verna). A word a title uses ("swift" of
    "maruti swift", sold "for maruti suzuki swift") or an ordinary one ("cars") is not counted.
    Where the titles name several models right after this maker ("for honda accord", "for honda
    jazz": `slot`), the word said in that place names a model even when it is an ordinary word
    ("honda city", AH q30: sun shades for an accord and a jazz were shown); not a plural ("honda
    cars"), a word of the request's grammar, or a word of the kind's own nodes ("car")."""
    used = {w for t in titles for w in t}
    n = 0
    for word in rest:
        said = terms(word)
        if not said or set(said) & used:
            break
        in_slot = (
            n == 0
            and len(slot) >= MODELS_IN_SLOT
            and word.isalpha()
            and singular(word) == word
            and word not in RUN_ENDS
            and word not in nodes
        )
        if not (model_word(word) or in_slot):
            break
        n += 1
    return n


MODELS_IN_SLOT = 2  # distinct models titles name after one maker: the maker's models are sold apart


def _model_slot(maker: list[str], fitted: list[list[str]]) -> set[str]:
    """The words the kind's titles say right after "for <maker>": the maker's models it is made for."""
    n = len(maker)
    out: set[str] = set()
    for t in fitted:
        for i in range(len(t) - n - 1):
            if t[i] == "for" and t[i + 1 : i + 1 + n] == maker and i + 1 + n < len(t):
                out.add(t[i + 1 + n])
    return out


def _node_words(catalog: CatalogIndex, rows: np.ndarray) -> set[str]:
    """The words of the kind's category nodes ("car sun shades": car, sun, shades, shade)."""
    words = {
        w for r in rows[:SIBLING_ROWS_READ] for node in catalog.products[int(r)].category[:-1] for w in terms(node)
    }
    return words | {singular(w) for w in words}


def held_with_fit(catalog: CatalogIndex, c: Constraints, narrow: list[str], fit: str | None) -> list[str]:
    """The modifiers that narrow the kind (`narrowing`), less those no product that fits what the
    shopper named records: "window sunshades that fit a renault duster" where the duster's
    sunshades never say "window" (set P: both must-haves together left no card). The fit is
    the harder word; a modifier checked apart from it only ranks."""
    if not fit or not narrow:
        return narrow
    together = Constraints(categories=c.categories, brands=c.brands, attributes=[*c.attributes, *narrow, fit])
    if catalog.mask(together).any():
        return narrow
    fitted = Constraints(categories=c.categories, brands=c.brands, attributes=[*c.attributes, fit])
    return [] if catalog.mask(fitted).any() else narrow


def _possessed_by_person(word: str) -> bool:
    """A person's possessive as tokenised ("mom's" -> "moms", "sister's" -> "sisters"): a person
    word's "-s" form, which after "for my" says whose the thing is."""
    return word != singular(word) and singular(word) in (AUDIENCE_TERMS | PERSON_NOUNS)


ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _own_unnamed(after_for: list[str], target: list[str], types: TypeResolver) -> bool:
    """For "a pouch for MY phone", "a cover for our car": the shopper's own device, said by its kind
    alone, is one model they did not name. A title that says "for phone" fits it no better than
    one naming a model, so the kind word is no must-have (set K: "black pouch for my phone" kept
    only titles saying "for phone", none black). A model or product line said ("for my honda cb",
    "for my ipad") pins it down and stays."""
    owned = after_for[:1] and after_for[0] in OWNERS
    one_kind = len(target) == 1 and target[0].isalpha() and target[0] not in PRODUCT_LINES
    return bool(owned) and one_kind and types.is_any_type(terms(target[0]))


def _for_after(words: list[str], end: int) -> int | None:
    """Where the "for" that says what the kind fits ends: right after the kind, or after what it
    comes with ("usb adapter with cable for lenovo vibe p1m"); a verb of fitting says it as "for"
    does ("headlight that fits a Pulsar 150", `fit_cues` in type_resolution.json)."""
    if words[end : end + 1] == ["for"]:
        return end
    cue = next((c for c in FIT_CUES if tuple(words[end : end + len(c)]) == c), None)
    if cue:
        return end + len(cue) - 1
    if words[end : end + 1] == ["with"]:
        return next((i for i in range(end + 2, min(end + 2 + MAX_WITH, len(words))) if words[i] == "for"), None)
    return None


def _not_holding(rows: np.ndarray, titles: list[list[str]], phrase: str) -> np.ndarray:
    said = terms(phrase)
    return np.array([r for r, t in zip(rows, titles, strict=True) if not phrase_in(said, t)], dtype=rows.dtype)
