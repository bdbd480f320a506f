"""`SessionStore`: sessions on disk that belong to whoever created them.

- The server issues ids (`create()`); a client-chosen id is never taken. `create()` also returns
  a secret token; the file keeps only its SHA-256 (the token is 256 random bits, so an unsalted
  hash cannot be brute-forced) and `open()` compares hashes in constant time.
- `open(id, token)` is for untrusted callers (the HTTP API, the web app); `load(id)` is for the
  trusted local CLI (`shopassist ask --session ID`), which owns the data directory anyway.
- Files are written atomically, with personal data (e-mail, phone, card, IBAN, street address)
  redacted from the shopper's text first; a session expires `session_ttl_s` after its last turn,
  keeps its last `session_max_turns` messages, and may not grow past `session_max_bytes`.
- `lock(id)` hands out one lock per session, so a session takes one turn at a time (in this
  process: run one server process per data directory).

Errors are `ShopAssistError`s: `SessionNotFound` for unknown, expired or wrong-token sessions
(one message for all three, so a caller cannot probe which ids exist), `SessionStorageError`
when the disk refuses a write (full, read-only, or no answer within `dependency_timeout_s`) and
the session cannot be held in memory instead (`hold`), `SessionLimitError` when too many
sessions are open.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import tempfile
import threading
import time
from pathlib import Path

from pydantic import BaseModel, ValidationError

from assistant.session import Session, ShownCard, Turn
from assistant.wording import SUPPORT_EMAIL
from common.dependency import Dependency, DependencyUnavailable
from common.errors import ShopAssistError
from common.redact import redact, redact_keeping
from common.settings import Settings

log = logging.getLogger(__name__)

# Server-issued ids are 32 hex characters; older CLI ids were 16. fullmatch, not `$`: "abc\n"
# must not pass.
SESSION_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
SWEEP_EVERY_S = 60.0  # how often create() removes expired session files


class SessionNotFound(ShopAssistError):
    """Unknown, expired, or the token does not match."""


class SessionStorageError(ShopAssistError):
    """The session could not be written (disk full, read-only data directory)."""


class SessionLimitError(ShopAssistError):
    """Too many sessions are open, or one session grew too large."""


class StoredSession(BaseModel):
    """The file format: the session plus what the store needs to guard it."""

    token_sha256: str | None  # None: a session made by the local CLI, never opened by token
    last_used_at: float
    session: Session


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def _redacted_turn(turn: Turn) -> str:
    """A reply keeps the shop's own support address; anything else personal goes."""
    if turn.role == "assistant":
        return redact_keeping(turn.content, [SUPPORT_EMAIL])
    return redact(turn.content)


def redacted(session: Session) -> Session:
    """The session as it may be written: the shopper's and the assistant's words redacted.

    Only free text is touched (turns, the active request's text and product type in the
    shopper's words, and what the last reply said about its cards, which may quote them); ids
    and constraints are catalog values."""
    request, last = session.request, session.last
    c = request.constraints
    constraints = c.model_copy(
        update={
            "price_min": _bound(c.price_min),
            "price_max": _bound(c.price_max),
            "attributes": [redact(a) for a in c.attributes],
            "categories": [redact(a) for a in c.categories],
        }
    )
    return session.model_copy(
        update={
            "turns": [turn.model_copy(update={"content": _redacted_turn(turn)}) for turn in session.turns],
            "request": request.model_copy(
                update={
                    "text": redact(request.text),
                    "product_type": request.product_type and redact(request.product_type),
                    "constraints": constraints,
                }
            ),
            "last": last.model_copy(
                update={
                    "cards": [_redacted_card(card) for card in last.cards],
                    "empty_reason": last.empty_reason and redact(last.empty_reason),
                    "not_carried": last.not_carried and redact(last.not_carried),
                }
            ),
        }
    )


def _bound(value: float | None) -> float | None:
    """A price bound that is personal data written as a number (a card number read as "under
    4012888888881881") is not saved."""
    if value is None:
        return None
    digits = f"{value:.0f}"
    return value if redact(digits) == digits else None


def _redacted_card(card: ShownCard) -> ShownCard:
    why = card.why.model_copy(
        update={"terms": [redact(t) for t in card.why.terms], "constraints": [redact(c) for c in card.why.constraints]}
    )
    return card.model_copy(update={"why": why, "breaks": card.breaks and redact(card.breaks)})


class SessionStore:
    def __init__(
        self,
        root: Path,
        ttl_s: float = 86400.0,
        max_turns: int = 200,
        max_bytes: int = 262144,
        max_sessions: int = 10000,
        disk: Dependency | None = None,
        hold: int = 0,
    ):
        self.root = root
        # While the disk refuses writes (full, read-only, not answering), up to `hold` sessions
        # are kept in memory and written by their next save that the disk takes: shopping goes
        # on through a disk fault. 0 (the CLI: its process ends) refuses the turn instead.
        self.hold = hold
        self._held: dict[str, StoredSession] = {}
        # Every read and write of a session file has a deadline: a hung disk (a stalled network
        # mount) is a storage error in seconds, not a turn that never ends (common/dependency.py).
        self.disk = disk or Dependency("the data disk", timeout_s=3.0, retry_s=10.0)
        self.ttl_s = ttl_s
        self.max_turns = max_turns
        self.max_bytes = max_bytes
        self.max_sessions = max_sessions
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._last_sweep = 0.0

    @classmethod
    def from_settings(cls, settings: Settings, hold: bool = False) -> SessionStore:
        """`hold`: a long-running server keeps sessions in memory while the disk refuses them
        (up to `sessions_held_in_memory`)."""
        return cls(
            settings.data_dir / "sessions",
            ttl_s=settings.session_ttl_s,
            max_turns=settings.session_max_turns,
            max_bytes=settings.session_max_bytes,
            max_sessions=settings.max_sessions,
            disk=Dependency("the data disk", settings.dependency_timeout_s, settings.dependency_retry_s),
            hold=settings.sessions_held_in_memory if hold else 0,
        )

    # -- the contract ------------------------------------------------------------------------
    def create(self) -> tuple[Session, str]:
        """A new session with a server-issued id, and the secret token that opens it."""
        try:
            self.disk.call(self._sweep_expired)
            count = self.disk.call(self._count)
        except (DependencyUnavailable, OSError) as exc:
            if not self.hold:
                raise SessionStorageError(f"cannot create a session in {self.root}: {exc}") from exc
            count = 0  # the disk cannot tell; `hold` caps the sessions kept in memory
        if count >= self.max_sessions:
            raise SessionLimitError(f"{self.max_sessions} sessions are open (SHOPASSIST_MAX_SESSIONS); try again later")
        token = secrets.token_urlsafe(32)
        session = Session(id=secrets.token_hex(16))
        self._write(session, _token_hash(token))
        return session, token

    def create_local(self) -> Session:
        """A new session for the trusted local CLI, resumed with `load` (no token)."""
        session = Session(id=secrets.token_hex(16))
        self._write(session, None)
        return session

    def open(self, session_id: str, token: str) -> Session:
        """The session, for a caller who presents its token; SessionNotFound otherwise."""
        stored = self._read(session_id) if SESSION_ID.fullmatch(session_id) else None
        presented = _token_hash(token or "")
        # Compare even when there is nothing to compare with, so timing says nothing either.
        expected = stored.token_sha256 if stored and stored.token_sha256 else _token_hash(secrets.token_hex(16))
        if not hmac.compare_digest(presented, expected) or stored is None:
            raise SessionNotFound(
                "unknown or expired session, or wrong session token; start one with POST /v1/sessions"
            )
        return stored.session

    def load(self, session_id: str) -> Session:
        """The session by id alone: for the trusted local CLI only."""
        if not SESSION_ID.fullmatch(session_id):
            raise SessionNotFound(f"invalid session id {session_id!r}: use letters, digits, - and _")
        stored = self._read(session_id)
        if stored is None:
            raise SessionNotFound(f"no session {session_id!r} (or it expired); start one without --session")
        return stored.session

    def save(self, session: Session) -> None:
        """Write the session (redacted, capped); SessionStorageError if the disk refuses."""
        stored = self._read(session.id)
        if stored is None:  # never issued here (a client-chosen id), or expired during the turn
            raise SessionNotFound(f"no session {session.id!r} (or it expired); start a new session")
        self._write(session, stored.token_sha256)

    def lock(self, session_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(session_id, threading.Lock())

    # -- files -------------------------------------------------------------------------------
    def path(self, session_id: str) -> Path:
        if not SESSION_ID.fullmatch(session_id):
            raise SessionNotFound(f"invalid session id {session_id!r}: use letters, digits, - and _")
        return self.root / f"{session_id}.json"

    def _read(self, session_id: str) -> StoredSession | None:
        """The stored session, or None when missing or expired (an expired file is removed)."""
        path = self.path(session_id)
        with self._guard:
            held = self._held.get(session_id)
        if held is not None:  # newer than its file, if it has one
            if time.time() - held.last_used_at <= self.ttl_s:
                return held
            with self._guard:
                self._held.pop(session_id, None)
        try:
            stored = StoredSession.model_validate_json(self.disk.call(path.read_bytes))
        except DependencyUnavailable as exc:
            raise SessionStorageError(f"cannot read session {session_id} in {self.root}: {exc}") from exc
        except FileNotFoundError:
            return None
        except (OSError, ValidationError) as exc:
            log.warning("session file %s unreadable: %s", path, exc)
            return None
        if time.time() - stored.last_used_at > self.ttl_s:
            path.unlink(missing_ok=True)
            return None
        return stored

    def _write(self, session: Session, token_hash: str | None) -> None:
        session = redacted(session)
        if len(session.turns) > self.max_turns:
            session.turns = session.turns[-self.max_turns :]
        data = self._encode(session, token_hash)
        while len(data) > self.max_bytes and session.turns:  # oldest turns go first
            session.turns = session.turns[2:]
            data = self._encode(session, token_hash)
        if len(data) > self.max_bytes:
            raise SessionLimitError(f"session {session.id} is over {self.max_bytes} bytes; start a new session")
        path = self.path(session.id)
        try:
            try:
                self.disk.call(self._write_file, path, data)
            except DependencyUnavailable as exc:
                raise SessionStorageError(f"cannot save session {session.id} in {self.root}: {exc}") from exc
            except OSError as exc:
                raise SessionStorageError(
                    f"cannot save session {session.id} in {self.root}: {exc.strerror or exc}. "
                    "Free disk space or make the data directory writable; this turn was not saved"
                ) from exc
        except SessionStorageError as exc:
            if not self._held_in_memory(session, token_hash):
                raise
            log.warning("%s; kept in memory until the disk takes it", exc)
            return
        with self._guard:
            self._held.pop(session.id, None)

    def _held_in_memory(self, session: Session, token_hash: str | None) -> bool:
        """Keep the session in memory when holding is on and there is room; False otherwise."""
        with self._guard:
            if not self.hold or (session.id not in self._held and len(self._held) >= self.hold):
                return False
            self._held[session.id] = StoredSession(token_sha256=token_hash, last_used_at=time.time(), session=session)
            return True

    def held(self) -> int:
        """Sessions kept in memory because the disk refused them (for /readyz)."""
        with self._guard:
            return len(self._held)

    def _write_file(self, path: Path, data: bytes) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self._write_atomic(path, data)

    @staticmethod
    def _write_atomic(path: Path, data: bytes) -> None:
        """Write a temporary file beside the target, then rename: a crash never leaves half a
        session, and a failed write leaves the previous file as it was."""
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @staticmethod
    def _encode(session: Session, token_hash: str | None) -> bytes:
        stored = StoredSession(token_sha256=token_hash, last_used_at=time.time(), session=session)
        return stored.model_dump_json().encode("utf-8")

    def _count(self) -> int:
        try:
            return sum(1 for entry in os.scandir(self.root) if entry.name.endswith(".json"))
        except FileNotFoundError:
            return 0

    def _sweep_expired(self) -> None:
        """Remove expired session files (by modification time: each save rewrites the file)."""
        now = time.time()
        if now - self._last_sweep < SWEEP_EVERY_S:
            return
        self._last_sweep = now
        try:
            entries = list(os.scandir(self.root))
        except FileNotFoundError:
            return
        for entry in entries:
            if entry.name.endswith(".json") and now - entry.stat().st_mtime > self.ttl_s:
                Path(entry.path).unlink(missing_ok=True)
                with self._guard:
                    lock = self._locks.get(entry.name[: -len(".json")])
                    if lock is not None and not lock.locked():
                        del self._locks[entry.name[: -len(".json")]]
