"""How customers name orders, items, options and payments when nobody tuned for their words
(bench/data/copilot_openers_train6.jsonl): one row per class of phrasing, against the small store
of tests/store_data.py (Cy Park: #W11 pending keyboards + vacuum, #W12 delivered earbuds, #W13 and
#W15 pending mugs, #W14 pending t-shirt, #W16 delivered t-shirt + mug + keyboard)."""

from __future__ import annotations

import pytest

from assistant.store import Action
from assistant.store.items import probes
from assistant.store.propose import _order_by_items, _segments, propose
from assistant.store.reading import order_endings, reference_ids, rules, value_mentions
from tests.store_data import (
    BUDS_BLACK_8_IPX7,
    MUG_BLACK,
    MUG_WHITE,
    SHIRT_M_RED,
    SHIRT_S_RED,
    VACUUM_ROBOTIC_HEPA,
    VACUUM_ROBOTIC_PET,
    make_store,
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("shop"))


PINE_ROAD = {
    "address1": "9 Pine Road",
    "address2": "Suite 2",
    "city": "Chicago",
    "state": "IL",
    "country": "USA",
    "zip": "60602",
}


def cancel(order_id: str, reason: str) -> Action:
    return Action(name="cancel_pending_order", arguments={"order_id": order_id, "reason": reason})


def give_back(order_id: str, item_ids: list[str], method: str) -> Action:
    return Action(
        name="return_delivered_order_items",
        arguments={"order_id": order_id, "item_ids": item_ids, "payment_method_id": method},
    )


CASES = [
    (
        "two orders named by what is in them, in one message, each with its own request",
        ["I'd like to cancel the order with the keyboards and the vacuum, and return the black earbuds to paypal"],
        [
            cancel("#W0000011", "no longer needed"),
            give_back("#W0000012", [BUDS_BLACK_8_IPX7], "paypal_3"),
        ],
    ),
    (
        "'both' after two orders speaks of each: the reason given once is both orders' reason",
        ["I have two orders to cancel, #W0000011 and #W0000013", "both were ordered by mistake", "yes, cancel both"],
        [cancel("#W0000011", "ordered by mistake"), cancel("#W0000013", "ordered by mistake")],
    ),
    (
        "a payment change said as 'pay for it with X rather than Y'",
        ["For #W0000013 I'd like to pay for it with my visa rather than paypal"],
        [
            Action(
                name="modify_pending_order_payment",
                arguments={"order_id": "#W0000013", "payment_method_id": "credit_card_4"},
            )
        ],
    ),
    (
        "'I'd pay with X rather than Y' beside an item change pays the change: no payment change",
        ["In #W0000015 change the mug to white. I'd pay with my visa rather than the mastercard"],
        [
            Action(
                name="modify_pending_order_items",
                arguments={
                    "order_id": "#W0000015",
                    "item_ids": [MUG_BLACK],
                    "new_item_ids": [MUG_WHITE],
                    "payment_method_id": "credit_card_4",
                },
            )
        ],
    ),
    (
        "items said in different sentences find the one order holding them all; 'I really wanted' asks a change",
        ["the white mug I got is the wrong colour, I really wanted black", "it came along with a keyboard"],
        [
            Action(
                name="exchange_delivered_order_items",
                arguments={
                    "order_id": "#W0000016",
                    "item_ids": [MUG_WHITE],
                    "new_item_ids": [MUG_BLACK],
                    "payment_method_id": "paypal_3",
                },
            )
        ],
    ),
    (
        "'the keyboard order' names the order, not a keyboard to change",
        ["In the keyboard order, change the vacuum to the HEPA one"],
        [
            Action(
                name="modify_pending_order_items",
                arguments={
                    "order_id": "#W0000011",
                    "item_ids": [VACUUM_ROBOTIC_PET],
                    "new_item_ids": [VACUUM_ROBOTIC_HEPA],
                    "payment_method_id": "credit_card_3",
                },
            )
        ],
    ),
    (
        "new options said after another request's sentence belong to the change",
        [
            "For #W0000014 I want to change the address and the shirt",
            "the new address is 9 Pine Road, Suite 2, Chicago, IL 60602.",
            "And the t-shirt should be size M",
        ],
        [
            Action(name="modify_pending_order_address", arguments={"order_id": "#W0000014", **PINE_ROAD}),
            Action(
                name="modify_pending_order_items",
                arguments={
                    "order_id": "#W0000014",
                    "item_ids": [SHIRT_S_RED],
                    "new_item_ids": [SHIRT_M_RED],
                    "payment_method_id": "paypal_3",
                },
            ),
        ],
    ),
    (
        "items named to say which order it is are not the items given back",
        ["The mug came in the same box as the t-shirt and the keyboard. I only want to send back the mug, to paypal"],
        [give_back("#W0000016", [MUG_WHITE], "paypal_3")],
    ),
    (
        "an item said to stay after its name is kept ('the keyboard stays')",
        ["I want to return the mug and the t-shirt from #W0000016, the keyboard stays. Refund to paypal"],
        [give_back("#W0000016", [MUG_WHITE, SHIRT_S_RED], "paypal_3")],
    ),
    (
        "items listed and said to be fine, with where they are, are kept",
        ["Return the mug from #W0000016 to paypal. The t-shirt and keyboard from that order are fine"],
        [give_back("#W0000016", [MUG_WHITE], "paypal_3")],
    ),
    (
        "'the X in that order I'll keep' keeps it",
        ["Send back the t-shirt from #W0000016 to paypal, the mug in that order i'll keep"],
        [give_back("#W0000016", [SHIRT_S_RED], "paypal_3")],
    ),
]


@pytest.mark.parametrize(("case", "messages", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_proposal_reads_untuned_phrasings(store, case, messages, expected):
    conversation = [{"role": "user", "content": "cy.park@example.com"}]
    conversation += [{"role": "user", "content": m} for m in messages]
    proposal = propose(store, conversation)
    assert proposal.actions == expected, proposal.draft


def test_a_sentence_naming_two_orders_by_their_items_is_read_per_order(store):
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "please cancel the order with the vacuum and the one with the earbuds"},
    ]
    proposal = propose(store, conversation)
    assert proposal.actions == [cancel("#W0000011", "no longer needed")], proposal.draft
    assert "Order #W0000012 has already been delivered, so it can't be cancelled" in proposal.draft


def test_an_overview_cut_at_and_is_given_to_no_order(store):
    """'two returns, and a change to an order' names two kinds only as a whole sentence; its
    clause 'a change to an order', given to the first order named, asked that order for a change
    (beside the return: 'return or exchange?'). An overview of several orders goes to none."""
    text = (
        "I have several requests: two returns, and a change to an order that is still pending.\n"
        "Returns: the white mug from #W0000002. Refund to my paypal.\n"
        "For the pending order #W0000001: the t-shirt in size M."
    )
    parts = dict(_segments(text, store.orders_of("ann_lee_1")))
    assert "change" not in parts["#W0000002"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the refund should go back to the card ending in 7285", []),
        ("my visa that ends with 1234 please", []),
        ("the order number ends in 66", ["66"]),
    ],
)
def test_an_ending_said_of_a_card_is_no_order_ending(text, expected):
    assert order_endings(text) == expected


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("the order with the coffee makers, can you call it off?", True),
        ("not needed anymore", True),
        ("I just don't need anymore", True),
        ("I don't need them anymore", True),
        ("please call me back later", False),
        ("I need the blue one", False),
        ("I really didn't mean to, can I undo it?", True),
        ("two pending orders I'd like gone", True),
        ("neither is needed now", True),
    ],
)
def test_cancel_asked_without_the_word_cancel(text, asks):
    assert rules().says("cancel", text) is asks


SUNGLASSES = {
    "frame color": ["black", "silver", "brown"],
    "lens color": ["brown", "black", "green", "blue"],
    "lens type": ["polarized", "non-polarized"],
    "frame material": ["plastic", "metal"],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("same black frame and green lens", [("frame color", "black"), ("lens color", "green")]),
        ("green lens, black frame", [("lens color", "green"), ("frame color", "black")]),
        ("the frame in black", [("frame color", "black")]),
        ("I want black", [("frame color", "black"), ("lens color", "black")]),  # not settled: both
    ],
)
def test_a_value_two_options_share_is_the_one_whose_name_is_beside_it(text, expected):
    assert [(o, v) for _, o, v in value_mentions(text, SUNGLASSES)] == expected


def test_the_end_of_a_compound_name_does_not_name_an_order_item():
    shades = {"name": "Sunglasses", "options": {"lens color": "green"}}
    kettle = {"name": "Tea Kettle", "options": {"material": "ceramic"}}
    assert "glass" in probes("Sunglasses", [shades, kettle])
    assert "glass" not in probes("Sunglasses", [shades, kettle], tails=False)


@pytest.mark.parametrize(
    ("text", "speaks_of_all"),
    [
        ("yes please cancel both", True),
        ("both were placed by accident", True),
        ("use my visa for both", True),
        ("any extra charges for both exchanges on my card", False),  # counts requests, not orders
        ("both items please", False),
    ],
)
def test_both_as_a_pronoun_speaks_of_every_order_named(text, speaks_of_all):
    assert rules().says("collective", text) is speaks_of_all


def test_an_option_said_with_its_value_or_an_option_word_names_no_order():
    orders = [
        {
            "order_id": "#W1",
            "status": "delivered",
            "items": [
                {"item_id": "1", "name": "Backpack", "options": {"compartment": "laptop", "color": "green"}},
                {"item_id": "2", "name": "Hiking Boots", "options": {"size": "9", "water resistance": "yes"}},
            ],
        },
        {
            "order_id": "#W2",
            "status": "pending",
            "items": [{"item_id": "3", "name": "Laptop", "options": {"color": "black"}}],
        },
        {
            "order_id": "#W3",
            "status": "delivered",
            "items": [{"item_id": "4", "name": "Water Bottle", "options": {"color": "red"}}],
        },
    ]
    assert _order_by_items("a large black one, still with the laptop compartment", orders, None) is None
    assert _order_by_items("the waterproof boots", orders, None) == "#W1"
    assert _order_by_items("the laptop order should ship elsewhere", orders, None) == "#W2"
    assert _order_by_items("and the red water bottle", orders, None) == "#W3"


def test_of_two_orders_holding_an_item_the_one_not_being_cancelled_is_meant():
    """'Speaker change on the gift card' after cancelling one order with a speaker and changing
    the speaker of another: the order cancelled whole is not the one its items now speak of."""
    speaker = {"item_id": "5", "name": "Bluetooth Speaker", "options": {"color": "red"}}
    orders = [
        {
            "order_id": "#W1",
            "status": "pending",
            "items": [speaker, {"item_id": "6", "name": "T-Shirt", "options": {}}],
        },
        {"order_id": "#W2", "status": "pending", "items": [speaker]},
    ]
    assert _order_by_items("speaker change on the gift card", orders, None, "cancel") is None
    assert _order_by_items("speaker change on the gift card", orders, None, "cancel", {"#W1"}) == "#W2"
    assert _order_by_items("cancel the speaker order", orders, None, "cancel", {"#W1"}) is None


def test_a_reason_said_of_no_order_is_the_cancelled_orders(store):
    """'the first one was ordered by mistake', said after a return was asked of another order:
    the reason is the cancellation's, not the order spoken of last."""
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "cancel #W0000013. return the earbuds from #W0000012"},
        {"role": "user", "content": "the first one was ordered by mistake. earbuds refund to paypal"},
    ]
    proposal = propose(store, conversation)
    assert cancel("#W0000013", "ordered by mistake") in proposal.actions, proposal.draft


def test_a_confirmation_counting_the_requests_asks_nothing_of_an_item_it_names(store):
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "Cancel #W0000011, I no longer need it. In #W0000015 the mug should be white."},
        {"role": "user", "content": "Mug change on paypal."},
        {"role": "user", "content": "Yes, I confirm both - the cancellation and the mug colour change"},
    ]
    proposal = propose(store, conversation)
    assert [a.name for a in proposal.actions] == ["cancel_pending_order", "modify_pending_order_items"], proposal.draft


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("ship it to the Sunset Drive address from my cancelled order #W1866533", ["#W1866533"]),
        ("use the New York address that my delivered order #W1713682 went to", ["#W1713682"]),
        ("both should ship to 111 Sunset Drive, the address on my umbrella order #W3618959", ["#W3618959"]),
        ("ship it where my espresso machine order #W9154975 is going", ["#W9154975"]),
        ("please change the shipping address of order #W1234567 to 9 Oak Rd, Reno, NV 89501", []),
        ("update the address on #W1234567 to 9 Oak Rd, Reno, NV 89501", []),
    ],
)
def test_an_order_named_as_the_source_of_an_address(text, sources):
    assert reference_ids(text) == sources


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("I really wanted the bigger A5 size", True),
        ("I originally wanted blue", True),
        ("I really wanted to ask", False),
    ],
)
def test_a_change_asked_by_what_was_wanted(text, asks):
    assert rules().says("change_item", text) is asks


def test_orders_named_by_one_item_each_are_told_apart_by_what_is_asked(store):
    """'the keyboard order and the shirt order': each item is in a pending and a delivered order;
    a cancellation means the pending ones (read as one sentence, it was the delivered order that
    holds both)."""
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "I want to cancel the keyboard order and the shirt order"},
    ]
    proposal = propose(store, conversation)
    assert proposal.actions == [cancel("#W0000011", "no longer needed"), cancel("#W0000014", "no longer needed")], (
        proposal.draft
    )


@pytest.mark.parametrize(
    ("said", "order_id"),
    [
        ("cancel the black mug order, I no longer need it", "#W0000015"),
        ("cancel the mug order that ships to Pine Road, I no longer need it", "#W0000013"),
        ("cancel the mug order going to Austin, I no longer need it", "#W0000015"),
        ("cancel the mug order I paid with paypal, I no longer need it", "#W0000013"),
        # a refund method says nothing about how the order was paid: ask which
        ("cancel the mug order please, refund it to paypal", None),
    ],
)
def test_two_pending_orders_holding_one_item_are_told_apart_by_the_other_details(store, said, order_id):
    """Cy Park's pending mugs: #W13 white, paid by PayPal, shipping to Pine Road, Chicago; #W15
    black, paid by mastercard, shipping to Elm St, Austin."""
    conversation = [{"role": "user", "content": "cy.park@example.com"}, {"role": "user", "content": said}]
    proposal = propose(store, conversation)
    if order_id is None:
        assert proposal.actions == [] and "Which order do you mean?" in proposal.draft, proposal.draft
    else:
        assert proposal.actions == [cancel(order_id, "no longer needed")], proposal.draft


def test_a_return_asked_of_a_pending_order_offers_the_cancellation_without_proposing_it(store):
    """The policy returns only delivered orders: 'return the mug' of a pending order is answered
    with that rule and a cancellation offered; 'a full refund' of it still asks the cancellation."""
    said = [{"role": "user", "content": "cy.park@example.com"}]
    back = propose(store, [*said, {"role": "user", "content": "I want to return the mug from #W0000013"}])
    assert back.actions == [] and "can't be returned yet, but it can be cancelled" in back.draft, back.draft
    refund = propose(store, [*said, {"role": "user", "content": "#W0000013: I just want a full refund"}])
    assert refund.actions == [cancel("#W0000013", "no longer needed")], refund.draft


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("the jacket is L, could I get the smaller size?", True),
        ("I'd like a bigger one", True),
        ("it is smaller than the photo showed", False),
    ],
)
def test_a_comparative_size_asks_an_item_change(text, asks):
    assert rules().says("change_item", text) is asks


def test_a_request_said_of_another_order_is_not_asked_of_the_order_named(store):
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {
            "role": "user",
            "content": "I have a pending order #W0000013 I need to change, and I also want to return some stuff from another order",
        },
    ]
    proposal = propose(store, conversation)
    assert proposal.actions == [] and "can't be returned" not in proposal.draft, proposal.draft
