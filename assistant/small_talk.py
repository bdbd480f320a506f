"""A turn of small talk ("thanks!", "hello", "what's the weather?") inside a conversation.

Small talk changes nothing in the request, and it takes nothing off the screen: "thanks a lot"
after the cards of a search, or after "the cheaper of the two", leaves the shopper looking at
what they chose. The reply says so by carrying those cards again (the products the last turn was
about, else the panel), so every face (the page, the API, `ask --session`) shows the same thing.
Close alternatives shown when nothing matched stay what they were: no match, never re-sent as
matches, and the reply says again what left nothing ("under 500 pls" found no pink sling bag,
then "thx": the reply carried neither cards nor the reason, so it read as an answer with nothing
in it rather than the honest "nothing matches" the shopper is still looking at).
"""

from __future__ import annotations

from assistant import intent as intents
from assistant.catalog import CatalogIndex
from assistant.intent import Intent
from assistant.reply import Event, EventKind, ProductCard
from assistant.session import Session
from assistant.turn import Branch, Outcome
from assistant.wording import ASIDE_REPLY, CHITCHAT_REPLY, OUT_OF_SCOPE_REPLY, THANKS_REPLY


def small_talk(message: str, session: Session, catalog: CatalogIndex) -> Branch:
    if intents.OUT_OF_SCOPE.search(message) and session.request.is_active() and "?" not in message:
        text = ASIDE_REPLY  # said in passing during a search, not asked of the assistant
    elif intents.OUT_OF_SCOPE.search(message):
        text = OUT_OF_SCOPE_REPLY
    elif intents.THANKS_CUE.search(message):
        text = THANKS_REPLY
    else:
        text = CHITCHAT_REPLY
    cards = still_on_screen(session, catalog)
    if cards:
        yield Event(type=EventKind.PRODUCTS, data=cards)
    yield Event(type=EventKind.TEXT, data=text)
    empty, missing = standing_empty(session)
    return Outcome(Intent.CHITCHAT, products=cards, empty_reason=empty, not_carried=missing)


def standing_empty(session: Session) -> tuple[str | None, str | None]:
    """What left nothing for the active request, when the panel still says nothing matched (the
    empty reason and what the shop does not carry); (None, None) when it shows matches."""
    last = session.last
    if not session.request.is_active() or not (last.empty_reason or last.not_carried):
        return None, None
    return last.empty_reason, last.not_carried


def still_on_screen(session: Session, catalog: CatalogIndex) -> list[ProductCard]:
    """The matches the shopper is looking at for the active request: the products the last turn
    was about ("the cheaper of the two"), else the panel's cards; none when the panel holds
    alternatives that break the request, or no request is active."""
    last = session.last
    if not session.request.is_active() or any(c.breaks for c in last.cards):
        return []
    shown = {c.id: c for c in last.cards}
    ids = last.about or list(shown)
    return [
        ProductCard.of(catalog.products[catalog.row_of[pid]], shown[pid].why if pid in shown else None)
        for pid in ids
        if pid in catalog.row_of
    ]
