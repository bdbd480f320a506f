"""Which items of an order the customer means, and which option values they ask for.

The customer names items loosely ('the mouse', 'the tea kettle', 'both items') and options as
they say them ('5 feet', 'the 1.5L glass one'); these functions map those words onto the order's
items and the product's variants, and say what is missing when the words do not settle it.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.store.db import Store
from assistant.store.reading import mentions_item, option_table, rules, sentences, value_mentions, words
from assistant.store.wording import available_text, money, options_text

GENERIC_ITEMS = re.compile(
    r"\b(?:the|my|all|these|those) (?:items|things|products|stuff)\b|\bthem all\b", re.IGNORECASE
)


def chosen_items(order: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The items the customer names, in the order named; when none is named, all of them for
    'all the items' or 'the items', and the only one of a one-item order. Named items win over
    'everything' ('the chair and the camera ... refund everything to my card')."""
    chosen = named_items(order["items"], words(text))
    if chosen:
        return described(chosen, text)
    if len(order["items"]) == 1 or rules().says("all_items", text) or GENERIC_ITEMS.search(text):
        return list(order["items"])
    return []


def named_items(items: list[dict[str, Any]], text_words: str) -> list[dict[str, Any]]:
    """The items the words name, once each, in the order named."""
    scores = [(mentions_item(text_words, i["name"]), i) for i in items]
    chosen, seen = [], set()
    for score, item in scores:
        if score == 0 or item["item_id"] in seen:
            continue
        # A full-name match beats a last-word match for items sharing that word ('Tea Kettle').
        if score == 1 and any(
            s == 2 and words(i["name"]).split()[-1] == words(item["name"]).split()[-1] for s, i in scores
        ):
            continue
        seen.add(item["item_id"])
        chosen.append(item)
    chosen.sort(key=lambda i: first_mention(text_words, i["name"]))
    return chosen


def described(items: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Of several items of the same name ('the keyboard' in an order with two), the one whose
    current options the text describes best; all of them when nothing tells them apart."""
    kept = []
    for item in items:
        twins = [i for i in items if i["name"] == item["name"]]
        if len(twins) > 1:
            table = {o: [v] for i in twins for o, v in i["options"].items()}
            said = {(o, v) for _, o, v in value_mentions(text, table)}
            score = {i["item_id"]: sum((o, v) in said for o, v in i["options"].items()) for i in twins}
            best = max(score.values())
            if best > 0 and list(score.values()).count(best) == 1 and score[item["item_id"]] != best:
                continue
        kept.append(item)
    return kept


def first_mention(text_words: str, name: str) -> int:
    name_words = words(name).strip()
    for probe in (name_words, name_words.split()[-1] if name_words else ""):
        at = text_words.find(f" {probe} ") if probe else -1
        if at >= 0:
            return at
    return len(text_words)


def item_changes(
    store: Store, order: dict[str, Any], text: str
) -> list[tuple[dict[str, Any], dict[str, Any] | None, str]]:
    """(item, new variant or None, question) for each item the text asks to change."""
    named = chosen_items(order, text)
    twins = [i for i in named if sum(j["name"] == i["name"] for j in named) > 1]
    if twins:  # 'the keyboard' in an order with two, nothing telling them apart: ask
        listed = " or ".join(f"the one with {options_text(i['options'])}" for i in twins)
        return [(twins[0], None, f"Your order has {len(twins)} of the {twins[0]['name']}: do you mean {listed}?")]
    items = named or list(order["items"])
    parts = sentences(text)
    changes = []
    for item in items:
        scope = item_scope(parts, item, order) if len(items) > 1 else text
        variants = store.variants_of(item["product_id"])
        table = option_table(variants)
        wanted = wanted_options(scope, table, item)
        if not wanted:
            if len(named) == 1:
                changes.append(
                    (
                        item,
                        None,
                        f"What would you like the {item['name']} ({options_text(item['options'])}) changed to? {available_text(variants, item)}",
                    )
                )
            continue
        fitting = [
            v
            for v in variants
            if v["available"]
            and v["item_id"] != item["item_id"]
            and all(v["options"].get(o) == val for o, val in wanted.items())
        ]
        if not fitting:
            changes.append(
                (
                    item,
                    None,
                    f"The {item['name']} with {options_text(wanted)} is not available. {available_text(variants, item)}",
                )
            )
            continue
        if rules().says("cheapest", scope):
            changes.append((item, min(fitting, key=lambda v: v["price"]), ""))
            continue
        kept = max(sum(v["options"].get(o) == val for o, val in item["options"].items()) for v in fitting)
        best = [v for v in fitting if sum(v["options"].get(o) == val for o, val in item["options"].items()) == kept]
        if len(best) == 1:
            changes.append((item, best[0], ""))
        else:
            choices = "; ".join(f"{options_text(v['options'])} ({money(v['price'])})" for v in best[:6])
            changes.append((item, None, f"Which {item['name']} would you like: {choices}?"))
    if not named and len(changes) > 1:  # option words alone fit several items: ask which one
        return []
    return changes


def wanted_options(scope: str, table: dict[str, list[str]], item: dict[str, Any]) -> dict[str, str]:
    """The option values the customer asks for, sentence by sentence: a later sentence that sets
    an option again restates the whole choice ('a 1L black one ... actually a 1.5L glass one'),
    so the earlier sentences' values go; one that adds an option ('Brown, please') adds it."""
    wanted: dict[str, str] = {}
    for sentence in sentences(scope):
        said = {o: v for _, o, v in value_mentions(sentence, table) if item["options"].get(o) != v}
        if set(said) & set(wanted):
            wanted = {}
        wanted.update(said)
    return wanted


def item_scope(parts: list[str], item: dict[str, Any], order: dict[str, Any]) -> str:
    """The sentences about this item: those naming it, and the ones after them naming no item.
    A sentence naming several items gives each its own words: those after its name when the
    first name is followed by what it becomes ('the shirt to blue M and the jacket to L'), else
    those up to its name ('a black laser gaming mouse and a metal bookshelf')."""
    scope, on = [], False
    for sentence in parts:
        sw = words(sentence)
        named = list(dict.fromkeys(i["name"] for i in named_items(order["items"], sw)))
        if named:
            on = item["name"] in named
            if on and len(named) > 1:
                at = named.index(item["name"])
                if FORWARD.match(sw[mention_end(sw, named[0]) :]):
                    end = mention_start(sw, named[at + 1]) if at + 1 < len(named) else len(sw)
                    sentence = sw[mention_start(sw, item["name"]) : end]
                else:
                    start = mention_end(sw, named[at - 1]) if at else 0
                    sentence = sw[start : mention_end(sw, item["name"])]
        if on:
            scope.append(sentence)
    return ". ".join(scope)


# After an item's name, the words that say what it becomes ('... machine for a 9 bar one').
FORWARD = re.compile(r"\s*(?:from|for|to|into|with|in)\b")


def mention_start(text_words: str, name: str) -> int:
    name_words = words(name).strip()
    for probe in (name_words, name_words.split()[-1]):
        at = text_words.find(f" {probe} ")
        if at >= 0:
            return at
    return 0


def mention_end(text_words: str, name: str) -> int:
    name_words = words(name).strip()
    for probe in (name_words, name_words.split()[-1]):
        at = text_words.find(f" {probe} ")
        if at >= 0:
            return at + len(probe) + 1
    return len(text_words)
