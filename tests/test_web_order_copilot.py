"""The Copilot tab with a store: the order panel, the proposed action, and running it (fake models)."""

from __future__ import annotations

import shutil

import gradio as gr
import pytest

from assistant.session_store import SessionStore
from tests.store_data import make_store
from ui.web.context import WebContext
from ui.web.copilot_tab import BASE, run_action, suggest_with_order

CONVERSATION = "customer: I'm Ann Lee, zip 78701. Please cancel order #W0000001, I don't need it anymore."


@pytest.fixture()
def ctx(make_assistant, fake_settings, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(fake_settings.data_dir, data_dir)
    make_store(data_dir).close()
    assistant, _ = make_assistant(default="unused", data_dir=data_dir)
    return WebContext.create(assistant.settings, assistant, SessionStore.from_settings(assistant.settings))


def test_the_tab_shows_the_customer_and_runs_the_confirmed_action_once(ctx):
    reply, intent, policies, _, order, actions, _, state = suggest_with_order(ctx, CONVERSATION, BASE, {})
    assert "cancel it (reason: no longer needed)" in reply and "yes" in reply
    assert "Ann Lee" in order and "#W0000001" in order and "Cancel pending order" in order
    assert "no model was asked" in intent
    assert actions["choices"] == [("cancel_pending_order(order_id=#W0000001, reason=no longer needed)", 0)]
    with pytest.raises(gr.Error, match="Confirmed by"):
        run_action(ctx, CONVERSATION, 0, " ", state)
    conversation, shown, state = run_action(ctx, CONVERSATION, 0, "agent-7", state)
    assert conversation.endswith(
        "agent: Order #W0000001 is now cancelled; the refund goes back to the original payment method."
    )
    assert "now cancelled" in shown and len(state["done"]) == 1
    again = suggest_with_order(ctx, conversation, BASE, state)
    assert again[5]["choices"] == []  # done: not proposed again
