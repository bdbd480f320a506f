"""Shopper feedback: thumbs up/down on a reply or a product, stored in SQLite in the data dir.

One row per (session, turn, target): a second vote on the same thing replaces the first, and
withdrawing a vote deletes it, so the table always says what the shopper thinks now. The
conversation up to the vote is kept beside the votes (one row per session), so analysts can
read the worst-rated replies in context and the export needs nothing else. Everything a
shopper typed (comments, messages) is PII-redacted before it is written.

The export is the dialogue-log format the evaluator reads (`assistant.evaluation.logs`; JSONL,
one dialogue per line): `{"id", "turns": [{"role", "text"}], "meta": {"mode": "shop", "source":
"web feedback", "feedback": [{"turn", "target", "vote", "comment"}]}}`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from pydantic import BaseModel

from assistant.evaluation.logs import Dialogue, write_dialogues
from common.errors import ShopAssistError
from common.redact import redact

REPLY = "reply"  # the target of a vote on a whole reply; a product's is "product:<id>"
MAX_COMMENT_CHARS = 2000
VOTES = {1: "up", -1: "down"}

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    session_id TEXT NOT NULL,
    turn INTEGER NOT NULL,          -- 1-based: the shopper's n-th message and the reply to it
    target TEXT NOT NULL,           -- 'reply' or 'product:<id>'
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    comment TEXT,
    created_at REAL NOT NULL,
    UNIQUE (session_id, turn, target)
);
CREATE TABLE IF NOT EXISTS dialogues (
    session_id TEXT PRIMARY KEY,
    turns TEXT NOT NULL,            -- JSON list of {"role", "text"}, redacted
    updated_at REAL NOT NULL
);
"""


def product_target(product_id: str) -> str:
    return f"product:{product_id}"


class FeedbackCounts(BaseModel):
    reply_up: int = 0
    reply_down: int = 0
    product_up: int = 0
    product_down: int = 0
    comments: int = 0
    dialogues: int = 0


class RatedReply(BaseModel):
    """A reply with its votes and the conversation up to and including it."""

    session_id: str
    turn: int
    score: int  # sum of votes (each session votes once per reply, so -1, 0 or 1 today)
    downs: int
    comment: str | None
    message: str  # what the shopper said
    reply: str
    conversation: list[dict[str, str]]


class FeedbackStore:
    def __init__(self, path: Path):
        self.path = path
        self._write = threading.Lock()  # one writer at a time inside this process
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db.executescript(SCHEMA)

    @classmethod
    def in_data_dir(cls, data_dir: Path) -> FeedbackStore:
        return cls(data_dir / "feedback.sqlite3")

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        # A connection per call: the web app calls from many worker threads, and SQLite
        # connections must not cross threads. `with db` commits (or rolls back) the call.
        try:
            with closing(sqlite3.connect(self.path, timeout=10)) as db, db:
                db.row_factory = sqlite3.Row
                yield db
        except sqlite3.Error as exc:
            raise ShopAssistError(f"feedback store {self.path}: {exc}") from exc

    # -- writing -----------------------------------------------------------------------------
    def record(
        self,
        session_id: str,
        turn: int,
        target: str,
        vote: int,
        conversation: list[dict[str, str]],
        comment: str | None = None,
    ) -> int:
        """Store a vote (replacing an earlier one on the same target) and the conversation so
        far; returns the vote's id (for a comment added later)."""
        if vote not in VOTES:
            raise ShopAssistError(f"a vote is 1 (up) or -1 (down), not {vote!r}")
        if turn < 1:
            raise ShopAssistError(f"turn {turn} does not exist; turns count from 1")
        now = time.time()
        turns = json.dumps([{"role": t["role"], "text": redact(t["text"])} for t in conversation], ensure_ascii=False)
        with self._write, self._db() as db:
            db.execute(
                "INSERT INTO dialogues (session_id, turns, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (session_id) DO UPDATE SET turns = excluded.turns, updated_at = excluded.updated_at",
                (session_id, turns, now),
            )
            row = db.execute(
                "INSERT INTO feedback (session_id, turn, target, vote, comment, created_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (session_id, turn, target) DO UPDATE SET vote = excluded.vote, "
                "comment = COALESCE(excluded.comment, feedback.comment), created_at = excluded.created_at "
                "RETURNING id",
                (session_id, turn, target, vote, _clean_comment(comment), now),
            ).fetchone()
        return int(row["id"])

    def withdraw(self, session_id: str, turn: int, target: str) -> None:
        """The shopper took a vote back."""
        with self._write, self._db() as db:
            db.execute(
                "DELETE FROM feedback WHERE session_id = ? AND turn = ? AND target = ?", (session_id, turn, target)
            )

    def add_comment(self, feedback_id: int, comment: str) -> None:
        with self._write, self._db() as db:
            changed = db.execute(
                "UPDATE feedback SET comment = ? WHERE id = ?", (_clean_comment(comment), feedback_id)
            ).rowcount
        if not changed:
            raise ShopAssistError("that vote no longer exists; vote again, then comment")

    # -- reading -----------------------------------------------------------------------------
    def votes(self, session_id: str | None = None) -> list[dict]:
        query = "SELECT id, session_id, turn, target, vote, comment, created_at FROM feedback"
        args: tuple = ()
        if session_id is not None:
            query, args = query + " WHERE session_id = ?", (session_id,)
        with self._db() as db:
            return [dict(r) for r in db.execute(query + " ORDER BY session_id, turn, target", args)]

    def counts(self) -> FeedbackCounts:
        with self._db() as db:
            row = db.execute(
                "SELECT "
                "SUM(target = 'reply' AND vote = 1) AS reply_up, SUM(target = 'reply' AND vote = -1) AS reply_down, "
                "SUM(target != 'reply' AND vote = 1) AS product_up, "
                "SUM(target != 'reply' AND vote = -1) AS product_down, "
                "SUM(comment IS NOT NULL) AS comments, COUNT(DISTINCT session_id) AS dialogues FROM feedback"
            ).fetchone()
        return FeedbackCounts(**{k: row[k] or 0 for k in row.keys()})

    def worst_replies(self, limit: int = 5) -> list[RatedReply]:
        """Replies with the lowest score (most down-votes first among equals); only those with
        at least one down-vote."""
        with self._db() as db:
            rows = db.execute(
                "SELECT f.session_id, f.turn, SUM(f.vote) AS score, SUM(f.vote = -1) AS downs, "
                "MAX(f.comment) AS comment, d.turns FROM feedback f JOIN dialogues d USING (session_id) "
                "WHERE f.target = ? GROUP BY f.session_id, f.turn HAVING downs > 0 "
                "ORDER BY score ASC, downs DESC, MAX(f.created_at) DESC LIMIT ?",
                (REPLY, limit),
            ).fetchall()
        out = []
        for r in rows:
            conversation = json.loads(r["turns"])
            message, reply, upto = _exchange(conversation, r["turn"])
            out.append(
                RatedReply(
                    session_id=r["session_id"],
                    turn=r["turn"],
                    score=r["score"],
                    downs=r["downs"],
                    comment=r["comment"],
                    message=message,
                    reply=reply,
                    conversation=conversation[:upto],
                )
            )
        return out

    def dialogues(self) -> Iterator[Dialogue]:
        """Each conversation with feedback as a dialogue log; meta.feedback holds its votes."""
        with self._db() as db:
            dialogues = db.execute("SELECT session_id, turns FROM dialogues ORDER BY updated_at").fetchall()
            votes: dict[str, list[dict]] = {}
            for v in db.execute("SELECT session_id, turn, target, vote, comment FROM feedback ORDER BY turn, target"):
                votes.setdefault(v["session_id"], []).append(
                    {"turn": v["turn"], "target": v["target"], "vote": VOTES[v["vote"]], "comment": v["comment"]}
                )
        for d in dialogues:
            if d["session_id"] in votes:
                yield Dialogue(
                    id=d["session_id"],
                    turns=json.loads(d["turns"]),
                    meta={"mode": "shop", "source": "web feedback", "feedback": votes[d["session_id"]]},
                )

    def export_jsonl(self, path: Path) -> int:
        """Write the conversations with feedback as a dialogue log (JSONL); returns how many."""
        return write_dialogues(path, self.dialogues())


def _clean_comment(comment: str | None) -> str | None:
    if comment is None or not comment.strip():
        return None
    if len(comment) > MAX_COMMENT_CHARS:
        raise ShopAssistError(f"the comment has {len(comment)} characters; the limit is {MAX_COMMENT_CHARS}")
    return redact(" ".join(comment.split()))


def _exchange(conversation: list[dict[str, str]], turn: int) -> tuple[str, str, int]:
    """The `turn`-th user message, the reply after it, and how many entries reach that reply."""
    seen = 0
    for i, entry in enumerate(conversation):
        if entry["role"] == "user":
            seen += 1
            if seen == turn:
                reply_at = next((j for j in range(i + 1, len(conversation)) if conversation[j]["role"] != "user"), None)
                if reply_at is None:
                    return entry["text"], "", i + 1
                return entry["text"], conversation[reply_at]["text"], reply_at + 1
    return "", "", len(conversation)
