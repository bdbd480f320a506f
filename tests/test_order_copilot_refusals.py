"""Drafts that refuse only what the policy forbids, orders described by their status, and
comparatives read against a product's variants (rules only, no model)."""

from __future__ import annotations

import pytest

from assistant.store.comparing import value_order
from assistant.store.propose import propose
from assistant.store.refusals import refusals
from tests.store_data import (
    BUDS_BLUE_4_IPX7,
    BUDS_BLUE_8_IPX4,
    KB_CLICKY_RGB_60,
    KB_CLICKY_WHITE_80,
    KB_CLICKY_WHITE_FULL,
    KB_LINEAR_RGB_60,
    SHIRT_M_RED,
    SHIRT_S_RED,
    make_store,
)


@pytest.fixture()
def store(tmp_path):
    return make_store(tmp_path)


def said(*messages: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": m} for m in messages]


def test_a_refusal_is_checked_against_the_status_the_policy_requires(store):
    orders = store.orders_of("ann_lee_1")  # #W0000001 pending, #W0000002 delivered
    owed = refusals("Order #W0000002 was delivered, but it can't be returned.", orders)
    assert [(r.order_id, r.kind, r.consistent) for r in owed] == [("#W0000002", "return", False)]
    # What follows 'but' is the alternative offered, not refused.
    pending = refusals(
        "Order #W0000001 is still pending, so it can't be returned yet, but it can be cancelled.", orders
    )
    assert [(r.kind, r.consistent) for r in pending] == [("return", True)]
    by_store = refusals(
        "I can't do the item change for you: gift card gift_card_1 holds 10.00, the price difference is 12.00, "
        "and our policy says a gift card must have enough balance.",
        orders,
        "#W0000001",
    )
    assert [(r.kind, r.consistent) for r in by_store] == [("modify", True)]
    assert refusals("I'm not able to offer price matching, coupons or other compensation.", orders) == []


def test_orders_described_by_status_get_their_own_requests_and_no_refusal(store):
    proposal = propose(
        store,
        said(
            "one pending order where I want the t-shirt in size M instead, and a delivered order I want to send back",
            "ann.lee@example.com",
        ),
    )
    assert "can't" not in proposal.draft
    assert [(a.name, a.arguments["order_id"], a.arguments["new_item_ids"]) for a in proposal.actions] == [
        ("modify_pending_order_items", "#W0000001", [SHIRT_M_RED])
    ]
    assert "Which items of order #W0000002 would you like to return?" in proposal.draft
    assert all(r.consistent for r in refusals(proposal.draft, store.orders_of("ann_lee_1"), proposal.order_id))


def test_options_of_an_item_that_stays_are_not_the_changed_items_new_options(store):
    proposal = propose(
        store,
        said(
            "cy.park@example.com",
            "in #W0000011 the RGB keyboard should be linear instead, still RGB and 60% - the white keyboard stays",
            "charge my paypal",
        ),
    )
    assert [(a.arguments["item_ids"], a.arguments["new_item_ids"]) for a in proposal.actions] == [
        ([KB_CLICKY_RGB_60], [KB_LINEAR_RGB_60])
    ]


@pytest.mark.parametrize(
    ("message", "old", "new"),
    [
        ("in #W0000001 I'd like the t-shirt in a bigger size, still red", SHIRT_S_RED, SHIRT_M_RED),
        (
            "the white keyboard in #W0000011 is too small, I want a bigger one with the same switches",
            KB_CLICKY_WHITE_80,
            KB_CLICKY_WHITE_FULL,
        ),
        (
            "the blue earbuds from #W0000012: I'd like ones with a longer battery life, still blue",
            BUDS_BLUE_4_IPX7,
            BUDS_BLUE_8_IPX4,
        ),
    ],
)
def test_a_comparative_picks_the_variant_lying_that_way(store, message, old, new):
    customer, method = (
        ("ann.lee@example.com", "use my visa") if "#W0000001" in message else ("cy.park@example.com", "use my paypal")
    )
    proposal = propose(store, said(customer, message, method))
    assert [(a.arguments["item_ids"], a.arguments["new_item_ids"]) for a in proposal.actions] == [([old], [new])]


def test_a_comparative_with_nothing_that_way_asks_instead_of_guessing(store):
    proposal = propose(store, said("cy.park@example.com", "the RGB keyboard in #W0000011, I want a smaller one"))
    assert proposal.actions == [] and "?" in proposal.draft


def test_option_values_are_ordered_by_scale_or_amount_and_colours_have_no_order():
    assert value_order(["1TB SSD", "256GB SSD", "512GB SSD"]) == {
        "1TB SSD": 1000.0,
        "256GB SSD": 256.0,
        "512GB SSD": 512.0,
    }
    order = value_order(["full size", "60%", "80%"])
    assert order is not None and order["60%"] < order["80%"] < order["full size"]
    sizes = value_order(["L", "M", "S", "XL"])
    assert sizes is not None and sizes["S"] < sizes["M"] < sizes["L"] < sizes["XL"]
    litres = value_order(["1.5L", "1L", "2L"])
    assert litres is not None and litres["1L"] < litres["1.5L"] < litres["2L"]
    assert value_order(["black", "white", "RGB"]) is None


def test_a_request_of_another_order_goes_to_the_order_named_later(store):
    proposal = propose(
        store,
        said(
            "ann.lee@example.com",
            "the mug in #W0000002 arrived cracked and I want to return it, and there's a second order I placed by "
            "accident that should be scrapped",
            "the accidental one is #W0000004. refund the mug to paypal",
        ),
    )
    assert sorted((a.name, a.arguments["order_id"]) for a in proposal.actions) == [
        ("cancel_pending_order", "#W0000004"),
        ("return_delivered_order_items", "#W0000002"),
    ]
    cancel = next(a for a in proposal.actions if a.name == "cancel_pending_order")
    assert cancel.arguments["reason"] == "ordered by mistake"


def test_one_of_my_orders_is_one_and_an_order_that_stays_is_not_cancelled(store):
    proposal = propose(
        store,
        said(
            "I'd like to cancel one of my pending orders, I don't need the stuff now",
            "ann.lee@example.com",
            "Order #W0000004. The shirt and mug order stays.",
            "Reason is no longer needed.",
        ),
    )
    assert [(a.name, a.arguments["order_id"]) for a in proposal.actions] == [("cancel_pending_order", "#W0000004")]


def test_adjustable_is_an_option_value_not_a_change_request():
    # 'adjustable' is an option value, never a request to change.
    from assistant.store.reading import rules

    assert not rules().says("change_item", "the adjustable rubber dumbbell set")
    assert rules().says("change_item", "could you adjust the size")


def test_a_bracketed_remark_about_a_twin_keeps_the_options_said_before_it(store):
    proposal = propose(
        store,
        said(
            "cy.park@example.com",
            "in #W0000012 the earbuds with 4 hours to the 8 hour ones, IPX4 (the black earbuds stay as is)",
            "paypal for the difference",
        ),
    )
    assert [(a.arguments["item_ids"], a.arguments["new_item_ids"]) for a in proposal.actions] == [
        ([BUDS_BLUE_4_IPX7], [BUDS_BLUE_8_IPX4])
    ]


def test_new_options_for_a_pending_order_beside_return_words_are_its_change_not_a_refusal(store):
    proposal = propose(
        store,
        said(
            "hey, a return and some changes",
            "ann.lee@example.com",
            "send back the mug from #W0000002, money to paypal. then for #W0000001 the t-shirt should be the M one, "
            "still red",
            "visa for anything owed",
        ),
    )
    assert "can't" not in proposal.draft
    assert sorted((a.name, a.arguments["order_id"]) for a in proposal.actions) == [
        ("modify_pending_order_items", "#W0000001"),
        ("return_delivered_order_items", "#W0000002"),
    ]
