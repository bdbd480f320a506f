"""The consequential actions the retail policy names, with their preconditions checked in code.

Names and arguments mirror tau-bench retail's tools (`cancel_pending_order(order_id, reason)`,
`return_delivered_order_items(order_id, item_ids, payment_method_id)`, ...), and so do their
effects on an order and a customer (refund rows, gift-card balances, statuses such as
'return requested'): a store driven by these actions ends in the state tau-bench's own tools
would leave, so its end-state check can compare the two. Each check that fails raises
`PolicyRefusal` naming the rule it breaks; nothing is changed then.

Everything here works on plain documents in tau-bench's shape (an order dict, a customer dict,
a variant lookup), so `Store` can load them, apply an action and write them back in one
transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, Field

from common.errors import ShopAssistError

ActionName = Literal[
    "cancel_pending_order",
    "modify_pending_order_address",
    "modify_pending_order_payment",
    "modify_pending_order_items",
    "return_delivered_order_items",
    "exchange_delivered_order_items",
    "modify_user_address",
]
# The reasons the policy accepts for a cancellation, word for word.
CANCEL_REASONS = ("no longer needed", "ordered by mistake")
ADDRESS_FIELDS = ("address1", "address2", "city", "state", "country", "zip")
# What each action needs, in the order tau-bench's tools take it.
ARGUMENTS: dict[str, tuple[str, ...]] = {
    "cancel_pending_order": ("order_id", "reason"),
    "modify_pending_order_address": ("order_id", *ADDRESS_FIELDS),
    "modify_pending_order_payment": ("order_id", "payment_method_id"),
    "modify_pending_order_items": ("order_id", "item_ids", "new_item_ids", "payment_method_id"),
    "return_delivered_order_items": ("order_id", "item_ids", "payment_method_id"),
    "exchange_delivered_order_items": ("order_id", "item_ids", "new_item_ids", "payment_method_id"),
    "modify_user_address": ("user_id", *ADDRESS_FIELDS),
}


class Action(BaseModel):
    """One consequential change, proposed by the copilot and run only once an agent confirms it."""

    name: ActionName
    arguments: dict[str, Any] = Field(default_factory=dict)

    def key(self) -> tuple[str, str]:
        """Name and arguments, comparable exactly (the bench's action match)."""
        import json

        return self.name, json.dumps(self.arguments, sort_keys=True)


class PolicyRefusal(ShopAssistError):
    """An action the policy does not allow: `rule` is the rule it breaks, in the policy's words."""

    def __init__(self, rule: str, detail: str):
        super().__init__(f"{detail} (policy: {rule})")
        self.rule = rule
        self.detail = detail


# A variant lookup: item id -> {"product_id", "options", "available", "price"}, or None.
Variants = Callable[[str], dict[str, Any] | None]


def check_arguments(action: Action) -> None:
    missing = [a for a in ARGUMENTS[action.name] if a not in action.arguments]
    if missing:
        raise PolicyRefusal("the action needs all its details", f"{action.name} is missing {', '.join(missing)}")
    for name in ("item_ids", "new_item_ids"):
        if name in action.arguments and not isinstance(action.arguments[name], list):
            raise PolicyRefusal("the action needs all its details", f"{name} must be a list of item ids")
    for field in ADDRESS_FIELDS:
        if field in action.arguments and field != "address2" and not str(action.arguments[field]).strip():
            raise PolicyRefusal("an address needs every line but address2", f"{field} is empty")


def apply(action: Action, order: dict[str, Any] | None, user: dict[str, Any], variants: Variants) -> None:
    """Check the policy's preconditions, then change `order` and `user` in place (tau's effects)."""
    check_arguments(action)
    args = action.arguments
    if action.name == "modify_user_address":
        user["address"] = {f: args[f] for f in ADDRESS_FIELDS}
        return
    if order is None:
        raise PolicyRefusal(
            "act only on the authenticated customer's own orders", f"order {args['order_id']} not found"
        )
    if order["user_id"] != user["user_id"]:
        raise PolicyRefusal("help one user per conversation", f"order {order['order_id']} belongs to another customer")
    {
        "cancel_pending_order": _cancel,
        "modify_pending_order_address": _modify_address,
        "modify_pending_order_payment": _modify_payment,
        "modify_pending_order_items": _modify_items,
        "return_delivered_order_items": _return,
        "exchange_delivered_order_items": _exchange,
    }[action.name](args, order, user, variants)


def _require_status(order: dict[str, Any], status: str, verb: str) -> None:
    if order["status"] == status:
        return
    if order["status"] == "pending (item modified)":
        raise PolicyRefusal(
            "modify items can be done only once; after it the order cannot be modified or cancelled",
            f"order {order['order_id']} already had its items modified",
        )
    raise PolicyRefusal(
        f"an order can only be {verb} if its status is '{status}'",
        f"order {order['order_id']} is {order['status']}",
    )


def _payment_method(user: dict[str, Any], method_id: str) -> dict[str, Any]:
    method = user["payment_methods"].get(method_id)
    if method is None:
        raise PolicyRefusal("payments go to the customer's own payment methods", f"no payment method {method_id}")
    return method


def _items_in_order(order: dict[str, Any], item_ids: list[str]) -> None:
    if not item_ids:
        raise PolicyRefusal("the customer names the items", "no items given")
    held = [item["item_id"] for item in order["items"]]
    for item_id in item_ids:
        if item_ids.count(item_id) > held.count(item_id):
            raise PolicyRefusal("only items in the order", f"item {item_id} is not in order {order['order_id']}")


def _price_difference(order: dict[str, Any], args: dict[str, Any], variants: Variants) -> float:
    """Checks each new item is an available option of the same product; the total difference."""
    if len(args["item_ids"]) != len(args["new_item_ids"]):
        raise PolicyRefusal("each item is changed to one new item", "the lists of items and new items differ in length")
    difference = 0.0
    for item_id, new_id in zip(args["item_ids"], args["new_item_ids"], strict=True):
        item = next(i for i in order["items"] if i["item_id"] == item_id)
        new = variants(new_id)
        if new is None or new["product_id"] != item["product_id"]:
            raise PolicyRefusal(
                "an item can only change to another option of the same product",
                f"item {new_id} is not an option of {item['name']}",
            )
        if not new["available"]:
            raise PolicyRefusal("the new item must be available", f"item {new_id} ({item['name']}) is not available")
        difference += new["price"] - item["price"]
    return round(difference, 2)


def _gift_card_covers(method: dict[str, Any], amount: float, what: str) -> None:
    if method["source"] == "gift_card" and method.get("balance", 0) < amount:
        raise PolicyRefusal(
            "a gift card must have enough balance",
            f"gift card {method['id']} holds {method.get('balance', 0):.2f}, {what} is {amount:.2f}",
        )


def _cancel(args: dict[str, Any], order: dict[str, Any], user: dict[str, Any], variants: Variants) -> None:
    _require_status(order, "pending", "cancelled")
    if args["reason"] not in CANCEL_REASONS:
        raise PolicyRefusal(
            "the reason is either 'no longer needed' or 'ordered by mistake'", f"reason {args['reason']!r}"
        )
    refunds = []
    for payment in order["payment_history"]:
        method_id = payment["payment_method_id"]
        refunds.append({"transaction_type": "refund", "amount": payment["amount"], "payment_method_id": method_id})
        if "gift_card" in method_id:  # refunded to a gift card at once
            method = user["payment_methods"][method_id]
            method["balance"] = round(method["balance"] + payment["amount"], 2)
    order["status"] = "cancelled"
    order["cancel_reason"] = args["reason"]
    order["payment_history"].extend(refunds)


def _modify_address(args: dict[str, Any], order: dict[str, Any], user: dict[str, Any], variants: Variants) -> None:
    _require_status(order, "pending", "modified")
    order["address"] = {f: args[f] for f in ADDRESS_FIELDS}


def _modify_payment(args: dict[str, Any], order: dict[str, Any], user: dict[str, Any], variants: Variants) -> None:
    _require_status(order, "pending", "modified")
    method = _payment_method(user, args["payment_method_id"])
    history = order["payment_history"]
    if len(history) != 1 or history[0]["transaction_type"] != "payment":
        raise PolicyRefusal(
            "the payment can be changed while the order has exactly one payment",
            f"order {order['order_id']} has {len(history)} payment records",
        )
    old_id, amount = history[0]["payment_method_id"], history[0]["amount"]
    if old_id == method["id"]:
        raise PolicyRefusal("the new payment method must differ from the original", f"{old_id} already pays")
    _gift_card_covers(method, amount, "the order total")
    history.append({"transaction_type": "payment", "amount": amount, "payment_method_id": method["id"]})
    history.append({"transaction_type": "refund", "amount": amount, "payment_method_id": old_id})
    if method["source"] == "gift_card":
        method["balance"] = round(method["balance"] - amount, 2)
    if "gift_card" in old_id:
        old = user["payment_methods"][old_id]
        old["balance"] = round(old["balance"] + amount, 2)


def _modify_items(args: dict[str, Any], order: dict[str, Any], user: dict[str, Any], variants: Variants) -> None:
    _require_status(order, "pending", "modified")
    _items_in_order(order, args["item_ids"])
    difference = _price_difference(order, args, variants)
    method = _payment_method(user, args["payment_method_id"])
    _gift_card_covers(method, difference, "the price difference")
    order["payment_history"].append(
        {
            "transaction_type": "payment" if difference > 0 else "refund",
            "amount": abs(difference),
            "payment_method_id": method["id"],
        }
    )
    if method["source"] == "gift_card":
        method["balance"] = round(method["balance"] - difference, 2)
    for item_id, new_id in zip(args["item_ids"], args["new_item_ids"], strict=True):
        item = next(i for i in order["items"] if i["item_id"] == item_id)
        new = variants(new_id)
        assert new is not None  # checked by _price_difference
        item.update(item_id=new_id, price=new["price"], options=new["options"])
    order["status"] = "pending (item modified)"


def _return(args: dict[str, Any], order: dict[str, Any], user: dict[str, Any], variants: Variants) -> None:
    _require_status(order, "delivered", "returned")
    method = _payment_method(user, args["payment_method_id"])
    original = order["payment_history"][0]["payment_method_id"]
    if method["source"] != "gift_card" and method["id"] != original:
        raise PolicyRefusal(
            "the refund goes to the original payment method or an existing gift card",
            f"{method['id']} is neither {original} nor a gift card",
        )
    _items_in_order(order, args["item_ids"])
    order["status"] = "return requested"
    order["return_items"] = sorted(args["item_ids"])
    order["return_payment_method_id"] = method["id"]


def _exchange(args: dict[str, Any], order: dict[str, Any], user: dict[str, Any], variants: Variants) -> None:
    _require_status(order, "delivered", "exchanged")
    _items_in_order(order, args["item_ids"])
    difference = _price_difference(order, args, variants)
    method = _payment_method(user, args["payment_method_id"])
    _gift_card_covers(method, difference, "the price difference")
    order["status"] = "exchange requested"
    order["exchange_items"] = sorted(args["item_ids"])
    order["exchange_new_items"] = sorted(args["new_item_ids"])
    order["exchange_payment_method_id"] = method["id"]
    order["exchange_price_difference"] = difference
