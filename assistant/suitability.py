"""Whether a product suits what the shopper names: a device, a vehicle, a person, an appliance.

"does it fit lenovo s880 properly" against "Designed for: Lenovo S880", "I cook on an induction
hob - will the tea kettle work on it?" against "stovetop compatibility: induction", "would it
fit an ipad air 2?" against "Designed for: Apple iPad Mini 2", "we're an alexa household" against
"compatibility: Google Assistant". The shopper's need is read from the words of the question
outside the product's own mention (the longest run of its title's words: "the stainless 1 liter
tea kettle"; words in brackets describe it too), and compared with the values of the keys that
say what a product is for (`need_keys` in data/suitability.yaml):
- yes, where the need says a whole option of such a value, or one of its model words (a code,
  a word no dictionary holds: "s880", "xperia"), and nothing else such a key could hold;
- no, where the need says another value such a key takes: a value word the catalog gives the
  key elsewhere ("women" of "gender", "air" of "designed for"), a model code of the same shape
  as the record's ("E27" against "B22"), or a code right beside a matched word ("hyundai I10"
  against "Vehicle Brand: Hyundai; Vehicle Model Name: Santro Xing");
- nothing (None), where no such key meets the need: the answerer goes on as before, and says the
  listing doesn't say rather than guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from assistant import amount_bounds, audience_fit, aversion, fit, suit_reading
from assistant.answer_data import knowledge
from assistant.spelling import ordinary_words
from common.schema import Product
from common.text import STOPWORDS, singular, tokenize

DATA = Path(__file__).resolve().parent / "data" / "suitability.yaml"
TITLE = "Title"  # the evidence key of what the title says the product is for
BRACKETED = re.compile(r"\([^()]*\)")
NUMBER = re.compile(r"[\d.,]+")  # a bare number or a price ("263.11") names no need
OPTION_SPLIT = re.compile(r"\s*[,/|;&]\s*|\s+and\s+")
# with the contractions as tokenised without their apostrophe: "we DONT have any ethernet ports"
# read "ethernet" as the need, a yes for an Ethernet-only camera (found writing AC-p46's test)
NEGATION = frozenset("no not non without never dont doesnt didnt cant cannot isnt arent havent hasnt wont nor".split())
NEGATION_REACH = 3  # "no wired internet": a negation reaches the words right after it
CLOSED_WORDS = 12  # a key with at most this many value words across the catalog takes a closed set
NEAR = 2  # words either side that count as beside ("hyundai grand i10")
STORY_WORDS = 2  # words said of the person, besides who they are, that make a need of their own
SHOPPER = frozenset("i im my me mine we our us ours".split())
# Words that join a product's name across a gap: "the pouch FOR lenovo", "kettle (1 liter)".
BRIDGES = frozenset("the a an of with for from by and".split())
# An article opens a noun phrase: a run of the name's words does not go on past one ("my car's a
# SWIFT (maruti). THE speedwav 240428 sunshade": the swift is the shopper's, set S S-pq-02).
ARTICLES = frozenset("the a an".split())


@dataclass(frozen=True)
class Verdict:
    suits: bool
    evidence: list[tuple[str, str]]  # (key, value) as the record writes them
    # The words of a need the evidence does not speak to ("my boy can't tie laces, ok for him?"
    # against "Ideal For: Boys"): the evidence is no yes to it (`audience_fit.person_story`).
    unmet: tuple[str, ...] = ()


@cache
def _data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


def need_key(key: str) -> bool:
    """Whether a specification key says what a product is for (`need_keys`)."""
    low = key.lower()
    data = _data()
    return any(h in low for h in data["need_keys"]) and not any(h in low for h in data["not_need_keys"])


def _joined(tokens: list[str]) -> set[str]:
    """Words and each two in a row written as one ("wi fi" -> "wifi"): "wifi" is "Wi-Fi"."""
    words = {singular(t) for t in tokens}
    return words | {a + b for a, b in zip(tokens, tokens[1:], strict=False)}


def _is_code(word: str) -> bool:
    """Letters and digits in one word ("i10", "b22"), not an amount with its unit ("12v", "5l")."""
    amount = re.fullmatch(r"\d+(?:\.\d+)?([a-z]+)", word)
    if amount and amount.group(1) in fit.unit_words():
        return False
    return bool(re.search(r"\d", word)) and bool(re.search(r"[a-z]", word))


def _shape(word: str) -> str:
    """A code's shape: letters as "a", digits as "9" ("b22" -> "a99")."""
    return re.sub(r"\d", "9", re.sub(r"[a-z]", "a", word))


def _model_word(word: str) -> bool:
    """A word that names a model rather than saying something ordinary: a code ("s880", "a7") or
    a word no dictionary of this package holds ("xperia", "santro")."""
    return _is_code(word) or word not in ordinary_words()


def mention_span(tokens: list[str], name_words: set[str], core: set[str]) -> tuple[int, int]:
    """Where the product is mentioned: a run of its name's words (bridged by "the", "for", ...),
    as [start, end), not past an article (`ARTICLES`); of several, the one with its brand or its
    kind (`core`), then the longest.
    "my bike is a honda dream cd110 ... this bike world led bulb meant for it?" mentions "bike
    world led bulb", though "honda dream cd110" is in its title too: that is what the shopper
    asks about."""
    best = (0, 0)
    best_rank = (False, 0)
    i = 0
    while i < len(tokens):
        if not _in(tokens[i], name_words):
            i += 1
            continue
        j, count, end, has_core = i, 0, i, False
        while j < len(tokens):
            word = tokens[j]
            if word in ARTICLES and j > i:  # "a SWIFT. THE speedwav sunshade": a new noun phrase
                break
            if _in(word, name_words):
                count, end, has_core = count + 1, j + 1, has_core or _in(word, core)
            elif word not in BRIDGES and not _described(tokens, j, name_words):
                break
            j += 1
        if (has_core, count) > best_rank:
            best, best_rank = (i, end), (has_core, count)
        i = max(end, i + 1)
    return best


def _described(tokens: list[str], j: int, name_words: set[str]) -> bool:
    """A word of the shopper's own between two of the name's ("casedeal WHITE replacement back
    panel for lumia x2"): it describes the product, unless it is a verb or filler ("aa batteries,
    WILL the toothbrush")."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
    words = knowledge().filler | SHOPPER | STOPWORDS
    return bool(nxt) and _in(nxt, name_words) and nxt not in words and tokens[j] not in words


def _in(word: str, words: set[str]) -> bool:
    return word in words or singular(word) in words


def core_words(product: Product) -> set[str]:
    """The words that say which product and what it is, not what it is for: its brand, or where
    it has none, its title before the options in brackets ("Electric Toothbrush (blue, AA
    batteries)")."""
    said = product.brand or product.title.split("(")[0]
    return {singular(w) for w in tokenize(said)} - STOPWORDS


def _unbracketed(question: str, name_words: set[str]) -> str:
    """The question less the brackets that describe the product, right after a word of its name
    ("the kettle (1 liter)"); a bracket after the shopper's own words says theirs ("my car's a
    swift (maruti)", set S S-pq-02) and stays."""

    def drop(m: re.Match[str]) -> str:
        before = tokenize(question[: m.start()])[-1:]
        return " " if before and _in(before[0], name_words) else f" {m.group()[1:-1]} "

    return BRACKETED.sub(drop, question)


def need_words(question: str, name_words: set[str], core: set[str], made_for: str = "") -> list[str]:
    """The shopper's words outside the product's mention: no filler, no bare number, none a
    negation reaches ("no wired internet ... only wifi" needs wifi, not wired)."""
    # a bracket after what the title says the product is for ("... for maruti SWIFT") is the shopper's
    tokens = tokenize(_unbracketed(question.replace("'", ""), name_words - _joined(tokenize(made_for))))
    start, end = mention_span(tokens, name_words, core)
    filler = knowledge().filler | STOPWORDS | SHOPPER
    out = []
    for i, word in enumerate(tokens):
        if start <= i < end or word in filler or NUMBER.fullmatch(word):
            continue
        if NEGATION & set(tokens[max(0, i - NEGATION_REACH) : i]):
            continue
        out.append(singular(word))
    return out


def judge(product: Product, question: str, phrases: dict[str, dict[str, int]]) -> Verdict | None:
    """Yes or no where the record's keys for what it suits meet the shopper's need (module doc);
    `phrases`: each key's whole values across the catalog (`other_values.value_phrases`)."""
    question = suit_reading.without_feared(question)  # "... or is it a ladies design?" is no need
    situation = _situation(product, question, phrases)
    if situation is not None:
        return situation
    keyed = [(k, v) for k, v in product.attributes.items() if need_key(k) and v.strip()]
    made_for = title_for(product)
    if made_for:  # judged by what follows "for", quoted whole
        keyed.append((TITLE, product.title))
    stated = suit_reading.described_for(product.description or "")
    if stated:  # "this system is suitable for single phase submersible pump."
        keyed.append((suit_reading.DESCRIPTION, stated))
    if not keyed:
        return None
    name_words = _joined(tokenize(f"{product.title} {product.brand or ''}"))  # "wifi" names "Wi-Fi"
    vocab = {key: _catalog_words(phrases, key) for key, _ in keyed}
    lacking = _lacking(question, keyed, vocab, name_words, core_words(product), made_for)
    if not set(tokenize(question)) & set(_data()["cue_words"]):
        return lacking  # "any warranty on it?" asks no fit; "no wifi there - would it do?" does
    need = need_words(question, name_words, core_words(product), made_for)
    if not need:
        return lacking
    kinds = set(_data()["kind_words"])
    held: set[str] = set()  # every word the record's need keys give
    judged = {key: made_for if key == TITLE else value for key, value in keyed}
    for key, _ in keyed:
        held |= _joined(tokenize(judged[key]))
    matched: list[tuple[str, str]] = []
    foreign: list[tuple[str, str]] = []
    known = set().union(*vocab.values())  # words any of these keys takes across the catalog
    for key, value in keyed:
        words = _joined(tokenize(judged[key]))
        codes = {_shape(w) for w in words if _is_code(w)}
        said = [w for w in need if w in words and w not in STOPWORDS]
        if suit_reading.covers_every(key, value):  # "All Skin Types": any need the key names is met
            if any(w in vocab[key] for w in need):
                matched.append((key, value))
            continue
        sided = [w for w in need if w not in _data()["cue_words"]]  # "that RIGHT?" names no side
        if suit_reading.other_side(sided, value):  # "leftie" against "RIGHT-HANDED"
            foreign.append((key, value))
            continue
        if said and _settles(said, judged[key], phrases.get(key.lower(), {})):
            matched.append((key, value))
        tiny = len(vocab[key]) <= CLOSED_WORDS
        for i, w in enumerate(need):
            if w in held or w in kinds:
                continue
            near = need[max(0, i - NEAR) : i] + need[i + 1 : i + 1 + NEAR]
            # A value word the catalog gives the key counts where the key takes few ("gender":
            # men, women, unisex) or beside a model word ("ipad AIR 2" against "iPad Mini 2",
            # "HYUNDAI grand i10"): a free-text key ("Suitable For") holds half the dictionary.
            beside = any(n in held or _is_code(n) for n in near)
            # A code beside a word these keys take ("hyundai grand I10") or of the record's
            # code's shape ("E27" against "Bulb Base: B22") names another model.
            code_beside = any(n in held or n in known for n in near)
            if (w in vocab[key] and (tiny or beside)) or (_is_code(w) and (code_beside or _shape(w) in codes)):
                foreign.append((key, value))
                break
    if foreign:
        return Verdict(False, _unique(foreign + matched))
    if matched:
        return Verdict(True, _unique(matched))
    return lacking


LIST_SPLIT = re.compile(r"\s*[,/|;&+]\s*|\s+and\s+")


def _lacking(
    question: str,
    keyed: list[tuple[str, str]],
    vocab: dict[str, set[str]],
    name_words: set[str],
    core: set[str],
    made_for: str,
) -> Verdict | None:
    """What the shopper lacks, said negated ("the train where there's NO WIFI", "we DONT HAVE any
    ETHERNET ports"): a value a need key takes across the catalog. The product suits where its
    value lists another option beside it ("Connectivity: Wi-Fi + Cellular"), and not where that is
    all it lists ("Connectivity: Ethernet"). Held-out set AC, AC-p48: "doesn't say"."""
    tokens = tokenize(_unbracketed(question.replace("'", ""), name_words - _joined(tokenize(made_for))))
    start, end = mention_span(tokens, name_words, core)
    lacking = {
        w
        for i, t in enumerate(tokens)
        if not start <= i < end and NEGATION & set(tokens[max(0, i - NEGATION_REACH) : i])
        for w in _joined(tokens[i : i + 2])
        if w not in STOPWORDS
    }
    for key, value in keyed:
        if key == TITLE or not lacking & vocab.get(key, set()):
            continue
        options = [_joined(tokenize(o)) for o in LIST_SPLIT.split(value) if tokenize(o)]
        if not any(lacking & o & vocab[key] for o in options):
            continue
        return Verdict(any(not lacking & o for o in options), [(key, value)])
    return None


def _situation(product: Product, question: str, phrases: dict[str, dict[str, int]]) -> Verdict | None:
    """What the shopper's situation needs, where a field settles it: the person it is for, a
    material they react to, the size of their thing or space."""
    cues = frozenset(_data()["cue_words"])
    person = audience_fit.audience_verdict(product, question, cues)
    avoided = None
    if set(tokenize(question)) & cues:  # "is it safe for me?", "ok for me?"
        names = {k: frozenset(v) for k, v in _data().get("material_names", {}).items()}
        avoided = aversion.aversion_verdict(product, question, frozenset(_data()["aversion_cues"]), phrases, names)
    if avoided is not None and (person is None or person[0]):
        # made for her, and "wife gets itchy with wool" is what is asked: the material settles it
        return Verdict(avoided[0], [avoided[1:]])
    if person is not None and not _age_stated(
        product, question
    ):  # "is it a men's design?" against "Ideal For: Men, Boys"
        errands = frozenset(_data()["errand_words"])
        story = audience_fit.person_story(product, question, cues, errands) if person[0] else []
        # One word may be the person's ("my SPORTY son"); a clause of them is a need of its own.
        unmet = tuple(story) if len(story) >= STORY_WORDS else ()
        return Verdict(person[0], [person[1:]], unmet)
    measured = measured_need(product, question)  # "my 15.6 inch laptop" against "Compatible Laptop Size"
    if measured is not None:
        return measured
    graded = _graded_need(product, question)  # "our living room is huge" against "room size: small"
    return Verdict(graded[0], [graded[1:]]) if graded is not None else None


def _graded_need(product: Product, question: str) -> tuple[bool, str, str] | None:
    name = f"{product.title} {product.brand or ''}"
    name_words = _joined(tokenize(name))
    tokens = tokenize(_unbracketed(question.replace("'", ""), name_words))
    span = mention_span(tokens, name_words, core_words(product))
    return suit_reading.grade_verdict(product, tokens, span, name_words)


def _age_stated(product: Product, question: str) -> bool:
    """Whether the shopper says an age and the record states one ("my nephew, he's just 2" against
    "Age Group: 3 - 6 Years"): the age settles it, not the audience ("Ideal For: Boys, Girls" is a
    yes for any boy; set P, P-pq-12)."""
    if not any(a.family == "age" for a in fit.amounts(question)):
        return False
    return any((fit.listed(k, v) or ("",))[0] == "age" for k, v in product.attributes.items())


def measured_need(product: Product, question: str) -> Verdict | None:
    """An amount said with the thing it measures ("my 15.6 inch LAPTOP", "a LAPTOP of 15 inch")
    against a specification whose key names that thing ("Compatible LAPTOP Size: 15.6"): that key
    states what the thing must measure, and answers before a flag the thing's word also reaches
    ("Laptop Sleeve: No" answered set P's P-pq-10 no, the opposite way)."""
    name = f"{product.title} {product.brand or ''}"
    named = fit.amounts(name) + fit.amounts_after(question, set(tokenize(name)))
    low = question.lower()
    skip = STOPWORDS | SHOPPER | fit.unit_words() | knowledge().filler
    own = {singular(w) for w in tokenize(name)}
    judge_fit = fit.fits_inside if fit.goes_inside(question, frozenset(own | set(tokenize(name)))) else fit.fits
    bounded = amount_bounds.ceilings(question)  # "heels under 4 inch": the most the heel may be
    for said, need in fit.amounts_in(low):
        at = low.find(said)
        if at < 0:
            continue
        near = tokenize(low[:at])[-NEAR:] + tokenize(low[at + len(said) :])[:NEAR]
        things = {singular(w) for w in near if w not in skip and not NUMBER.fullmatch(w)}
        # An amount the title states names the product ("the 2L kettle"), unless it is said of
        # a thing the product is not ("runs a 24 volt BATTERY bank" against a "12v/24v charge
        # controller", held-out set AC, AC-p23, answered "says nothing more").
        if need in named and not things - own:
            continue
        for key, value in product.attributes.items():
            if not things & {singular(w) for w in tokenize(key)}:
                continue
            verdict = (fit.fits_inside if need in bounded else judge_fit)(need, key, value)
            if verdict is not None:
                return Verdict(verdict, [(key, value)])
    return None


def title_for(product: Product) -> str:
    """What the title says the product is for, as a need key would: "sun shade for fiat punto"
    -> "fiat punto". Accessories are sold by what they fit and many records state it
    in the title alone (sets P and Q: "for honda jazz", "for fiat punto" answered "doesn't
    say"). The words after its last "for", before any options in brackets."""
    head = BRACKETED.sub(" ", product.title).split("(")[0]
    said = re.split(r"\bfor\b", head, flags=re.I)
    tail = said[-1].strip() if len(said) > 1 else ""
    return tail if tokenize(tail) else ""


def _catalog_words(phrases: dict[str, dict[str, int]], key: str) -> set[str]:
    return set().union(*(_joined(tokenize(v)) for v in phrases.get(key.lower(), {}))) - STOPWORDS


def _settles(said: list[str], value: str, others: dict[str, int]) -> bool:
    """The words said settle a value: they say one of its options whole ("Google Assistant",
    "Men", "camera"), a word of it no other value of the key across the catalog (`others`) has
    ("alexa" of "Amazon Alexa", where the others are "Google Assistant", "Apple HomeKit"), or one
    of its model words ("S880", "Xperia")."""
    for option in OPTION_SPLIT.split(value):
        words = {singular(w) for w in tokenize(option)} - STOPWORDS
        left = words - (set(said) | _joined(said))
        # all its words, or all but one beside two said ("ipad air" of "Apple iPad Air")
        if words and (not left or (len(left) == 1 and len(words - left) >= 2)):
            return True
        if len(others) > 1 and any(_only_in(w, option, others) for w in words - left):
            return True
    return any(_model_word(w) for w in said)


def _only_in(word: str, option: str, others: dict[str, int]) -> bool:
    """Whether the word is said by this option only among the key's values across the catalog."""
    items = {item for v in others for item in v.split(", ")}
    holding = {item for item in items if word in {singular(w) for w in tokenize(item)}}
    return holding == {" ".join(tokenize(option))}


def _unique(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return list(dict.fromkeys(pairs))
