"""Reading a support conversation against the store: who the customer is, which orders and items
they mean, what they ask for, which option values and payment method they name.

Rules, not a model: every decision here is a lookup in the store or a pattern from
`assistant/data/order_requests.yaml`, so the agent sees exactly why the copilot proposes what it
does, in milliseconds. What the rules cannot settle (two orders fit, no option named) becomes a
question to the customer, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from assistant.store.db import Store
from common.text import singular

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ZIP = re.compile(r"\b\d{5}\b")
ORDER_ID = re.compile(r"#?\s?\bW\s?(\d{7})\b", re.IGNORECASE)
# Two capitalised words in a row, overlapping ("I'm Olivia Ito" gives "I'm Olivia", "Olivia Ito").
NAME_PAIR = re.compile(r"\b([A-Z][a-zA-Z'’-]+)\s+(?=([A-Z][a-zA-Z'’-]+)\b)")
LOWER_PAIR = re.compile(r"\b([a-z'’-]{2,})\s+(?=([a-z'’-]{2,})\b)")
NAMED = re.compile(r"\b(?:my name is|i'?m|i am|this is) ([a-z'’-]+)\s+([a-z'’-]+)", re.IGNORECASE)
# Sentences, and clauses joined by ", and" / ", but" / ", also" / ", then": each clause usually
# asks one thing ("change the payment to PayPal, and change the umbrella to the blue one").
SENTENCE = re.compile(
    r"(?<!\d)[.?!;]+|[.?!;]+(?!\d)|\n+|,\s*(?=(?:and|but|also|then)\b)"
    r"|\s+and\s+(?=(?:please\s+|also\s+)?(?:change|exchange|return|cancel|swap|switch|replace|modify|update)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Rules:
    requests: dict[str, list[re.Pattern[str]]]
    cancel_reasons: dict[str, list[re.Pattern[str]]]
    payment_words: dict[str, list[re.Pattern[str]]]
    units: list[tuple[re.Pattern[str], str]]
    contrast: dict[str, list[re.Pattern[str]]]
    item_names: dict[str, list[str]]  # a product name, lower case -> other names customers use
    size_words: dict[str, list[str]]  # a letter size, lower case -> the words for it ('l' -> 'large')
    overview: dict[str, list[re.Pattern[str]]]  # a request kind -> the nouns that count it ('an edit')

    def says(self, request: str, text: str) -> bool:
        return any(p.search(text) for p in self.requests[request])


@lru_cache(maxsize=1)
def rules() -> Rules:
    raw = yaml.safe_load(resources.files("assistant").joinpath("data/order_requests.yaml").read_text())

    def compiled(table: dict[str, list[str]]) -> dict[str, list[re.Pattern[str]]]:
        return {k: [re.compile(p, re.IGNORECASE) for p in v] for k, v in table.items()}

    return Rules(
        compiled(raw["requests"]),
        compiled(raw["cancel_reasons"]),
        compiled(raw["payment_words"]),
        [(re.compile(p, re.IGNORECASE), r) for p, r in raw["units"].items()],
        compiled(raw["contrast"]),
        {name.lower(): list(others) for name, others in raw["item_names"].items()},
        {size.lower(): [w.lower() for w in said] for size, said in raw["size_words"].items()},
        compiled(raw["overview"]),
    )


@lru_cache(maxsize=65536)  # item names and option values are read again for every clause
def normalise(text: str) -> str:
    """Lower case, units as the catalog writes them, hyphens and punctuation as spaces."""
    text = text.lower()
    for pattern, replacement in rules().units:
        text = pattern.sub(replacement, text)
    text = re.sub(r"[^\w%.]+", " ", text)
    text = re.sub(r"\.(?!\d)", " ", text)
    return " " + " ".join(text.split()) + " "


@lru_cache(maxsize=65536)
def words(text: str) -> str:
    """`normalise`, with each word made singular: 'earbuds' finds 'Wireless Earbuds'."""
    return " " + " ".join(singular(w) for w in normalise(text).split()) + " "


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(text) if s and s.strip()]


# -- identity ---------------------------------------------------------------------------------------
@dataclass
class Identity:
    user_id: str | None = None
    tried: list[str] = field(default_factory=list)  # what was looked up and not found, for the draft


def identify(store: Store, text: str) -> Identity:
    """The customer the policy lets us serve: found by e-mail, or by first + last name and zip."""
    identity = Identity()
    for email in EMAIL.findall(text):
        user_id = store.find_by_email(email.rstrip("."))
        if user_id:
            return Identity(user_id)
        identity.tried.append(f"the e-mail {email}")
    zips = ZIP.findall(text)
    # Capitalised pairs first, then any two words in a row ('olivia ito, 80218'): each pair is
    # one indexed lookup with the zip, and only a real customer's name and zip together match.
    pairs = NAMED.findall(text) + NAME_PAIR.findall(text) + LOWER_PAIR.findall(text.lower())
    for zip_code in zips:
        for first, last in pairs:
            user_id = store.find_by_name_zip(first, last, zip_code)
            if user_id:
                return Identity(user_id)
    # Only a name the customer gave as theirs, written as a name, is worth quoting back.
    given = [(f, la) for f, la in NAMED.findall(text) if f[:1].isupper() and la[:1].isupper()]
    if zips and given:
        identity.tried.append(f"the name {given[0][0]} {given[0][1]} with zip {zips[0]}")
    return identity


def order_ids(text: str) -> list[str]:
    seen: list[str] = []
    for digits in ORDER_ID.findall(text):
        if f"#W{digits}" not in seen:
            seen.append(f"#W{digits}")
    return seen


def reference_ids(text: str) -> list[str]:
    """Orders named only as a source of details ('the same address as my order #W1'), not as
    the order to act on."""
    return [f"#W{m.group(1)}" for p in rules().requests["reference_order"] for m in p.finditer(text)]


def order_endings(text: str) -> list[str]:
    """The order endings the customer names ('the order number ends in 66'); an ending with a
    payment word just before it ('the card ending in 7285', 'my visa that ends with 12') is a
    card's, and once read as an order's it matched no order (train6: the order went unfound)."""
    return [
        m.group(1)
        for p in rules().requests["order_ending"]
        for m in p.finditer(text)
        if not payment_kinds(text[max(0, m.start() - PAYMENT_REACH) : m.end()])
    ]


# How far before an ending a payment word makes it a card's ('my visa card that ends in').
PAYMENT_REACH = 25


# -- items and options ---------------------------------------------------------------------------------
def mentions_item(text_words: str, name: str) -> int:
    """2 when the item's whole name is in the text, 1 for its last word ('mouse'), else 0."""
    name_words = words(name).strip()
    if f" {name_words} " in text_words:
        return 2
    head = name_words.split()[-1] if name_words else ""
    return 1 if head and f" {head} " in text_words else 0


def value_forms(value: str) -> list[str]:
    """The ways a customer says an option value, in `words` form: the value itself, a letter
    size by its word ('small' for S), a volume in the other metric unit ('1l' for 1000ml), a range
    without its unit ('5-25' for 5-25 lbs)."""
    val = words(value).strip()
    forms = [val, *(words(w).strip() for w in rules().size_words.get(val, []))]
    span = re.fullmatch(r"(\d+(?:\.\d+)? \d+(?:\.\d+)?) [a-z]+", val)
    if span:  # a range said without its unit ('the 5-25 ones' for 5-25 lbs)
        forms.append(span.group(1))
    volume = re.fullmatch(r"(\d+(?:\.\d+)?)\s?(ml|l|liter|litre)", val)
    if volume:
        amount = float(volume.group(1))
        forms.append(f"{amount / 1000:g}l" if volume.group(2) == "ml" else f"{amount * 1000:g}ml")
    return forms


def value_mentions(text: str, options: dict[str, list[str]]) -> list[tuple[int, str, str]]:
    """(position, option, value) for each option value the text names, in order. Short values
    ('M', '10', '1000') count only beside their option's name ('size M', '1000 pieces'), and a
    yes/no option by its name ('waterproof', 'not waterproof'). Words are compared singular
    ('4 hour battery' names '4 hours'), a value of several words also by its own word
    ('stainless' for 'stainless steel'); where two values overlap ('non-polarized' holds
    'polarized'), the longer one is what was said."""
    norm = words(text)
    found: list[tuple[int, int, str, str]] = []
    shared: list[tuple[int, int, str, str]] = []
    for option, values in options.items():
        key = normalise(option).strip()
        key_stem = singular(key.split()[-1]) if key else ""
        if {v.lower() for v in values} <= {"yes", "no"}:  # named by the option: 'waterproof', 'not waterproof'
            for m in re.finditer(rf"\b{re.escape(words(key).strip())}\b", norm):
                negation = next((n for p in rules().contrast["negated"] if (n := p.search(norm[: m.start()]))), None)
                said, start = ("no", negation.start()) if negation else ("yes", m.start())
                found.extend((start, m.end(), option, v) for v in values if v.lower() == said)
            continue
        for value in values:
            val = words(value).strip()
            if val == "none" or re.match(r"(?:not|no|non) ", val):
                # said as its absence too: 'no backlight', 'without armrests', 'no water resistance'
                for m in re.finditer(rf"\b(?:no|without|not|non)\s+{re.escape(words(key).strip())}", norm):
                    found.append((m.start(), m.end(), option, value))
                if val == "none":
                    continue
            if not val:
                continue
            # A bare number or one or two letters ('10', 'M', 'XL') is too common to mean an option alone.
            short = val.replace(".", "").isdigit() or (len(val) <= 2 and val.isalpha())
            for form in value_forms(value):
                for m in re.finditer(rf"(?<![\w.]){re.escape(form)}(?![\w])", norm):
                    if short and form == val:
                        around = norm[max(0, m.start() - 25) : m.end() + 25]
                        if not re.search(rf"\b{re.escape(key_stem)}", around) and not _capital_size(text, value):
                            continue
                    elif form != val and _names_other_option(norm, m, option, options):
                        continue
                    if form != val and _is_other_value(form, option, options):
                        shared.append((m.start(), m.end(), option, value))
                        continue
                    found.append((m.start(), m.end(), option, value))
            # A value of several words is also said by a word of it that no other value of the
            # option and not the option's name has ('stainless' steel, 'HEPA' filter, 'rose' gold).
            others = {w for v in values if v != value for w in words(v).split()} | set(words(key).split())
            for word in val.split() if " " in val else []:
                if len(word) >= 4 and word not in others:
                    found.extend(
                        (m.start(), m.end(), option, value) for m in re.finditer(rf"\b{re.escape(word)}\b", norm)
                    )
    # A size word that is also another option's value ('medium' size or ventilation) counts for
    # the size only where nothing else in the text names a size ('size S, medium vent').
    found += [m for m in shared if not any(f[2] == m[2] for f in found)]
    found = _owned_by_named_option(found, norm)
    kept = [
        (start, option, value)
        for start, end, option, value in found
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _, _ in found)
    ]
    return sorted(set(kept))


def _capital_size(text: str, value: str) -> bool:
    """A letter size written alone in capitals ('the helmet is L, i need S'): a size even without
    the word 'size'. Lower case ('s', 'l', 'm') and after a number ('1.5 L') it is not."""
    return (
        value.isalpha()
        and value.isupper()
        and value.lower() in rules().size_words
        and re.search(rf"(?<![\w.'’])(?<!\d )(?<!\d\.\d )\b{re.escape(value)}\b(?![\w'’-])", text) is not None
    )


def _owned_by_named_option(found: list[tuple[int, int, str, str]], norm: str) -> list[tuple[int, int, str, str]]:
    """A value several options share ('black' for frame colour and lens colour), said beside a
    word of one option's name only ('the black frame', 'green lens', 'frame in black'), is that
    option's: read as both, 'same black frame and green lens' asked for black lenses (train6 474)."""
    spans: dict[tuple[int, int], set[str]] = {}
    for start, end, option, _ in found:
        spans.setdefault((start, end), set()).add(option)
    kept = []
    for start, end, option, value in found:
        sharing = spans[(start, end)]
        if len(sharing) > 1:
            # The nearest word decides, the noun after an adjective first ('green lens, black frame').
            for before, after in ((0, 1), (1, 0), (2, 2)):
                beside = set(norm[:start].split()[len(norm[:start].split()) - before :]) | set(
                    norm[end:].split()[:after]
                )
                owners = {o for o in sharing if (set(words(o).split()) - _shared_words(sharing, o)) & beside}
                if owners:
                    break
            if len(owners) == 1 and option not in owners:
                continue
        kept.append((start, end, option, value))
    return kept


def _shared_words(options: set[str], option: str) -> set[str]:
    """The words of the other options' names ('color' of 'frame color' beside 'lens color')."""
    return {w for other in options if other != option for w in words(other).split()}


def _is_other_value(form: str, option: str, options: dict[str, list[str]]) -> bool:
    return any(form in {words(v).strip() for v in values} for other, values in options.items() if other != option)


def _names_other_option(norm: str, m: re.Match[str], option: str, options: dict[str, list[str]]) -> bool:
    """A size word that is another option's value, beside that option's name, is that value:
    'medium ventilation' is no size M."""
    said = m.group(0).strip()
    for other, values in options.items():
        if other == option or said not in {words(v).strip() for v in values}:
            continue
        name = words(other).strip()
        if norm[m.end() :].startswith(f" {name} ") or norm[: m.start()].endswith(f" {name}"):
            return True
    return False


def clauses(text: str) -> list[str]:
    """`sentences`, cut again at commas outside brackets ('the kettle to a white one, the black
    chair (no armrests, high back) to leather'): a list of changes is one clause per item."""
    out = []
    for sentence in sentences(text):
        depth, start = 0, 0
        for at, ch in enumerate(sentence):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if ch == "," and depth <= 0 and not sentence[at + 1 : at + 2].isdigit():
                out.append(sentence[start:at])
                start = at + 1
        out.append(sentence[start:])
    return [c.strip() for c in out if c.strip()]


def value_stances(text: str, options: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    """(option, value, stance) for each value named, clause by clause: 'replaced' when it names
    what the item is now ('instead of clicky', 'from the 7 ft ... to', 'rather than 19 bar'),
    'excluded' when it is ruled out ('not the black one'), else 'said'."""
    r = rules()
    out = []
    for clause in clauses(text):
        norm = words(clause)
        for start, option, value in value_mentions(clause, options):
            before = norm[:start]
            stance = "said"
            if any(p.search(before) for p in r.contrast["excluded"]):
                stance = "excluded"
            else:
                cues = [m.end() for p in r.contrast["replaced"] for m in p.finditer(before)]
                if cues and not FORWARD_WORD.search(before[max(cues) :]):
                    stance = "replaced"
            out.append((option, value, stance))
    return out


# Between a 'from ...' and the value, the word that says what it becomes ('from red to blue'),
# or the customer going on to what they want ('from #W1 is glass and I'd like a plastic one').
FORWARD_WORD = re.compile(r"\b(?:to|into|for|i|want|like|but)\b")


def payment_kinds(text: str) -> list[str]:
    """The payment kinds the text names (gift_card, paypal, credit_card), first mention first."""
    hits = []
    text = uncontrasted(text)
    for kind, patterns in rules().payment_words.items():
        positions = [m.start() for p in patterns for m in p.finditer(text)]
        if positions:
            hits.append((min(positions), kind))
    return [kind for _, kind in sorted(hits)]


def uncontrasted(text: str) -> str:
    """The text without the payment methods it rules out ('my visa rather than the mastercard'
    keeps 'my visa'): each payment word after an `excluded_payment` cue is blanked with its cue."""
    cues = rules().contrast["excluded_payment"]
    spans = []
    for patterns in rules().payment_words.values():
        for p in patterns:
            for m in p.finditer(text):
                cue = next((c for pattern in cues if (c := pattern.search(text[: m.start()]))), None)
                if cue:
                    spans.append((cue.start(), m.end()))
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def described_status(text: str) -> str | None:
    """The status an order is described by ('a delivered order', 'the order that hasn't
    shipped'), when the words describe one, or None."""
    found = [status for status in ("pending", "delivered") if rules().says(f"described_{status}", text)]
    return found[0] if len(found) == 1 else None


def said_reason(text: str) -> str | None:
    """The cancel reason the words give, or None."""
    for reason, patterns in rules().cancel_reasons.items():
        if any(p.search(text) for p in patterns):
            return reason
    return None


def cancel_reason(text: str) -> str:
    return said_reason(text) or "no longer needed"


ADDRESS = re.compile(
    r"(?P<address1>\b\d+\s+(?:[A-Za-z0-9.'-]+\s+){0,3}?(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|parkway|terrace|circle)\.?)"
    r"(?:\s*,\s*(?P<address2>(?:suite|apt|apartment|unit|#)\s*[A-Za-z0-9-]+))?"
    r"\s*,\s*(?P<city>[A-Za-z .'-]+?)(?:\s*,\s*|\s+)(?P<state>[A-Z]{2})\s*,?\s*(?P<zip>\d{5})(?:\s*,\s*(?P<country>USA|US|United States))?",
    re.IGNORECASE,
)


def address_in(text: str) -> dict[str, str] | None:
    """A US postal address written on one line ('12 Oak Street, Suite 4, Austin, TX 78701'; the
    comma before the state is often left out: 'Austin TX 78701')."""
    m = ADDRESS.search(text)
    if not m:
        return None
    parts = {k: (v or "").strip() for k, v in m.groupdict().items()}
    parts["country"] = "USA"
    parts["state"] = parts["state"].upper()
    return {k: parts[k] for k in ("address1", "address2", "city", "state", "country", "zip")}


def option_table(variants: list[dict[str, Any]]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for variant in variants:
        for option, value in variant["options"].items():
            if value not in table.setdefault(option, []):
                table[option].append(value)
    return table
