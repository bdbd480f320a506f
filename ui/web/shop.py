"""The Shop tab: a streamed chat beside the product panel.

A turn streams the core's events onto the page as they come: the cards as soon as retrieval is
done (before any text), then the text, then (with the final `Reply`) the active request as
removable chips, the suggested next steps as clickable options under the reply, and the
nothing-matches, not-carried, comparison or hand-off state. The browser holds only the session
id and token; every event resumes the conversation from the store the API uses.

Every flow is a plain method that yields `{component: update}` dicts, and the ones a client can
drive have an `api_name` (chat, remove_filter, vote, comment, new_conversation, restore).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

import gradio as gr

from assistant import chinese_text, dialogue
from assistant.feedback import REPLY, product_target
from assistant.reply import ComparisonTable, Event, EventKind, ProductCard, RequestChip
from assistant.session import LastReply, Session, Turn
from assistant.wording import comparison_rows
from common.errors import ShopAssistError
from common.language import is_chinese
from ui.web.context import WebContext
from ui.web.render import browser_language, card_html, chat_text, comparison_html, label, notice_html, openers

log = logging.getLogger(__name__)
MAX_CARDS = 6  # card slots in the panel (a reply shows 5; alternatives and comparisons fewer)
MAX_CHIPS = 8  # request chips (one per slot of the active request)
CHAT_VOTES = {1: "Like", -1: "Dislike"}  # the chat's feedback options, by vote
COUNT_FROM = 0.8  # the character counter shows from this share of the limit on
MARKDOWN_TABLE_ROW = re.compile(r"^\|.*\|\s*$", re.MULTILINE)


def status_html(key: str, lang: str) -> str:
    """The line under the reply being written ("Looking it up…", "Still writing…")."""
    return f'<div class="sa-status sa-line" role="status"><span class="sa-dots"></span>{label(key, lang)}</div>'


def empty_panel(lang: str = "en") -> str:
    return f'<p class="sa-muted">{label("empty_panel", lang)}</p>'


def request_chips(session: Session, currency: str) -> list[RequestChip]:
    """The active request of a saved session as chips (on a page reload), in its language."""
    chips = [RequestChip(slot=s.name, label=s.label) for s in dialogue.slots(session.request, currency)]
    if session.language == "zh":
        constraints = session.request.constraints.model_dump(exclude_defaults=True)
        return chinese_text.chips(chips, constraints, currency)
    return chips


def relaxation(ctx: WebContext, session: Session) -> tuple[RequestChip, int] | None:
    """When nothing matches: the one chip whose removal brings back the most products, and how
    many; None when removing any single one still leaves nothing. The product type is what the
    shopper came for, so it is offered only when no other filter would do."""
    catalog = ctx.assistant.engine.catalog
    found: list[tuple[RequestChip, int]] = []
    for chip in request_chips(session, catalog.currency):
        relaxed = dialogue.remove(session.request, chip.slot, catalog).request
        count = int(catalog.mask(relaxed.constraints).sum())
        if count:
            found.append((chip, count))
    if not found:
        return None
    return max(found, key=lambda f: (f[0].slot != "type", f[1]))


def user_turns(turns: list[Turn]) -> int:
    return sum(t.role == "user" for t in turns)


def chat_messages(turns: list[Turn], suggestions: list | None = None) -> list[dict[str, Any]]:
    """The saved conversation as Gradio chat messages; the suggestions become options (clickable
    buttons) under the last reply."""
    messages: list[dict[str, Any]] = [{"role": t.role, "content": chat_text(t.content)} for t in turns]
    if suggestions and messages and messages[-1]["role"] == "assistant":
        messages[-1]["options"] = [{"label": s.label, "value": s.message} for s in suggestions]
    return messages


def turn_of_message(messages: list[dict], index: int) -> int:
    """The 1-based turn a chat message belongs to: the shopper messages up to it."""
    return max(1, sum(m.get("role") == "user" for m in messages[: index + 1]))


def notice_for(last: LastReply, has_request: bool, relax: tuple[RequestChip, int] | None, lang: str = "en") -> str:
    """The panel's state line for the last reply, in the shopper's language: nothing matches
    (and the way out), hand-off, sources."""
    if last.empty_reason or last.not_carried:
        # "Nothing matches earrings"; in Chinese only a kind reads well in the sentence, not a
        # whole English request ("rucksacks for women under $68.95").
        named = last.not_carried and (lang == "en" or len(last.not_carried.split()) <= 2)
        title = label("nothing_matches_x", lang, what=last.not_carried) if named else label("nothing_matches", lang)
        lines = [] if last.not_carried or lang != "en" else [f"{last.empty_reason}."]
        if any(card.breaks for card in last.cards):
            lines.append(label("closest_below", lang))
        if relax:
            chip, count = relax
            lines.append(label("without_one" if count == 1 else "without_many", lang, chip=chip.label, count=count))
        elif has_request:
            lines.append(label("remove_filter", lang))
        return notice_html("empty", title, " ".join(lines))
    if last.handoff:
        return notice_html("info", label("handoff_title", lang), label("handoff_body", lang))
    if last.citations:
        sources = "; ".join(f"{c.get('source', '')} · {c.get('section', '')}" for c in last.citations)
        return notice_html("info", label("policies_title", lang), sources)
    return ""


def reply_feedback(turns: list[Turn], votes: dict[tuple[int, str], int]) -> list[str | None]:
    """The chat's own thumbs state: per reply, the shopper's vote on it ("Like", "Dislike") or None."""
    replies = sum(t.role == "assistant" for t in turns)
    return [CHAT_VOTES.get(votes.get((turn, REPLY), 0)) for turn in range(1, replies + 1)]


def panel_html(head: str, has_cards: bool, lang: str = "en") -> str:
    """What sits above the cards; a hint when there are none and nothing else to say."""
    return head or ("" if has_cards else empty_panel(lang))


@dataclass
class ShopView:
    """The tab's components, so a flow can say which ones it updates."""

    saved: gr.BrowserState
    view: gr.State  # {"cards": [ids], "chips": [slots], "relax": slot, "turn": n}: what the page shows
    last_vote: gr.State
    chatbot: gr.Chatbot
    message: gr.Textbox
    chips: list[gr.Button]
    request: gr.JSON  # hidden: the chips as data, for API clients (buttons are not in the API)
    panel: gr.HTML  # above the cards: nothing matches, not carried, sources, a comparison table
    relax: gr.Button  # under a nothing-matches notice: drop the filter that brings most back
    cards: list[gr.HTML]
    votes: list[tuple[gr.Button, gr.Button]]  # each card's thumbs (up, down)
    send: gr.Button
    new: gr.Button  # "New conversation"
    comment_row: gr.Column  # a reply vote's line and its comment box, under the chat
    vote_status: gr.Markdown  # what the shopper just voted on, above the comment box
    comment: gr.Textbox
    card_comment_rows: list[gr.Column]  # a card vote's comment box, inside that card
    card_comments: list[gr.Textbox]
    send_comment: gr.Button
    card_sends: list[gr.Button]
    status: gr.HTML  # "Still writing…" while a turn runs
    filter_slot: gr.Textbox  # hidden: the API's way to name a chip to remove

    def turn_outputs(self) -> list:
        return [
            self.saved,
            self.view,
            self.chatbot,
            self.message,
            self.send,
            self.new,
            self.send_comment,
            *self.card_sends,
            self.panel,
            self.relax,
            *self.chips,
            self.request,
            *self.cards,
            *self.vote_buttons(),
            self.comment_row,
            self.vote_status,
            *self.card_comment_rows,
            self.status,
            # Last, so the API's outputs keep their order (only their placeholders change here).
            self.comment,
            *self.card_comments,
        ]

    def vote_buttons(self) -> list[gr.Button]:
        return [button for pair in self.votes for button in pair]

    def feedback_outputs(self) -> list:
        return [
            self.last_vote,
            self.comment_row,
            self.vote_status,
            self.chatbot,
            *self.vote_buttons(),
            *self.card_comment_rows,
        ]

    def comment_box(self, card: int | None, shown: bool) -> dict:
        """One comment box open at most: the voted card's (beside it), or the reply's (under the
        chat); `shown` False closes them all."""
        updates = {self.comment_row: gr.update(visible=shown and card is None)}
        for i, row in enumerate(self.card_comment_rows):
            updates[row] = gr.update(visible=shown and card == i)
        return updates

    def control_buttons(self) -> list[gr.Button]:
        """What starts a turn besides the message box and the chat's own options."""
        return [self.send, self.relax, *self.chips]

    def controls(self, interactive: bool) -> dict:
        """Closed while a turn runs (one turn at a time per conversation: a click would only be
        refused), open again after it."""
        return {button: gr.update(interactive=interactive) for button in self.control_buttons()}

    def no_votes(self, lang: str = "en") -> dict:
        return {
            button: update for i in range(len(self.votes)) for button, update in self.show_votes(i, None, lang).items()
        }

    def show_votes(self, index: int, vote: int | None, lang: str = "en") -> dict:
        """A card's thumbs with the shopper's vote on it: the pressed one highlighted and ticked."""
        up, down = self.votes[index]
        return {
            up: gr.update(
                value=label("liked" if vote == 1 else "like", lang), variant="primary" if vote == 1 else "secondary"
            ),
            down: gr.update(
                value=label("disliked" if vote == -1 else "dislike", lang),
                variant="primary" if vote == -1 else "secondary",
            ),
        }

    def page_words(self, lang: str) -> dict:
        """The page's own words (buttons, placeholders, the opening ideas) in the shopper's
        language: a Chinese shopper's page speaks Chinese around the catalog's records."""
        return {
            self.send: gr.update(value=label("send", lang)),
            self.new: gr.update(value=label("new_conversation", lang)),
            self.comment: gr.update(placeholder=label("comment_placeholder", lang)),
            self.send_comment: gr.update(value=label("send_comment", lang)),
            **{box: gr.update(placeholder=label("card_comment_placeholder", lang)) for box in self.card_comments},
            **{button: gr.update(value=label("send", lang)) for button in self.card_sends},
        }

    def chat_opening(self, lang: str) -> dict:
        """The empty chat's greeting and opening ideas in `lang`."""
        return {
            self.chatbot: gr.update(
                value=[], placeholder=label("chat_placeholder", lang), examples=[{"text": t} for t in openers(lang)]
            )
        }

    def show_cards(
        self,
        cards: list[ProductCard],
        notes: list[str | None] | None = None,
        colours: list[str | None] | None = None,
        lang: str = "en",
    ) -> dict:
        """Card slots change only their HTML; a slot with no card (and its vote buttons) is hidden
        by CSS, not by a visibility update: a burst of layout updates while a turn streams could
        leave the cards hidden until the turn's last update."""
        notes = notes or [None] * len(cards)
        colours = colours or [None] * len(cards)
        return {
            html: card_html(cards[i], i + 1, notes[i], colours[i], lang) if i < len(cards) else ""
            for i, html in enumerate(self.cards)
        }

    def show_chips(self, chips: list[RequestChip]) -> dict:
        updates: dict = {self.request: [c.model_dump() for c in chips]}
        for i, button in enumerate(self.chips):
            shown = i < len(chips)
            updates[button] = (
                gr.update(value=f"{chips[i].label} ✕", visible=True) if shown else gr.update(visible=False)
            )
        return updates


def kept(saved: dict | None) -> dict | None:
    """What the browser holds, as a plain {"session_id", "token"} (or None)."""
    if isinstance(saved, dict) and saved.get("session_id"):
        return {"session_id": saved["session_id"], "token": saved.get("token")}
    return None


class ShopFlows:
    """Each turn's updates always restate `saved` (the browser's session): a Gradio 6
    BrowserState output left unchanged in one update would store the update marker in place of
    its value."""

    def __init__(self, ctx: WebContext, ui: ShopView):
        self.ctx = ctx
        self.ui = ui

    # -- turns ---------------------------------------------------------------------------------
    def chat(self, message: str, saved: dict | None, view: dict | None) -> Iterator[dict]:
        """The shopper sends a message (typed, an opener or a suggestion). The first message
        starts the session, so page views leave no empty sessions behind."""
        message = (message or "").strip()
        if not message:
            yield {self.ui.saved: kept(saved), self.ui.message: ""}
            return
        limit = self.ctx.settings.max_message_chars
        if len(message) > limit:  # refused whole, never cut: the box keeps the text to shorten
            gr.Warning(too_long(len(message), limit), title="Message too long")
            yield {self.ui.saved: kept(saved), self.ui.message: gr.skip()}
            return
        yield from self._turn(saved, view, message, lambda session: self.ctx.assistant.respond(session, message))

    def pick(self, saved: dict | None, view: dict | None, evt: gr.SelectData) -> Iterator[dict]:
        """A suggested next step (or an opener) was clicked: send it as if typed."""
        value = evt.value.get("text", "") if isinstance(evt.value, dict) else str(evt.value)
        yield from self.chat(value, saved, view)

    def ready(self) -> dict:
        """After a turn (done, refused or failed): the message box and the controls open again."""
        return {self.ui.message: gr.update(interactive=True), self.ui.status: "", **self.ui.controls(True)}

    def remove_filter(self, slot: str, saved: dict | None, view: dict | None) -> Iterator[dict]:
        """Drop one chip's constraint from the active request and search again."""
        if self.ctx.sessions.resume(saved) is None or not slot:
            yield {self.ui.saved: kept(saved), self.ui.message: gr.skip()}
            return
        yield from self._turn(saved, view, None, lambda s: self.ctx.assistant.remove_from_request(s, slot))

    def remove_chip(self, index: int, saved: dict | None, view: dict | None) -> Iterator[dict]:
        chips = (view or {}).get("chips", [])
        yield from self.remove_filter(chips[index] if index < len(chips) else "", saved, view)

    def relax(self, saved: dict | None, view: dict | None) -> Iterator[dict]:
        """The nothing-matches notice's button: drop the filter it offers."""
        yield from self.remove_filter((view or {}).get("relax") or "", saved, view)

    def _turn(
        self, saved: dict | None, view: dict | None, message: str | None, run: Callable[[Session], Iterator[Event]]
    ) -> Iterator[dict]:
        ui = self.ui
        try:
            session, saved = self.ctx.sessions.resume_or_start(saved)
        except ShopAssistError as exc:  # too many sessions open, or the disk refuses
            raise gr.Error(str(exc)) from exc
        lock = self.ctx.sessions.lock(session.id)
        if not lock.acquire(blocking=False):
            gr.Warning(label("busy", session.language))
            yield {ui.saved: saved, ui.message: gr.skip()}
            return
        try:
            # The status line speaks the language of the message being answered.
            lang = "zh" if message and is_chinese(message) else session.language
            view = dict(view or {})
            before = list(session.turns)
            history = chat_messages(before) + ([{"role": "user", "content": chat_text(message)}] if message else [])
            # The box, chips and buttons stay closed while the turn runs (`ready` opens them after):
            # one turn at a time. The history has no suggestions under it meanwhile.
            yield {
                ui.saved: saved,
                ui.message: gr.update(value="", interactive=False),
                ui.chatbot: history,
                ui.status: status_html("searching", lang),
                **ui.controls(False),
            }
            text = ""
            for event in run(session):
                if event.type == EventKind.CONSTRAINTS and "request" in event.data:
                    chips = [RequestChip(**c) for c in event.data["request"]]
                    view["chips"] = [c.slot for c in chips]
                    yield {ui.saved: saved, ui.view: view, **ui.show_chips(chips)}
                elif event.type == EventKind.PRODUCTS:
                    view["cards"] = [c.id for c in event.data]
                    yield {
                        ui.saved: saved,
                        ui.view: view,
                        ui.panel: panel_html("", bool(event.data)),
                        ui.relax: gr.update(visible=False),
                        ui.status: status_html("writing", lang),
                        **ui.show_cards(event.data, colours=self._colours(event.data), lang=lang),
                        **ui.no_votes(lang),  # new cards of a new turn: nothing voted on yet
                        **ui.comment_box(None, False),
                    }
                elif event.type == EventKind.TEXT:
                    first = not text
                    text += event.data
                    update = {
                        ui.saved: saved,
                        ui.chatbot: history + [{"role": "assistant", "content": chat_text(text)}],
                    }
                    yield update | (
                        {ui.status: status_html("writing", lang)} if first else {}
                    )  # a policy answer has no cards
                elif event.type == EventKind.DONE:
                    # The last update states the whole screen again, so an API client's final
                    # result is complete; from the session, as a page reload shows it.
                    yield {ui.saved: saved, **self._screen(session)}
            self.ctx.sessions.save(session)
        except ShopAssistError as exc:
            gr.Warning(str(exc))
            yield {ui.saved: saved, ui.chatbot: chat_messages(session.turns)}
        finally:
            lock.release()

    def _screen(self, session: Session) -> dict:
        """The screen for the session's last reply, from the session and the records: the last
        update of a turn and the page load after a reload both show it, so they look the same
        (cards with their why and votes, suggestions, chips, the panel's notice)."""
        ui = self.ui
        catalog = self.ctx.assistant.engine.catalog
        last = session.last
        shown = [(catalog.products[catalog.row_of[c.id]], c) for c in last.cards if c.id in catalog.row_of][:MAX_CARDS]
        cards = [ProductCard.of(product, card.why) for product, card in shown]
        chips = request_chips(session, catalog.currency)
        relax = relaxation(self.ctx, session) if last.empty_reason or last.not_carried else None
        turn = user_turns(session.turns)
        votes = self._votes(session.id)
        view = {
            "cards": [c.id for c in cards],
            "chips": [c.slot for c in chips],
            "relax": relax[0].slot if relax else None,
            "turn": turn,
        }
        # The table once: beside the cards, unless the reply's text already holds it.
        table = ""
        text = session.turns[-1].content if session.turns else ""
        if last.compared and not MARKDOWN_TABLE_ROW.search(text):
            products = [product for product, _ in shown]
            table = comparison_html(ComparisonTable.of(products, comparison_rows(products)))
        updates = {
            ui.view: view,
            ui.chatbot: gr.update(
                value=chat_messages(session.turns, last.suggestions),
                feedback_value=reply_feedback(session.turns, votes),
            ),
            ui.panel: panel_html(
                notice_for(last, bool(chips), relax, session.language) + table, bool(cards), session.language
            ),
            ui.relax: (
                gr.update(value=label("show_without", session.language, chip=relax[0].label), visible=True)
                if relax
                else gr.update(visible=False)
            ),
            **ui.show_chips(chips),
            **ui.page_words(session.language),
            **ui.show_cards(
                cards,
                [card.breaks for _, card in shown],
                [p.colours[0] if p.colours else None for p, _ in shown],
                session.language,
            ),
        }
        for i in range(MAX_CARDS):
            target = product_target(cards[i].id) if i < len(cards) else ""
            updates.update(ui.show_votes(i, votes.get((turn, target)), session.language))
        return updates

    def _colours(self, cards: list[ProductCard]) -> list[str | None]:
        """Each card's first colour, from its record: the drawn picture's swatch."""
        catalog = self.ctx.assistant.engine.catalog
        products = [catalog.products[catalog.row_of[c.id]] if c.id in catalog.row_of else None for c in cards]
        return [p.colours[0] if p and p.colours else None for p in products]

    def _votes(self, session_id: str) -> dict[tuple[int, str], int]:
        """The shopper's votes in this conversation: (turn, target) -> 1 or -1."""
        try:
            return {(v["turn"], v["target"]): v["vote"] for v in self.ctx.feedback.votes(session_id)}
        except ShopAssistError as exc:  # an unreadable feedback store must not stop shopping
            log.warning("votes not shown: %s", exc)
            return {}

    # -- page load, new conversation -----------------------------------------------------------
    def restore(self, saved: dict | None, request: gr.Request | None = None) -> dict:
        """On page load: the saved conversation and its last reply's screen, in its language; a
        first-time shopper's page in the browser's language. Then the message box opens (a
        message typed before would race the restore)."""
        ui = self.ui
        session = self.ctx.sessions.resume(saved)
        lang = session.language if session is not None else page_language(request)
        ready = gr.update(interactive=True, placeholder=label("message_placeholder", lang))
        if session is None:
            return {**self._cleared(lang), ui.saved: None, ui.message: ready}
        return {**self._screen(session), ui.saved: kept(saved), ui.message: ready}

    def new_conversation(self, saved: dict | None, request: gr.Request | None = None) -> dict:
        """Forget the browser's session (it stays in the store) and clear the page; the page keeps
        speaking the language the shopper wrote in."""
        session = self.ctx.sessions.resume(saved)
        lang = session.language if session is not None else page_language(request)
        return {**self._cleared(lang), self.ui.saved: None}

    def _cleared(self, lang: str = "en") -> dict:
        ui = self.ui
        return {
            ui.view: {},
            **ui.chat_opening(lang),
            ui.message: gr.update(value="", placeholder=label("message_placeholder", lang)),
            ui.panel: panel_html("", False, lang),
            ui.relax: gr.update(visible=False),
            ui.status: "",
            **ui.comment_box(None, False),
            **ui.show_cards([]),
            **ui.show_chips([]),
            **ui.no_votes(lang),
            **ui.page_words(lang),
        }

    # -- feedback ------------------------------------------------------------------------------
    # A vote shows on the page (the pressed thumb, a line above the comment box) instead of a
    # toast: a toast would cover the product panel, and says nothing after a reload.
    def like(self, saved: dict | None, evt: gr.LikeData) -> dict:
        """Thumbs on a reply (the chat's own like buttons); clicking again takes it back."""
        session = self.ctx.sessions.resume(saved)
        if session is None:
            return {self.ui.last_vote: gr.skip()}
        messages = chat_messages(session.turns)
        index = evt.index if isinstance(evt.index, int) else evt.index[0]
        turn = turn_of_message(messages, index)
        if evt.liked in (True, False):
            return self._vote(session, turn, REPLY, 1 if evt.liked else -1)
        return self._withdraw(session, turn, REPLY)

    def vote_card(self, index: int, vote: int, saved: dict | None, view: dict | None) -> dict:
        """A card's thumb: votes, changes the vote, or (the pressed one again) takes it back."""
        session = self.ctx.sessions.resume(saved)
        cards = (view or {}).get("cards", [])
        if session is None or index >= len(cards):
            return {self.ui.last_vote: gr.skip()}
        turn = (view or {}).get("turn") or user_turns(session.turns)
        target = product_target(cards[index])
        if self._votes(session.id).get((turn, target)) == vote:
            return self._withdraw(session, turn, target, index)
        return self._vote(session, turn, target, vote, index)

    def vote(self, target: str, vote: int, turn: int, saved: dict | None) -> dict:
        """API: a vote on `reply` or `product:<id>` at a turn of the saved conversation."""
        session = self.ctx.sessions.resume(saved)
        if session is None:
            raise gr.Error("no conversation to give feedback on")
        return self._vote(session, int(turn), target, int(vote))

    def _vote(self, session: Session, turn: int, target: str, vote: int, card: int | None = None) -> dict:
        """Store the vote (the latest one on a target wins) and show it; `card`: the slot voted on."""
        conversation = [{"role": t.role, "text": t.content} for t in session.turns]
        try:
            vote_id = self.ctx.feedback.record(session.id, turn, target, vote, conversation)
        except ShopAssistError as exc:
            raise gr.Error(str(exc)) from exc
        lang = session.language
        what = (
            label("this_reply", lang)
            if target == REPLY
            else label("product_n", lang, n=card + 1)
            if card is not None
            else label("this_product", lang)
        )
        verdict = label("helpful" if vote == 1 else "not_helpful", lang)
        status = label("you_rated", lang, what=what, verdict=verdict)
        return {
            self.ui.last_vote: vote_id,
            **self.ui.comment_box(card, True),
            self.ui.vote_status: status,
            **self._shown_vote(session, target, vote, card),
        }

    def _withdraw(self, session: Session, turn: int, target: str, card: int | None = None) -> dict:
        try:
            self.ctx.feedback.withdraw(session.id, turn, target)
        except ShopAssistError as exc:
            raise gr.Error(str(exc)) from exc
        return {
            self.ui.last_vote: None,
            **self.ui.comment_box(None, False),
            **self._shown_vote(session, target, None, card),
        }

    def _shown_vote(self, session: Session, target: str, vote: int | None, card: int | None) -> dict:
        """The vote on the page: the card's thumbs, or the chat's (restated from the store, so a
        later update of the chat keeps every reply's state)."""
        if card is not None:
            return self.ui.show_votes(card, vote, session.language)
        if target == REPLY:
            return {self.ui.chatbot: gr.update(feedback_value=reply_feedback(session.turns, self._votes(session.id)))}
        return {}

    def add_comment(self, comment: str, vote_id: int | None) -> dict:
        if vote_id is None or not (comment or "").strip():
            return {self.ui.comment: gr.skip()}
        try:
            self.ctx.feedback.add_comment(int(vote_id), comment)
        except ShopAssistError as exc:
            raise gr.Error(str(exc)) from exc
        gr.Info(label("comment_saved", "zh" if is_chinese(comment) else "en"), duration=3)
        return {self.ui.comment: "", self.ui.comment_row: gr.update(visible=False)}

    def add_card_comment(self, index: int, comment: str, vote_id: int | None) -> dict:
        """The comment box inside card `index`: the same comment, on that card's vote."""
        box, row = self.ui.card_comments[index], self.ui.card_comment_rows[index]
        if vote_id is None or not (comment or "").strip():
            return {box: gr.skip()}
        try:
            self.ctx.feedback.add_comment(int(vote_id), comment)
        except ShopAssistError as exc:
            raise gr.Error(str(exc)) from exc
        gr.Info(label("comment_saved", "zh" if is_chinese(comment) else "en"), duration=3)
        return {box: "", row: gr.update(visible=False)}


def too_long(length: int, limit: int) -> str:
    return (
        f"Your message has {length:,} characters; the limit is {limit:,}. Nothing was sent: "
        f"shorten it by {length - limit:,} characters or send it in two parts."
    )


def counter_js(limit: int) -> str:
    """The message box's counter, in the browser as the shopper types (no server round trip):
    empty until the text nears the limit, then "1,650 / 2,000", and over it a warning that says
    by how much (the server refuses such a message whole; nothing is cut). Characters are counted
    as the server counts them: code points, so an emoji is one, not two UTF-16 units."""
    return f"""(text) => {{
  const n = [...(text || "").trim()].length, limit = {limit}, fmt = (x) => x.toLocaleString("en-US");
  if (n < limit * {COUNT_FROM}) return "";
  if (n <= limit) return `<div class="sa-count sa-line">${{fmt(n)}} / ${{fmt(limit)}} characters</div>`;
  return `<div class="sa-count sa-over sa-line" role="alert">${{fmt(n)}} / ${{fmt(limit)}} characters: ` +
    `${{fmt(n - limit)}} too many. Shorten the message or send it in two parts.</div>`;
}}"""


def build_shop_tab(ctx: WebContext, secret: str) -> ShopFlows:
    """Lay out the Shop tab inside the current `gr.Blocks` and wire its events."""
    limit = ctx.settings.max_message_chars
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=320):
            with gr.Row(elem_id="chat-head"):
                # The one way to start over, labelled; the chat's own bin icon is hidden (CSS).
                new = gr.Button("New conversation", size="sm", scale=0, variant="secondary", elem_id="new-conversation")
            chatbot = gr.Chatbot(
                label="Shop assistant",
                height=520,
                latex_delimiters=[],  # prices like $45 must never turn into maths
                examples=[{"text": t} for t in openers()],
                placeholder=label("chat_placeholder"),
                buttons=["copy"],
                feedback_options=("Like", "Dislike"),
                elem_id="shop-chat",
            )
            status = gr.HTML("", elem_id="shop-status")  # right under the reply being written
            with gr.Column(visible=False, elem_id="vote-row") as comment_row:  # under the reply voted on
                vote_status = gr.Markdown(elem_id="vote-status")
                with gr.Row():
                    comment = gr.Textbox(
                        show_label=False,
                        placeholder="Tell us more (optional)",
                        max_length=2000,
                        scale=5,
                        elem_id="vote-comment",
                    )
                    send_comment = gr.Button("Send comment", size="sm", scale=1, min_width=80)
            with gr.Row(elem_id="request-chips"):
                chips = [
                    gr.Button(visible=False, size="sm", variant="secondary", elem_classes=["chip"], min_width=0)
                    for _ in range(MAX_CHIPS)
                ]
            with gr.Row(elem_id="message-row"):
                # No `max_length`: the browser would cut a pasted message silently. The counter
                # says when it nears the limit, and the server refuses a longer one whole.
                message = gr.Textbox(
                    show_label=False,
                    placeholder="Loading…",
                    interactive=False,  # until the page load has restored the conversation
                    scale=5,
                    autofocus=True,
                    elem_id="shop-message",
                )
                send = gr.Button("Send", variant="primary", scale=1, min_width=80)
            counter = gr.HTML("", elem_id="message-count")
        with gr.Column(scale=2, min_width=300, elem_id="product-panel"):
            panel = gr.HTML(empty_panel(), elem_id="shop-panel")
            with gr.Row(elem_id="relax-row"):
                relax = gr.Button(visible=False, variant="primary", size="sm", scale=0, elem_id="relax")
            cards, votes, card_comment_rows, card_comments, card_sends = [], [], [], [], []
            for i in range(MAX_CARDS):
                # The slot is the card's box: the card, its votes and its comment box inside it.
                with gr.Column(elem_classes=["sa-slot"], elem_id=f"slot-{i + 1}"):
                    cards.append(gr.HTML(elem_id=f"card-{i + 1}"))
                    with gr.Row(elem_classes=["sa-votes"]):
                        up = gr.Button("Like", size="sm", scale=0, min_width=0, elem_id=f"card-{i + 1}-like")
                        down = gr.Button("Dislike", size="sm", scale=0, min_width=0, elem_id=f"card-{i + 1}-dislike")
                    votes.append((up, down))
                    with gr.Row(visible=False, elem_classes=["sa-card-comment"]) as row:
                        card_comments.append(
                            gr.Textbox(
                                show_label=False,
                                placeholder="What about it? (optional)",
                                max_length=2000,
                                container=False,
                                scale=5,
                                min_width=0,
                                elem_id=f"card-{i + 1}-comment",
                            )
                        )
                        card_sends.append(gr.Button("Send", size="sm", scale=0, min_width=0))
                    card_comment_rows.append(row)
    saved = gr.BrowserState(None, storage_key="shopassist-session", secret=secret)
    view = gr.State({})
    last_vote = gr.State(None)
    filter_slot = gr.Textbox(visible=False)
    request = gr.JSON(visible=False)
    vote_target = gr.Textbox(visible=False)
    vote_value = gr.Number(visible=False, precision=0)
    vote_turn = gr.Number(visible=False, precision=0)

    ui = ShopView(
        saved=saved,
        view=view,
        last_vote=last_vote,
        chatbot=chatbot,
        message=message,
        chips=chips,
        request=request,
        panel=panel,
        relax=relax,
        cards=cards,
        votes=votes,
        send=send,
        new=new,
        comment_row=comment_row,
        vote_status=vote_status,
        comment=comment,
        card_comment_rows=card_comment_rows,
        card_comments=card_comments,
        send_comment=send_comment,
        card_sends=card_sends,
        status=status,
        filter_slot=filter_slot,
    )
    flows = ShopFlows(ctx, ui)
    outputs = ui.turn_outputs()
    # Turns share one model: `model` limits how many generate at once; the rest wait in the queue.
    # The chat shows its own progress; no spinner over the cards and chips while text streams.
    turn = {
        "outputs": outputs,
        "concurrency_id": "model",
        "concurrency_limit": ctx.settings.web_concurrency,
        "show_progress": "hidden",
    }
    reopen = {
        "fn": flows.ready,
        "inputs": None,
        "outputs": [message, status, *ui.control_buttons()],
        "api_visibility": "private",
        "show_progress": "hidden",  # a quick step: a spinner would only flash over the box
    }
    message.submit(flows.chat, [message, saved, view], api_name="chat", **turn).then(**reopen)
    send.click(flows.chat, [message, saved, view], api_visibility="private", **turn).then(**reopen)
    for select in (chatbot.option_select, chatbot.example_select):
        select(flows.pick, [saved, view], api_visibility="private", **turn).then(**reopen)
    filter_slot.submit(flows.remove_filter, [filter_slot, saved, view], api_name="remove_filter", **turn).then(**reopen)
    for i, chip in enumerate(chips):
        chip.click(partial(flows.remove_chip, i), [saved, view], api_visibility="private", **turn).then(**reopen)
    relax.click(flows.relax, [saved, view], api_visibility="private", **turn).then(**reopen)

    # Votes update the chat (its thumbs) while a turn may stream into it: no spinner over it.
    feedback = {"outputs": ui.feedback_outputs(), "show_progress": "hidden"}
    chatbot.like(flows.like, [saved], api_visibility="private", **feedback)
    for i, (up, down) in enumerate(votes):
        up.click(partial(flows.vote_card, i, 1), [saved, view], api_visibility="private", **feedback)
        down.click(partial(flows.vote_card, i, -1), [saved, view], api_visibility="private", **feedback)
    vote_target.submit(flows.vote, [vote_target, vote_value, vote_turn, saved], api_name="vote", **feedback)
    send_comment.click(flows.add_comment, [comment, last_vote], [comment, comment_row], api_name="comment")
    comment.submit(flows.add_comment, [comment, last_vote], [comment, comment_row], api_visibility="private")
    for i, (box, button) in enumerate(zip(card_comments, card_sends, strict=True)):
        for event in (box.submit, button.click):
            event(
                partial(flows.add_card_comment, i),
                [box, last_vote],
                [box, card_comment_rows[i]],
                api_visibility="private",
            )
    new.click(flows.new_conversation, [saved], outputs, api_name="new_conversation")
    # Typed, pasted, or cleared by a send: `change` sees them all.
    message.change(None, [message], [counter], js=counter_js(limit), api_visibility="private", queue=False)
    return flows


def page_language(request: gr.Request | None) -> str:
    """The language a page with no conversation speaks: the browser's (Accept-Language)."""
    headers = getattr(request, "headers", None)
    return browser_language(headers.get("accept-language") if headers is not None else None)


def page_load(flows: ShopFlows) -> tuple[Callable, list, list]:
    """The page-load event of the Shop tab (wired by the app on its `Blocks.load`)."""
    ui = flows.ui
    return flows.restore, [ui.saved], ui.turn_outputs()
