"""A small shop in tau-bench's shape for the store and copilot tests (no ../shared needed)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from assistant.store import Store

ADDRESS = {"address1": "1 Elm St", "address2": "", "city": "Austin", "country": "USA", "state": "TX", "zip": "78701"}
SHIRT, MUG, KEYBOARD, EARBUDS, VACUUM = "100", "200", "300", "400", "500"
SHIRT_S_RED, SHIRT_M_RED, SHIRT_M_BLUE, SHIRT_L_BLUE = "1001", "1002", "1003", "1004"
MUG_WHITE, MUG_BLACK = "2001", "2002"
# Keyboards: switch, backlight, size. Two are in one order: the copilot tells them apart.
KB_CLICKY_WHITE_80, KB_CLICKY_RGB_60, KB_CLICKY_WHITE_FULL, KB_LINEAR_RGB_60 = "3001", "3002", "3003", "3004"
# Earbuds: colour, battery life, water resistance ('not resistant' is said 'no water resistance').
BUDS_BLUE_4_IPX7, BUDS_BLUE_8_IPX4, BUDS_BLACK_8_IPX7, BUDS_BLACK_4_NONE = "4001", "4002", "4003", "4004"
VACUUM_ROBOTIC_PET, VACUUM_ROBOTIC_HEPA = "5001", "5002"

USERS: dict[str, dict[str, Any]] = {
    "ann_lee_1": {
        "name": {"first_name": "Ann", "last_name": "Lee"},
        "address": ADDRESS,
        "email": "ann.lee@example.com",
        "payment_methods": {
            "credit_card_1": {"source": "credit_card", "brand": "visa", "last_four": "4242", "id": "credit_card_1"},
            "paypal_1": {"source": "paypal", "id": "paypal_1"},
            "gift_card_1": {"source": "gift_card", "balance": 10.0, "id": "gift_card_1"},
        },
        "orders": ["#W0000001", "#W0000002", "#W0000003", "#W0000004"],
    },
    "cy_park_3": {
        "name": {"first_name": "Cy", "last_name": "Park"},
        "address": {**ADDRESS, "zip": "60601", "city": "Chicago", "state": "IL"},
        "email": "cy.park@example.com",
        "payment_methods": {
            "paypal_3": {"source": "paypal", "id": "paypal_3"},
            "credit_card_3": {
                "source": "credit_card",
                "brand": "mastercard",
                "last_four": "9625",
                "id": "credit_card_3",
            },
            "credit_card_4": {"source": "credit_card", "brand": "visa", "last_four": "1234", "id": "credit_card_4"},
            "gift_card_3": {"source": "gift_card", "balance": 500.0, "id": "gift_card_3"},
        },
        "orders": ["#W0000011", "#W0000012", "#W0000013", "#W0000014", "#W0000015", "#W0000016"],
    },
    "bo_kim_2": {
        "name": {"first_name": "Bo", "last_name": "Kim"},
        "address": {**ADDRESS, "zip": "10001"},
        "email": "bo.kim@example.com",
        "payment_methods": {"paypal_2": {"source": "paypal", "id": "paypal_2"}},
        "orders": ["#W0000009"],
    },
}
PRODUCTS = {
    SHIRT: {
        "name": "T-Shirt",
        "product_id": SHIRT,
        "variants": {
            SHIRT_S_RED: {
                "item_id": SHIRT_S_RED,
                "options": {"size": "S", "color": "red"},
                "available": True,
                "price": 20.0,
            },
            SHIRT_M_RED: {
                "item_id": SHIRT_M_RED,
                "options": {"size": "M", "color": "red"},
                "available": True,
                "price": 22.0,
            },
            SHIRT_M_BLUE: {
                "item_id": SHIRT_M_BLUE,
                "options": {"size": "M", "color": "blue"},
                "available": True,
                "price": 35.0,
            },
            SHIRT_L_BLUE: {
                "item_id": SHIRT_L_BLUE,
                "options": {"size": "L", "color": "blue"},
                "available": False,
                "price": 21.0,
            },
        },
    },
    MUG: {
        "name": "Coffee Mug",
        "product_id": MUG,
        "variants": {
            MUG_WHITE: {"item_id": MUG_WHITE, "options": {"color": "white"}, "available": True, "price": 12.0},
            MUG_BLACK: {"item_id": MUG_BLACK, "options": {"color": "black"}, "available": True, "price": 14.0},
        },
    },
    KEYBOARD: {
        "name": "Mechanical Keyboard",
        "product_id": KEYBOARD,
        "variants": {
            item_id: {
                "item_id": item_id,
                "options": {"switch type": switch, "backlight": light, "size": size},
                "available": True,
                "price": price,
            }
            for item_id, switch, light, size, price in (
                (KB_CLICKY_WHITE_80, "clicky", "white", "80%", 100.0),
                (KB_CLICKY_RGB_60, "clicky", "RGB", "60%", 90.0),
                (KB_CLICKY_WHITE_FULL, "clicky", "white", "full size", 120.0),
                (KB_LINEAR_RGB_60, "linear", "RGB", "60%", 95.0),
            )
        },
    },
    EARBUDS: {
        "name": "Wireless Earbuds",
        "product_id": EARBUDS,
        "variants": {
            item_id: {
                "item_id": item_id,
                "options": {"color": color, "battery life": battery, "water resistance": water},
                "available": True,
                "price": price,
            }
            for item_id, color, battery, water, price in (
                (BUDS_BLUE_4_IPX7, "blue", "4 hours", "IPX7", 60.0),
                (BUDS_BLUE_8_IPX4, "blue", "8 hours", "IPX4", 70.0),
                (BUDS_BLACK_8_IPX7, "black", "8 hours", "IPX7", 75.0),
                (BUDS_BLACK_4_NONE, "black", "4 hours", "not resistant", 50.0),
            )
        },
    },
    VACUUM: {
        "name": "Vacuum Cleaner",
        "product_id": VACUUM,
        "variants": {
            item_id: {
                "item_id": item_id,
                "options": {"type": "robotic", "features": features},
                "available": True,
                "price": price,
            }
            for item_id, features, price in (
                (VACUUM_ROBOTIC_PET, "pet hair removal", 300.0),
                (VACUUM_ROBOTIC_HEPA, "HEPA filter", 320.0),
            )
        },
    },
}


def _item(product: str, item_id: str) -> dict[str, Any]:
    variant = PRODUCTS[product]["variants"][item_id]
    name = PRODUCTS[product]["name"]
    return {
        "name": name,
        "product_id": product,
        "item_id": item_id,
        "price": variant["price"],
        "options": variant["options"],
    }


def _order(
    order_id: str, user: str, status: str, items: list[dict[str, Any]], method: str, address: dict[str, str] = ADDRESS
) -> dict[str, Any]:
    total = round(sum(i["price"] for i in items), 2)
    return {
        "order_id": order_id,
        "user_id": user,
        "address": address,
        "items": items,
        "fulfillments": []
        if status == "pending"
        else [{"tracking_id": ["555"], "item_ids": [i["item_id"] for i in items]}],
        "status": status,
        "payment_history": [{"transaction_type": "payment", "amount": total, "payment_method_id": method}],
    }


ORDERS = {
    "#W0000001": _order(
        "#W0000001", "ann_lee_1", "pending", [_item(SHIRT, SHIRT_S_RED), _item(MUG, MUG_WHITE)], "credit_card_1"
    ),
    "#W0000002": _order(
        "#W0000002", "ann_lee_1", "delivered", [_item(SHIRT, SHIRT_S_RED), _item(MUG, MUG_WHITE)], "paypal_1"
    ),
    "#W0000003": _order("#W0000003", "ann_lee_1", "processed", [_item(MUG, MUG_BLACK)], "credit_card_1"),
    "#W0000004": _order("#W0000004", "ann_lee_1", "pending", [_item(MUG, MUG_WHITE)], "gift_card_1"),
    # Cy Park's orders, for reading what a customer says: items of one name, several orders.
    "#W0000011": _order(
        "#W0000011",
        "cy_park_3",
        "pending",
        [_item(KEYBOARD, KB_CLICKY_WHITE_80), _item(KEYBOARD, KB_CLICKY_RGB_60), _item(VACUUM, VACUUM_ROBOTIC_PET)],
        "credit_card_3",
    ),
    "#W0000012": _order(
        "#W0000012",
        "cy_park_3",
        "delivered",
        [_item(EARBUDS, BUDS_BLUE_4_IPX7), _item(EARBUDS, BUDS_BLACK_8_IPX7)],
        "paypal_3",
    ),
    "#W0000013": _order(
        "#W0000013",
        "cy_park_3",
        "pending",
        [_item(MUG, MUG_WHITE)],
        "paypal_3",
        {
            "address1": "9 Pine Road",
            "address2": "Suite 2",
            "city": "Chicago",
            "country": "USA",
            "state": "IL",
            "zip": "60602",
        },
    ),
    "#W0000014": _order("#W0000014", "cy_park_3", "pending", [_item(SHIRT, SHIRT_S_RED)], "paypal_3"),
    "#W0000016": _order(
        "#W0000016",
        "cy_park_3",
        "delivered",
        [_item(SHIRT, SHIRT_S_RED), _item(MUG, MUG_WHITE), _item(KEYBOARD, KB_CLICKY_RGB_60)],
        "paypal_3",
    ),
    "#W0000015": _order("#W0000015", "cy_park_3", "pending", [_item(MUG, MUG_BLACK)], "credit_card_3"),
    "#W0000009": _order("#W0000009", "bo_kim_2", "pending", [_item(MUG, MUG_WHITE)], "paypal_2"),
}
POLICY = [
    (
        "Retail agent policy",
        "At the beginning of the conversation, you have to authenticate the user identity by locating their user id via email, or via name + zip code.",
    ),
    (
        "Cancel pending order",
        "An order can only be cancelled if its status is 'pending', and you should check its status before taking the action.",
    ),
    ("Return delivered order", "The refund must either go to the original payment method, or an existing gift card."),
]


def make_store(data_dir: Path) -> Store:
    store = Store.open(data_dir, create=True)
    users = [{"user_id": k, **copy.deepcopy(v)} for k, v in USERS.items()]
    store.replace_all(users, copy.deepcopy(list(PRODUCTS.values())), copy.deepcopy(list(ORDERS.values())), POLICY)
    return store
