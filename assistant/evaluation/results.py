"""An evaluation run's files: turns.jsonl (one `TurnRow` per user turn) and run.json (its identity).

Kept apart from the replay so the report and the A/B comparison read results without loading
the assistant.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from common.errors import ShopAssistError


class TurnRow(BaseModel):
    """One user turn, replayed and scored (a line of turns.jsonl)."""

    dialogue_id: str
    turn: int  # 0-based index among the dialogue's user turns
    of: int  # user turns in the dialogue
    mode: str  # shop | copilot
    message: str
    intent: str | None = None
    intent_label: str | None = None
    follow_up_kind: str | None = None  # meta.follow_up_kind, else the evaluator's reading
    text: str = ""
    cards: list[dict[str, Any]] = Field(default_factory=list)
    reference: str | None = None  # the logged reply to this turn
    failed: list[dict[str, str]] = Field(default_factory=list)  # {"check", "detail", "sentence"?}
    counts: dict[str, float] = Field(default_factory=dict)
    values: dict[str, float] = Field(default_factory=dict)  # per-turn scores worth showing
    timings_ms: dict[str, float] = Field(default_factory=dict)
    one_shot: dict[str, Any] | None = None  # meta.query asked in a fresh session
    error: str | None = None


def finished_dialogues(path: Path) -> dict[str, list[dict]]:
    """Rows of the dialogues turns.jsonl holds completely; repairs a file cut by a crash.

    A dialogue's rows are written in one call, so a kill can only leave a cut last line or,
    rarely, part of one dialogue: both are dropped (the file is rewritten without them).
    """
    if not path.exists():
        return {}
    rows: dict[str, list[dict]] = {}
    broken = False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        try:
            row = json.loads(line)
            if not line.endswith("\n"):
                raise ValueError("cut line")
        except ValueError:
            broken = True
            continue
        rows.setdefault(row["dialogue_id"], []).append(row)
    done = {d: r for d, r in rows.items() if len(r) == r[0]["of"]}
    if broken or len(done) != len(rows):
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for dialogue_rows in done.values():
                handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in dialogue_rows)
        tmp.replace(path)
    return done


def check_run_identity(out_dir: Path, identity: dict[str, Any]) -> None:
    """A results folder holds one log evaluated with one configuration; refuse to mix runs."""
    path = out_dir / "run.json"
    if path.exists():
        before = json.loads(path.read_text(encoding="utf-8"))
        if before != identity:
            changed = sorted(k for k in identity.keys() | before.keys() if before.get(k) != identity.get(k))
            raise ShopAssistError(
                f"{out_dir} holds results of another run ({', '.join(changed)} differ); "
                "pass a new --out folder or delete this one"
            )
    else:
        out_dir.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(identity, indent=2), encoding="utf-8")


def read_rows(out_dir: Path, dialogue_ids: list[str] | None = None) -> list[dict]:
    """The finished rows of a results folder, in log order when the ids are given."""
    done = finished_dialogues(out_dir / "turns.jsonl")
    order = dialogue_ids if dialogue_ids is not None else list(done)
    return [row for d in order if d in done for row in sorted(done[d], key=lambda r: r["turn"])]
