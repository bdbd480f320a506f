"""Training pairs for the action-kind adapter: labels, parsing a model's answer, and held-out
tasks kept out of training."""

from __future__ import annotations

import json

from finetune.action_kinds import SYSTEM, build_pairs, held_out, kinds_label, parse_label, request_text


def test_labels_are_the_sorted_kinds_and_answers_parse_back():
    assert kinds_label(["modify_pending_order_payment", "cancel_pending_order", "cancel_pending_order"]) == (
        "cancel + modify payment"
    )
    assert kinds_label(["transfer_to_human_agents"]) == "none"
    assert parse_label("modify payment + cancel") == frozenset({"cancel", "modify payment"})
    assert parse_label("I think they want a refund") == frozenset()


def test_the_request_is_the_instruction_without_persona_and_option_tables():
    instruction = (
        "Your name is Sofia Kovacs and your zip code is 19049. You are patient, confident. For #W1, exchange "
        "Coffee Maker {'color': 'black'} to {'color': 'white'}; via paypal_1. Cancel order #W2 because ordered by mistake."
    )
    assert request_text(instruction) == (
        "For #W1, exchange Coffee Maker to ; via paypal_1. Cancel order #W2 because ordered by mistake."
    )


def test_held_out_tasks_never_become_training_pairs(tmp_path):
    tasks = [
        {
            "instruction": "Your name is A. Cancel order #W1 because no longer needed.",
            "actions": [{"name": "cancel_pending_order"}],
        },
        {
            "instruction": "Your name is B. Return #W2 via paypal_2: Mug;",
            "actions": [{"name": "return_delivered_order_items"}],
        },
    ]
    (tmp_path / "tasks_train.json").write_text(json.dumps(tasks))
    train_openers = tmp_path / "train_openers.jsonl"
    train_openers.write_text(json.dumps({"split": "train", "index": 0, "messages": ["pls cancel #W1", "a@b.c"]}) + "\n")
    measured = tmp_path / "measured.jsonl"
    measured.write_text(json.dumps({"split": "train", "index": 1, "messages": ["return the mug"]}) + "\n")
    rows = build_pairs(tmp_path, [train_openers, measured], held_out([measured]))
    assert [r["messages"][1:] for r in rows] == [
        [
            {"role": "user", "content": "Cancel order #W1 because no longer needed."},
            {"role": "assistant", "content": "cancel"},
        ],
        [{"role": "user", "content": "pls cancel #W1\na@b.c"}, {"role": "assistant", "content": "cancel"}],
    ]
    assert all(r["messages"][0] == {"role": "system", "content": SYSTEM} for r in rows)
