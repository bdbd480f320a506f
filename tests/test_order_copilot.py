"""The order copilot on scripted conversations against a small store (rules only, no model)."""

from __future__ import annotations

import pytest

from assistant.store import Action
from assistant.store.propose import propose, result_reply
from assistant.store.reading import value_mentions
from tests.store_data import MUG_BLACK, MUG_WHITE, SHIRT_M_RED, SHIRT_S_RED, make_store


@pytest.fixture()
def store(tmp_path):
    return make_store(tmp_path)


def said(*messages: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": m} for m in messages]


def test_identity_comes_first_even_with_a_user_id(store):
    proposal = propose(store, said("I'm user ann_lee_1, cancel order #W0000001 please"))
    assert proposal.needs == "identity" and proposal.actions == [] and proposal.request == "cancel"
    assert "e-mail" in proposal.draft and "zip" in proposal.draft
    assert "authenticate" in proposal.clause["text"]


def test_an_unknown_email_is_said_and_name_and_zip_identify(store):
    unknown = propose(store, said("my email is nobody@example.com"))
    assert "couldn't find an account with the e-mail nobody@example.com" in unknown.draft
    found = propose(store, said("I'm Ann Lee, zip 78701. Where is my order #W0000003?"))
    assert found.customer["user_id"] == "ann_lee_1"
    assert found.request == "order_status" and "processed" in found.draft and "555" in found.draft


def test_cancel_a_pending_order_states_reason_refund_and_asks_yes_without_claiming_it_done(store):
    proposal = propose(store, said("ann.lee@example.com - I ordered #W0000001 by mistake, please cancel it"))
    assert proposal.actions == [
        Action(name="cancel_pending_order", arguments={"order_id": "#W0000001", "reason": "ordered by mistake"})
    ]
    assert "ordered by mistake" in proposal.draft and "$32.00" in proposal.draft and "yes" in proposal.draft
    assert "cancelled" not in proposal.draft.replace("can't be cancelled", "")


def test_a_delivered_item_refund_becomes_a_return_to_the_original_method_or_a_gift_card(store):
    back = propose(store, said("ann.lee@example.com", "The mug in order #W0000002 arrived cracked, I want a refund"))
    assert back.actions == [
        Action(
            name="return_delivered_order_items",
            arguments={"order_id": "#W0000002", "item_ids": [MUG_WHITE], "payment_method_id": "paypal_1"},
        )
    ]
    assert back.draft.startswith("I'm sorry about that.")  # an apology for the crack, not a refusal
    assert "can't" not in back.draft and "couldn't" not in back.draft
    credit = propose(store, said("ann.lee@example.com", "Return the mug from #W0000002 as store credit"))
    assert credit.actions[0].arguments["payment_method_id"] == "gift_card_1"


def test_cancelling_a_delivered_order_is_explained_and_a_return_offered_not_proposed(store):
    proposal = propose(store, said("ann.lee@example.com. Cancel order #W0000002"))
    assert proposal.actions == []
    assert "can't be cancelled, but it can be returned" in proposal.draft


def test_an_exchange_picks_the_option_asked_keeping_the_rest_and_reminds_it_is_once(store):
    proposal = propose(store, said("ann.lee@example.com. For #W0000002 I'd like to exchange the t-shirt for size M"))
    assert proposal.actions == [
        Action(
            name="exchange_delivered_order_items",
            arguments={
                "order_id": "#W0000002",
                "item_ids": [SHIRT_S_RED],
                "new_item_ids": [SHIRT_M_RED],
                "payment_method_id": "paypal_1",
            },
        )
    ]
    assert "only once" in proposal.draft


def test_a_later_sentence_restating_the_choice_replaces_the_earlier_one(store):
    proposal = propose(
        store,
        said("ann.lee@example.com. Change the mug in #W0000001 to a white one", "Actually, make it black instead"),
    )
    # the order's mug is white already: black is the only change asked
    assert proposal.actions[0].arguments["new_item_ids"] == [MUG_BLACK]


def test_an_unavailable_option_is_asked_about_not_proposed(store):
    proposal = propose(store, said("ann.lee@example.com. For #W0000001 change the t-shirt to size L blue"))
    assert proposal.actions == [] and proposal.needs == "new_items" and "not available" in proposal.draft


def test_a_payment_the_gift_card_cannot_cover_is_explained_not_proposed(store):
    proposal = propose(store, said("ann.lee@example.com. Change the payment of #W0000001 to my gift card"))
    assert proposal.actions == []
    assert "gift card must have enough balance" in proposal.draft
    assert "I can change the payment" not in proposal.draft  # the refused offer is withdrawn, not contradicted
    assert "Which other payment method would you like to use?" in proposal.draft


def test_a_named_gift_card_short_of_the_difference_is_refused_and_the_others_offered(store):
    proposal = propose(
        store, said("ann.lee@example.com. In #W0000001 I'd like the t-shirt in blue M, my gift card for the difference")
    )
    assert proposal.actions == []
    assert "gift card must have enough balance" in proposal.draft
    assert "Which other payment method would you like to use?" in proposal.draft and "PayPal" in proposal.draft


def test_out_of_scope_alone_is_handed_off_with_a_reason(store):
    proposal = propose(store, said("ann.lee@example.com. Unsubscribe me from your marketing emails"))
    assert proposal.handoff and proposal.handoff_reason and proposal.actions == []


def test_someone_elses_order_is_not_acted_on(store):
    proposal = propose(store, said("ann.lee@example.com. Cancel #W0000009"))
    assert proposal.actions == [] and "not one of them" in proposal.draft


def test_a_withdrawn_request_proposes_nothing(store):
    proposal = propose(store, said("ann.lee@example.com. Return the mug from #W0000002", "never mind, I'll keep it"))
    assert proposal.actions == [] and "leave order #W0000002 as it is" in proposal.draft


def test_done_actions_are_not_proposed_again_and_results_are_worded(store):
    conversation = said("ann.lee@example.com. Cancel #W0000001, no longer needed")
    first = propose(store, conversation)
    result = store.execute(first.actions[0], "ann_lee_1", confirmed_by="agent")
    assert "now cancelled" in result_reply(result)
    assert propose(store, conversation, done=first.actions).actions == []


def test_each_item_gets_the_words_after_its_name_when_the_sentence_says_what_it_becomes(store):
    proposal = propose(
        store, said("ann.lee@example.com. In #W0000001 change the t-shirt to size M and the mug to black")
    )
    assert proposal.actions[0].arguments["item_ids"] == [SHIRT_S_RED, MUG_WHITE]
    assert proposal.actions[0].arguments["new_item_ids"] == [SHIRT_M_RED, MUG_BLACK]


def test_a_name_typed_in_lower_case_with_the_zip_identifies(store):
    assert propose(store, said("hi it's ann lee, zip 78701, where's #W0000003?")).customer["user_id"] == "ann_lee_1"


def test_where_are_my_orders_lists_their_statuses_and_a_damaged_item_gets_an_apology(store):
    status = propose(store, said("ann.lee@example.com - my order hasn't arrived, where is it?"))
    assert status.needs == "" and "#W0000003 is processed" in status.draft and "Tracking number: 555" in status.draft
    assert status.draft.startswith("I'm sorry about that.")


def test_a_new_default_address_needs_no_order(store):
    proposal = propose(store, said("ann.lee@example.com. Change the address on my account to 9 Oak Rd, Reno, NV 89501"))
    assert proposal.actions[0].name == "modify_user_address"
    assert proposal.actions[0].arguments["city"] == "Reno" and proposal.actions[0].arguments["address2"] == ""


def test_a_return_and_an_exchange_on_one_delivered_order_is_a_choice_not_two_actions(store):
    proposal = propose(
        store, said("ann.lee@example.com. For #W0000002 return the mug, and exchange the t-shirt for size M")
    )
    assert proposal.actions == [] and proposal.needs == "choice" and "either returned or exchanged" in proposal.draft


def test_a_refund_method_the_policy_does_not_allow_is_asked_about(store):
    proposal = propose(store, said("ann.lee@example.com. Return the mug from #W0000002 to my credit card"))
    assert proposal.actions == [] and proposal.needs == "payment"
    assert "original payment method (PayPal (paypal_1)) or your gift card" in proposal.draft


def test_a_product_question_lists_the_available_options(store):
    proposal = propose(store, said("ann.lee@example.com. Which colors does the t-shirt come in?"))
    assert proposal.request == "product_question" and proposal.actions == []
    assert "color: red, blue" in proposal.draft and "size: S, M" in proposal.draft  # L blue is unavailable


def test_the_wrong_option_picked_reads_as_a_change(store):
    proposal = propose(store, said("ann.lee@example.com. On #W0000001 I picked the wrong mug colour, I wanted black"))
    assert proposal.actions[0].name == "modify_pending_order_items"
    assert proposal.actions[0].arguments["new_item_ids"] == [MUG_BLACK]


def test_a_pending_orders_address_changes_to_a_written_one_or_another_orders(store):
    written = propose(store, said("ann.lee@example.com. Please ship #W0000001 to 9 Oak Rd, Suite 2, Reno, NV 89501"))
    assert written.actions == [
        Action(
            name="modify_pending_order_address",
            arguments={
                "order_id": "#W0000001",
                "address1": "9 Oak Rd",
                "address2": "Suite 2",
                "city": "Reno",
                "state": "NV",
                "country": "USA",
                "zip": "89501",
            },
        )
    ]
    copied = propose(store, said("ann.lee@example.com. Change the address of #W0000004 to the same as #W0000001"))
    assert (
        copied.actions[0].arguments["address1"] == "1 Elm St" and copied.actions[0].arguments["order_id"] == "#W0000004"
    )


def test_the_customers_own_address_given_to_identify_them_is_not_an_address_change(store):
    proposal = propose(store, said("I'm Ann Lee, 1 Elm St, Austin, TX 78701. Cancel #W0000001, no longer needed"))
    assert [a.name for a in proposal.actions] == ["cancel_pending_order"]


def test_named_items_win_over_everything_and_all_items_need_no_names(store):
    named = propose(store, said("ann.lee@example.com. Return the mug from #W0000002 and refund everything to paypal"))
    assert named.actions[0].arguments["item_ids"] == [MUG_WHITE]
    everything = propose(store, said("ann.lee@example.com. Return all the items of #W0000002"))
    assert everything.actions[0].arguments["item_ids"] == [SHIRT_S_RED, MUG_WHITE]


def test_option_words_as_customers_say_them():
    table = {"backlight": ["RGB", "none", "white"], "size": ["60%", "80%", "full size"], "height": ["5 ft", "6 ft"]}
    said = value_mentions("one with no backlight in 80% size, 5-feet tall", table)
    assert [(o, v) for _, o, v in said] == [("backlight", "none"), ("size", "80%"), ("height", "5 ft")]
    assert value_mentions("size M please, not 60", {"size": ["M", "L"], "pieces": ["60"]})[0][1:] == ("size", "M")
    assert value_mentions("10 more days", {"size": ["10", "11"]}) == []  # a bare number needs its option's name
    # one reading per mention of a yes/no option, under either of its names
    water = {"water resistance": ["yes", "no"]}
    assert [v for _, _, v in value_mentions("from waterproof to not waterproof", water)] == ["yes", "no"]
