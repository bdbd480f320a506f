"""What the copilot proposes from the customer's own words: one row per way customers say
things (items of one name, values said as what they are not, several orders in one breath, a
source order for an address, the payment for a difference), against a small store."""

from __future__ import annotations

import pytest

from assistant.store import Action
from assistant.store.items import chosen_items, probes, stated_current
from assistant.store.propose import propose
from assistant.store.reading import said_reason, value_mentions, value_stances
from tests.store_data import (
    BUDS_BLACK_4_NONE,
    BUDS_BLACK_8_IPX7,
    BUDS_BLUE_4_IPX7,
    BUDS_BLUE_8_IPX4,
    KB_CLICKY_RGB_60,
    KB_CLICKY_WHITE_80,
    KB_CLICKY_WHITE_FULL,
    KB_LINEAR_RGB_60,
    MUG_BLACK,
    MUG_WHITE,
    SHIRT_M_BLUE,
    SHIRT_M_RED,
    SHIRT_S_RED,
    VACUUM_ROBOTIC_HEPA,
    VACUUM_ROBOTIC_PET,
    make_store,
)

PINE_ROAD = {
    "address1": "9 Pine Road",
    "address2": "Suite 2",
    "city": "Chicago",
    "state": "IL",
    "country": "USA",
    "zip": "60602",
}


def change(order_id: str, pairs: list[tuple[str, str]], method: str, delivered: bool = False) -> Action:
    return Action(
        name="exchange_delivered_order_items" if delivered else "modify_pending_order_items",
        arguments={
            "order_id": order_id,
            "item_ids": [old for old, _ in pairs],
            "new_item_ids": [new for _, new in pairs],
            "payment_method_id": method,
        },
    )


def cancel(order_id: str, reason: str) -> Action:
    return Action(name="cancel_pending_order", arguments={"order_id": order_id, "reason": reason})


CASES = [
    (
        "two items of one name, told apart by the options described",
        [
            "For #W0000011: the keyboard, the clicky one with white backlight in 80% size, I'd like it in full size",
            "paypal for the difference",
        ],
        [change("#W0000011", [(KB_CLICKY_WHITE_80, KB_CLICKY_WHITE_FULL)], "paypal_3")],
    ),
    (
        "of two keyboards, the one that comes in full size with nothing else changed is meant",
        ["In #W0000011 I'd like the keyboard in full size please"],
        [change("#W0000011", [(KB_CLICKY_WHITE_80, KB_CLICKY_WHITE_FULL)], "credit_card_3")],
    ),
    (
        "of two keyboards, the one that comes with linear switches and nothing else changed is meant",
        ["In #W0000011 swap the keyboard for linear switches"],
        [change("#W0000011", [(KB_CLICKY_RGB_60, KB_LINEAR_RGB_60)], "credit_card_3")],
    ),
    (
        "'changed my mind' is a reason to cancel, not an item change",
        ["Please cancel my mug order #W0000013, changed my mind and I don't want it"],
        [cancel("#W0000013", "no longer needed")],
    ),
    (
        "'refund or charge my gift card' settles an exchange's difference: no return is asked",
        [
            "exchange the black earbuds in #W0000012 for the 4 hour battery ones with no water resistance",
            "Refund or charge my gift card.",
        ],
        [change("#W0000012", [(BUDS_BLACK_8_IPX7, BUDS_BLACK_4_NONE)], "gift_card_3", delivered=True)],
    ),
    (
        "'charge or refund the difference' on a pending order is no cancellation; 'adjust' asks a change",
        [
            "#W0000014: I'd like to adjust the t-shirt to size M.",
            "Please charge or refund the difference through my visa.",
        ],
        [change("#W0000014", [(SHIRT_S_RED, SHIRT_M_RED)], "credit_card_4")],
    ),
    (
        "'send back' asks a return",
        ["I'd like to send back the t-shirt from #W0000016, money to paypal"],
        [
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000016", "item_ids": [SHIRT_S_RED], "payment_method_id": "paypal_3"},
            )
        ],
    ),
    (
        "the reason given with a cancellation before any order is named goes to the order cancelled",
        [
            "I want to return a mug and also cancel an order I placed accidentally",
            "Return the mug from #W0000016, refund to paypal. And cancel #W0000013.",
        ],
        [
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000016", "item_ids": [MUG_WHITE], "payment_method_id": "paypal_3"},
            ),
            cancel("#W0000013", "ordered by mistake"),
        ],
    ),
    (
        "a request said of 'two orders' is asked of each order named after it",
        ["I need to cancel two orders, don't need them anymore", "#W0000013 and #W0000014", "yes cancel both"],
        [cancel("#W0000013", "no longer needed"), cancel("#W0000014", "no longer needed")],
    ),
    (
        "a return from 'two orders' named one after the other",
        [
            "I need to return some things from two orders.",
            "From #W0000016: the t-shirt. From #W0000012: the blue earbuds. Everything back to paypal.",
        ],
        [
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000016", "item_ids": [SHIRT_S_RED], "payment_method_id": "paypal_3"},
            ),
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000012", "item_ids": [BUDS_BLUE_4_IPX7], "payment_method_id": "paypal_3"},
            ),
        ],
    ),
    (
        "a preamble about an item of another order is not asked of the order named ('a discount on #W1')",
        ["I want to return my keyboard and get a refund, and also can I get a discount on #W0000013?"],
        [
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000016", "item_ids": [KB_CLICKY_RGB_60], "payment_method_id": "paypal_3"},
            )
        ],
    ),
    (
        "'the other one' is the twin not spoken of yet",
        [
            "In #W0000011 change the clicky white 80% keyboard to full size, and the other keyboard to linear switches. paypal for any difference"
        ],
        [
            change(
                "#W0000011",
                [(KB_CLICKY_WHITE_80, KB_CLICKY_WHITE_FULL), (KB_CLICKY_RGB_60, KB_LINEAR_RGB_60)],
                "paypal_3",
            )
        ],
    ),
    (
        "a value said as what the item is now is not wanted ('instead of clicky')",
        ["For #W0000011, the keyboard with RGB backlight: linear switches instead of clicky"],
        [change("#W0000011", [(KB_CLICKY_RGB_60, KB_LINEAR_RGB_60)], "credit_card_3")],
    ),
    (
        "a value ruled out ('not the black ones') picks the other twin and is not wanted; '8 hour' names '8 hours'",
        [
            "I want to exchange earbuds from #W0000012: the blue pair, not the black ones.",
            "I'd like the 8 hour battery version, IPX4 is fine. gift card for any difference",
        ],
        [change("#W0000012", [(BUDS_BLUE_4_IPX7, BUDS_BLUE_8_IPX4)], "gift_card_3", delivered=True)],
    ),
    (
        "'no water resistance' names the value 'not resistant'",
        ["exchange the black earbuds in #W0000012 for the 4 hour battery ones with no water resistance"],
        [change("#W0000012", [(BUDS_BLACK_8_IPX7, BUDS_BLACK_4_NONE)], "paypal_3", delivered=True)],
    ),
    (
        "an order named as the address's source is not the one changed",
        ["ship #W0000014 to the same address as my order #W0000013: 9 Pine Road, Suite 2, Chicago IL 60602"],
        [Action(name="modify_pending_order_address", arguments={"order_id": "#W0000014", **PINE_ROAD})],
    ),
    (
        "the source order's address is used when none is written",
        ["please send #W0000014 to the same address my order #W0000013 is going to"],
        [Action(name="modify_pending_order_address", arguments={"order_id": "#W0000014", **PINE_ROAD})],
    ),
    (
        "'the address that #W1 had' names a source too",
        ["For #W0000014 please use the address that #W0000013 had, 9 Pine Road, Suite 2, Chicago, IL 60602"],
        [Action(name="modify_pending_order_address", arguments={"order_id": "#W0000014", **PINE_ROAD})],
    ),
    (
        "a clause going on to another order is asked the same, with its own reason",
        ["cancel #W0000013, I don't need it anymore, and #W0000014, that one I ordered by mistake"],
        [cancel("#W0000013", "no longer needed"), cancel("#W0000014", "ordered by mistake")],
    ),
    (
        "a request does not carry on to an order named in a later message",
        ["cancel #W0000013, I ordered it by mistake", "Also the t-shirt in #W0000014: I'd rather have size M"],
        [cancel("#W0000013", "ordered by mistake"), change("#W0000014", [(SHIRT_S_RED, SHIRT_M_RED)], "paypal_3")],
    ),
    (
        "an item named to be left out is not chosen",
        ["I want to return things from #W0000016: the t-shirt and the mug, not the keyboard. refund to paypal"],
        [
            Action(
                name="return_delivered_order_items",
                arguments={
                    "order_id": "#W0000016",
                    "item_ids": [SHIRT_S_RED, MUG_WHITE],
                    "payment_method_id": "paypal_3",
                },
            )
        ],
    ),
    (
        "items listed after a left-out one are left out too",
        ["I want to return the t-shirt from #W0000016. keep the mug and the keyboard. refund to paypal"],
        [
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000016", "item_ids": [SHIRT_S_RED], "payment_method_id": "paypal_3"},
            )
        ],
    ),
    (
        "'from #W1' names the order, not a value; what the customer goes on to want is wanted",
        ["my mug from #W0000013 is white and I'd like a black one instead"],
        [change("#W0000013", [(MUG_WHITE, MUG_BLACK)], "paypal_3")],
    ),
    (
        "'keep it' with an option after it is no withdrawal",
        ["#W0000014: the t-shirt should be blue instead of red, keep it size M"],
        [change("#W0000014", [(SHIRT_S_RED, SHIRT_M_BLUE)], "paypal_3")],
    ),
    (
        "'keep everything else the same' does not take the request back",
        ["I picked the wrong size for the t-shirt in #W0000014, it should be size M. keep everything else the same"],
        [change("#W0000014", [(SHIRT_S_RED, SHIRT_M_RED)], "paypal_3")],
    ),
    (
        "the difference is paid as said where the difference is spoken of, not by the order's new method",
        [
            "For #W0000015 pay with my visa ending 1234 instead. and the mug, I'd like it in white.",
            "for the price difference use my gift card",
        ],
        [
            Action(
                name="modify_pending_order_payment",
                arguments={"order_id": "#W0000015", "payment_method_id": "credit_card_4"},
            ),
            change("#W0000015", [(MUG_BLACK, MUG_WHITE)], "gift_card_3"),
        ],
    ),
    (
        "of two cards, the one whose brand is named",
        ["#W0000013: switch the payment to my visa"],
        [
            Action(
                name="modify_pending_order_payment",
                arguments={"order_id": "#W0000013", "payment_method_id": "credit_card_4"},
            )
        ],
    ),
    (
        "'pay for order #W1 with my gift card instead' is a payment change",
        ["can I pay for order #W0000013 with my gift card instead?"],
        [
            Action(
                name="modify_pending_order_payment",
                arguments={"order_id": "#W0000013", "payment_method_id": "gift_card_3"},
            )
        ],
    ),
    (
        "a terse payment change",
        ["#W0000013: payment to my gift card"],
        [
            Action(
                name="modify_pending_order_payment",
                arguments={"order_id": "#W0000013", "payment_method_id": "gift_card_3"},
            )
        ],
    ),
    (
        "an item named with an option it lacks is a change without a change word",
        ["#W0000014, the t-shirt: I'd rather have size M than size S"],
        [change("#W0000014", [(SHIRT_S_RED, SHIRT_M_RED)], "paypal_3")],
    ),
    (
        "an overview before the orders are named does not steer each order's request",
        [
            "I need to change the colour of a mug on one order and cancel another.",
            "Order #W0000013, the mug is white, I want black. And cancel #W0000014, ordered by mistake.",
        ],
        [change("#W0000013", [(MUG_WHITE, MUG_BLACK)], "paypal_3"), cancel("#W0000014", "ordered by mistake")],
    ),
    (
        "a plan counting requests of two kinds ('one edit and one cancellation') is no order's request",
        [
            "Two things today: one edit and one cancellation.",
            "On #W0000014 there's a t-shirt, size S. I want size M.",
            "And cancel #W0000013 too, don't need it anymore",
        ],
        [change("#W0000014", [(SHIRT_S_RED, SHIRT_M_RED)], "paypal_3"), cancel("#W0000013", "no longer needed")],
    ),
    (
        "'the address I used on order #W1' names a source; new options alone, after it, ask for a change",
        [
            "#W0000014: could you ship it to the address I used on order #W0000013?",
            "And the t-shirt is size S now; I'd like a medium, still red.",
        ],
        [
            Action(name="modify_pending_order_address", arguments={"order_id": "#W0000014", **PINE_ROAD}),
            change("#W0000014", [(SHIRT_S_RED, SHIRT_M_RED)], "paypal_3"),
        ],
    ),
    (
        "an item called by another name customers use ('tee' for T-Shirt)",
        ["I'd like to return the tee from #W0000016, refund to paypal"],
        [
            Action(
                name="return_delivered_order_items",
                arguments={"order_id": "#W0000016", "item_ids": [SHIRT_S_RED], "payment_method_id": "paypal_3"},
            )
        ],
    ),
    (
        "an item called by another word of its name ('robot vacuum' for Vacuum Cleaner)",
        ["#W0000011: change the robot vacuum to the HEPA filter version instead of pet hair removal"],
        [change("#W0000011", [(VACUUM_ROBOTIC_PET, VACUUM_ROBOTIC_HEPA)], "credit_card_3")],
    ),
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("shop"))


@pytest.mark.parametrize(("case", "messages", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_proposal_reads_the_customers_words(store, case, messages, expected):
    conversation = [{"role": "user", "content": "cy.park@example.com"}]
    for message in messages:
        conversation.append({"role": "user", "content": message})
    proposal = propose(store, conversation)
    assert proposal.actions == expected, proposal.draft


LOOSE_VALUES = [
    ("a 500 ML bottle", {"capacity": ["500ml", "750ml"]}, [("capacity", "500ml")]),
    ("20,000 mAh please", {"capacity": ["10000mAh", "20000mAh"]}, [("capacity", "20000mAh")]),
    ("the gray one", {"color": ["grey", "black"]}, [("color", "grey")]),
    ("the stainless one", {"material": ["stainless steel", "glass"]}, [("material", "stainless steel")]),
    ("in rose gold", {"color": ["rose gold", "gold"]}, [("color", "rose gold")]),
    ("non-polarized lenses", {"lens type": ["polarized", "non-polarized"]}, [("lens type", "non-polarized")]),
    ("a 4 hour battery", {"battery life": ["4 hours", "8 hours"]}, [("battery life", "4 hours")]),
    ("no water resistance", {"water resistance": ["IPX7", "not resistant"]}, [("water resistance", "not resistant")]),
    ("a 3 pc set", {"piece count": ["2-piece", "3-piece"]}, [("piece count", "3-piece")]),
    ("the 1 litre bottle", {"capacity": ["500ml", "1000ml"]}, [("capacity", "1000ml")]),
    ("a 1500 ml one", {"capacity": ["1L", "1.5L"]}, [("capacity", "1.5L")]),
    ("a wooden frame", {"material": ["wood", "metal"]}, [("material", "wood")]),
    ("the 10hr model", {"battery life": ["10 hours", "20 hours"]}, [("battery life", "10 hours")]),
    ("the 5-25 lb set", {"weight range": ["5-25 lbs", "30-50 lbs"]}, [("weight range", "5-25 lbs")]),
    ("the lighter 5-25 ones", {"weight range": ["5-25 lbs", "30-50 lbs"]}, [("weight range", "5-25 lbs")]),
    ("with wifi + cellular", {"connectivity": ["Wi-Fi", "Wi-Fi + Cellular"]}, [("connectivity", "Wi-Fi + Cellular")]),
    ("a small one", {"size": ["S", "M", "L"]}, [("size", "S")]),
    ("in extra large", {"size": ["L", "XL"]}, [("size", "XL")]),
    ("it needn't be waterproof", {"waterproof": ["yes", "no"]}, [("waterproof", "no")]),
    ("doesn't need to be water resistant", {"water resistance": ["yes", "no"]}, [("water resistance", "no")]),
]

HELMET = {"size": ["S", "M", "L"], "color": ["black", "white"], "ventilation": ["low", "medium", "high"]}
SIZE_WORDS = [
    # 'medium' beside 'ventilation' is the ventilation; alone it may be the size too.
    ("small and white with medium ventilation", [("size", "S"), ("color", "white"), ("ventilation", "medium")]),
    ("a medium one in black", [("size", "M"), ("ventilation", "medium"), ("color", "black")]),
    # a size named outright wins over 'medium' as a size: it is the vent's
    ("size S, medium vent", [("size", "S"), ("ventilation", "medium")]),
    # a letter size alone in capitals is a size ('is L, i need S'); lower case or after a number not
    ("the L blue one -> small", [("size", "L"), ("size", "S")]),
    ("the helmet is L, i need S", [("size", "L"), ("size", "S")]),
    ("a 1 L bottle, s or m", []),
]


@pytest.mark.parametrize(("text", "expected"), SIZE_WORDS, ids=[c[0] for c in SIZE_WORDS])
def test_letter_sizes_said_as_words(text, expected):
    assert [(o, v) for _, o, v in value_mentions(text, HELMET)] == expected


@pytest.mark.parametrize(("text", "table", "expected"), LOOSE_VALUES, ids=[c[0] for c in LOOSE_VALUES])
def test_option_values_said_loosely(text, table, expected):
    assert [(o, v) for _, o, v in value_mentions(text, table)] == expected


SWITCH = {"switch type": ["clicky", "linear"], "color": ["red", "black", "blue"], "waterproof": ["yes", "no"]}
STANCES = [
    ("linear instead of clicky", [("switch type", "linear", "said"), ("switch type", "clicky", "replaced")]),
    ("rather linear than clicky", [("switch type", "linear", "said"), ("switch type", "clicky", "replaced")]),
    (
        "from the red clicky one to a blue one",
        [("color", "red", "replaced"), ("switch type", "clicky", "replaced"), ("color", "blue", "said")],
    ),
    ("the blue pair, not the black ones", [("color", "blue", "said"), ("color", "black", "excluded")]),
    ("red and not waterproof", [("color", "red", "said"), ("waterproof", "no", "said")]),
]


@pytest.mark.parametrize(("text", "expected"), STANCES, ids=[c[0] for c in STANCES])
def test_a_value_said_as_what_the_item_is_now_or_ruled_out(text, expected):
    assert value_stances(text, SWITCH) == expected


def test_values_the_item_keeps_are_those_it_has_now_and_the_customer_names():
    helmet = {"options": {"size": "L", "color": "black", "ventilation": "low"}}
    said = "the black helmet, size L low vent, change to size S medium vent, still black"
    assert stated_current(said, HELMET, helmet) == {"size": "L", "color": "black", "ventilation": "low"}
    assert stated_current("not the black one", HELMET, helmet) == {}


def test_twins_neither_of_which_can_become_what_is_asked_are_asked_about(store):
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "In #W0000011 please change the keyboard to a quieter one"},
    ]
    proposal = propose(store, conversation)
    assert proposal.actions == []
    assert "Your order has 2 of the Mechanical Keyboard" in proposal.draft


def test_a_change_word_said_of_the_address_asks_about_no_item(store):
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "please modify the shipping address of #W0000011 to 9 Oak Rd, Reno, NV 89501"},
    ]
    proposal = propose(store, conversation)
    assert [a.name for a in proposal.actions] == ["modify_pending_order_address"]
    assert "Which item" not in proposal.draft


def test_a_one_word_name_is_also_said_by_the_word_it_ends_with_when_no_other_item_ends_so():
    watch = {"name": "Wristwatch", "options": {"dial color": "blue"}}
    smart = {"name": "Smart Watch", "options": {"display": "LCD"}}
    shelf = {"name": "Bookshelf", "options": {"color": "white"}}
    assert "watch" in probes("Wristwatch", [watch, shelf])
    assert "shelf" in probes("Bookshelf", [watch, shelf])
    assert "watch" not in probes("Wristwatch", [watch, smart])


def test_an_exchange_for_another_product_is_answered_with_the_rule_not_proposed(store):
    conversation = [
        {"role": "user", "content": "cy.park@example.com"},
        {"role": "user", "content": "can I swap the t-shirt in #W0000014 for a vacuum cleaner?"},
    ]
    proposal = propose(store, conversation)
    assert proposal.actions == []
    assert "only be changed to another option of the same product, not to a Vacuum Cleaner" in proposal.draft


def test_a_payment_method_the_customer_does_not_hold_is_asked_about_not_replaced(store):
    conversation = [
        {"role": "user", "content": "bo.kim@example.com"},
        {"role": "user", "content": "#W0000009: I'd like the mug in black, put the difference on my gift card"},
    ]
    proposal = propose(store, conversation)
    assert proposal.actions == []
    assert proposal.needs == "payment"
    assert "I don't see a gift card on your account" in proposal.draft


REASONS = [
    ("bought it twice", "ordered by mistake"),
    ("it's a duplicate of another order", "ordered by mistake"),
    ("I meant to order a different one", "ordered by mistake"),
    ("placed accidentally", "ordered by mistake"),
    ("found it cheaper somewhere else", None),
    ("changed my mind", None),
]


@pytest.mark.parametrize(("text", "expected"), REASONS, ids=[c[0] for c in REASONS])
def test_cancel_reasons_as_customers_say_them(text, expected):
    assert said_reason(text) == expected


def test_of_an_item_held_twice_one_copy_is_chosen_when_the_customer_says_one():
    bottle = {"item_id": "7", "name": "Water Bottle", "product_id": "p7", "price": 48.59, "options": {"color": "green"}}
    laptop = {"item_id": "8", "name": "Laptop", "product_id": "p8", "price": 2520.52, "options": {"color": "grey"}}
    order = {"order_id": "#W1", "status": "delivered", "items": [laptop, bottle, dict(bottle)]}
    one = chosen_items(order, "the laptop, and just ONE of the two green bottles (I got two, keeping one)")
    assert [i["item_id"] for i in one] == ["8", "7"]
    both = chosen_items(order, "the laptop and the green bottles")
    assert [i["item_id"] for i in both] == ["8", "7", "7"]
