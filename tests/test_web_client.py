"""The web app's named endpoints through `gradio_client`: the browser flows without a browser.

Same app, catalog and scripted backend as tests/test_web.py (its own server for this module).
A `Client` keeps one Gradio session, as a browser tab does; the browser's saved session
({"session_id", "token"}) is passed explicitly, as the page passes its local storage.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.feedback import FeedbackStore
from assistant.wording import format_price
from tests.webapp import (  # noqa: F401  (module fixtures: pytest finds them here)
    QUERY,
    app_url,
    backend,
    core,
    expected,
    record,
    web_settings,
)
from ui.web.copilot_tab import ADAPTER, EXAMPLE
from ui.web.shop import MAX_CARDS

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")]  # inside gradio
CARD_ID = re.compile(r'data-product-id="([^"]+)"')


@pytest.fixture
def client(app_url):
    return Client(app_url, verbose=False, download_files=False)


class Screen:
    """The /chat, /remove_filter and /restore outputs, by name (buttons and columns are not in
    the API): the browser's saved session, chat, message box, panel, the request as data, six
    card slots, the vote line."""

    def __init__(self, outputs: tuple):
        # An update comes as a marker with the value it sets, if any: read a missing one as empty.
        values = [v.get("value", "") if isinstance(v, dict) and v.get("__type__") == "update" else v for v in outputs]
        self.saved, self.chat, self.message, self.panel, self.request, *rest = values
        self.cards, self.vote_status = rest[:MAX_CARDS], rest[MAX_CARDS]

    @property
    def card_ids(self) -> list[str]:
        return [m for html in self.cards for m in CARD_ID.findall(html or "")]

    @property
    def last_reply(self) -> str:
        last = [m for m in self.chat if m["role"] == "assistant"][-1]
        return "".join(part["text"] for part in last["content"])

    @property
    def options(self) -> list[dict]:
        return [m for m in self.chat if m["role"] == "assistant"][-1].get("options") or []


def chat(client: Client, saved: dict | None, message: str) -> tuple[Screen, list[tuple]]:
    """One turn (the first one, with `saved` None, starts a session: `Screen.saved`); returns
    the final screen and every streamed output in order."""
    job = client.submit(message, saved, api_name="/chat")
    final = job.result(timeout=120)
    return Screen(final), job.outputs()


def test_named_endpoints(client):
    names = set(client.view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {
        "/chat",
        "/remove_filter",
        "/vote",
        "/comment",
        "/new_conversation",
        "/restore",
        "/copilot",
        "/insights",
        "/export_feedback",
    } <= names


def test_chat_streams_cards_before_text_and_refines(client, core):
    first, cheaper = expected(core, QUERY, "cheaper")
    screen, streamed = chat(client, None, QUERY)
    saved = screen.saved
    assert set(saved) == {"session_id", "token"} and saved["token"]
    assert screen.card_ids == [c.id for c in first.products]
    assert screen.last_reply == first.text
    for card in first.products:
        assert format_price(record(core, card.id).price, "USD") in "".join(screen.cards)
    # Streamed order: an update with the cards comes before any with the reply's last sentence.
    with_cards = next(i for i, out in enumerate(streamed) if CARD_ID.search(Screen(out).cards[0] or ""))
    with_text = next(
        i for i, out in enumerate(streamed) if first.text[-20:] in json.dumps(Screen(out).chat, ensure_ascii=False)
    )
    assert with_cards < with_text
    assert screen.request == [c.model_dump() for c in first.request]

    screen, _ = chat(client, saved, "cheaper")
    assert screen.card_ids == [c.id for c in cheaper.products]
    assert screen.request == [c.model_dump() for c in cheaper.request]
    assert any(c["slot"] == "price" for c in screen.request)
    assert max(record(core, i).price for i in screen.card_ids) < min(c.price for c in first.products)
    assert [o["value"] for o in screen.options] == [s.message for s in cheaper.suggestions]


def test_a_suggestion_is_sent_as_a_message(client, core):
    screen, _ = chat(client, None, QUERY)
    saved = screen.saved
    option = screen.options[-1]
    (_, after) = expected(core, QUERY, option["value"])
    screen, _ = chat(client, saved, option["value"])
    assert screen.card_ids == [c.id for c in after.products]
    assert screen.last_reply == after.text


def test_remove_filter_runs_the_search_again(client):
    before, _ = chat(client, None, QUERY)
    saved = before.saved
    assert "audience" in [c["slot"] for c in before.request]
    after = Screen(client.predict("audience", saved, api_name="/remove_filter"))
    assert "audience" not in [c["slot"] for c in after.request]
    assert after.card_ids and after.card_ids != before.card_ids


def test_nothing_matches_names_the_constraint_and_shows_alternatives(client, core):
    (reply,) = expected(core, f"{QUERY} under $2")
    screen, _ = chat(client, None, f"{QUERY} under $2")
    assert "Nothing matches" in screen.panel and "under $2" in screen.panel
    assert screen.card_ids == [a.card.id for a in reply.alternatives]
    assert all("Breaks your request" in html for html in screen.cards if html)


def test_restore_returns_the_saved_conversation(client, core):
    first, cheaper = expected(core, QUERY, "cheaper")
    saved = chat(client, None, QUERY)[0].saved
    chat(client, saved, "cheaper")
    fresh = Client(client.src, verbose=False, download_files=False)  # another tab, same browser storage
    screen = Screen(fresh.predict(saved, api_name="/restore"))
    assert [m["role"] for m in screen.chat] == ["user", "assistant"] * 2
    assert screen.last_reply == cheaper.text
    assert screen.card_ids == [c.id for c in cheaper.products]
    for stranger in ({"session_id": "nope", "token": None}, {**saved, "token": "guessed"}):
        screen = Screen(fresh.predict(stranger, api_name="/restore"))
        assert screen.chat == [] and screen.card_ids == []  # only the token opens a session
    guessed = chat(fresh, {**saved, "token": "guessed"}, "cheaper")[0]
    assert guessed.saved["session_id"] != saved["session_id"] and len(guessed.chat) == 2  # a new conversation


@pytest.mark.parametrize(
    "messages",
    [
        [QUERY, "cheaper"],
        [f"{QUERY} under $2"],  # nothing matches: alternatives marked with what they miss, the way out
        [QUERY, "compare 1 and 2"],
        [QUERY, "what is your return policy?"],  # no cards of its own: the ones before stay
    ],
    ids=["cheaper", "nothing-matches", "compare", "policy"],
)
def test_a_reload_shows_the_last_reply_as_it_was(client, messages):
    saved = None
    for message in messages:
        final, _ = chat(client, saved, message)
        saved = final.saved
    restored = Screen(Client(client.src, verbose=False, download_files=False).predict(saved, api_name="/restore"))
    assert restored.cards == final.cards  # the same HTML: why lines and what alternatives miss included
    assert restored.card_ids and restored.panel == final.panel
    assert restored.options == final.options and restored.request == final.request
    assert restored.chat == final.chat


def test_votes_and_comments_land_in_sqlite_and_the_export(client, web_settings):
    screen, _ = chat(client, None, QUERY)
    saved = screen.saved
    client.predict("reply", -1, 1, saved, api_name="/vote")
    client.predict("too expensive; mail me at ann@example.com", api_name="/comment")
    client.predict(f"product:{screen.card_ids[0]}", 1, 1, saved, api_name="/vote")
    store = FeedbackStore.in_data_dir(web_settings.data_dir)
    votes = {v["target"]: v for v in store.votes(saved["session_id"])}
    assert votes["reply"]["vote"] == -1 and votes["reply"]["comment"] == "too expensive; mail me at [EMAIL]"
    assert votes[f"product:{screen.card_ids[0]}"]["vote"] == 1

    counts, worst, _ = client.predict(api_name="/insights")
    assert "Replies disliked" in counts and QUERY in worst and "[EMAIL]" in worst
    exported = Path(client.predict(api_name="/export_feedback")["value"]["path"])  # an update: file, visible
    dialogues = [json.loads(line) for line in exported.read_text().splitlines()]
    mine = next(d for d in dialogues if d["id"] == saved["session_id"])
    assert mine["turns"][0] == {"role": "user", "text": QUERY}
    assert {"turn": 1, "target": "reply", "vote": "down", "comment": votes["reply"]["comment"]} in mine["meta"][
        "feedback"
    ]


def test_copilot_endpoint(client):
    reply, intent, policies, products, order, *_ = client.predict(EXAMPLE, ADAPTER, api_name="/copilot")
    assert "No store" in order  # the demo shop has policies and no order data
    assert reply.strip() and "Intent:" in intent
    assert "returns.md" in policies


def test_hostile_title_is_escaped_in_the_card(client):
    screen, _ = chat(client, None, "enamel camping mug")
    card = next(html for html in screen.cards if 'data-product-id="SA-XSS01"' in (html or ""))
    assert "<img src=x" not in card and "<script" not in card
    assert "javascript:" not in card


def test_the_feedback_export_is_a_log_the_evaluator_replays_and_insights_shows_its_report(client, core, web_settings):
    """The loop an analyst runs: export the rated conversations, evaluate them with
    `shopassist eval dialogues`' code, read the report in the Insights tab."""
    from assistant.evaluation.logs import read_dialogues
    from assistant.evaluation.run import evaluate_dialogues

    saved = chat(client, None, QUERY)[0].saved
    chat(client, saved, "cheaper")
    client.predict("reply", -1, 2, saved, api_name="/vote")
    exported = Path(client.predict(api_name="/export_feedback")["value"]["path"])
    dialogues = read_dialogues(exported)  # validates every line against the log format
    assert saved["session_id"] in {d.id for d in dialogues}

    evaluate_dialogues(core, exported, web_settings.report_dir, progress=False)
    _, _, report = client.predict(api_name="/insights")
    assert f"{len(dialogues)} dialogues" in report
    assert "constraint_precision" in report and "faithful_reply_rate" in report
    assert 'src="data:image/png;base64,' in report  # the report's plots
