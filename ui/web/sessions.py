"""The link between a browser and the session store the HTTP API uses.

The browser keeps only `{"session_id", "token"}` (in `gr.BrowserState`, encrypted in its local
storage); every event resumes the conversation from the store, so a page reload, a second tab
or the API all see one conversation, and a server restart loses nothing.
"""

from __future__ import annotations

import logging
import secrets
import threading
from pathlib import Path

from assistant.session import Session
from assistant.session_store import SessionStore
from common.errors import ShopAssistError

log = logging.getLogger(__name__)


class BrowserSessions:
    def __init__(self, store: SessionStore):
        self.store = store

    def resume(self, saved: dict | None) -> Session | None:
        """The saved session, or None when there is none or it can no longer be opened (unknown,
        expired, or the token does not match)."""
        if not isinstance(saved, dict) or not saved.get("session_id"):
            return None
        try:
            return self.store.open(str(saved["session_id"]), str(saved.get("token") or ""))
        except ShopAssistError as exc:
            log.info("browser session not resumed: %s", exc)
            return None

    def start(self) -> tuple[Session, dict]:
        """A new server-issued session and what the browser keeps to open it again."""
        session, token = self.store.create()
        return session, {"session_id": session.id, "token": token}

    def resume_or_start(self, saved: dict | None) -> tuple[Session, dict]:
        """The session and what the browser should keep for it (always a fresh, plain dict)."""
        session = self.resume(saved)
        if session is None:
            return self.start()
        return session, {"session_id": session.id, "token": saved["token"]}

    def save(self, session: Session) -> None:
        self.store.save(session)

    def lock(self, session_id: str) -> threading.Lock:
        return self.store.lock(session_id)


def browser_secret(data_dir: Path) -> str:
    """The key `gr.BrowserState` encrypts with, kept in the data dir so that a browser's saved
    session still opens after the server restarts (a random key per process would not)."""
    path = data_dir / "web_secret"
    if path.is_file():
        return path.read_text(encoding="ascii").strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(32)
    path.touch(mode=0o600)
    path.write_text(secret, encoding="ascii")
    return secret
