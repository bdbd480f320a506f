"""Whether an amount the shopper needs fits what a listing states: "will my 15.6 inch laptop go
in?" against "Compatible Laptop Size: 15.6", "a full litre" against "capacity: 500ml", "for my 10
year old" against "Age Group: 14 Years and Above", "a 24 volt battery bank" against "Nominal Battery
Voltage: 12/24". Units and families are data (`assistant/data/units.yaml`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "units.yaml"
TWO_SIDED = frozenset({"length"})  # families whose "a x b" gives two dimensions, not a count of the amount
NUMBER_WORDS = {"a": 1, "one": 1, "full": 1, "two": 2, "three": 3, "four": 4, "five": 5, "half a": 0.5, "half": 0.5}


@dataclass(frozen=True)
class Amount:
    family: str
    value: float  # in the family's base unit
    factor: float = 1.0  # of the unit it was said in, to the base unit


@cache
def unit_table() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@cache
def _pattern() -> re.Pattern[str]:
    units = sorted({u for fam in unit_table()["families"].values() for u in fam}, key=len, reverse=True)
    numbers = "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    unit = "|".join(re.escape(u) for u in units)
    # "2 x 100 watt panels": a count of the amount said before it, kept to total the need.
    # A number word stands apart from its unit: "a litre", never the "a"+"m" of "am" ("I am a
    # leftie" was a metre, and a scissor set's "25 cm" fitted it: a yes, set L).
    return re.compile(
        rf"(?:(?<![\w.])(\d{{1,2}})\s*[x×]\s*)?(?<![\w.])(\d+(?:\.\d+)?|(?:{numbers})(?=[\s-]))\s*(?:-\s*)?({unit})(?![a-z])",
        re.I,
    )


def amounts(text: str) -> list[Amount]:
    """The amounts with a unit in a text ("15.6 inch", "a full litre", "500ml", "10 year old"),
    and an age said without one ("my son is turning 10", "she's 9")."""
    out = []
    for count, number, unit in _pattern().findall(text.lower()):
        value = NUMBER_WORDS.get(number) or float(number)
        for family, units in unit_table()["families"].items():
            if unit in units:
                # "2 x 100 W" needs 200 W in all; "20x18 ft" is a room's two sides, never one length
                times = float(count) if count and family not in TWO_SIDED else 1.0
                out.append(Amount(family, times * value * units[unit], units[unit]))
                break
    if not any(a.family == "age" for a in out):
        out += [Amount("age", float(n)) for n in _bare_ages(text)]
    # "both my kids", "me and hubby", "for 4 of us": beside a people amount with a unit ("1 cup
    # size ... for 4 of us"), unless it says the same count ("a family of 4 people")
    counted = {a.value for a in out if a.family == "people"}
    out += [Amount("people", n) for n in _people_counted(text) if n not in counted]
    return out


def _people_counted(text: str) -> list[float]:
    """How many people a phrase of `people_said` counts: its fixed count, or the number it says
    ("for 4 of us", "a family of five")."""
    words = unit_table()["number_words"]
    out = []
    for p in unit_table().get("people_said", []):
        m = re.search(rf"\b(?:{p['pattern']})\b", text, re.I)
        if m is None:
            continue
        said = m.group(1).lower() if m.groups() and m.group(1) else None
        count = words.get(said) if said in words else float(said) if said else p.get("count")
        if count is not None:
            out.append(float(count))
    return out


def amounts_in(text: str) -> list[tuple[str, Amount]]:
    """Each amount with a unit in the text with the words that state it ("9 W", "1000ml")."""
    out = []
    for m in _pattern().finditer(text):
        found = amounts(m.group())
        out += [(m.group().strip(), found[0])] if found else []
    return out


def amounts_after(text: str, words: set[str]) -> list[Amount]:
    """The amounts with a unit standing right after one of these words, inside the clause ("the
    dog shampoo (500ml) gentle enough?", "mass gainer 2kg - scoop milta hai?" where the words
    name the product): they say which product, not a need. One ending the question ("is the
    bottle 1 litre?") is what it asks."""
    out = []
    low = text.lower()
    for m in _pattern().finditer(low):
        before = re.search(r"([a-z]+)[\s(\[-]*$", low[: m.start()])  # only a space, a bracket or a dash between
        asked = re.match(r"[\s)\]]*(?:[?.!]|$)", low[m.end() :])
        if before and before.group(1) in words and not asked:
            out += amounts(m.group())
    return out


def number_words() -> frozenset[str]:
    """The numbers said in words ("four", "twelve"): a count or an age, no need of its own."""
    return frozenset(unit_table()["number_words"]) | frozenset(k for k in NUMBER_WORDS if " " not in k)


def unit_words() -> frozenset[str]:
    """Every unit of every family ("inch", "ml", "years"): the word after an amount; and the
    first word of a unit of two ("sq" of "sq ft"), which is no thing counted ("110 sq ft" is no
    110 of "sq")."""
    units = {u for fam in unit_table()["families"].values() for u in fam}
    return frozenset(units | {u.split()[0] for u in units if " " in u})


def _said(pattern: str, text: str) -> bool:
    return bool(re.search(rf"\b(?:{pattern})\b", text, re.I))


@cache
def _age_pattern() -> re.Pattern[str]:
    said = unit_table()["age_said"]
    before = "|".join(re.escape(w) for w in said["before"])
    units = "|".join(re.escape(u) for fam in unit_table()["families"].values() for u in fam)
    return re.compile(rf"\b(?:{before})\s+(\d{{1,2}})(?![\d.,]\d)(?!\s*(?:{units}|%)(?![a-z]))")


def _bare_ages(text: str) -> list[str]:
    """Numbers said as someone's age, in a message about a person (`age_said` in units.yaml)."""
    low = re.sub(r"['’]s\b", " is", text.lower()).replace("'", "")
    people = unit_table()["age_said"]["people"]
    if not any(re.search(rf"\b{re.escape(w)}\b", low) for w in people):
        return []
    return _age_pattern().findall(low)


def asked_family(question: str) -> str | None:
    """The family of amount a question asks for by a word of `asked` ("how many WATTS?", "how
    FAR?"), when it says one family only. An amount the question states beside it is the
    shopper's need ("how big across? for a 3 ft door"): the listing's amount still answers."""
    words = set(re.findall(r"[a-z]+", _pattern().sub(" ", question.lower())))  # "the 32 litre one" names it
    said = {f for f, ws in unit_table()["asked"].items() if words & set(ws)}
    said |= {f for f, ps in unit_table().get("asked_phrases", {}).items() if any(_said(p, question) for p in ps)}
    return next(iter(said)) if len(said) == 1 else None


def key_family(key: str) -> str | None:
    words = set(re.findall(r"[a-z]+", key.lower()))
    return next((f for f, ws in unit_table()["key_words"].items() if words & set(ws)), None)


def listed(key: str, value: str, said_in: float = 1.0) -> tuple[str, list[float], str] | None:
    """What a specification states: (family, numbers in base units, form) where form is "range"
    ("4 - 18 Years"), "at_least" ("14 Years and Above"), "at_most" ("up to 25 years"), "options"
    ("12/24") or "one". A value
    with no unit ("Compatible Laptop Size: 15.6") is read in the unit the shopper used (`said_in`)."""
    stated = amounts(value)
    family = stated[0].family if stated else key_family(key)
    # "90 inch / 228 cm": one amount said in two units, never two options of it ("11 - 15 Years,
    # 15 Years and Above" says 15 twice in one unit: two groups, read by `fits` part by part)
    units = {a.factor for a in stated}
    if len(units) > 1 and all(a.family == family and _close(a.value, stated[0].value) for a in stated):
        return family, [stated[0].value], "one"
    if family is None:
        return None
    # "1 Year Product Warranty" is a duration, not an age: a family whose unit is also another
    # kind of amount is read only under a key that names it (`keyed_only` in units.yaml).
    if family in unit_table().get("keyed_only", []) and key_family(key) != family:
        return None
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", value)]
    if not numbers:
        return None
    scale = stated[0].factor if stated else said_in
    numbers = [n * scale for n in numbers]
    low = value.lower()
    if re.search(r"\b(?:and above|and up|\+|or more|above|plus)\b|\+", low):
        return family, numbers[:1], "at_least"
    if re.search(r"\d\s*(?:-|–|to)\s*\d", low):
        return family, numbers[:2], "range"
    if re.search(r"\b(?:up ?to|upto|under|below|or less|at most|max(?:imum)?)\b", low):
        return family, numbers[:1], "at_most"
    if "/" in low or "," in low:
        return family, numbers, "options"
    return family, numbers[:1], "one"


# How far (characters) after the word naming a measure its amount may stand in a sentence:
# "age upto 6 to 14 years" (13), "the age of 25 years" (11); farther, the amount is another one's.
STATED_REACH = 30
STATED_BEFORE = 12  # characters before that word read with it ("up to the age of 25")


def stated_in(sentence: str, family: str) -> str | None:
    """The part of a description sentence stating an amount of this family right after a word
    that names the measure (`key_words` in units.yaml): "suitable for AGE upto 6 to 14 years" ->
    "age upto 6 to 14 years". None when the sentence names no such measure next to an amount."""
    names = unit_table()["key_words"].get(family, [])
    low = sentence.lower()
    for m in re.finditer(rf"\b(?:{'|'.join(map(re.escape, names))})\b", low) if names else ():
        # with the words just before it: "up to the AGE of 25" is at most 25
        before = low[max(0, m.start() - STATED_BEFORE) : m.start()].split(",")[-1]
        rest = before + low[m.start() :]
        amount = _pattern().search(rest, len(before))
        if amount and amount.start() - len(before) - (m.end() - m.start()) <= STATED_REACH:
            part = rest[: amount.end()]
            if any(a.family == family for a in amounts(part)):
                return part
    return None


def _grouped(part: str) -> bool:
    """A part of a listed value that states a group of its own: a range or a bound ("11 - 15
    Years", "15 Years and Above"), never a lone number of a list of options ("12/24", "6, 8")."""
    return bool(
        re.search(r"\d\s*(?:-|–|to)\s*\d|\b(?:and above|and up|above|up ?to|upto|under|below)\b|\+", part.lower())
    )


def _close(a: float, b: float) -> bool:
    """The same amount, rounded as listings round it (15.6 against 15.6", 90 inch against 228 cm)."""
    return abs(a - b) <= 0.02 * max(a, b)


def goes_inside(question: str, name_words: frozenset[str] = frozenset()) -> bool:
    """Whether the question asks if the product goes into the shopper's space ("would the
    showpiece fit in it?"), not the shopper's thing into the product (`inside` in units.yaml).
    A place that is the product itself ("15.6 inch laptop - would it fit IN THE BURDY backpack?",
    `name_words`: its name's words) takes the shopper's thing: held-out set AH, AH-p48 was told
    no for a 15.6 inch laptop and a bag for 16 inch ones."""
    said = unit_table()["inside"]
    verbs, places = "|".join(said["verbs"]), "|".join(said["places"])
    for clause in re.split(r"[,;.!?]+|\s[-–—]+\s", question.lower().replace("'", "")):
        m = re.search(rf"\b(?:{verbs})\s+(?:{places})\b", clause)
        # the subject before the verb is the shopper's own ("my laptop") or measured ("a 15
        # inch laptop"): that thing goes into the product
        before = clause[: m.start()] if m else ""
        if m and not set(re.findall(r"[a-z]+", before)) & set(said["own"]) and not amounts(before):
            # unless the product is the subject ("will the car organiser fit in the car boot?")
            after = [w for w in re.findall(r"[a-z0-9]+", clause[m.end() :]) if w not in POINTERS][:1]
            subject = set(re.findall(r"[a-z0-9]+", before))
            if after and after[0] in name_words and not subject & name_words:
                continue
            return True
    return False


POINTERS = frozenset("the this that these those your a an".split())  # before the place's own word


def fits_inside(need: Amount, key: str, value: str) -> bool | None:
    """Whether the product, one amount as the listing states it, goes into the shopper's space of
    `need`: the listing's amount at most the shopper's. None for a range, a bound or options."""
    stated = listed(key, value, need.factor)
    if stated is None or stated[0] != need.family or stated[2] != "one":
        return None
    return stated[1][0] <= need.value or _close(stated[1][0], need.value)


def fits(need: Amount, key: str, value: str) -> bool | None:
    """Whether the shopper's amount fits this specification; None when it speaks of another kind.
    A value listing several groups, each with its own amount ("11 - 15 Years, 15 Years and
    Above"), fits when one of them does."""
    groups = [part for part in re.split(r"\s*[,;]\s*", value) if re.search(r"\d", part)]
    if len(groups) > 1 and all(_grouped(part) for part in groups):
        verdicts = [fits(need, key, part) for part in groups]
        known = [v for v in verdicts if v is not None]
        return any(known) if known else None
    stated = listed(key, value, need.factor)
    if stated is None or stated[0] != need.family:
        return None
    family, numbers, form = stated
    close = _close
    if form == "at_least":
        return need.value >= numbers[0] or close(need.value, numbers[0])
    if form == "range":
        return numbers[0] <= need.value <= numbers[-1]
    if form == "at_most":
        return need.value <= numbers[0] or close(need.value, numbers[0])
    if form == "options":
        return any(close(need.value, n) for n in numbers)
    if family in unit_table()["up_to"]:
        return need.value <= numbers[0] or close(need.value, numbers[0])
    return close(need.value, numbers[0])
