"""What the web app's tabs share: settings, the one `Assistant`, the session and feedback stores."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.core import Assistant
from assistant.feedback import FeedbackStore
from assistant.session_store import SessionStore
from common.settings import Settings
from ui.web.sessions import BrowserSessions


@dataclass
class WebContext:
    settings: Settings
    assistant: Assistant
    sessions: BrowserSessions
    feedback: FeedbackStore

    @classmethod
    def create(cls, settings: Settings, assistant: Assistant, store: SessionStore | None = None) -> WebContext:
        """`store` is the API's session store when both faces run in one process."""
        # A server: sessions are held in memory while the disk refuses them (issue 18).
        store = store or SessionStore.from_settings(settings, hold=True)
        return cls(settings, assistant, BrowserSessions(store), FeedbackStore.in_data_dir(settings.data_dir))

    @property
    def currency(self) -> str:
        return self.assistant.engine.catalog.currency
