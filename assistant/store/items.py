"""Which items of an order the customer means, and which option values they ask for.

The customer names items loosely ('the mouse', 'the tea kettle', 'both items') and options as
they say them ('5 feet', 'the 1.5L glass one'); these functions map those words onto the order's
items and the product's variants, and say what is missing when the words do not settle it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from assistant.store.comparing import leanings, lies_that_way, value_order
from assistant.store.db import Store
from assistant.store.reading import FORWARD_WORD, clauses, mentions_item, option_table, rules, value_stances, words
from assistant.store.wording import available_text, money, options_text

GENERIC_ITEMS = re.compile(
    r"\b(?:the|my|all|these|those) (?:items|things|products|stuff)\b|\bthem all\b", re.IGNORECASE
)


def chosen_items(order: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The items the customer names, in the order named; when none is named, all of them for
    'all the items' or 'the items', and the only one of a one-item order. Named items win over
    'everything' ('the chair and the camera ... refund everything to my card'). Of an item the
    order holds twice, both unless the words about it say one."""
    chosen: list[dict[str, Any]] = []
    for item, run in item_texts(order, text):
        # An item the order holds twice, of which the customer means one ('just one of the two').
        if not (rules().says("one_copy", run) and any(c["item_id"] == item["item_id"] for c in chosen)):
            chosen.append(item)
    if chosen:
        return chosen
    if len(order["items"]) == 1 or rules().says("all_items", text) or GENERIC_ITEMS.search(text):
        return list(order["items"])
    return []


def named_items(items: list[dict[str, Any]], text_words: str, tails: bool = True) -> list[dict[str, Any]]:
    """The items the words name, once each, in the order named: by the whole name (2), its last
    word ('mouse', 1), or a word of the name only this item of the order has and no option
    speaks of ('the robot vacuum' for 'Vacuum Cleaner', 1). `tails=False` leaves out the word a
    compound name ends with: 'glass' of Sunglasses is as often a material said of another
    product ('the glass kettle'), too loose to tell which order is meant."""
    scores = []
    for item in items:
        score = mentions_item(text_words, item["name"])
        if score == 0 and any(f" {w} " in text_words for w in probes(item["name"], items, tails)[2:]):
            score = 1
        scores.append((score, item))
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
    chosen.sort(key=lambda i: first_mention(text_words, i["name"], items))
    return chosen


def probes(name: str, items: list[dict[str, Any]], tails: bool = True) -> list[str]:
    """The words that name an item in the text: its whole name, its last word, then the other
    words of its name (four letters or more) that no other item's name and no option of the
    order's items uses ('vacuum' of 'Vacuum Cleaner'; not 'water' beside 'water resistance'),
    then the other names customers give it ('power bank' for Portable Charger), then the word its
    one-word name ends with ('watch' for Wristwatch) where no other item's name ends with it."""
    name_words = words(name).split()
    if not name_words:
        return []
    signature = tuple((item["name"], tuple(item["options"].items())) for item in items)
    return list(_probes(name, signature, tails))


@lru_cache(maxsize=4096)  # read for every item of every order, for every sentence
def _probes(name: str, signature: tuple[tuple[str, tuple[tuple[str, str], ...]], ...], tails: bool) -> tuple[str, ...]:
    """`probes` of the items `signature` stands for (their names and options)."""
    name_words = words(name).split()
    items = [{"name": item_name, "options": dict(options)} for item_name, options in signature]
    taken = {
        w
        for item in items
        for text in ([item["name"]] if item["name"] != name else []) + [*item["options"], *item["options"].values()]
        for w in words(str(text)).split()
    }
    own = [w for w in name_words[:-1] if len(w) >= 4 and w not in taken]
    others = [words(other).strip() for other in rules().item_names.get(name.lower(), [])]
    # The word a one-word compound name ends with ('watch' of Wristwatch, 'shelf' of Bookshelf),
    # where no other item's name of the order ends with it ('phone' is Smartphone and Headphones).
    last = name_words[-1]
    endings = [
        tail
        for tail in (last[i:] for i in range(1, len(last) - 4))
        if tails
        and tail not in taken
        and not any(words(i["name"]).split()[-1].endswith(tail) for i in items if i["name"] != name)
    ]
    return (" ".join(name_words), last, *own, *others, *endings)


def item_texts(order: dict[str, Any], text: str) -> list[tuple[dict[str, Any], str]]:
    """Each item the text names with the words about it, in the order named. The words about an
    item are the clauses naming it and those after them naming no other item ('the bluetooth
    speaker is black, I want blue'). Of several items of one name ('the keyboard' in an order
    with two), a run of clauses goes to the one whose options it describes ('the clicky one with
    white backlight'), or to the one not yet spoken of for 'the other one'; a run that tells them
    apart nowhere goes to each, and is dropped for those another run does tell apart."""
    texts: dict[str, list[str]] = {}
    vague: dict[str, bool] = {}
    spoken: set[str] = set()
    for named, run in _runs(order, text):
        twins = [i for i in order["items"] if i["name"] == named[0]["name"]]
        pool = twins
        if len(twins) > 1 and OTHER.search(run) and spoken & {t["item_id"] for t in twins}:
            pool = [t for t in twins if t["item_id"] not in spoken] or twins
        scores = {t["item_id"]: _described(t, run, twins) for t in pool}
        best = max(scores.values())
        winners = [t for t in pool if scores[t["item_id"]] == best]
        told = len(winners) == 1 and (len(pool) == 1 or best > 0)
        for item in winners if told else pool:
            texts.setdefault(item["item_id"], []).append(run)
            vague[item["item_id"]] = vague.get(item["item_id"], True) and not told
            if told:
                spoken.add(item["item_id"])
    told_names = {i["name"] for i in order["items"] if i["item_id"] in vague and not vague[i["item_id"]]}
    kept = [
        i for i in order["items"] if i["item_id"] in texts and not (vague[i["item_id"]] and i["name"] in told_names)
    ]
    text_words = words(text)
    kept.sort(key=lambda i: first_mention(text_words, i["name"], order["items"]))
    return [(i, ". ".join(texts[i["item_id"]])) for i in kept]


# 'the other one', 'the other black fabric chair': the item of that name not spoken of yet.
OTHER = re.compile(r"\b(?:the|my) other\b|\banother one\b", re.IGNORECASE)


def _runs(order: dict[str, Any], text: str) -> list[tuple[list[dict[str, Any]], str]]:
    """(items of one name, the words about them): a clause naming an item starts a run, the
    clauses after it naming none continue it; a clause naming several gives each its own words.
    An item named only to be left out ('the backpack and the kettle, not the mouse') starts
    nothing."""
    runs: list[tuple[list[dict[str, Any]], str]] = []
    closed = False  # the last clause named only items left out: what follows is about those
    for clause in clauses(text):
        clause_words = words(clause)
        named = named_items(order["items"], clause_words)
        left_out = _left_out(clause_words, list(dict.fromkeys(i["name"] for i in named)), order["items"])
        names = [n for n in dict.fromkeys(i["name"] for i in named) if n not in left_out]
        if not names:
            outside = _outside_brackets(clause, order) if named else ""
            if outside and runs and not closed:  # 'AA batteries (the blue toothbrush stays as is)'
                runs[-1] = (runs[-1][0], runs[-1][1] + ". " + outside)
                continue
            # 'the RGB mouse should be black - the white mouse stays' (set G train 339): the kept
            # mouse's clause is not the changed one's words (its 'white' was read as wanted).
            closed = closed or bool(named)
            if runs and not closed:
                runs[-1] = (runs[-1][0], runs[-1][1] + ". " + clause)
            continue
        closed = False
        for name in names:
            own = clause if len(names) == 1 else _own_words(clause_words, name, names, order["items"])
            runs.append(([i for i in named if i["name"] == name], own))
    return runs


def without_left_out(order: dict[str, Any], text: str) -> str:
    """The text without the clauses that name only items left out ('the white mouse in that order
    stays', 'not the kettle'): their option words describe what is not being changed."""
    kept = []
    for clause in clauses(text):
        clause_words = words(clause)
        names = list(dict.fromkeys(i["name"] for i in named_items(order["items"], clause_words)))
        if not names or set(names) - _left_out(clause_words, names, order["items"]):
            kept.append(clause)
        elif outside := _outside_brackets(clause, order):
            kept.append(outside)
    return ". ".join(kept)


BRACKETED = re.compile(r"\([^)]*\)")


def _outside_brackets(clause: str, order: dict[str, Any]) -> str:
    """A clause whose item left out is named only in brackets ('AA batteries (the blue
    toothbrush stays as is)', set G train 246): its words outside them, which name no item."""
    outside = BRACKETED.sub(" ", clause).strip(" ,.-")
    if outside == clause.strip(" ,.-") or not outside or named_items(order["items"], words(outside)):
        return ""
    return outside


def _left_out(text_words: str, names: list[str], items: list[dict[str, Any]]) -> set[str]:
    """The names the clause leaves out: after 'not', 'keep', 'except' ..., those listed right
    after a left-out one ('keep the pet bed and the camera'), and those naming the order ('in
    the keyboard order: the skateboard ...')."""
    out: set[str] = set()
    previous_end, previous_out = 0, False
    for name in sorted(names, key=lambda n: mention_start(text_words, n, items)):
        start = mention_start(text_words, name, items)
        before = text_words[: start + 1]
        listed = previous_out and LISTED.match(text_words[previous_end : start + 1])
        after = text_words[mention_end(text_words, name, items) :]
        if (
            listed
            or any(p.search(before) for p in rules().contrast["excluded_item"])
            or any(p.match(after) for p in rules().contrast["names_order"])
            or _kept_after(after, names, items)
        ):
            out.add(name)
        previous_end, previous_out = mention_end(text_words, name, items), name in out
    return out


def _kept_after(after: str, names: list[str], items: list[dict[str, Any]]) -> bool:
    """The words after an item's name say it is kept ('stays', 'is fine', "I'll keep"), once
    the names listed with it ('the bookshelf and notebook ... are fine') and where it is ('from
    that order') are skipped."""
    rest = after
    while True:
        joined = LISTED_JOIN.match(rest)
        follows = rest[joined.end() :] if joined else rest
        probe = next(
            (p for n in names for p in probes(n, items) if follows.startswith(p + " ") or follows == p),
            None,
        )
        if probe is None:
            break
        rest = follows[len(probe) :]
    for place in rules().contrast["item_place"]:
        rest = place.sub("", rest, count=1)
    return any(p.match(rest) for p in rules().contrast["kept_item"])


# Between two names of one list: 'and the', 'or my', ', the'.
LISTED = re.compile(r"^\s*(?:and|or|nor|as well as)?\s*(?:the|my|a|an)?\s*$")
# The same, before a name that follows ('... and the notebook').
LISTED_JOIN = re.compile(r"^\s*(?:and|or|nor|as well as)?\s*(?:the|my|a|an)?\s*")


def option_score(item: dict[str, Any], text: str, twins: list[dict[str, Any]]) -> int:
    """How well the text describes this item's current options among `twins` (items of one
    name, perhaps in different orders): see `_described`."""
    return _described(item, text, twins)


def _described(item: dict[str, Any], text: str, twins: list[dict[str, Any]]) -> int:
    """How well the text describes this item's current options among its twins (the words
    before what it becomes): each of its values named counts one ('the clicky one', 'instead of clicky'), each ruled out ('not the
    black one') takes one away."""
    table: dict[str, list[str]] = {}
    for twin in twins:
        for option, value in twin["options"].items():
            table.setdefault(option, []).append(value)
    # In the clause naming the item, what follows 'to'/'for'/'into' after its name is what it
    # becomes, not what it is ('the black earbuds for the 4 hour ones').
    naming, *rest = clauses(text) or [""]
    naming_words = words(naming)
    becomes = FORWARD_WORD.search(naming_words, mention_end(naming_words, item["name"], twins))
    described = ". ".join([naming_words[: becomes.start()] if becomes else naming, *rest])
    score = 0
    for option, value, stance in value_stances(described, table):
        if item["options"].get(option) == value:
            score += -1 if stance == "excluded" else 1
    return score


def first_mention(text_words: str, name: str, items: list[dict[str, Any]]) -> int:
    for probe in probes(name, items):
        at = text_words.find(f" {probe} ")
        if at >= 0:
            return at
    return len(text_words)


def item_changes(
    store: Store, order: dict[str, Any], text: str
) -> list[tuple[dict[str, Any], dict[str, Any] | None, str]]:
    """(item, new variant or None, question) for each item the text asks to change."""
    scoped = item_texts(order, text)
    named = [item for item, _ in scoped]
    twins = [i for i, t in scoped if sum(j["name"] == i["name"] and u == t for j, u in scoped) > 1]
    if twins:
        # Of twins the words fit alike, the one that can become what is asked with nothing else
        # changed ('the keyboard ... the full size one': only the white one comes in full size
        # keeping its switches and backlight) is the one meant; else ask.
        exact = [i for i, t in scoped if i in twins and _changes_exactly(store, i, t if len(scoped) > 1 else text)]
        if len(exact) == 1:
            scoped = [(i, t) for i, t in scoped if i not in twins or i is exact[0]]
            named = [item for item, _ in scoped]
            twins = []
    if twins:  # 'the keyboard' in an order with two, nothing telling them apart: ask
        listed = " or ".join(f"the one with {options_text(i['options'])}" for i in twins)
        return [(twins[0], None, f"Your order has {len(twins)} of the {twins[0]['name']}: do you mean {listed}?")]
    if not scoped:
        scoped = [(item, text) for item in order["items"]]
    changes = []
    for item, own in scoped:
        scope = own if len(scoped) > 1 else without_left_out(order, text)
        variants = store.variants_of(item["product_id"])
        table = option_table(variants)
        wanted = wanted_options(scope, table, item)
        # 'a smaller one', 'the one with more storage': the values lying that way, where no value
        # of the option is said outright ('size 7' wins over 'a smaller size').
        # A value of the item said as it stays ('professional, Brand C') keeps that option too.
        said = set(wanted) | set(stated_current(scope, table, item))
        leaning = [lean for lean in leanings(scope, table) if lean.option not in said]
        orders = {lean.option: value_order(table[lean.option]) or {} for lean in leaning}
        if not wanted and not leaning:
            if len(named) == 1:
                other = _other_product(store, order, scope)
                rule = (
                    f"The {item['name']} can only be changed to another option of the same product, not to a {other}. "
                    if other
                    else ""
                )
                changes.append(
                    (
                        item,
                        None,
                        f"{rule}What would you like the {item['name']} ({options_text(item['options'])}) changed to? {available_text(variants, item)}",
                    )
                )
            continue
        fitting = [
            v
            for v in variants
            if v["available"]
            and v["item_id"] != item["item_id"]
            and all(v["options"].get(o) == val for o, val in wanted.items())
            and all(lies_that_way(v, item, lean, orders[lean.option]) for lean in leaning)
        ]
        for lean in leaning:
            if lean.most and fitting:  # 'the smallest': the end of the scale, not any value that way
                pick = min if lean.way == "low" else max
                end = pick(orders[lean.option][v["options"][lean.option]] for v in fitting)
                fitting = [v for v in fitting if orders[lean.option][v["options"][lean.option]] == end]
        if not fitting and leaning and not wanted:
            way = " or ".join(
                f"{lean.option} {'below' if lean.way == 'low' else 'above'} {item['options'].get(lean.option)}"
                for lean in leaning
            )
            changes.append(
                (
                    item,
                    None,
                    f"The {item['name']} comes in no {way}. {available_text(variants, item)} "
                    f"What would you like the {item['name']} changed to?",
                )
            )
            continue
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
        # Values the customer names that the item has now ('still black', 'keep it blue') stay,
        # where a fitting variant keeps them; then the variant keeping most of the rest.
        staying = {o: v for o, v in stated_current(scope, table, item).items() if o not in wanted}
        fitting = [v for v in fitting if all(v["options"].get(o) == val for o, val in staying.items())] or fitting
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


def _other_product(store: Store, order: dict[str, Any], text: str) -> str | None:
    """A product of the catalog the words name by its whole name that is none of the order's
    items ('exchange the boots for a backpack'): what an exchange cannot turn an item into."""
    text_words = words(text)
    own = {i["name"] for i in order["items"]}
    return next(
        (name for name in store.product_names().values() if name not in own and mentions_item(text_words, name) == 2),
        None,
    )


def _changes_exactly(store: Store, item: dict[str, Any], scope: str) -> bool:
    """An available variant has the options asked for and all the item's others as they are."""
    variants = store.variants_of(item["product_id"])
    wanted = wanted_options(scope, option_table(variants), item)
    target = {**item["options"], **wanted}
    return bool(wanted) and any(v["available"] and v["options"] == target for v in variants)


def asks_new_options(store: Store, order: dict[str, Any], text: str) -> bool:
    """The text names an item of the order and option values it does not have now ('the
    espresso machine, I'd rather have the 15 bar version than the 19 bar'): a change asked for
    without a word like 'change' or 'exchange'."""
    return any(
        wanted_options(own, table := option_table(store.variants_of(item["product_id"])), item)
        or leanings(own, table)  # 'I'd like ones with a longer battery life'
        for item, own in item_texts(order, text)
    )


def wanted_options(scope: str, table: dict[str, list[str]], item: dict[str, Any]) -> dict[str, str]:
    """The option values the customer asks for, clause by clause: a value is wanted when said as
    it (not as what the item is now, 'instead of clicky', nor ruled out, 'not black') and it is
    not the item's current value. A clause naming two new values of one option leaves it open
    ('wired or wireless, I don't care'). A later clause that sets an option again restates the
    whole choice ('a 1L black one ... actually a 1.5L glass one'), so the earlier values go; one
    that adds an option ('Brown, please') adds it."""
    wanted: dict[str, str] = {}
    for clause in clauses(scope):
        said: dict[str, set[str]] = {}
        for option, value, stance in value_stances(clause, table):
            if stance == "said" and item["options"].get(option) != value:
                said.setdefault(option, set()).add(value)
        new = {o: next(iter(v)) for o, v in said.items() if len(v) == 1}
        if set(new) & set(wanted):
            wanted = {}
        wanted.update(new)
    return wanted


def stated_current(scope: str, table: dict[str, list[str]], item: dict[str, Any]) -> dict[str, str]:
    """The item's current values the customer names, not ruled out ('still black', 'the blue
    one ... keep it blue')."""
    return {
        option: value
        for option, value, stance in value_stances(scope, table)
        if stance != "excluded" and item["options"].get(option) == value
    }


def _own_words(text_words: str, name: str, names: list[str], items: list[dict[str, Any]]) -> str:
    """In a clause naming several items, this item's words: those after its name when the first
    name is followed by what it becomes ('the shirt to blue M and the jacket to L'), else those
    up to its name ('a black laser gaming mouse and a metal bookshelf')."""
    at = names.index(name)
    if FORWARD.match(text_words[mention_end(text_words, names[0], items) :]):
        end = mention_start(text_words, names[at + 1], items) if at + 1 < len(names) else len(text_words)
        return text_words[mention_start(text_words, name, items) : end]
    start = mention_end(text_words, names[at - 1], items) if at else 0
    return text_words[start : mention_end(text_words, name, items)]


# After an item's name, the words that say what it becomes ('... machine for a 9 bar one').
FORWARD = re.compile(r"\s*(?:from|for|to|into|with|in)\b")


def mention_start(text_words: str, name: str, items: list[dict[str, Any]]) -> int:
    for probe in probes(name, items):
        at = text_words.find(f" {probe} ")
        if at >= 0:
            return at
    return 0


def mention_end(text_words: str, name: str, items: list[dict[str, Any]]) -> int:
    for probe in probes(name, items):
        at = text_words.find(f" {probe} ")
        if at >= 0:
            return at + len(probe) + 1
    return len(text_words)
