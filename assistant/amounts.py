"""Amounts and price bounds as shoppers say them: "2.5k", "under 3 grand", "half a lakh", "twelve
hundred max", "500 bucks or less", "nothing above 2000", "around 700", "between 800 and 1500".

One reader, driven by `assistant/data/amounts.json` (number words, scales, currency words and the
cue phrases around a number). A number is a price only with evidence: a cue before or after it, a
currency, or a money scale ("grand", "lakh"). A number with a unit ("500 ml", "6 mm", "10 year
old"), glued to letters ("s20", "1080p"), after "model"/"size", or a long digit run (a card or
phone number) is never a price. Written here because the number-parsing libraries (word2number,
price-parser) read one number, not the bound a shopper puts around it, nor lakh and crore.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from assistant.amount_permission import negated, permitted
from assistant.fit import unit_words
from common.text import STOPWORDS

DATA = Path(__file__).resolve().parent / "data" / "amounts.json"
RATING_WORDS = frozenset(json.loads(DATA.read_text(encoding="utf-8"))["rating_words"])
# A comma inside a number groups its digits ("1,500", "1,50,000"); one after it ends it ("around
# 500, 600 is the limit": set S read "500," as no amount and lost both bounds).
TOKEN = re.compile(r"\d+(?:,\d+)*(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[$₹€£~+%#\-–°º]")
# The soft band of "around X": ranking prefers prices within this share of X; nothing is dropped.
NEAR_BAND = 0.25


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, float]
    scaled: dict[str, float]  # number words that count only before a scale ("do hazaar", "paanch sau")
    scales: dict[str, float]
    fractions: dict[str, float]
    currency: frozenset[str]
    money_scales: frozenset[str]  # scales that say "money" on their own ("3 grand", "2 lakh")
    cues: dict[str, list[tuple[str, ...]]]  # kind -> phrases (token tuples), longest first
    not_after: frozenset[str]
    spec_after_k: frozenset[str]
    not_before: list[tuple[str, ...]]
    max_digits: int
    joiners: frozenset[str]
    negations: frozenset[str]
    bridge: frozenset[str]  # words that may stand between a negation and the cue it turns over
    hedges: frozenset[str]  # words that may stand between a bound cue and its amount ("budget, let's say 1300")
    holding: frozenset[str]  # verbs of having money: "I've got 200 bucks" is what can be spent


@cache
def lexicon() -> Lexicon:
    raw = json.loads(DATA.read_text(encoding="utf-8"))

    def phrases(key: str) -> list[tuple[str, ...]]:
        found = {tuple(TOKEN.findall(p.lower())) for p in raw[key]}
        return sorted(found, key=len, reverse=True)

    kinds = ("ceiling_before", "ceiling_after", "floor_before", "floor_after", "around_before", "around_after")
    return Lexicon(
        units={k: float(v) for k, v in raw["units"].items()},
        scaled={k: float(v) for k, v in raw["scaled_words"].items()},
        scales={**{k: float(v) for k, v in raw["scales"].items()}, **dict.fromkeys(raw["hundred"], 100.0)},
        fractions={k: float(v) for k, v in raw["fractions"].items()},
        currency=frozenset(raw["currency"]),
        money_scales=frozenset(k for k, v in raw["scales"].items() if k != "k" and v >= 1000 and k != "million"),
        cues={
            **{k: phrases(k) for k in kinds},
            "range_before": phrases("range_before"),
            "range_after": phrases("range_after"),
        },
        not_after=frozenset(raw["not_amount_after"]) | _measure_units(raw),
        spec_after_k=frozenset(raw["spec_after_k"]),
        not_before=phrases("not_amount_before"),
        max_digits=int(raw["max_digits"]),
        joiners=frozenset(raw["range_joiners"]),
        negations=frozenset(raw["negations"]),
        bridge=frozenset(raw["negation_bridge"]),
        hedges=frozenset(raw["hedges"]),
        holding=frozenset(raw["holding_before"]),
    )


def _measure_units(raw: dict) -> frozenset[str]:
    """Units of measure of the fit table (`units.yaml`), so a unit added there ("kilos") is never
    read as money here. Left out: a currency word (money whatever a table says), a unit that is a
    function word ("in" for inches: "under 500 in black") and a one-letter unit ("m" is a size:
    "under 2000 m size"); `not_amount_after` lists the one-letter units that are safe."""
    words = unit_words() - STOPWORDS - frozenset(raw["currency"])
    return frozenset(w for w in words if len(w) > 1)


def amount_words() -> frozenset[str]:
    """Every word the reader knows (never spelling-corrected: "lakh", "grand", "bucks")."""
    lex = lexicon()
    cue_words = {w for phrases in lex.cues.values() for p in phrases for w in p}
    return frozenset({*lex.units, *lex.scales, *lex.fractions, *lex.currency, *cue_words, *lex.not_after})


@dataclass
class Amount:
    value: float
    start: int  # token index of the first token of the amount
    end: int  # token index after it


@dataclass
class PriceReading:
    """The price bounds a message states, and the character spans that said so (to cut from the
    text that ranks)."""

    price_min: float | None = None
    price_max: float | None = None
    near: float | None = None  # "around 700": a soft target, not a bound
    spans: list[tuple[int, int]] = field(default_factory=list)

    def found(self) -> bool:
        return self.price_min is not None or self.price_max is not None or self.near is not None

    def without(self, text: str) -> str:
        """The text without the price phrases."""
        for a, b in sorted(self.spans, reverse=True):
            text = text[:a] + " " + text[b:]
        return " ".join(text.split())


def read_prices(text: str) -> PriceReading:
    """Every price bound the text states (see the module docstring)."""
    lex = lexicon()
    low = text.lower()
    matches = list(TOKEN.finditer(low))
    toks = [m.group() for m in matches]
    amounts = _amounts(toks, matches, lex)
    out = PriceReading()
    used: set[int] = set()
    for k, a in enumerate(amounts):
        if k in used:
            continue
        before, b_start = _cue_before(toks, a.start, lex)
        after, a_end = _cue_after(toks, a.end, lex)
        # A cue belongs to the number in its own sentence: "he's 6. under a thousand" bounds
        # nothing at 6.
        if before and before != "range_before" and _broken(matches, _cue_end(toks, a.start, lex) - 1, ".;!?"):
            before, b_start = None, a.start
        if after and _broken(matches, a.end - 1, ".;!?,") and not _closing_bound(matches, a.end - 1, after, a_end):
            after, a_end = None, a.end
        cur = _has_currency(toks, a, lex) or _money_scale(toks, a, lex)
        # A range: "between 800 and 1500", "from $20 to $40", "20-40 usd", "2k-3k".
        nxt = amounts[k + 1] if k + 1 < len(amounts) else None
        j = _skip_currency(toks, a.end, lex)
        # "gold one, and 15 hazaar" is no range: a range is joined within its clause.
        joined = j < len(toks) and toks[j] in lex.joiners and not _broken(matches, j - 1, ",;.!?")
        if nxt is not None and joined and _skip_currency(toks, j + 1, lex) == nxt.start:
            range_cue = before == "range_before"
            cur_b = _has_currency(toks, nxt, lex) or _money_scale(toks, nxt, lex)
            after_b, end_b = _cue_after(toks, nxt.end, lex)
            about = before == "around_before" or after_b == "around_after"
            # "1000 to 1500 is my range", "800-1200 max": a cue after the second makes it one too
            range_cue = range_cue or after_b in ("range_after", "ceiling_after")
            if range_cue or cur or cur_b or about or before in ("ceiling_before", "floor_before"):
                lo, hi = sorted((_shared_scale(toks, a, nxt, lex), nxt.value))
                if about:  # "around seven-eight hundred", "4-5 hundred is about right": a soft band
                    out.near = (lo + hi) / 2
                else:
                    out.price_min, out.price_max = lo, hi
                out.spans.append((matches[b_start].start(), matches[max(end_b, nxt.end) - 1].end()))
                used.add(k + 1)
                continue
        kind = before or after
        if before == "around_before" and after in ("ceiling_after", "floor_after"):
            kind = after  # "around 300 max": the bound said after it (set G read a soft band)
        if kind is None and (cur or _money_scale(toks, a, lex)):
            # Money the shopper has is what they can spend ("I've got 200 bucks"); otherwise an
            # amount of money is about that much ("a $50 gift", "a 2 lakh watch").
            kind = "ceiling_before" if _held(toks, a, lex) else "around_before"
        if kind is None or kind in ("range_before", "range_after"):
            continue
        if kind in ("ceiling_before", "floor_before") and negated(toks, matches, b_start, lex):
            kind = "floor_before" if kind == "ceiling_before" else "ceiling_before"
        elif kind == "floor_before" and permitted(toks, matches, b_start, _cue_end(toks, a.start, lex)):
            kind = "around_before"  # "ok to go above 2000": leave to pass it, no minimum
        elif kind in ("ceiling_after", "floor_after") and negated(toks, matches, a.start, lex):
            # "shouldn't cost five hundred or more": a negation before the amount turns over
            # the bound its cue after it says.
            kind = "floor_after" if kind == "ceiling_after" else "ceiling_after"
        if kind.startswith("ceiling"):
            out.price_max = a.value
        elif kind.startswith("floor"):
            out.price_min = a.value
        else:
            out.near = a.value
        out.spans.append((matches[b_start].start(), matches[max(a_end, a.end) - 1].end()))
    return out


def bare_amounts(text: str) -> list[float]:
    """Numbers that could be amounts (no unit, not glued to letters, no model or size word) and
    that no price cue bounds: "900 is fine", "let me stretch it, 1200". Alone they state no
    bound; said after a budget was given they revise it (`assistant.follow_up`)."""
    lex = lexicon()
    low = text.lower()
    matches = list(TOKEN.finditer(low))
    toks = [m.group() for m in matches]
    out = []
    for a in _amounts(toks, matches, lex):
        if _cue_before(toks, a.start, lex)[0] is None and _cue_after(toks, a.end, lex)[0] is None:
            out.append(a.value)
    return out


def near_band(value: float) -> tuple[float, float]:
    return round(value * (1 - NEAR_BAND), 2), round(value * (1 + NEAR_BAND), 2)


# -- reading numbers ------------------------------------------------------------------------------
def _amounts(toks: list[str], matches: list[re.Match[str]], lex: Lexicon) -> list[Amount]:
    out: list[Amount] = []
    i = 0
    while i < len(toks):
        found = _number_at(toks, i, lex)
        if found is None:
            i += 1
            continue
        value, end = found
        if _is_amount(toks, matches, i, end, lex):
            out.append(Amount(value, i, end))
        i = end
    return out


def _number_at(toks: list[str], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """The number starting at token i and the token index after it, or None."""
    t = toks[i]
    if t[0].isdigit():
        digits = t.replace(",", "")
        try:
            value = float(digits)
        except ValueError:
            return None
        j = i + 1
        while j < len(toks) and toks[j] in lex.scales:
            value *= lex.scales[toks[j]]
            j += 1
        return value, j
    return _words_number(toks, i, lex)


def _words_number(toks: list[str], i: int, lex: Lexicon) -> tuple[float, int] | None:
    """ "twelve hundred", "two thousand five hundred", "half a lakh", "a grand", "two and a half k"."""
    total, current, fraction, seen_number = 0.0, 0.0, 0.0, False
    j = i
    while j < len(toks):
        t = toks[j]
        nxt = toks[j + 1] if j + 1 < len(toks) else ""
        if t in lex.units or (t in lex.scaled and not current and nxt in lex.scales and nxt != "k"):
            value = lex.units[t] if t in lex.units else lex.scaled[t]
            # "one fifty", "two ninety nine": hundreds said without the word, as prices are read
            # out ("one fifty" is 150, not 51)
            said_as_hundreds = seen_number and 0 < current < 20 and value >= 20 and value % 10 == 0
            current = current * 100 + value if said_as_hundreds else current + value
            seen_number = True
        elif t in lex.fractions and (nxt in ("a", "an") or nxt in lex.scales):
            fraction = lex.fractions[t]
        elif t in ("a", "an") and (nxt in lex.scales and nxt != "k" or fraction):
            pass
        elif t == "and" and seen_number and nxt in ("a", "an") and j + 2 < len(toks) and toks[j + 2] in lex.fractions:
            current += lex.fractions[toks[j + 2]]
            j += 2
        elif t == "and" and seen_number and (nxt in lex.units):
            pass
        elif (
            t in lex.scales
            and t != "k"
            and (
                seen_number
                or fraction
                or (j > i and toks[j - 1] in ("a", "an"))
                or (j == i and _opens_amount(toks, i, lex))
            )
        ):
            # "thousand rupees", "under thousand": a scale word opening the number before its
            # currency or after a bound cue is one of it ("a thousand")
            scale = lex.scales[t]
            base = current or fraction or 1.0
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = 0.0
            fraction = 0.0
            seen_number = True
        elif t == "k" and seen_number:
            total += current * 1000
            current = 0.0
        else:
            break
        j += 1
    if not seen_number:
        return None
    while j > i and toks[j - 1] in ("a", "an", "and"):
        j -= 1
    # "one" alone is the pronoun ("what about one with a hood", "the one for 50"): an amount
    # only inside a number ("one fifty", "one lakh") or with its currency ("one dollar").
    if toks[i] == "one" and j == i + 1 and not (j < len(toks) and toks[j] in lex.currency):
        return None
    return total + current, j


def _opens_amount(toks: list[str], i: int, lex: Lexicon) -> bool:
    """A scale word alone stands for one of it where money is plainly meant: before its currency
    ("thousand rupees") or after a bound cue ("under thousand", "max thousand")."""
    nxt = toks[i + 1] if i + 1 < len(toks) else ""
    return nxt in lex.currency or _cue_before(toks, i, lex)[0] is not None


def _is_amount(toks: list[str], matches: list[re.Match[str]], i: int, end: int, lex: Lexicon) -> bool:
    first, last = matches[i], matches[end - 1]
    text = first.string
    # Glued to letters before ("s20") or after ("1080p", "500ml"), unless the letters are a
    # scale or a currency ("2.5k", "500rs").
    if first.start() > 0 and text[first.start() - 1].isalpha():
        return False
    if last.end() < len(text) and text[last.end()].isalnum():
        glued = re.match(r"[a-z]+", text[last.end() :])
        if not glued or glued.group() not in lex.currency | set(lex.scales) | {"ish"}:
            return False
    digits = toks[i].replace(",", "").replace(".", "")
    if toks[i][0].isdigit() and "," not in toks[i] and len(digits) > lex.max_digits:
        return False
    if end < len(toks) and (toks[end] in lex.not_after or (toks[end][0].isdigit() and _spaced(matches, end))):
        return False
    if re.fullmatch(r"[0-5](?:\.\d)?", toks[i]) and RATING_WORDS & set(toks):
        return False  # "rated well, like 4.5 or more": a rating, not a price
    if i > 0 and toks[i - 1][0].isdigit() and _spaced(matches, i):  # the second group of a digit run
        return False
    return not any(_ends_with(toks, i, p) for p in lex.not_before)


def _spaced(matches: list[re.Match[str]], i: int) -> bool:
    """Only spaces stand between token i and the one before it ("1 500" is one digit run; "500,
    600" and "500 - 600" are two numbers)."""
    return not matches[i].string[matches[i - 1].end() : matches[i].start()].strip()


def _ends_with(toks: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return i >= len(phrase) and tuple(toks[i - len(phrase) : i]) == phrase


def _shared_scale(toks: list[str], first: Amount, second: Amount, lex: Lexicon) -> float:
    """The first number of a range, with the scale the second ends in when it has none of its
    own: "seven-eight hundred" is 700 to 800, "5-6k" 5000 to 6000; "50 to 2 thousand" stays 50."""
    last = toks[second.end - 1]
    if any(t in lex.scales for t in toks[first.start : first.end]) or last not in lex.scales:
        return first.value
    scaled = first.value * lex.scales[last]
    return scaled if scaled <= second.value else first.value


def _money_scale(toks: list[str], a: Amount, lex: Lexicon) -> bool:
    """The amount ends in a money scale ("3 grand", "2 lakh"), or in "k" when no spec word
    follows ("2.5k", not "4k tv")."""
    last = toks[a.end - 1]
    if last in lex.money_scales:
        return True
    return last == "k" and not _spec_follows(toks, a.end, lex)


SPEC_REACH = 3  # words of one noun phrase between "2k" and the spec word: "the 2K indoor security CAMERA"


def _spec_follows(toks: list[str], end: int, lex: Lexicon) -> bool:
    """Whether a spec word follows "k" in its noun phrase: right after it ("4k tv"), or over a few
    words that are no function word nor money ("the 2K indoor security camera", held-out set AC:
    read as "around $2,000", the question became a search; "2k for a camera" stays money)."""
    for t in toks[end : end + SPEC_REACH]:
        if t in lex.spec_after_k:
            return True
        if t in STOPWORDS or t in lex.currency or not t.isalpha():
            return False
    return False


def _closing_bound(matches: list[re.Match[str]], i: int, kind: str, end: int) -> bool:
    """A bound cue after a comma that closes its clause still bounds the amount before it:
    "around 2 thousand, not more", "1500, max" (set I read a soft band). A cue that runs on
    ("500, max 3 colours") is its own clause's."""
    if kind not in ("ceiling_after", "floor_after"):
        return False
    closes = end >= len(matches) or _broken(matches, end - 1, ".;!?,")
    # A sentence that is the cue alone, of two words or more, bounds the amount said just before
    # it: "let's say a thousand. not a rupee more" (held-out set AB read a soft band); one word
    # alone ("he's 6. max") says too little.
    whole_sentence = _broken(matches, i, ".;!?") and end - (i + 1) >= 2
    return closes and (whole_sentence or not _broken(matches, i, ".;!?"))


def _broken(matches: list[re.Match[str]], i: int, marks: str) -> bool:
    """Whether one of the marks stands between token i and the next one."""
    if i < 0 or i + 1 >= len(matches):
        return False
    return any(m in matches[i].string[matches[i].end() : matches[i + 1].start()] for m in marks)


def _cue_end(toks: list[str], i: int, lex: Lexicon) -> int:
    """The token index just after a cue that ends before token i (currency words skipped)."""
    j = i
    while j > 0 and toks[j - 1] in lex.currency:
        j -= 1
    return j


def _skip_currency(toks: list[str], j: int, lex: Lexicon) -> int:
    while j < len(toks) and toks[j] in lex.currency:
        j += 1
    return j


def _held(toks: list[str], a: Amount, lex: Lexicon) -> bool:
    """A verb of having stands just before the amount (a currency word or a hedge between):
    "I've got 200 bucks", "I have like $50"."""
    j = a.start
    while j > 0 and (toks[j - 1] in lex.currency or toks[j - 1] in lex.hedges - lex.holding):
        j -= 1
    return j > 0 and toks[j - 1] in lex.holding


def _has_currency(toks: list[str], a: Amount, lex: Lexicon) -> bool:
    return (a.start > 0 and toks[a.start - 1] in lex.currency) or (a.end < len(toks) and toks[a.end] in lex.currency)


def _cue_before(toks: list[str], i: int, lex: Lexicon) -> tuple[str | None, int]:
    """The cue kind ending just before token i (currency words skipped) and where it starts."""
    j = i
    while j > 0 and toks[j - 1] in lex.currency:
        j -= 1
    for kind in ("range_before", "ceiling_before", "floor_before", "around_before"):
        for phrase in lex.cues[kind]:
            said = next((f for f in _with_object(phrase) if _ends_with(toks, j, f)), None)
            if said is not None:
                start = j - len(said)
                if kind == "around_before" and _cue_before(toks, start, lex)[0] == "ceiling_before":
                    return _cue_before(toks, start, lex)  # "my budget is roughly 1300": a budget is a ceiling
                return kind, start
    # A hedge between a bound and its amount ("budget... let's say 1300", "max maybe 900").
    k = j
    while k > 0 and toks[k - 1] in lex.hedges:
        k -= 1
    if k < j:
        kind, start = _cue_before(toks, k, lex)
        if kind in ("ceiling_before", "floor_before"):
            return kind, start
    return None, j


# An object pronoun a cue's verb may take before its particle: "stretch it to 2k", "take it up
# to 900", "push that to 1500" are "stretch to", "up to", "push to" (held-out set AA read a soft band).
OBJECT_PRONOUNS = ("it", "that", "this", "them")


def _with_object(phrase: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The cue as listed, and with an object pronoun after its first word when it has two words
    or more ("stretch to" -> "stretch it to")."""
    if len(phrase) < 2 or phrase[1] in OBJECT_PRONOUNS:
        return [phrase]
    return [phrase, *((phrase[0], pronoun, *phrase[1:]) for pronoun in OBJECT_PRONOUNS)]


def _cue_after(toks: list[str], end: int, lex: Lexicon) -> tuple[str | None, int]:
    """The cue kind starting just after the amount (currency words skipped) and where it ends."""
    j = _skip_currency(toks, end, lex)
    for kind in ("ceiling_after", "floor_after", "around_after", "range_after"):
        for phrase in lex.cues[kind]:
            if tuple(toks[j : j + len(phrase)]) == phrase:
                k = j + len(phrase)
                if k < len(toks) and toks[k] in lex.not_after:  # "4+ stars" is a rating
                    return None, j
                return kind, k
    return None, j
