"""The order copilot: from a conversation and the store, the next step an agent should take.

`propose` reads who the customer is (or that they must be verified first: the policy asks for it
even when a user id is given), which order and items they mean and what they want, then builds
the `Proposal`: the policy clause that applies, the facts from the store, the actions with their
exact arguments (tau-bench's tool names) and a draft that states the details and asks for the
explicit yes the policy requires. The draft never says an action was done: only `Store.execute`
does actions, when the agent confirms, and `result_reply` words what it did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field

from assistant.store.actions import Action
from assistant.store.db import ActionResult, Store
from assistant.store.items import (
    asks_new_options,
    chosen_items,
    item_changes,
    item_texts,
    named_items,
    option_score,
)
from assistant.store.reading import (
    address_in,
    cancel_reason,
    described_status,
    identify,
    mentions_item,
    order_endings,
    order_ids,
    payment_kinds,
    reference_ids,
    rules,
    said_reason,
    sentences,
    uncontrasted,
    words,
)
from assistant.store.wording import (
    OrderView,
    address_text,
    customer_view,
    item_text,
    items_text,
    method_text,
    methods_list,
    money,
    not_now,
    options_text,
    order_fact,
    order_view,
    paid_with,
    product_answer,
    refund_status,
    refund_timing,
    status_text,
    total,
)
from assistant.support_cases import case_of
from common.text import terms

CHANGE_ONCE = (
    "Please make sure these are all the items you want to change: the change can be made only once for this order."
)
CONFIRM = "Shall I go ahead? Please reply yes to confirm."
# The question the policy's clauses are searched with, per kind of request.
CLAUSE_QUERIES = {
    "identity": "authenticate user identity email name zip code",
    "cancel": "cancel pending order status reason",
    "return": "return delivered order refund original payment method gift card",
    "exchange": "exchange delivered order same product different option price difference",
    "modify_items": "modify items only once same product option",
    "modify_address": "modify pending order shipping address",
    "modify_payment": "modify payment single payment method different gift card balance",
    "default_address": "modify default user address",
    "order_status": "each order can be in status pending processed delivered cancelled",
    "refund_status": "total refunded via the original payment method immediately if gift card otherwise in 5 to 7 business days",
    "product_question": "product types variant items options",
    "out_of_scope": "transfer to a human agent request cannot be handled within the scope",
}


KIND_WORDS = {"gift_card": "gift card", "paypal": "PayPal account", "credit_card": "credit card"}
ACTION_WORDS = {
    "cancel_pending_order": "cancellation",
    "modify_pending_order_address": "address change",
    "modify_pending_order_payment": "payment change",
    "modify_pending_order_items": "item change",
    "return_delivered_order_items": "return",
    "exchange_delivered_order_items": "exchange",
    "modify_user_address": "address change",
}


class Proposal(BaseModel):
    customer: dict[str, Any] | None = None  # user_id, name, email, default address, payment methods
    request: str = "none"  # cancel | return | exchange | modify_items | ... | out_of_scope | none
    needs: str = ""  # what must be asked first: identity | order | items | new_items | address | payment
    order_id: str | None = None
    orders: list[OrderView] = Field(default_factory=list)
    clause: dict[str, str] | None = None  # the policy clause that applies: section, text
    facts: list[str] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)  # to run, in order, once the agent confirms
    draft: str = ""
    handoff: bool = False
    handoff_reason: str = ""


@dataclass
class Plan:
    """What one order's part of the conversation asks for."""

    request: str = "none"
    actions: list[Action] = field(default_factory=list)
    needs: str = ""
    lines: list[str] = field(default_factory=list)  # sentences of the draft
    facts: list[str] = field(default_factory=list)
    action_lines: dict[tuple[str, str], str] = field(default_factory=dict)  # the line offering each action

    def offer(self, action: Action, line: str) -> None:
        self.actions.append(action)
        self.lines.append(line)
        self.action_lines[action.key()] = line


def propose(store: Store, conversation: list[dict[str, str]], done: list[Action] | None = None) -> Proposal:
    """`conversation`: chat turns (role user/customer or assistant/agent); `done`: actions already
    run in this conversation, never proposed again."""
    said = [t["content"] for t in conversation if t["role"] in ("user", "customer", "shopper")]
    text = "\n".join(said)
    r = rules()
    identity = identify(store, text)
    if identity.user_id is None:
        request = _first_request(text)
        lead = _sorry(text) + (
            f"I couldn't find an account with {' or '.join(identity.tried)}. "
            if identity.tried
            else "I'd be glad to help with that. "
        )
        return Proposal(
            request=request,
            needs="identity",
            clause=_clause(store, "identity"),
            draft=lead + "First I need to verify your identity: could you give me the e-mail address on your account, "
            "or your full name and zip code?",
        )
    customer = store.customer(identity.user_id)
    assert customer is not None
    orders = store.orders_of(identity.user_id)
    done_keys = {a.key() for a in done or []}
    proposal = Proposal(customer=customer_view(customer), orders=[order_view(o, customer) for o in orders])
    first = customer["name"]["first_name"]

    other_ids = [oid for oid in order_ids(text) if oid not in {o["order_id"] for o in orders}]
    plans: list[tuple[str | None, Plan]] = []
    reason = _preamble_reason(text)
    for order_id, segment in _segments(text, orders):
        order = next((o for o in orders if o["order_id"] == order_id), None) if order_id else None
        if order is None:
            order, question = _infer_order(segment, orders)
            if order is None:
                plan = Plan(request=_first_request(segment))
                if plan.request in ("order_status", "refund_status"):  # nothing changes: tell them all
                    plan.lines = [status_text(o) for o in orders[:6]] or ["I don't see any orders on your account."]
                elif question and plan.request not in ("none", "out_of_scope", "product_question", "default_address"):
                    plan.needs, plan.lines = "order", [question]
                else:
                    plan = _no_order_plan(store, customer, segment, plan.request)
                plans.append((None, plan))
                continue
        plans.append((order["order_id"], _plan(store, customer, order, segment, orders, reason)))

    lines = [_sorry(text) + f"Thanks, {first}, I've found your account."]
    for _, plan in plans:
        lines += plan.lines
        proposal.facts += plan.facts
    # Each action is dry-run through the store's checks: one the policy refuses is explained,
    # never proposed.
    actions = [a for _, p in plans for a in p.actions if a.key() not in done_keys]
    verdicts = store.check(actions, identity.user_id)
    said_for = {k: line for _, p in plans for k, line in p.action_lines.items()}
    for action, refusal in zip(actions, verdicts, strict=True):
        if refusal is not None:
            if said_for.get(action.key()) in lines:
                lines.remove(said_for[action.key()])
            lines.append(
                f"I can't do the {ACTION_WORDS[action.name]}{_of_order(action)} for you: {refusal.detail}, "
                f"and our policy says {refusal.rule}."
            )
            if (
                str(action.arguments.get("payment_method_id", "")).startswith("gift_card")
                and len(customer["payment_methods"]) > 1
            ):  # the customer chose a gift card that falls short: offer the others
                lines.append(f"Which other payment method would you like to use? {methods_list(customer)}")
    actions = [a for a, refusal in zip(actions, verdicts, strict=True) if refusal is None]
    if other_ids:
        lines.append(f"I can only help with orders on your own account, and {', '.join(other_ids)} is not one of them.")
    requests = [p.request for _, p in plans if p.request != "none"]
    proposal.request = requests[0] if requests else "none"
    proposal.order_id = next((oid for oid, p in plans if oid and p.request != "none"), None)
    proposal.needs = next((p.needs for _, p in plans if p.needs), "")
    proposal.actions = actions
    in_scope = any(p.request not in ("none", "out_of_scope") for _, p in plans)
    if not in_scope and (r.says("out_of_scope", text) or r.says("human", text)):
        proposal.handoff = True
        proposal.handoff_reason = "the customer asks for something outside the actions the policy allows"
        proposal.request = "out_of_scope"
        lines.append(
            "That isn't something I can do from here, so I'm transferring you to a colleague who can help further."
        )
    elif r.says("out_of_scope", text) and in_scope:
        lines.append(
            "I'm not able to offer price matching, coupons or other compensation, but I can help with the rest."
        )
    elif not in_scope and not proposal.needs:
        lines.append("How can I help you with your orders today?")
    if actions:
        if any(a.name in ("modify_pending_order_items", "exchange_delivered_order_items") for a in actions):
            lines.append(CHANGE_ONCE)
        lines.append(CONFIRM)
    proposal.clause = _clause(store, proposal.request if proposal.request != "none" else "order_status")
    proposal.draft = " ".join(line for line in lines if line)
    return proposal


def _of_order(action: Action) -> str:
    """' of order #W1': which order a refused action is of, where several are discussed."""
    oid = action.arguments.get("order_id")
    return f" of order {oid}" if oid else ""


def _sorry(text: str) -> str:
    """An apology when the customer reports something gone wrong (damaged, wrong item, lost)."""
    return "I'm sorry about that. " if case_of(text) else ""


def result_reply(result: ActionResult) -> str:
    """What to tell the customer after the agent ran (or the store refused) an action."""
    if not result.done:
        return f"I'm sorry, I couldn't do that: {result.detail}. Our policy says {result.rule}."
    args, order = result.action.arguments, result.order or {}
    name = result.action.name
    if name == "cancel_pending_order":
        return f"Order {args['order_id']} is now cancelled; the refund goes back to the original payment method."
    if name == "return_delivered_order_items":
        return f"The return for order {args['order_id']} is requested; you'll receive an e-mail on how to send the items back."
    if name == "exchange_delivered_order_items":
        return f"The exchange for order {args['order_id']} is requested; you'll receive an e-mail on how to return the items."
    if name == "modify_pending_order_items":
        return f"The items in order {args['order_id']} are changed; the order status is now {order.get('status')}."
    if name == "modify_pending_order_address":
        return f"The shipping address of order {args['order_id']} is updated."
    if name == "modify_pending_order_payment":
        return f"Order {args['order_id']} is now paid with {args['payment_method_id']}."
    return "Your default address is updated."


# -- reading the conversation ---------------------------------------------------------------------
def _first_request(text: str) -> str:
    r = rules()
    for request, kind in (
        ("cancel", "cancel"),
        ("default_address", "default_address"),
        ("address", "modify_address"),
        ("payment", "modify_payment"),
        ("change_item", "exchange"),
        ("return", "return"),
        ("refund_status", "refund_status"),
        ("status", "order_status"),
        ("product_question", "product_question"),
        ("out_of_scope", "out_of_scope"),
    ):
        if r.says(request, text) or (kind == "modify_address" and address_in(text)):
            return kind
    return "none"


def _segments(text: str, orders: list[dict[str, Any]]) -> list[tuple[str | None, str]]:
    """The conversation's sentences grouped by the order they are about: a sentence naming an
    order starts its part; the sentences before any order name belong to the first one named.
    An order named only as a source ('the same address as my order #W2') starts nothing, and an
    order named in a clause that goes on from the one before and asks nothing of its own ('cancel
    #W1, ..., and #W2, that one I ordered by mistake') is asked what the one before it was asked."""
    own = {o["order_id"] for o in orders}
    status_of = {o["order_id"]: o["status"] for o in orders}
    parts: dict[str | None, list[str]] = {}
    current: str | None = None
    asked = ""  # the words of the last request made
    wanted = _first_request(text)  # tells apart orders holding the same items, by their status
    sentences_by_message = [
        (i, part, described)
        for i, message in enumerate(text.split("\n"))
        for s in sentences(message)
        for part, described in _order_descriptions(s, orders, wanted)
    ]
    message_of_asked = -1
    overview: list[str] = []
    acted_on: list[str] = []  # the orders named so far, for 'cancel both'
    # Whole sentences that are overviews ('two returns, and a change to an order': cut at ', and',
    # each clause alone names one kind; train6 203 read 'a change' as asked of the first order).
    overviews = [whole for whole in FULL_SENTENCE.split(text) if _overview(whole, orders)]
    for message, sentence, described in sentences_by_message:
        if message != message_of_asked:  # a request carries on only within the message that made it
            asked = ""
        if current is None and (_overview(sentence, orders) or any(sentence in whole for whole in overviews)):
            overview.append(sentence)
            continue
        if _confirms_counted(sentence):
            # 'yes, I confirm all four - three cancellations and the speaker change' names what
            # was proposed and asks nothing new: given to the speaker's order, it cancelled it.
            continue
        sources = set(reference_ids(sentence))
        named = [oid for oid in order_ids(sentence) if oid in own and oid not in sources]
        if described:  # a part of a sentence describing several orders
            named = [described]
        if not named:  # 'the one with the grill and the desk lamp': the order its items name
            by_items = _order_by_items(sentence, orders, current, wanted, _cancelling(parts, orders))
            named = [by_items] if by_items else []
        collective = not named and len(acted_on) > 1 and _speaks_of_all(sentence, orders)
        for oid in named:
            if oid not in acted_on:
                acted_on.append(oid)
        words_asked = "" if rules().says("reason_given", sentence) else _request_words(sentence)
        asks_other = any(rules().says(k, sentence) for k in ("out_of_scope", "product_question", "status", "human"))
        if (
            named
            and named[0] != current
            and asked
            and not words_asked
            and not asks_other  # 'and also a discount on #W2' asks something else of #W2
            and rules().says("continues", sentence)
        ):
            parts.setdefault(named[0], []).append(asked)
        kept_order = bool(named) and not words_asked and rules().says("order_kept", sentence)
        if named and not kept_order:
            current = named[0]
        if words_asked:
            asked, message_of_asked = words_asked, message
        # 'cancel #W1 and #W2' asks the same of both; so does 'yes, cancel both' after them.
        targets = list(acted_on) if collective else named if len(named) > 1 or kept_order else [current]
        # Not where an order number is said: 'the address my delivered order #W2 went to' names
        # a source by its status (train7 131).
        status = described_status(sentence) if not named and not order_ids(sentence) else None
        if status and (current is None or status != status_of[current]):
            # 'a delivered order I want to send back', said after the pending order spoken of.
            targets = [STATUS_PART + status]
        elif (
            current is not None
            and not named
            and not order_ids(sentence)
            and words_asked
            and (rules().says("other_order", sentence) or rules().says("an_order", sentence))
            and not any(mentions_item(words(sentence), i["name"]) for o in orders for i in o["items"])
        ):
            # '..., and also cancel an order I don't need': an order named later, not this one.
            targets = [OTHER_PART + current]
        if not named and not words_asked and said_reason(sentence):
            # A cancel reason said of no order ('the first one was ordered by mistake') is the
            # reason of the one order being cancelled, not of the order spoken of last.
            cancelling = _cancelling(parts, orders)
            if len(cancelling) == 1 and current not in cancelling:
                targets = list(cancelling)
        for target in targets:
            parts.setdefault(target, []).append(sentence)
    described = _by_status(parts, orders)
    # An overview ('two orders: one edit and one cancellation') belongs to no single order when
    # several are named; given to the first, it would ask the first for everything.
    if overview and len([k for k in parts if k is not None]) < 2:
        parts[None] = overview + parts.get(None, [])
    first_order = next((o for k in parts for o in orders if o["order_id"] == k), None)
    if None in parts and first_order and _names_only_others(". ".join(parts[None]), first_order, orders):
        # 'I want to return my keyboard ... and a discount on #W1' (no keyboard in #W1): the
        # preamble is about another order, found by its items.
        return [(k, ". ".join(v)) for k, v in parts.items()] + described
    if None in parts and len(parts) > 1:
        first = next(k for k in parts if k is not None)
        preamble = parts.pop(None)
        parts[first] = preamble + parts[first]
        # 'I need to return things from two orders': what the preamble asks of 'orders' is asked
        # of each order named after it that asks nothing of its own.
        asking = [
            s
            for s in preamble
            if _request_words(s) and rules().says("several_orders", s) and not rules().says("one_of_orders", s)
        ]
        for key in parts:
            if asking and key != first and not _request_words(". ".join(parts[key])):
                parts[key] = asking + parts[key]
    return [(k, ". ".join(v)) for k, v in parts.items()] + described or [(None, text)]


STATUS_PART = "status:"  # the key of the sentences describing an order by its status
OTHER_PART = "other:"  # the key of requests of another order than the one spoken of (its id follows)


def _by_status(parts: dict[str | None, list[str]], orders: list[dict[str, Any]]) -> list[tuple[None, str]]:
    """The sentences describing an order by its status ('a delivered order I want to send back')
    go to the first order named in that status; the requests of 'an order' said while another
    was spoken of, to the order named that asks nothing of its own, else the one asking the same.
    Where none fits, they are a part of their own (the order is inferred from them, in the status
    described). Taken out of `parts`; the parts with no order are returned."""
    status_of = {o["order_id"]: o["status"] for o in orders}
    unnamed: list[tuple[None, str]] = []
    for key in [k for k in parts if k and k.startswith(OTHER_PART)]:
        spoken_of = key.removeprefix(OTHER_PART)
        # Moved to the order it means, 'a second order' is that order: no longer 'another' one.
        said = [_as_this_order(sentence) for sentence in parts.pop(key)]
        named_after = [k for k in parts if k and k != spoken_of and not k.startswith(STATUS_PART)]
        # The order named that asks nothing of its own ('the accidental one is #W2'), else the
        # one asking the same ('the order to cancel is #W2').
        asked = _kinds_asked(". ".join(said))
        target = next((k for k in named_after if not _kinds_asked(". ".join(parts[k]))), None) or next(
            (k for k in named_after if _kinds_asked(". ".join(parts[k])) & asked), None
        )
        if target:
            parts[target] = said + parts[target]
        else:
            unnamed.append((None, ". ".join(said)))
    for key in [k for k in parts if k and k.startswith(STATUS_PART)]:
        said, status = parts.pop(key), key.removeprefix(STATUS_PART)
        target = next((k for k in parts if k and status_of.get(k) == status), None)
        if target:
            parts[target] = said + parts[target]
        else:
            unnamed.append((None, ". ".join(said)))
    return unnamed


def _order_by_items(
    sentence: str,
    orders: list[dict[str, Any]],
    current: str | None,
    wanted: str = "none",
    cancelling: set[str] | None = None,
) -> str | None:
    """The one order a sentence naming no order number means by the items it names ('the one with
    the white headphones and the robot vacuum', 'the laptop order'): the only order holding every
    item named (of several, the only one not cancelled, then the only one whose status allows
    what the conversation asks, `wanted`: 'cancel the keyboard order' beside a processed keyboard
    order is the pending one; then, for a sentence that asks no cancellation, the only one the
    customer is not cancelling whole, `cancelling`: 'speaker change on the gift card' after
    cancelling one order with a speaker and changing the speaker of another). None when the
    items don't settle it, or
    when the order spoken of holds one of them ('#W1 ... and the water bottle' stays with #W1;
    in '#W2: swap the kettle' then 'leave the kettle, just do the keyboard' the withdrawal is #W2's).
    An order named as a source ('the same address as my camera order #W2') is left out first.
    Without this, orders named by their contents were one request over all of them, asked 'which
    order?' (train6: 8 of 25 tasks)."""
    holders = _holders(sentence, orders)
    if not holders:
        return None
    if any(current in held for held in holders.values()):
        return None
    common = set.intersection(*holders.values())
    if len(common) > 1:
        common = {o["order_id"] for o in orders if o["order_id"] in common and o["status"] != "cancelled"}
    if len(common) > 1 and wanted in STATUS_FOR:
        common = {o["order_id"] for o in orders if o["order_id"] in common and o["status"] in STATUS_FOR[wanted]}
    if len(common) > 1 and cancelling and not rules().says("cancel", sentence):
        common = (common - cancelling) or common
    if len(common) > 1:
        told = _told_apart(sentence, [o for o in orders if o["order_id"] in common])
        common = {told["order_id"]} if told else common
    return next(iter(common)) if len(common) == 1 else None


def _told_apart(text: str, candidates: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Of orders holding items of one name ('the speaker order' with two pending speaker orders),
    the one the customer's other details fit and no other does: the item's options as it is now
    ('the black speaker', 'the one with the 20 hour battery'), where it ships ('going to
    Chicago'), how it was paid ('the one I paid with my gift card'). The first detail that
    tells them apart decides; None when none does (the customer is asked which)."""
    text_words = words(text)
    named = {o["order_id"]: named_items(o["items"], text_words, tails=False) for o in candidates}
    twins = [i for items in named.values() for i in items]
    by_options = {oid: sum(option_score(i, text, twins) for i in items) for oid, items in named.items()}
    by_place = {
        o["order_id"]: int(
            any(
                f" {place} " in text_words
                # the street without its number ('going to Pine Road'), the city
                for place in (
                    words(re.sub(r"^\s*\d+\s*", "", str(o.get("address", {}).get("address1", "")))).strip(),
                    words(str(o.get("address", {}).get("city", ""))).strip(),
                )
                if place
            )
        )
        for o in candidates
    }
    paid = " ".join(m.group(1) for p in rules().requests["paid_with"] for m in p.finditer(text))
    kinds = payment_kinds(paid) if paid else []
    # A method id reads kind_number ('gift_card_1994993'): the kind said is enough.
    by_payment = {
        o["order_id"]: int(
            any(p["payment_method_id"].rsplit("_", 1)[0] in kinds for p in o.get("payment_history", [])[:1])
        )
        for o in candidates
    }
    for scores in (by_options, by_place, by_payment):
        best = max(scores.values(), default=0)
        winners = [o for o in candidates if scores[o["order_id"]] == best]
        if best > 0 and len(winners) == 1:
            return winners[0]
    return None


def _holders(text: str, orders: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Each item name the text says -> the customer's orders holding an item of that name. An
    order named as a source ('the same address as my camera order #W2') is left out first."""
    for pattern in rules().requests["reference_order"]:
        text = pattern.sub(" ", text)
    text_words = words(text)
    # Over all the customer's items at once, so that a word some item's options use is no name
    # ('waterproof' is no Water Bottle), and an option said with its value ('the laptop
    # compartment' of a backpack) names no Laptop.
    items = [item for order in orders for item in order["items"]]
    for item in items:
        for option, value in item["options"].items():
            text_words = text_words.replace(f" {words(value).strip()} {words(option).strip()} ", " ")
    return {
        item["name"]: {o["order_id"] for o in orders if any(i["name"] == item["name"] for i in o["items"])}
        for item in named_items(items, text_words, tails=False)
    }


def _order_descriptions(sentence: str, orders: list[dict[str, Any]], wanted: str) -> list[tuple[str, str | None]]:
    """A sentence cut where it starts describing another order by its items ('the red office
    chair and the one with the light bulb and keyboard I don't need'), when each part names a
    different order: (part, the order it names). A part that asks nothing shares the words of
    the part that does ('both the keyboard order and the headphones order should ship to ...').
    Else the sentence whole, (sentence, None)."""
    cuts = sorted(m.start() for p in rules().requests["order_description"] for m in p.finditer(sentence) if m.start())
    if not cuts:
        return [(sentence, None)]
    parts = [sentence[a:b].strip(" ,") for a, b in zip([0, *cuts], [*cuts, len(sentence)], strict=True)]
    found = [_order_by_items(part, orders, None, wanted) for part in parts]
    if not (len(parts) > 1 and all(found) and len(set(found)) == len(found)):
        return [(sentence, None)]
    asking = next((p for p in reversed(parts) if _request_words(p) or said_reason(p)), "")
    return [
        (part if part == asking or _request_words(part) or not asking else f"{part}, {asking}", order_id)
        for part, order_id in zip(parts, found, strict=True)
    ]


def _speaks_of_all(sentence: str, orders: list[dict[str, Any]]) -> bool:
    """'yes, cancel both', 'both were placed by accident', 'use my visa for all three': a sentence
    naming no item that speaks of every order named so far."""
    return rules().says("collective", sentence) and not any(named_items(o["items"], words(sentence)) for o in orders)


# A sentence as written, not cut at ', and' (`sentences` cuts clauses).
FULL_SENTENCE = re.compile(r"(?<!\d)[.?!;]+|[.?!;]+(?!\d)|\n+")


def _preamble_reason(text: str) -> str | None:
    """The reason given with a cancellation asked before any order is named ('a return, and
    also cancel an order I placed accidentally'): the reason of an order whose own words give
    none (the preamble goes to the first order named, which may not be the one cancelled)."""
    before = []
    for sentence in sentences(text):
        if order_ids(sentence):
            break
        before.append(sentence)
    return said_reason(". ".join(s for s in before if rules().says("cancel", s)))


def _cancelling(parts: dict[str | None, list[str]], orders: list[dict[str, Any]]) -> set[str]:
    """The pending orders whose sentences so far ask to cancel them (a delivered order's words
    may say 'cancel' too, from a preamble about another order)."""
    pending = {o["order_id"] for o in orders if o["status"] == "pending"}
    return {k for k, v in parts.items() if k in pending and rules().says("cancel", ". ".join(v))}


def _confirms_counted(sentence: str) -> bool:
    """A confirmation that counts the requests by their nouns ('yes, both the return and the
    cancellation', 'I confirm all four: three cancellations and the speaker change') and names
    no order."""
    r = rules()
    return (
        r.says("confirm", sentence)
        and not order_ids(sentence)
        and any(p.search(sentence) for patterns in r.overview.values() for p in patterns)
    )


def _overview(sentence: str, orders: list[dict[str, Any]]) -> bool:
    """A sentence that lists requests of different kinds and names no order or item: the customer's plan
    for the conversation ('a few exchanges and one return', 'one edit and one cancellation')."""
    r = rules()
    kinds = {k for k in REQUESTS if r.says(k, sentence)} | {
        k for k, patterns in r.overview.items() if any(p.search(sentence) for p in patterns)
    }
    sentence_words = words(sentence)
    return (
        len(kinds) >= 2
        and not order_ids(sentence)
        and not any(mentions_item(sentence_words, i["name"]) for o in orders for i in o["items"])
    )


def _as_this_order(sentence: str) -> str:
    for pattern in rules().requests["other_order"] + rules().requests["an_order"]:
        sentence = pattern.sub("this order", sentence)
    return sentence


def _kinds_asked(text: str) -> set[str]:
    return {kind for kind in REQUESTS if rules().says(kind, text)}


def _request_words(sentence: str) -> str:
    """The words of the sentence that ask for an action ('cancel'), or ''."""
    r = rules()
    for kind in REQUESTS:
        for pattern in r.requests[kind]:
            m = pattern.search(sentence)
            if m:
                return m.group(0)
    return ""


KIND_OF_REQUEST = {
    "cancel": "cancel",
    "return": "return",
    "change_item": "exchange",
    "payment": "modify_payment",
    "address": "modify_address",
}
STATUS_FOR = {
    "cancel": ("pending",),
    "exchange": ("delivered", "pending"),
    "return": ("delivered",),
    "modify_address": ("pending",),
    "modify_payment": ("pending",),
}


def _infer_order(text: str, orders: list[dict[str, Any]]) -> tuple[dict[str, Any] | None, str]:
    """The one order the text can mean, or a question that lists the candidates."""
    candidates = orders
    endings = order_endings(text)
    if endings:
        candidates = [o for o in orders if any(o["order_id"].endswith(e) for e in endings)]
    text_words = words(text)
    named = [o for o in candidates if any(mentions_item(text_words, i["name"]) for i in o["items"])]
    if named:
        candidates = named
    # Items said in different sentences ('the notebook I got ...', 'it came along with a smart
    # watch'): the orders holding all of them, where some do (train7 6).
    holders = _holders(text, orders)
    holding_all = set.intersection(*holders.values()) if holders else set()
    if holding_all and len(holding_all) < len(candidates):
        candidates = [o for o in candidates if o["order_id"] in holding_all] or candidates
    described = described_status(text)  # 'a delivered order I want to send back'
    asked = [k for k in REQUESTS if rules().says(k, text)]
    # Not for an overview asking what that status cannot give ('two returns, and a change to an
    # order that is still pending', train6 203): the returns are of other orders.
    if described and all(described in STATUS_FOR.get(KIND_OF_REQUEST[k], (described,)) for k in asked):
        candidates = [o for o in candidates if o["status"] == described] or candidates
    wanted = _first_request(text)
    fitting = [o for o in candidates if o["status"] in STATUS_FOR.get(wanted, ("pending", "delivered", "processed"))]
    if len(fitting) == 1:
        return fitting[0], ""
    if len(candidates) == 1:
        return candidates[0], ""
    told = _told_apart(text, fitting or candidates) if named else None
    if told:
        return told, ""
    shown = fitting or candidates
    listed = "; ".join(
        f"{o['order_id']} ({o['status']}: {', '.join(i['name'] for i in o['items'])})" for o in shown[:6]
    )
    return None, f"Which order do you mean? I see {listed}." if shown else "Could you give me the order number?"


def _no_order_plan(store: Store, customer: dict[str, Any], text: str, request: str) -> Plan:
    plan = Plan(request=request)
    if request == "default_address":
        address = address_in(text)
        if address is None:
            plan.needs, plan.lines = (
                "address",
                ["What is the new default address (street, suite if any, city, state, zip)?"],
            )
            return plan
        plan.offer(
            Action(name="modify_user_address", arguments={"user_id": customer["user_id"], **address}),
            f"I can change your default address to {address_text(address)}.",
        )
    elif request == "product_question":
        plan.lines += product_answer(store, text)
    return plan


def _plan(
    store: Store,
    customer: dict[str, Any],
    order: dict[str, Any],
    text: str,
    orders: list[dict[str, Any]],
    preamble_reason: str | None = None,
) -> Plan:
    r = rules()
    status, oid = order["status"], order["order_id"]
    plan = Plan()
    plan.facts.append(order_fact(order, customer))
    without_emails = re.sub(r"\be-?mail address", "e-mail", text, flags=re.IGNORECASE)
    if _withdrawn(text):
        plan.request = "none"
        plan.lines.append(f"Understood, I'll leave order {oid} as it is.")
        return plan
    # 'refund the difference to PayPal', 'refund or charge my card' settle an item change: no return.
    requests_text = ". ".join(
        s for s in sentences(text) if not r.says("difference", s) and not r.says("other_order", s)
    )
    wants_return = r.says("return", requests_text)
    wants_cancel = r.says("cancel", ". ".join(s for s in sentences(text) if not r.says("other_order", s)))
    said_change = _asks_item_change(text, order)
    # No change word, but an item named with options it doesn't have: that is the request too.
    # A pending order can't be returned: there, new options named beside return words ('send
    # back the tablet from #W1 ... #W2's dumbbells should be the 30-50 lb ones') are its change,
    # not a return to refuse (train5 190).
    wants_change = said_change or (
        not (wants_cancel or r.says("product_question", text))
        and (not wants_return or status == "pending")
        and asks_new_options(store, order, text)
    )
    # A return and an exchange asked in one breath ('return the headphones, and exchange the
    # keyboard') each read their own clauses.
    change_text = _clauses_for(text, ("change_item",)) if wants_change else ""
    if wants_change and not said_change:
        # Asked by naming new options alone ('the dumbbells are 30-50 lb; I'd like 5-25 lb'):
        # every sentence that asks for nothing else speaks of the change.
        change_text = ". ".join(s for s in sentences(text) if not any(r.says(k, s) for k in REQUESTS))
    elif wants_change:
        # New options said after another request's sentence ('use the address my order #W2 went
        # to. And the skateboard should be 34 inch ...'; train7 131): that sentence is the change's too.
        said_after = [
            s
            for s in sentences(text)
            if s not in change_text and not any(r.says(k, s) for k in REQUESTS) and asks_new_options(store, order, s)
        ]
        change_text = ". ".join([change_text, *said_after]) if said_after else change_text
    back_text = _clauses_for(text, ("return", "cancel")) if wants_return or wants_cancel else ""
    if wants_return and not wants_cancel and status == "pending" and _names_only_others(back_text, order, orders):
        # 'return my keyboard' beside a pending order without one: no cancellation of this order.
        wants_return, back_text = False, ""
    changes = item_changes(store, order, change_text) if wants_change else []

    if r.says("default_address", text):
        plan.request = "default_address"
        address = address_in(text)
        if address:
            plan.offer(
                Action(name="modify_user_address", arguments={"user_id": customer["user_id"], **address}),
                f"I can change your default address to {address_text(address)}.",
            )
        else:
            plan.needs = "address"
            plan.lines.append("What is the new default address (street, suite if any, city, state, zip)?")
    # A new postal address written out is itself the request ('ship #W1 to 9 Oak Rd, Reno, NV
    # 89501'); the customer's own address, given to identify them, is not.
    elif (r.says("address", without_emails) or _new_address(text, customer, order)) and status == "pending":
        plan.request = "modify_address"
        address = address_in(text) or _same_address_as(text, orders, oid)
        if address:
            plan.offer(
                Action(name="modify_pending_order_address", arguments={"order_id": oid, **address}),
                f"I can change the shipping address of order {oid} to {address_text(address)}.",
            )
        else:
            plan.needs = "address"
            plan.lines.append(
                f"What is the new shipping address for order {oid} (street, suite if any, city, state, zip)?"
            )

    # A payment change is asked in a sentence of its own; "pay the difference with PayPal" in a
    # sentence about an item is the exchange's payment, not a new payment for the order.
    pay_text = ". ".join(
        s
        for s in sentences(text)
        if r.says("payment", s)
        and not r.says("difference", s)
        and not any(mentions_item(words(s), i["name"]) for i in order["items"])
    )
    new_payment = None
    if pay_text and status == "pending":
        plan.request = plan.request if plan.request != "none" else "modify_payment"
        method = _named_method(customer, pay_text, exclude=_current_method(order))
        new_payment = method
        if method:
            plan.offer(
                Action(
                    name="modify_pending_order_payment", arguments={"order_id": oid, "payment_method_id": method["id"]}
                ),
                f"I can change the payment of order {oid} to {method_text(method)}; the original payment is refunded ({refund_timing(order, customer)}).",
            )
        else:
            plan.needs = plan.needs or "payment"
            plan.lines.append(f"Which of your payment methods should pay for order {oid}? {methods_list(customer)}")

    changing = wants_change and bool(changes or not back_text)
    if changing:
        _plan_change(store, customer, order, change_text, changes, plan, new_payment)
    returning = status == "delivered" and bool(named_items(order["items"], words(back_text)))
    if changing and returning:  # one of the two per delivered order: the customer chooses
        plan.actions, plan.lines, plan.needs, plan.request = [], [], "choice", "exchange"
        plan.lines.append(
            f"Order {oid} can be either returned or exchanged, once: after one, the other is no longer possible. "
            f"Would you like to return {items_text(chosen_items(order, back_text))}, or make the exchange?"
        )
        return plan
    if back_text and (not changing or returning):
        if status == "pending" and r.says("send_back", requests_text) and not wants_cancel:
            # A return asked of an order not delivered yet: the policy's answer (no return before
            # delivery) and the cancellation offered, not proposed: the customer asked another thing.
            plan.request = "return" if plan.request == "none" else plan.request
            plan.lines.append(
                f"Order {oid} is still pending, so it can't be returned yet, but it can be cancelled: the total of "
                f"{money(total(order))} would be refunded to {paid_with(order, customer)} {refund_timing(order, customer)}. "
                "Would you like me to cancel it?"
            )
        elif status == "pending":
            plan.request = "cancel" if plan.request == "none" else plan.request
            reason = said_reason(text) or preamble_reason or cancel_reason(text)
            plan.offer(
                Action(name="cancel_pending_order", arguments={"order_id": oid, "reason": reason}),
                f"Order {oid} is still pending, so I can cancel it (reason: {reason}). "
                f"The total of {money(total(order))} will be refunded to {paid_with(order, customer)} {refund_timing(order, customer)}.",
            )
        elif status == "delivered":
            plan.request = "return"
            _plan_return(customer, order, back_text, plan, asked_cancel=wants_cancel and not wants_return)
        else:
            plan.request = "cancel" if wants_cancel else "return"
            plan.lines.append(not_now(order, "cancelled" if wants_cancel else "returned"))
    if plan.request == "none":
        if r.says("refund_status", text):
            plan.request = "refund_status"
            plan.lines.append(refund_status(order, customer))
        elif r.says("status", text):
            plan.request = "order_status"
            plan.lines.append(status_text(order))
        if r.says("product_question", text):
            plan.request = "product_question" if plan.request == "none" else plan.request
            plan.lines += product_answer(store, text, order)
    return plan


REQUESTS = ("cancel", "return", "change_item", "payment", "address")


def _names_only_others(text: str, order: dict[str, Any], orders: list[dict[str, Any]]) -> bool:
    """The words name items of the customer's other orders and none of this one."""
    text_words = words(text)
    others = [i for o in orders if o["order_id"] != order["order_id"] for i in o["items"]]
    return bool(named_items(others, text_words)) and not named_items(order["items"], text_words)


def _asks_item_change(text: str, order: dict[str, Any]) -> bool:
    """A change word said of an item: 'modify the shipping address' or 'switch the payment'
    changes no item unless the sentence names one of the order's items too."""
    r = rules()
    return any(
        r.says("change_item", s)
        and (not (r.says("address", s) or r.says("payment", s)) or named_items(order["items"], words(s)))
        for s in sentences(text)
    )


def _clauses_for(text: str, kinds: tuple[str, ...]) -> str:
    """The clauses asking for one of `kinds`, with the clauses after them that ask for nothing
    else ('... the bookshelf. Brown, please.', 'refund or charge the difference to PayPal') and
    those before any request (the situation)."""
    r = rules()
    kept, mode = [], None
    for sentence in sentences(text):
        if order_ids(sentence):  # a sentence naming the order starts afresh after an overview
            mode = None
        if any(r.says(k, sentence) for k in kinds):
            mode = True
        elif any(r.says(k, sentence) for k in REQUESTS) and not r.says("difference", sentence):
            mode = False
        if mode is None or mode:
            kept.append(sentence)
    return ". ".join(kept)


def _withdrawn(text: str) -> bool:
    """The customer took the request back: a 'never mind' / 'keep it' after the last request."""
    r = rules()
    last_request, last_withdraw = -1, -1
    for i, sentence in enumerate(sentences(text)):
        if r.says("withdraw", sentence):
            last_withdraw = i
        elif any(r.says(k, sentence) for k in REQUESTS):
            last_request = i
    return last_withdraw > last_request


def _plan_change(
    store: Store,
    customer: dict[str, Any],
    order: dict[str, Any],
    text: str,
    changes: list[tuple[dict[str, Any], dict[str, Any] | None, str]],
    plan: Plan,
    new_payment: dict[str, Any] | None = None,
) -> None:
    oid, status = order["order_id"], order["status"]
    if status not in ("pending", "delivered"):
        plan.request = "exchange"
        plan.lines.append(not_now(order, "changed"))
        return
    plan.request = "modify_items" if status == "pending" else "exchange"
    name = "modify_pending_order_items" if status == "pending" else "exchange_delivered_order_items"
    if not changes:
        plan.needs = "items"
        plan.lines.append(
            f"Which item of order {oid} would you like to change, and to which option? It holds {items_text(order['items'])}."
        )
        return
    ready = [(item, new) for item, new, _ in changes if new is not None]
    questions = [q for _, new, q in changes if new is None]
    if questions:
        plan.needs = "new_items"
        plan.lines += questions
        return
    difference = round(sum(new["price"] - item["price"] for item, new in ready), 2)
    # The difference is paid with the method named where the difference is spoken of ('gift card
    # for the difference'), else where the items are discussed (not in a sentence changing the
    # order's payment), else the order's new payment method when one is being set, else the one
    # paying for it now.
    r = rules()
    said_difference = ". ".join(s for s in sentences(text) if r.says("difference", s))
    changed_ids = {item["item_id"] for item, _ in ready}
    scope = ". ".join(
        s
        for item, own in item_texts(order, text)
        if item["item_id"] in changed_ids
        for s in sentences(own)
        if not r.says("payment", s)
    )
    named = _named_method(customer, said_difference) or _named_method(customer, scope)
    said_kinds = payment_kinds(said_difference) or payment_kinds(scope)
    held = {m["source"] for m in customer["payment_methods"].values()}
    if named is None and said_kinds and said_kinds[0] not in held:  # 'my gift card', and there is none
        plan.needs = "payment"
        plan.lines.append(
            f"I don't see a {KIND_WORDS[said_kinds[0]]} on your account. Which payment method should pay or receive "
            f"the price difference of {money(difference)}? {methods_list(customer)}"
        )
        return
    method = named or new_payment or customer["payment_methods"].get(_current_method(order))
    # A gift card the customer names is proposed even when short now: an earlier action of this
    # proposal may refund to it (a cancellation paid by it), and the store's dry run refuses it,
    # with the rule, if it still falls short.
    if method is None or (not named and method["source"] == "gift_card" and method.get("balance", 0) < difference):
        plan.needs = "payment"
        plan.lines.append(
            f"Which payment method should pay or receive the price difference of {money(difference)}? {methods_list(customer)}"
        )
        return
    action = Action(
        name=name,
        arguments={
            "order_id": oid,
            "item_ids": [item["item_id"] for item, _ in ready],
            "new_item_ids": [new["item_id"] for _, new in ready],
            "payment_method_id": method["id"],
        },
    )
    swaps = "; ".join(
        f"{item_text(item)} to {options_text(new['options'])} ({money(new['price'])})" for item, new in ready
    )
    verb = "change" if status == "pending" else "exchange"
    settle = (
        f"you pay the difference of {money(difference)} with {method_text(method)}"
        if difference > 0
        else f"the difference of {money(-difference)} is refunded to {method_text(method)}"
    )
    plan.offer(action, f"In order {oid} I can {verb} {swaps}; {settle}.")
    if status == "delivered":
        plan.lines.append(
            "You'll receive an e-mail with how to return the original items; there is no need to place a new order."
        )


def _plan_return(customer: dict[str, Any], order: dict[str, Any], text: str, plan: Plan, asked_cancel: bool) -> None:
    oid = order["order_id"]
    items = chosen_items(order, text)
    if asked_cancel:
        plan.lines.append(f"Order {oid} has already been delivered, so it can't be cancelled, but it can be returned.")
    if not items:
        plan.needs = "items"
        plan.lines.append(
            f"Which items of order {oid} would you like to return? It holds {items_text(order['items'])}."
        )
        return
    original = order["payment_history"][0]["payment_method_id"]
    kinds = payment_kinds(text)
    gift = next((m for m in customer["payment_methods"].values() if m["source"] == "gift_card"), None)
    method = customer["payment_methods"].get(original)
    if "gift_card" in kinds and gift is not None:
        method = gift
    if kinds and kinds[0] != "gift_card" and method and kinds[0] != method["source"]:
        plan.needs = "payment"
        gift_text = f" or your {method_text(gift)}" if gift else " or a gift card"
        plan.lines.append(
            f"Order {oid} was delivered, so {items_text(items)} can be returned, but the refund can only go to the "
            f"original payment method ({method_text(method)}){gift_text}. Which would you like?"
        )
        return
    note = ""
    if method is None:
        plan.needs = "payment"
        plan.lines.append(
            f"Should the refund go to the original payment method or to a gift card? {methods_list(customer)}"
        )
        return
    if asked_cancel:  # offered, not proposed: the customer asked for something else
        plan.lines.append(f"Would you like to return {items_text(items)} instead, refunded to {method_text(method)}?")
        return
    refund = round(sum(i["price"] for i in items), 2)
    plan.offer(
        Action(
            name="return_delivered_order_items",
            arguments={"order_id": oid, "item_ids": [i["item_id"] for i in items], "payment_method_id": method["id"]},
        ),
        f"Order {oid} was delivered, so I can return {items_text(items)}; the refund of {money(refund)} goes to {method_text(method)}.{note}"
        " You'll receive an e-mail with how to send the items back.",
    )


# -- the store's facts, worded ---------------------------------------------------------------------
def _named_method(customer: dict[str, Any], text: str, exclude: str | None = None) -> dict[str, Any] | None:
    methods = [m for m in customer["payment_methods"].values() if m["id"] != exclude]
    text = uncontrasted(text)  # 'my visa rather than the mastercard' names the visa only
    for method in methods:
        if method["id"].lower() in text.lower() or (method.get("last_four") and method["last_four"] in text):
            return method
    said = re.sub(r"[^a-z]", "", text.lower())
    for kind in payment_kinds(text):
        found = [m for m in methods if m["source"] == kind]
        # Of two cards, the one whose brand is named ('my mastercard' beside a visa).
        branded = [m for m in found if m.get("brand") and re.sub(r"[^a-z]", "", m["brand"].lower()) in said]
        if found:
            return (branded or found)[0]
    return None


def _new_address(text: str, customer: dict[str, Any], order: dict[str, Any]) -> bool:
    written = address_in(text)
    known = [customer["address"], order["address"]]
    return written is not None and all(
        (written["address1"].lower(), written["zip"]) != (a["address1"].lower(), str(a["zip"])) for a in known
    )


def _current_method(order: dict[str, Any]) -> str:
    """The method paying for the order now: the last payment recorded."""
    payments = [p for p in order["payment_history"] if p["transaction_type"] == "payment"]
    return payments[-1]["payment_method_id"] if payments else ""


def _same_address_as(text: str, orders: list[dict[str, Any]], oid: str) -> dict[str, str] | None:
    """The address of the order the customer names as its source ('the same address as #W2')."""
    other = next((o for o in orders for ref in reference_ids(text) if o["order_id"] == ref and ref != oid), None)
    return (
        {k: other["address"][k] for k in ("address1", "address2", "city", "state", "country", "zip")} if other else None
    )


def _clause(store: Store, request: str) -> dict[str, str] | None:
    """The policy clause with most words in common with the request's question (a few dozen
    clauses: a term overlap is enough and needs no index)."""
    clauses = store.policy()
    if not clauses:
        return None
    query = _stems(CLAUSE_QUERIES.get(request, request))
    # A clause under a heading that names the request ('Cancel pending order') comes first.
    section, text = max(clauses, key=lambda c: 2 * len(query & _stems(c[0])) + len(query & _stems(c[1])))
    return {"section": section, "text": text}


def _stems(text: str) -> set[str]:
    """Terms cut to five letters: 'cancelled' meets 'cancel', 'returned' meets 'return'."""
    return {t[:5] for t in terms(text)}
