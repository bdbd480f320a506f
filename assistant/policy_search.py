"""Policy passages for questions like "how long do returns take?" (Chroma collection "policies").

Chroma can go away while the assistant serves (a `chroma run` server restarted, a network
split). Product search does not need it (it runs on the search snapshot), so only policy
answers degrade: `search` raises `PolicyIndexUnavailable`, the shopper path and the copilot
answer with `UNAVAILABLE_REPLY`, and `status()` tells /readyz. A Chroma that stops answering
(a frozen server) is the same case after `dependency_timeout_s`, then skipped for
`dependency_retry_s` before one search tries it again, so answers come back soon after Chroma does.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from assistant.wording import SUPPORT_EMAIL
from common.dependency import Dependency
from common.errors import ShopAssistError
from common.models import Embedder, encode_query
from common.settings import Settings
from common.untrusted import shown_passage, shown_text
from ingest import store

log = logging.getLogger(__name__)

UNAVAILABLE_REPLY = (
    "I can't look up our store policies right now, so I won't guess. Please try again in a few "
    f"minutes, or write to {SUPPORT_EMAIL} and a member of our team will answer."
)


class PolicyIndexUnavailable(ShopAssistError):
    """The policy collection cannot be read (Chroma stopped, unreachable or lost the collection)."""


@dataclass
class PolicySearch:
    collection: object  # chromadb Collection
    embed: Embedder
    where: str = "embedded Chroma"  # for messages: which Chroma this is
    # Every Chroma call goes through it: a frozen server costs a policy answer seconds, not a turn
    # slot for good (common/dependency.py).
    chroma: Dependency = field(default_factory=lambda: Dependency("Chroma", timeout_s=3.0, retry_s=10.0))
    # The policies' sections in other languages (ingest/policies.py); None: the shop has none.
    translations: object | None = None

    # /readyz answers within a second: its probe of Chroma waits at most this long.
    STATUS_TIMEOUT_S = 0.5

    @classmethod
    def open(cls, settings: Settings, embed: Embedder) -> PolicySearch:
        where = (
            f"the Chroma server at {settings.chroma_url}" if settings.chroma_url else f"Chroma in {settings.chroma_dir}"
        )
        chroma = Dependency(f"Chroma ({where})", settings.dependency_timeout_s, settings.dependency_retry_s)
        client = store.chroma_client(settings)
        translations = store.collection(client, store.POLICY_TRANSLATIONS)
        return cls(store.collection(client, store.POLICIES), embed, where, chroma, translations)

    def search(self, text: str, k: int = 3) -> list[dict]:
        """Top passages: {'id', 'source', 'section', 'text', 'distance'}; empty if none indexed.

        Raises PolicyIndexUnavailable when Chroma cannot answer, or not in time."""
        vector = encode_query(self.embed, text)
        try:
            found = self.chroma.call(self._query, vector, k)
        except Exception as exc:  # chromadb raises transport and server errors of many types
            raise self._unavailable(exc) from exc
        if found is None:
            return []
        # Passages are quoted to the model and shown as citations and to agents: the output
        # filter first (a policy file is untrusted, and a store may be written by another tool).
        return [
            shown_passage(
                {"id": pid, "source": meta["source"], "section": meta["section"], "text": doc, "distance": dist}
            )
            for pid, meta, doc, dist in zip(
                found["ids"][0], found["metadatas"][0], found["documents"][0], found["distances"][0], strict=True
            )
        ]

    def section(self, name: str) -> list[dict]:
        """The passages of one section ("Returns and Refunds Policy": a policy's opening), in the
        order they were indexed: {'id', 'source', 'section', 'text'}.

        Raises PolicyIndexUnavailable when Chroma cannot answer, or not in time."""
        try:
            found = self.chroma.call(self._section, name)
        except Exception as exc:  # chromadb raises transport and server errors of many types
            raise self._unavailable(exc) from exc
        return [
            shown_passage({"id": pid, "source": meta["source"], "section": meta["section"], "text": doc})
            for pid, meta, doc in zip(found["ids"], found["metadatas"], found["documents"], strict=True)
        ]

    def translation(self, language: str, source: str, section: str) -> dict | None:
        """The shop's translation of one policy section ({'title', 'text', 'original'}), or None
        when it has none or Chroma cannot answer (the caller quotes the original then)."""
        if self.translations is None:
            return None
        where = {"$and": [{"language": language}, {"source": source}, {"section": section}]}
        try:
            found = self.chroma.call(self._translation, where)
        except Exception as exc:  # chromadb raises transport and server errors of many types
            log.warning("policy translations unavailable (%s): %r", self.where, exc)
            return None
        if not found["ids"]:
            return None
        meta = found["metadatas"][0]
        # Quoted to the shopper: through the output filter, as every policy passage is.
        return {
            "title": shown_text(meta["title"]),
            "original": meta["original"],
            "text": shown_text(found["documents"][0]),
        }

    def _translation(self, where: dict) -> dict:
        return self.translations.get(where=where, include=["metadatas", "documents"])  # type: ignore[attr-defined]

    def _section(self, name: str) -> dict:
        return self.collection.get(where={"section": name}, include=["metadatas", "documents"])

    def passages(self) -> list[dict]:
        """Every policy passage ({'id', 'source', 'section', 'text'}): to prepare the policy
        answers' clause vectors once (assistant/policy_answer.py `warm`).

        Raises PolicyIndexUnavailable when Chroma cannot answer, or not in time."""
        try:
            found = self.chroma.call(self._all)
        except Exception as exc:  # chromadb raises transport and server errors of many types
            raise self._unavailable(exc) from exc
        return [
            shown_passage({"id": pid, "source": meta["source"], "section": meta["section"], "text": doc})
            for pid, meta, doc in zip(found["ids"], found["metadatas"], found["documents"], strict=True)
        ]

    def _all(self) -> dict:
        return self.collection.get(include=["metadatas", "documents"])

    def _query(self, vector: list[float], k: int) -> dict | None:
        count = self.collection.count()
        if count == 0:
            return None
        return self.collection.query(query_embeddings=[vector], n_results=min(k, count))

    def status(self) -> str | None:
        """None when the policy index answers, else what is wrong (for /readyz and logs); within
        STATUS_TIMEOUT_S whatever state Chroma is in."""
        try:
            self.chroma.call(self.collection.count, timeout_s=self.STATUS_TIMEOUT_S)
        except Exception as exc:
            return str(self._unavailable(exc))
        return None

    async def astatus(self) -> str | None:
        """`status` for the event loop (/readyz): no server thread is held while Chroma thinks."""
        try:
            await self.chroma.acall(self.collection.count, timeout_s=self.STATUS_TIMEOUT_S)
        except Exception as exc:
            return str(self._unavailable(exc))
        return None

    def _unavailable(self, exc: Exception) -> PolicyIndexUnavailable:
        log.warning("policy index unavailable (%s): %r", self.where, exc)
        return PolicyIndexUnavailable(
            f"the policy index ({self.where}) is unavailable: {type(exc).__name__}: {exc}. Product search "
            "still works; restart Chroma or check SHOPASSIST_CHROMA_URL, then policy answers come back"
        )
