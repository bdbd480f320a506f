"""The record-built text reads right, checked as tables over the demo catalog's data (not one
example each): many requests generated from the records go through the assistant (scripted
backend: every word is the deterministic wording's), and every reply, plus the phrases built
from generated requests and options, is checked for the same faults: counts that disagree with
their noun, doubled words, a noun listed with its own plural, an amount without its currency."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from assistant import dialogue
from assistant.constraints import Constraints
from assistant.dialogue import Request
from assistant.session import Session
from assistant.wording import clarify_text, counted, distinct_options, next_step_text, request_phrase
from common.text import money, terms

ONE = r"(?:1|one)"
MANY = r"(?:[02-9]|\d{2,}|[\d,]{3,})"
FAULTS = {
    "singular count, plural noun": re.compile(rf"\b{ONE} (?:matches|products|items|options|results|more options)\b"),
    "plural count, singular noun": re.compile(rf"\b{MANY} (?:match|product|item|option|result)\b(?![-\w])"),
    "one match shown as many": re.compile(rf"\b{ONE} match\b[^.]*\bhere (?:they are|are)\b"),
    "many matches shown as one": re.compile(rf"\b{MANY} matches\b[^.]*\bhere it is\b"),
    "'are' with one": re.compile(rf"\b[Hh]ere are {ONE}\b"),
    "doubled word": re.compile(r"\b(\w+)\s+\1\b", re.I),
    "noun listed with its own plural": re.compile(r"\b(\w{3,}?)(?:e?s)? or \1(?:e?s)?\b", re.I),
    "amount without currency": re.compile(r"\b(?:under|over|below|above|less than|more than|up to|between)\s+\d", re.I),
}


def faults(text: str) -> list[str]:
    return [f"{name}: {m.group(0)!r}" for name, pattern in FAULTS.items() for m in pattern.finditer(text)]


def test_the_checks_catch_each_fault_they_name():
    """The checker itself, on the faults the issue found (so a passing table means something)."""
    for bad in [
        "1 match for sports · for boys; here they are.",
        "150 matches for for men; here are the top 5.",
        "What kind of thing are you thinking of: headphones or headphone?",
        "Want me to show options under 40?",
        "Here are 1 more options.",
    ]:
        assert faults(bad), bad
    assert not faults("1 match for watch for men; here it is. Want me to show options “under $40”?")


# -- the table: requests generated from the demo catalog's records ----------------------------
@pytest.fixture(scope="module")
def assistant(fake_settings, fake_embedder):
    from assistant.core import Assistant
    from tests.fakes import ScriptedBackend

    return Assistant.load(fake_settings, backend=ScriptedBackend(default=""), embed=fake_embedder)


def generated_requests(catalog) -> list[list[str]]:
    """Conversations built from the records: per category, its type with an audience, a colour
    and a budget its products have (many matches, then "cheaper" and "show more"); a brand's own
    type in one colour (often one match); the type with a budget under every price (none)."""
    by_leaf: dict[str, list] = {}
    for p in catalog.products:
        if p.category:
            by_leaf.setdefault(p.category[-1], []).append(p)
    conversations = []
    for leaf, products in sorted(by_leaf.items()):
        kind = leaf.split("&")[0].split(",")[0].strip().lower()
        audience = Counter(a for p in products for a in p.audience).most_common(1)
        prices = sorted(p.price for p in products if p.price is not None)
        budget = prices[len(prices) // 2]
        who = f" for {audience[0][0]}" if audience else ""
        conversations.append([f"{kind}{who} under ${budget:.0f}", "cheaper", "show more"])
        one = products[0]
        colour = f" in {one.colours[0]}" if one.colours else ""
        conversations.append([f"{one.brand or ''} {kind}{colour}".strip()])
        conversations.append([f"{kind} under ${max(prices[0] / 4, 1):.0f}"])
    conversations += [["a gift for my dad"], ["something nice for kids"], ["hello"]]
    return conversations


def test_every_generated_reply_reads_right(assistant):
    catalog = assistant.engine.catalog
    problems, seen = [], Counter()
    for messages in generated_requests(catalog):
        session = Session()
        for message in messages:
            reply = assistant.reply(session, message)
            for fault in faults(reply.text):
                problems.append(f"{message!r} -> {fault} in {reply.text!r}")
            for part in ("1 match ", "here it is", "here they are", "here are the top", "Nothing", "Sorry"):
                seen[part] += part in reply.text
            seen["suggested budget"] += "“under $" in reply.text
    assert not problems, "\n".join(problems[:20])
    # The table reached the cases that went wrong: one match, many, several shown, none.
    assert all(seen[part] for part in ("1 match ", "here it is", "here they are", "here are the top", "Sorry")), seen
    assert seen["suggested budget"], seen


# -- the phrases, over every request shape the catalog's data gives ----------------------------
def generated_constraints(catalog) -> list[tuple[str | None, Constraints]]:
    audiences = sorted({a for p in catalog.products for a in p.audience})
    colours = sorted({c for p in catalog.products for c in p.colours})[:6]
    brands = sorted({p.brand.lower() for p in catalog.products if p.brand})[:3]
    kinds = sorted({p.category[-1].lower() for p in catalog.products if p.category})[:6]
    out: list[tuple[str | None, Constraints]] = []
    for i, kind in enumerate([None, *kinds]):
        for audience in [None, *audiences]:
            out.append((kind, Constraints(audience=audience, price_max=40.0 + i)))
            out.append((kind, Constraints(audience=audience, colours=[colours[i % len(colours)]], in_stock=True)))
            out.append((kind, Constraints(brands=[brands[i % len(brands)]], price_min=10.0, price_max=99.5)))
            out.append((kind, Constraints(attributes=["waterproof"], cheap=True, min_rating=4.0)))
    return out


def test_a_request_reads_as_one_phrase_without_doubled_words(assistant):
    catalog = assistant.engine.catalog
    for kind, constraints in generated_constraints(catalog):
        labels = [s.label for s in dialogue.slots(Request(product_type=kind, constraints=constraints), "USD")]
        phrase = request_phrase(labels)
        first = labels[0].split()[0] if labels else ""
        assert phrase.startswith("for ") or first in ("for", "under", "by", "in"), phrase
        assert not faults(f"16 matches {phrase}; here they are."), phrase
        for label in labels:
            assert label in phrase  # every chip is said, as the chip says it
        if constraints.price_max is not None and constraints.price_min is None:
            assert f"under {money(constraints.price_max, 'USD')}" in phrase


@pytest.mark.parametrize(
    ("kind", "phrase"), [(None, "at the cheaper end"), ("candle", "for candle at the cheaper end")]
)
def test_a_budget_said_without_a_number_joins_the_phrase(kind, phrase):
    # "nothing too pricey" with no kind read "137 matches for cheap"
    labels = [s.label for s in dialogue.slots(Request(product_type=kind, constraints=Constraints(cheap=True)), "USD")]
    assert request_phrase(labels) == phrase


@pytest.mark.parametrize("n", [0, 1, 2, 5, 16, 1000])
def test_counts_agree_with_their_nouns(n):
    for noun in ("match", "product", "option", "item", "more option"):
        text = counted(n, noun)
        assert not faults(text), text
        assert text.endswith(noun) == (n == 1)


def test_a_clarifying_question_lists_each_kind_once(assistant):
    """Options from the catalog's category names, with the spelling variants a real catalog
    has (plural and singular, case): each kind is listed once."""
    catalog = assistant.engine.catalog
    names = sorted({p.category[1] for p in catalog.products if len(p.category) > 1})
    variants = [v for name in names for v in (name, " ".join(terms(name)), name.upper())]  # "men s clothing"
    kept = distinct_options(variants)
    assert len(kept) == len(names) and len({tuple(terms(k)) for k in kept}) == len(kept)
    for i in range(0, len(variants) - 3, 3):
        text = clarify_text(variants[i : i + 6], "men")
        assert not faults(text) and text.startswith("Happy to help! What kind of thing for men "), text


def test_every_offered_next_step_keeps_its_currency(assistant):
    catalog = assistant.engine.catalog
    prices = sorted({round(p.price) for p in catalog.products if p.price})[::7]
    for variant, price in enumerate(prices):
        for bound in ("under", "over"):
            label = f"{bound} {money(price, 'USD')} ({variant + 2})"
            text = next_step_text(["compare 1 and 2", label], variant) or ""
            assert f"“{bound} {money(price, 'USD')}”" in text and not faults(text), text
