"""Importers: other corpora as dialogue logs (see `logs.py`).

* `tau`: tau-bench trajectories (`{"messages_display": "user: ...\\nassistant: ...\\ntool: ..."}`).
  The customer's turns stay `user`, the agent's words become `agent` turns (the references for the
  copilot); tool calls (`assistant: None`) and tool results are dropped, since the copilot sees no
  order database; the simulator's `###STOP###` marker goes.
* `pairs`: instruction pairs (`{"instruction", "input", "output"}`): one copilot dialogue per pair,
  the input (or the instruction when the input is empty) as the customer, the output as the agent.
* `chat`: chat JSONL (`{"messages": [{"role", "content"}]}`, data/dialogues): system messages go to
  `meta.system`, user -> user, assistant -> agent.
* `queries`: labelled queries (`{"qid", "query", "constraints", "unsatisfiable", "relevant"}`):
  one-turn shopping dialogues carrying their labels.

The format is detected from the first row; every row must have it. Bad rows are one clear error
naming the file and line, since a silently shorter evaluation set would mislead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from assistant.evaluation.logs import Dialogue, Labels, LogTurn
from common.errors import ShopAssistError

FORMATS = ("tau", "pairs", "chat", "queries")
_TAU_TURN = re.compile(r"^(user|assistant|tool): ?", re.MULTILINE)


def detect_format(row: dict[str, Any]) -> str | None:
    if "messages_display" in row:
        return "tau"
    if "messages" in row:
        return "chat"
    if "qid" in row and "query" in row:
        return "queries"
    if "output" in row and ("instruction" in row or "input" in row):
        return "pairs"
    return None


def from_tau(row: dict[str, Any], ident: str) -> Dialogue:
    display = row["messages_display"]
    if not isinstance(display, str):
        raise ValueError("'messages_display' must be a string")
    parts = _TAU_TURN.split(display)  # ['', role, text, role, text, ...]
    turns = []
    for role, text in zip(parts[1::2], parts[2::2], strict=True):
        text = text.replace("###STOP###", "").strip()
        if role == "tool" or not text or (role == "assistant" and text == "None"):
            continue
        turns.append(LogTurn(role="user" if role == "user" else "agent", text=text))
    return Dialogue(id=ident, turns=turns, meta={"mode": "copilot", "source": "tau_retail"})


def from_pairs(row: dict[str, Any], ident: str) -> Dialogue:
    instruction, prompt, output = (str(row.get(k) or "") for k in ("instruction", "input", "output"))
    if not prompt.strip():
        instruction, prompt = "", instruction
    meta = {"mode": "copilot", "source": "support_pairs"}
    if instruction.strip():
        meta["instruction"] = instruction.strip()
    turns = [LogTurn(role="user", text=prompt.strip()), LogTurn(role="agent", text=output.strip())]
    return Dialogue(id=ident, turns=turns, meta=meta)


def from_chat(row: dict[str, Any], ident: str) -> Dialogue:
    messages = row["messages"]
    if not isinstance(messages, list):
        raise ValueError("'messages' must be a list")
    system = [m["content"] for m in messages if m.get("role") == "system"]
    turns = [
        LogTurn(role="user" if m["role"] == "user" else "agent", text=m["content"])
        for m in messages
        if m.get("role") in ("user", "assistant") and str(m.get("content", "")).strip()
    ]
    meta: dict[str, Any] = {"mode": "copilot", "source": "chat"}
    if system:
        meta["system"] = "\n".join(system)
    return Dialogue(id=ident, turns=turns, meta=meta)


def from_queries(row: dict[str, Any], ident: str) -> Dialogue:
    labels = Labels(
        constraints=row.get("constraints"),
        relevant_products=row.get("relevant"),
        unsatisfiable=row.get("unsatisfiable"),
    )
    meta = {"mode": "shop", "source": "queries"}
    if row.get("area"):
        meta["area"] = row["area"]
    return Dialogue(
        id=str(row.get("qid") or ident), turns=[LogTurn(role="user", text=row["query"])], labels=labels, meta=meta
    )


PARSERS: dict[str, Callable[[dict[str, Any], str], Dialogue]] = {
    "tau": from_tau,
    "pairs": from_pairs,
    "chat": from_chat,
    "queries": from_queries,
}


def import_file(path: Path, fmt: str = "auto", limit: int | None = None) -> list[Dialogue]:
    """Dialogues from a corpus file of one of FORMATS ("auto": detected from the first row)."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ShopAssistError(f"unknown import format {fmt!r}; use auto, {', '.join(FORMATS)}")
    if not path.is_file():
        raise ShopAssistError(f"file to import {path} does not exist")
    dialogues: list[Dialogue] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if limit is not None and len(dialogues) >= limit:
                break
            where = f"{path}, line {number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ShopAssistError(f"{where}: invalid JSON ({exc.msg})") from None
            kind = detect_format(row) if isinstance(row, dict) else None
            if fmt == "auto":
                if kind is None:
                    raise ShopAssistError(f"{where}: unknown row format; pass --format ({', '.join(FORMATS)})")
                fmt = kind
            if kind != fmt:
                raise ShopAssistError(f"{where}: the row is not in the {fmt!r} format of the file")
            try:
                dialogues.append(PARSERS[fmt](row, f"{fmt}-{path.stem}-{number}"))
            except (ValueError, KeyError, TypeError, ValidationError) as exc:
                raise ShopAssistError(f"{where}: cannot import this {fmt} row ({exc})") from None
    if not dialogues:
        raise ShopAssistError(f"{path} holds no rows to import")
    return dialogues
