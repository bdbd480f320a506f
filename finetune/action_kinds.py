"""Training pairs for a narrow adapter: which kinds of store action a customer's free text asks
for (cancel, return, exchange, modify items / address / payment, default address, or none).

The order copilot reads this with rules (`assistant/data/order_requests.yaml`); an adapter is
worth its place only if it reads the kinds better from text the rules have not seen. The pairs
come from tau-bench retail's training tasks: each task's instruction, without the persona
sentences ('Your name is ...', 'You are ...'), and the customer messages written for some of
them (`bench/data/copilot_openers_train*.jsonl`), labelled with the kinds of the task's expected
actions. Tasks held out for measuring (`--exclude` openers files) never become training pairs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from common.errors import ShopAssistError

# tau-bench's tool names -> the words the adapter answers with (short, one token group each).
KINDS = {
    "cancel_pending_order": "cancel",
    "return_delivered_order_items": "return",
    "exchange_delivered_order_items": "exchange",
    "modify_pending_order_items": "modify items",
    "modify_pending_order_address": "modify address",
    "modify_pending_order_payment": "modify payment",
    "modify_user_address": "default address",
}
NONE = "none"
SYSTEM = (
    "You read a retail customer's messages and name the store actions they ask for. "
    "Answer only with the action names joined by ' + ', in alphabetical order, from: "
    + ", ".join(sorted(set(KINDS.values())))
    + f"; or {NONE}."
)
# Instruction sentences about the simulated user, not the request.
PERSONA = re.compile(r"^\s*(?:your name is|you are|your (?:zip|e-?mail|user))", re.IGNORECASE)


def kinds_label(action_names: list[str]) -> str:
    """The answer for a list of tau action names: known kinds, sorted, joined by ' + '."""
    kinds = sorted({KINDS[name] for name in action_names if name in KINDS})
    return " + ".join(kinds) if kinds else NONE


def parse_label(answer: str) -> frozenset[str]:
    """The kinds named in a model's answer (unknown words are ignored)."""
    said = {part.strip().lower() for part in answer.replace("\n", " ").split("+")}
    return frozenset(k for k in set(KINDS.values()) if k in said)


def request_text(instruction: str) -> str:
    """A task instruction without its persona sentences and option tables ({'color': 'black'}):
    what the customer wants, short enough that the answer fits the training length."""
    parts = re.split(r"(?<=[.!?])\s+", instruction.strip())
    text = " ".join(p for p in parts if not PERSONA.match(p))
    return re.sub(r"\s+", " ", OPTION_TABLE.sub("", text)).strip()


OPTION_TABLE = re.compile(r"\{[^{}]*\}")


def pair(user_text: str, label: str) -> dict[str, Any]:
    return {
        "messages": [
            {"role": "system", "content": SYSTEM},
            {"role": "user", "content": user_text},
            {"role": "assistant", "content": label},
        ]
    }


def held_out(openers_files: list[Path]) -> set[tuple[str, int]]:
    """(split, index) of every task in these openers files."""
    keys = set()
    for path in openers_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                keys.add((row["split"], int(row["index"])))
    return keys


def build_pairs(tau_dir: Path, openers_files: list[Path], exclude: set[tuple[str, int]]) -> list[dict[str, Any]]:
    """Chat-format training rows from the tau train tasks not in `exclude` (the dev tasks are
    never used: they are measured on)."""
    tasks_path = tau_dir / "tasks_train.json"
    if not tasks_path.is_file():
        raise ShopAssistError(f"no {tasks_path}: pass the tau_retail folder (../shared/datasets/tau_retail)")
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    rows = []
    for index, task in enumerate(tasks):
        if ("train", index) in exclude:
            continue
        text = request_text(task["instruction"])
        if text:
            rows.append(pair(text, kinds_label([a["name"] for a in task["actions"]])))
    for path in openers_files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            opener = json.loads(line)
            key = (opener["split"], int(opener["index"]))
            if opener["split"] != "train" or key in exclude:
                continue
            actions = [a["name"] for a in tasks[key[1]]["actions"]]
            rows.append(pair("\n".join(opener["messages"]), kinds_label(actions)))
    return rows


def write_pairs(rows: list[dict[str, Any]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
