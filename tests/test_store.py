"""The store's actions: each precondition the policy names refuses with its rule; allowed actions
have tau-bench's effects; every attempt is logged with who confirmed it."""

from __future__ import annotations

import pytest

from assistant.store import Action, Store
from tests.store_data import MUG_BLACK, MUG_WHITE, SHIRT_L_BLUE, SHIRT_M_BLUE, SHIRT_M_RED, SHIRT_S_RED, make_store

ANN = "ann_lee_1"
NEW_ADDRESS = {"address1": "9 Oak Rd", "address2": "", "city": "Reno", "state": "NV", "country": "USA", "zip": "89501"}


@pytest.fixture()
def store(tmp_path) -> Store:
    return make_store(tmp_path)


REFUSALS = [
    # (action, arguments, the rule's words)
    (
        "cancel_pending_order",
        {"order_id": "#W0000002", "reason": "no longer needed"},
        "only be cancelled if its status is 'pending'",
    ),
    (
        "cancel_pending_order",
        {"order_id": "#W0000001", "reason": "too expensive"},
        "'no longer needed' or 'ordered by mistake'",
    ),
    ("cancel_pending_order", {"order_id": "#W0000009", "reason": "no longer needed"}, "one user per conversation"),
    ("cancel_pending_order", {"order_id": "#W0404040", "reason": "no longer needed"}, "own orders"),
    ("cancel_pending_order", {"order_id": "#W0000001"}, "all its details"),
    (
        "modify_pending_order_address",
        {"order_id": "#W0000003", **NEW_ADDRESS},
        "only be modified if its status is 'pending'",
    ),
    ("modify_pending_order_address", {"order_id": "#W0000001", **NEW_ADDRESS, "city": " "}, "every line but address2"),
    ("modify_pending_order_payment", {"order_id": "#W0000001", "payment_method_id": "credit_card_1"}, "must differ"),
    ("modify_pending_order_payment", {"order_id": "#W0000001", "payment_method_id": "gift_card_1"}, "enough balance"),
    ("modify_pending_order_payment", {"order_id": "#W0000001", "payment_method_id": "paypal_2"}, "own payment methods"),
    (
        "modify_pending_order_items",
        {
            "order_id": "#W0000001",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [MUG_BLACK],
            "payment_method_id": "credit_card_1",
        },
        "same product",
    ),
    (
        "modify_pending_order_items",
        {
            "order_id": "#W0000001",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [SHIRT_L_BLUE],
            "payment_method_id": "credit_card_1",
        },
        "must be available",
    ),
    (
        "modify_pending_order_items",
        {
            "order_id": "#W0000001",
            "item_ids": [SHIRT_M_RED],
            "new_item_ids": [SHIRT_S_RED],
            "payment_method_id": "credit_card_1",
        },
        "only items in the order",
    ),
    (
        "modify_pending_order_items",
        {
            "order_id": "#W0000001",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [SHIRT_M_BLUE],
            "payment_method_id": "gift_card_1",
        },
        "enough balance",
    ),
    (
        "modify_pending_order_items",
        {
            "order_id": "#W0000001",
            "item_ids": [SHIRT_S_RED, MUG_WHITE],
            "new_item_ids": [SHIRT_M_RED],
            "payment_method_id": "credit_card_1",
        },
        "one new item",
    ),
    (
        "modify_pending_order_items",
        {
            "order_id": "#W0000002",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [SHIRT_M_RED],
            "payment_method_id": "paypal_1",
        },
        "status is 'pending'",
    ),
    (
        "return_delivered_order_items",
        {"order_id": "#W0000001", "item_ids": [SHIRT_S_RED], "payment_method_id": "credit_card_1"},
        "status is 'delivered'",
    ),
    (
        "return_delivered_order_items",
        {"order_id": "#W0000002", "item_ids": [SHIRT_S_RED], "payment_method_id": "credit_card_1"},
        "original payment method or an existing gift card",
    ),
    (
        "return_delivered_order_items",
        {"order_id": "#W0000002", "item_ids": [], "payment_method_id": "paypal_1"},
        "names the items",
    ),
    (
        "exchange_delivered_order_items",
        {
            "order_id": "#W0000003",
            "item_ids": [MUG_BLACK],
            "new_item_ids": [MUG_WHITE],
            "payment_method_id": "credit_card_1",
        },
        "status is 'delivered'",
    ),
    (
        "exchange_delivered_order_items",
        {
            "order_id": "#W0000002",
            "item_ids": [MUG_WHITE],
            "new_item_ids": [SHIRT_M_RED],
            "payment_method_id": "paypal_1",
        },
        "same product",
    ),
    (
        "exchange_delivered_order_items",
        {
            "order_id": "#W0000002",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [SHIRT_M_BLUE],
            "payment_method_id": "gift_card_1",
        },
        "enough balance",
    ),
    ("modify_user_address", {"user_id": "bo_kim_2", **NEW_ADDRESS}, "one user per conversation"),
]


@pytest.mark.parametrize(("name", "arguments", "rule"), REFUSALS, ids=[f"{r[0]}-{i}" for i, r in enumerate(REFUSALS)])
def test_each_broken_precondition_is_refused_with_its_rule_and_changes_nothing(store, name, arguments, rule):
    before = store.snapshot()
    result = store.execute(Action(name=name, arguments=arguments), ANN, confirmed_by="agent-7")
    assert not result.done
    assert rule in result.rule
    assert store.snapshot() == before
    assert store.log(1)[0]["outcome"] == "refused" and store.log(1)[0]["confirmed_by"] == "agent-7"


def test_cancel_refunds_every_payment_and_a_gift_card_at_once(store):
    result = store.execute(
        Action(name="cancel_pending_order", arguments={"order_id": "#W0000004", "reason": "ordered by mistake"}),
        ANN,
        "a",
    )
    assert result.done
    order = store.order("#W0000004")
    assert order["status"] == "cancelled" and order["cancel_reason"] == "ordered by mistake"
    assert order["payment_history"][-1] == {
        "transaction_type": "refund",
        "amount": 12.0,
        "payment_method_id": "gift_card_1",
    }
    assert store.customer(ANN)["payment_methods"]["gift_card_1"]["balance"] == 22.0


def test_items_can_be_modified_once_and_then_the_order_is_neither_modified_nor_cancelled(store):
    modify = Action(
        name="modify_pending_order_items",
        arguments={
            "order_id": "#W0000001",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [SHIRT_M_RED],
            "payment_method_id": "gift_card_1",
        },
    )
    assert store.execute(modify, ANN, "a").done
    order = store.order("#W0000001")
    assert order["status"] == "pending (item modified)"
    assert order["items"][0]["item_id"] == SHIRT_M_RED and order["items"][0]["options"] == {"size": "M", "color": "red"}
    assert order["payment_history"][-1] == {
        "transaction_type": "payment",
        "amount": 2.0,
        "payment_method_id": "gift_card_1",
    }
    assert store.customer(ANN)["payment_methods"]["gift_card_1"]["balance"] == 8.0
    again = store.execute(modify, ANN, "a")
    cancel = store.execute(
        Action(name="cancel_pending_order", arguments={"order_id": "#W0000001", "reason": "no longer needed"}), ANN, "a"
    )
    assert "only once" in again.rule and "only once" in cancel.rule


def test_payment_change_moves_the_payment_and_exchange_and_return_request_once(store):
    assert store.execute(
        Action(
            name="modify_pending_order_payment", arguments={"order_id": "#W0000001", "payment_method_id": "paypal_1"}
        ),
        ANN,
        "a",
    ).done
    history = store.order("#W0000001")["payment_history"]
    assert [h["transaction_type"] for h in history] == ["payment", "payment", "refund"]
    exchange = Action(
        name="exchange_delivered_order_items",
        arguments={
            "order_id": "#W0000002",
            "item_ids": [SHIRT_S_RED],
            "new_item_ids": [SHIRT_M_BLUE],
            "payment_method_id": "paypal_1",
        },
    )
    assert store.execute(exchange, ANN, "a").done
    order = store.order("#W0000002")
    assert order["status"] == "exchange requested" and order["exchange_price_difference"] == 15.0
    assert not store.execute(exchange, ANN, "a").done  # once per order: the order is no longer 'delivered'


def test_return_to_a_gift_card_and_a_new_default_address(store):
    back = Action(
        name="return_delivered_order_items",
        arguments={"order_id": "#W0000002", "item_ids": [MUG_WHITE], "payment_method_id": "gift_card_1"},
    )
    assert store.execute(back, ANN, "a").done
    assert store.order("#W0000002")["return_items"] == [MUG_WHITE]
    assert store.execute(Action(name="modify_user_address", arguments={"user_id": ANN, **NEW_ADDRESS}), ANN, "a").done
    assert store.customer(ANN)["address"]["city"] == "Reno"
    assert [e["outcome"] for e in store.log()] == ["done", "done"]


def test_lookups_by_email_and_by_name_and_zip(store):
    assert store.find_by_email("ANN.LEE@example.com") == ANN
    assert store.find_by_name_zip("ann", "lee", "78701") == ANN
    assert store.find_by_name_zip("ann", "lee", "10001") is None
    assert [o["order_id"] for o in store.orders_of(ANN)] == ["#W0000001", "#W0000002", "#W0000003", "#W0000004"]
