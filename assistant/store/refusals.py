"""Refusals in a draft, checked against the store: a draft may say an action can't be done (or
not yet) only where the order's status or another rule of the policy forbids it.

The policy ties each action to one status: cancel and modify (items, address, payment) only a
pending order, return and exchange only a delivered one. A sentence refusing an action for an
order in the very status that allows it ('order #W1 is delivered, so it can't be returned') is
a refusal to a customer the policy owes the action; one quoting another rule the store checked
('a gift card must have enough balance') stands. The words are data
(`assistant/data/order_requests.yaml`, `draft_refusals`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from assistant.store.reading import order_ids

# The status the policy requires for each kind of action.
REQUIRED_STATUS = {
    "cancel": "pending",
    "modify": "pending",
    "address": "pending",
    "payment": "pending",
    "return": "delivered",
    "exchange": "delivered",
}
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
# Where the alternative starts ('..., but it can be cancelled'): kinds named after it are offered.
ALTERNATIVE = re.compile(r",?\s*\bbut\b|;|\binstead\b", re.IGNORECASE)


@dataclass(frozen=True)
class Refusal:
    sentence: str
    order_id: str | None  # None: the sentence names no order and the draft is about none
    kind: str  # cancel | modify | address | payment | return | exchange
    consistent: bool  # the order's status (or a rule the store checked) forbids the action


@dataclass(frozen=True)
class _Words:
    refusal: tuple[re.Pattern[str], ...]
    not_owed: tuple[re.Pattern[str], ...]
    store_rule: tuple[re.Pattern[str], ...]
    kinds: dict[str, tuple[re.Pattern[str], ...]]


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = yaml.safe_load(resources.files("assistant").joinpath("data/order_requests.yaml").read_text())
    table = raw["draft_refusals"]

    def compiled(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(p, re.IGNORECASE) for p in patterns)

    return _Words(
        compiled(table["refusal"]),
        compiled(table["not_owed"]),
        compiled(table["store_rule"]),
        {kind: compiled(patterns) for kind, patterns in table["kinds"].items()},
    )


def refusals(draft: str, orders: list[dict[str, Any]], order_id: str | None = None) -> list[Refusal]:
    """Each action a draft refuses or puts off, with whether the policy backs the refusal.
    `orders`: the customer's orders as they are now; `order_id`: the order the draft is about,
    for a sentence that names none."""
    w = _words()
    status = {o["order_id"]: o["status"] for o in orders}
    found = []
    for sentence in SENTENCE_END.split(draft):
        if not any(p.search(sentence) for p in w.refusal) or any(p.search(sentence) for p in w.not_owed):
            continue
        refused = _refusing_part(sentence, w)
        kinds = [kind for kind, patterns in w.kinds.items() if any(p.search(refused) for p in patterns)]
        if "modify" in kinds and len(kinds) > 1:  # 'change the address' is an address change
            kinds.remove("modify")
        by_store = any(p.search(sentence) for p in w.store_rule)
        for oid in order_ids(sentence) or [order_id]:
            for kind in kinds:
                allowed = oid is not None and status.get(oid) == REQUIRED_STATUS[kind]
                found.append(Refusal(sentence, oid, kind, consistent=by_store or not allowed))
    return found


def _refusing_part(sentence: str, w: _Words) -> str:
    """The sentence up to the end of the clause that refuses: the alternative it offers after
    'but' is no refusal."""
    parts = ALTERNATIVE.split(sentence)
    kept = []
    for part in parts:
        kept.append(part)
        if any(p.search(part) for p in w.refusal):
            break
    return " ".join(kept)
