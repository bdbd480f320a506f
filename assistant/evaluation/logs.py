"""The dialogue-log format: what the evaluator reads and the UI, the API and the importers write.

JSONL, one dialogue per line:

    {"id": "d1",
     "turns": [{"role": "user", "text": "rain jacket under $120"},
               {"role": "assistant", "text": "..."},      # what the assistant said, when logged
               {"role": "user", "text": "cheaper"},
               {"role": "agent", "text": "..."}],         # a human agent's reply, when logged
     "labels": {"constraints": {...},                      # queries format (see labels.py)
                "relevant_products": {"P1": 2, "P7": 1},   # graded relevance, final user turn
                "unsatisfiable": false,                    # nothing in the catalog satisfies it
                "intents": ["search", "refine"]},          # one per user turn (null: unlabelled)
     "meta": {"mode": "shop" | "copilot", "follow_up_kind": "...", "query": "...", "source": "..."}}

`labels.constraints` is one object (the request in force at the final user turn) or a list with
one entry per user turn (null where unlabelled). `labels.relevant_products` and
`labels.unsatisfiable` describe the final user turn. `meta.mode` says which entry point replays
the dialogue (`shop`: `Assistant.respond` turn by turn; `copilot`: `Assistant.copilot` at each
customer turn, with the logged agent replies as history and as references). `meta.query`, when
given on a multi-turn dialogue, is the same final request asked in one message: it is also run
in a fresh session so the conversation can be compared with one-shot search.

Every text is redacted (e-mail, phone, card numbers, addresses) when a log is written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator

from assistant.evaluation.labels import ConstraintLabel
from assistant.session import Session
from common.errors import ShopAssistError
from common.redact import redact

Role = Literal["user", "assistant", "agent"]
REPLY_ROLES = ("assistant", "agent")


class LogTurn(BaseModel):
    role: Role
    text: str


class AnswerLabel(BaseModel):
    """The right answer to a question turn: "yes", "no", "not_stated" or a value (with other
    accepted spellings), as `bench/product_questions.py` labels them."""

    gold: str = Field(min_length=1)
    accept: list[str] = Field(default_factory=list)


class Labels(BaseModel):
    constraints: ConstraintLabel | list[ConstraintLabel | None] | None = None
    relevant_products: dict[str, int] | None = None
    unsatisfiable: bool | None = None
    intents: list[str | None] | None = None
    answers: list[AnswerLabel | None] | None = None  # per user turn, where a turn asks a question


class Dialogue(BaseModel):
    id: str = Field(min_length=1)
    turns: list[LogTurn]
    labels: Labels | None = None
    meta: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _has_a_user_turn(self) -> Dialogue:
        if not any(t.role == "user" for t in self.turns):
            raise ValueError("a dialogue needs at least one turn with role 'user'")
        n = len(self.user_texts())
        if self.labels and self.labels.intents is not None and len(self.labels.intents) != n:
            raise ValueError(f"labels.intents has {len(self.labels.intents)} entries for {n} user turns")
        if self.labels and self.labels.answers is not None and len(self.labels.answers) != n:
            raise ValueError(f"labels.answers has {len(self.labels.answers)} entries for {n} user turns")
        if self.labels and isinstance(self.labels.constraints, list) and len(self.labels.constraints) != n:
            raise ValueError(f"labels.constraints has {len(self.labels.constraints)} entries for {n} user turns")
        return self

    @property
    def mode(self) -> str:
        return str(self.meta.get("mode", "shop"))

    def user_texts(self) -> list[str]:
        return [t.text for t in self.turns if t.role == "user"]

    def reference_replies(self) -> list[str | None]:
        """Per user turn, the logged reply that followed it (assistant or agent), if any."""
        out: list[str | None] = []
        for turn in self.turns:
            if turn.role == "user":
                out.append(None)
            elif out and out[-1] is None:
                out[-1] = turn.text
        return out

    def constraint_labels(self) -> list[ConstraintLabel | None]:
        """Per user turn, the labelled request in force (a single label belongs to the last turn)."""
        n = len(self.user_texts())
        given = self.labels.constraints if self.labels else None
        if isinstance(given, list):
            return list(given)
        return [None] * (n - 1) + [given]

    def answer_labels(self) -> list[AnswerLabel | None]:
        n = len(self.user_texts())
        return list(self.labels.answers) if self.labels and self.labels.answers else [None] * n

    def intent_labels(self) -> list[str | None]:
        n = len(self.user_texts())
        return list(self.labels.intents) if self.labels and self.labels.intents else [None] * n

    def follow_up_kinds(self) -> list[str | None]:
        """Per user turn, meta.follow_up_kind: one string applies to the later turns."""
        n = len(self.user_texts())
        kind = self.meta.get("follow_up_kind")
        if isinstance(kind, list):
            return [str(k) if k else None for k in kind][:n] + [None] * max(0, n - len(kind))
        return [None] + [str(kind) if kind else None] * (n - 1)

    def redacted(self) -> Dialogue:
        return self.model_copy(update={"turns": [LogTurn(role=t.role, text=redact(t.text)) for t in self.turns]})

    @classmethod
    def from_session(cls, session: Session, meta: dict[str, Any] | None = None) -> Dialogue:
        """A saved shopper session (API session store, UI) as a dialogue log, redacted."""
        turns = [LogTurn(role="user" if t.role == "user" else "assistant", text=t.content) for t in session.turns]
        return cls(id=session.id, turns=turns, meta={"mode": "shop", "source": "session", **(meta or {})}).redacted()


def read_dialogues(path: Path) -> list[Dialogue]:
    """Every dialogue of a JSONL log; one clear error (file and line) for a bad line."""
    if not path.is_file():
        raise ShopAssistError(f"dialogue log {path} does not exist; fix --logs")
    dialogues: list[Dialogue] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                dialogue = Dialogue.model_validate(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ShopAssistError(f"{path}, line {number}: invalid JSON ({exc.msg})") from None
            except ValidationError as exc:
                problem = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'dialogue'}: {e['msg']}" for e in exc.errors())
                raise ShopAssistError(
                    f"{path}, line {number}: not a dialogue ({problem}); see the README's dialogue-log format"
                ) from None
            if dialogue.id in seen:
                raise ShopAssistError(f"{path}, line {number}: dialogue id {dialogue.id!r} appears twice")
            seen.add(dialogue.id)
            dialogues.append(dialogue)
    if not dialogues:
        raise ShopAssistError(f"dialogue log {path} holds no dialogues")
    return dialogues


def write_dialogues(path: Path, dialogues: Iterable[Dialogue]) -> int:
    """Write dialogues as JSONL, redacted; returns how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for dialogue in dialogues:
            handle.write(dialogue.redacted().model_dump_json(exclude_none=True, exclude_defaults=True) + "\n")
            count += 1
    return count
