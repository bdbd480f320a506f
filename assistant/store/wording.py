"""The store's facts in words for a draft: orders, items, payment methods, refunds, statuses.

Every figure comes from a record (an order, a variant, a payment method); nothing here guesses.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from assistant.store.db import Store
from assistant.store.reading import mentions_item, option_table, words


class OrderView(BaseModel):
    order_id: str
    status: str
    items: list[str]
    total: float
    paid_with: str
    tracking: list[str] = Field(default_factory=list)


def customer_view(customer: dict[str, Any]) -> dict[str, Any]:
    return {
        "user_id": customer["user_id"],
        "name": f"{customer['name']['first_name']} {customer['name']['last_name']}",
        "email": customer["email"],
        "address": address_text(customer["address"]),
        "payment_methods": [method_text(m) for m in customer["payment_methods"].values()],
    }


def order_view(order: dict[str, Any], customer: dict[str, Any]) -> OrderView:
    return OrderView(
        order_id=order["order_id"],
        status=order["status"],
        items=[item_text(i) for i in order["items"]],
        total=total(order),
        paid_with=paid_with(order, customer),
        tracking=[t for f in order.get("fulfillments", []) for t in f.get("tracking_id", [])],
    )


def order_fact(order: dict[str, Any], customer: dict[str, Any]) -> str:
    return f"Order {order['order_id']} is {order['status']}: {items_text(order['items'])}; total {money(total(order))}, paid with {paid_with(order, customer)}."


def total(order: dict[str, Any]) -> float:
    return (
        round(
            sum(p["amount"] for p in order["payment_history"] if p["transaction_type"] == "payment")
            - sum(p["amount"] for p in order["payment_history"][1:] if p["transaction_type"] == "refund"),
            2,
        )
        if order["payment_history"]
        else round(sum(i["price"] for i in order["items"]), 2)
    )


def paid_with(order: dict[str, Any], customer: dict[str, Any]) -> str:
    if not order["payment_history"]:
        return "no recorded payment"
    method_id = order["payment_history"][0]["payment_method_id"]
    method = customer["payment_methods"].get(method_id)
    return method_text(method) if method else method_id


def method_text(method: dict[str, Any]) -> str:
    if method["source"] == "credit_card":
        return f"{method.get('brand', 'credit').title()} card ending in {method.get('last_four', '?')}"
    if method["source"] == "gift_card":
        return f"gift card {method['id']} (balance {money(method.get('balance', 0))})"
    return f"PayPal ({method['id']})" if method["source"] == "paypal" else method["id"]


def methods_list(customer: dict[str, Any]) -> str:
    return "On file: " + "; ".join(method_text(m) for m in customer["payment_methods"].values()) + "."


def refund_timing(order: dict[str, Any], customer: dict[str, Any]) -> str:
    paid = order["payment_history"][0]["payment_method_id"] if order["payment_history"] else ""
    return "immediately" if "gift_card" in paid else "within 5 to 7 business days"


def refund_status(order: dict[str, Any], customer: dict[str, Any]) -> str:
    refunds = [p for p in order["payment_history"] if p["transaction_type"] == "refund"]
    if not refunds:
        return f"Order {order['order_id']} is {order['status']} and has no refund recorded yet."
    listed = "; ".join(f"{money(p['amount'])} to {p['payment_method_id']}" for p in refunds)
    return f"For order {order['order_id']} the refunds recorded are {listed}: to a gift card they arrive immediately, otherwise within 5 to 7 business days."


def status_text(order: dict[str, Any]) -> str:
    tracking = [t for f in order.get("fulfillments", []) for t in f.get("tracking_id", [])]
    track = f" Tracking number: {', '.join(tracking)}." if tracking else ""
    return f"Order {order['order_id']} is {order['status']}.{track}"


def not_now(order: dict[str, Any], verb: str) -> str:
    rule = "pending" if verb in ("cancelled", "changed") and order["status"] != "delivered" else "delivered"
    return f"Order {order['order_id']} is {order['status']}, and our policy lets an order be {verb} only while it is {rule}, so I can't do that for this order."


def product_answer(store: Store, text: str, order: dict[str, Any] | None = None) -> list[str]:
    text_words = words(text)
    names = store.product_names()
    asked = [pid for pid, name in names.items() if mentions_item(text_words, name) == 2] or [
        pid for pid, name in names.items() if mentions_item(text_words, name)
    ]
    lines = []
    for pid in asked[:2]:
        available = [v for v in store.variants_of(pid) if v["available"]]
        if not available:
            lines.append(f"The {names[pid]} is not available in any option at the moment.")
            continue
        options = "; ".join(f"{k}: {', '.join(v)}" for k, v in option_table(available).items())
        prices = [v["price"] for v in available]
        lines.append(
            f"The {names[pid]} is available with {options} ({len(available)} combinations, "
            f"{money(min(prices))} to {money(max(prices))})."
        )
    return lines


def available_text(variants: list[dict[str, Any]], item: dict[str, Any]) -> str:
    table = option_table([v for v in variants if v["available"] and v["item_id"] != item["item_id"]])
    return "Available options: " + "; ".join(f"{k}: {', '.join(v)}" for k, v in table.items()) + "."


def item_text(item: dict[str, Any]) -> str:
    return f"{item['name']} ({options_text(item['options'])}, {money(item['price'])})"


def items_text(items: list[dict[str, Any]]) -> str:
    return ", ".join(item_text(i) for i in items)


def options_text(options: dict[str, Any]) -> str:
    return ", ".join(f"{k} {v}" for k, v in options.items())


def address_text(a: dict[str, str]) -> str:
    return ", ".join(
        p
        for p in (a["address1"], a.get("address2", ""), a["city"], f"{a['state']} {a['zip']}", a.get("country", ""))
        if p
    )


def money(amount: float) -> str:
    return f"${amount:,.2f}"
