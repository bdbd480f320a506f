"""A support case ('arrived cracked') puts the policy clause for it first, on the demo shop too."""

from __future__ import annotations

from assistant.support_cases import case_of, rank_for_case

CANNOT = {
    "section": "Items we cannot take back",
    "text": "Opened beauty products, pierced earrings and gift cards can only be returned if faulty.",
}
HOW = {"section": "How to return an item", "text": "Sign in, open Orders and choose Return an item."}
DAMAGED = {
    "section": "Damaged, faulty or wrong items",
    "text": "Please tell us within 7 days of delivery if an order arrives damaged, with a photo. We will send a replacement or issue a full refund.",
}


def test_the_case_words_reorder_the_passages_and_nothing_else_does():
    assert rank_for_case([CANNOT, HOW, DAMAGED], "my mug arrived cracked, I want a refund")[0] is DAMAGED
    assert rank_for_case([CANNOT, HOW, DAMAGED], "how do I return a jacket?") == [CANNOT, HOW, DAMAGED]
    assert case_of("the kettle stopped working").name == "damaged"
    assert case_of("you sent me the wrong colour").name == "wrong_item"
    assert case_of("can I pay with PayPal?") is None


def test_the_demo_copilot_drafts_the_damaged_items_clause_with_an_apology_not_a_refusal(make_assistant):
    assistant, _ = make_assistant(default="")  # the model gives nothing: the draft is built from the policy
    reply = assistant.copilot([{"role": "customer", "content": "my mug arrived cracked, I want a refund"}])
    assert reply.suggested_reply.startswith("I'm sorry about that.")
    assert "within 7 days" in reply.suggested_reply and "photo" in reply.suggested_reply
    assert "cannot" not in reply.suggested_reply and reply.order is None  # the demo shop has no store
