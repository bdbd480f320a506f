"""The web app's parts without a server: the feedback store, escaped HTML, pasted conversations,
evaluation reports, the login setting."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assistant.feedback import REPLY, FeedbackStore, product_target
from assistant.reply import ComparisonTable, ProductCard
from assistant.search import Why
from common.errors import ShopAssistError
from ui.web.app import parse_auth
from ui.web.copilot_tab import parse_conversation
from ui.web.insights import headline_metrics, report_html
from ui.web.render import (
    _labels,
    browser_language,
    card_html,
    chat_text,
    comparison_html,
    page_languages,
    policies_html,
    safe_image_url,
)
from ui.web.sessions import browser_secret

CONVERSATION = [
    {"role": "user", "text": "black wallet for men, I'm ann@example.com"},
    {"role": "assistant", "text": "I found 25 matching products."},
    {"role": "user", "text": "cheaper"},
    {"role": "assistant", "text": "Here are cheaper ones."},
]


def card(**overrides) -> ProductCard:
    fields = dict(
        id="P1",
        title="Trail Mug",
        brand="Trailcraft",
        price=12.0,
        currency="USD",
        image_url=None,
        rating=4.1,
        stock=9,
        in_stock=True,
        category="Home > Mugs",
        why=Why(constraints=["in blue"], terms=["mug", "blue", "enamel"]),
    )
    return ProductCard(**(fields | overrides))


# -- feedback store -----------------------------------------------------------------------------
def test_a_vote_is_stored_redacted_replaced_and_withdrawn(tmp_path):
    store = FeedbackStore.in_data_dir(tmp_path)
    first = store.record("s1", 1, REPLY, -1, CONVERSATION[:2], comment="call +1 415 555 0134")
    again = store.record("s1", 1, REPLY, 1, CONVERSATION[:2])  # changed their mind: one row, comment kept
    assert again == first
    (vote,) = store.votes("s1")
    assert (vote["turn"], vote["target"], vote["vote"], vote["comment"]) == (1, REPLY, 1, "call [PHONE]")
    store.withdraw("s1", 1, REPLY)
    assert store.votes("s1") == []
    with sqlite3.connect(tmp_path / "feedback.sqlite3") as db:
        (turns,) = db.execute("SELECT turns FROM dialogues WHERE session_id = 's1'").fetchone()
    assert "ann@example.com" not in turns and "[EMAIL]" in turns


def test_bad_votes_and_comments_are_user_errors(tmp_path):
    store = FeedbackStore.in_data_dir(tmp_path)
    with pytest.raises(ShopAssistError, match="1 \\(up\\) or -1"):
        store.record("s1", 1, REPLY, 0, CONVERSATION)
    with pytest.raises(ShopAssistError, match="turns count from 1"):
        store.record("s1", 0, REPLY, 1, CONVERSATION)
    vote_id = store.record("s1", 1, REPLY, 1, CONVERSATION)
    with pytest.raises(ShopAssistError, match="limit"):
        store.add_comment(vote_id, "x" * 5000)
    with pytest.raises(ShopAssistError, match="no longer exists"):
        store.add_comment(vote_id + 99, "hello")


def test_counts_worst_replies_and_export(tmp_path):
    store = FeedbackStore.in_data_dir(tmp_path)
    store.record("s1", 2, REPLY, -1, CONVERSATION, comment="not cheaper at all")
    store.record("s1", 1, REPLY, 1, CONVERSATION)
    store.record("s1", 1, product_target("P1"), -1, CONVERSATION)
    store.record("s2", 1, REPLY, -1, CONVERSATION[:2])
    counts = store.counts()
    assert (counts.reply_up, counts.reply_down, counts.product_up, counts.product_down) == (1, 2, 0, 1)
    assert (counts.comments, counts.dialogues) == (1, 2)

    worst = store.worst_replies()
    assert [(w.session_id, w.turn) for w in worst] == [("s2", 1), ("s1", 2)]  # newest first among equals
    s1 = worst[1]
    assert (s1.message, s1.reply, s1.comment) == ("cheaper", "Here are cheaper ones.", "not cheaper at all")
    assert len(s1.conversation) == 4

    path = tmp_path / "feedback.jsonl"
    assert store.export_jsonl(path) == 2
    dialogues = {d["id"]: d for d in map(json.loads, path.read_text().splitlines())}
    s1 = dialogues["s1"]
    assert s1["turns"][2] == {"role": "user", "text": "cheaper"}
    assert s1["meta"]["feedback"] == [
        {"turn": 1, "target": "product:P1", "vote": "down", "comment": None},
        {"turn": 1, "target": "reply", "vote": "up", "comment": None},
        {"turn": 2, "target": "reply", "vote": "down", "comment": "not cheaper at all"},
    ]


# -- HTML ---------------------------------------------------------------------------------------
def test_markup_in_catalog_text_and_model_output_stays_text():
    hostile = card(title='<img src=x onerror=alert(1)> "Mug"', brand="<b>Evil</b>", why=Why(terms=["<script>"]))
    html = card_html(hostile, 1, note="<i>over budget</i>")
    assert "<img" not in html and "<b>" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; &quot;Mug&quot;" in html
    assert "&lt;script&gt;" in html and "&lt;i&gt;over budget&lt;/i&gt;" in html
    assert chat_text("<img src=x onerror=alert(1)> ![a](http://evil.example/t.png)") == (
        "&lt;img src=x onerror=alert(1)&gt; !\\[a](http://evil.example/t.png)"
    )
    table = comparison_html(ComparisonTable(columns=["<svg onload=x>"], rows=[("price", ["<b>1</b>"])]))
    # Markup in a comparison is removed by the reply filter or escaped here: never rendered.
    assert "<svg" not in table and "<b>" not in table and ("&lt;b&gt;1&lt;/b&gt;" in table or "<td>1</td>" in table)
    assert "<script>" not in policies_html([{"source": "a.md", "section": "<script>", "text": "x"}])


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://cdn.example.com/img/1.jpg", "https://cdn.example.com/img/1.jpg"),
        ("http://example.com/a b'c\").png", "http://example.com/a%20b%27c%22%29.png"),
        ("javascript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("//example.com/x.png", None),
        ("/etc/passwd", None),
        ("", None),
        (None, None),
    ],
)
def test_only_http_image_urls_are_used_and_cannot_break_out(url, safe):
    assert safe_image_url(url) == safe


def test_a_card_shows_the_record():
    html = card_html(card(image_url="https://cdn.example.com/1.jpg", stock=3), 2)
    assert 'data-product-id="P1"' in html and "$12.00" in html and "★ 4.1" in html
    assert "Only 3 left" in html and "url('https://cdn.example.com/1.jpg')" in html
    assert "Why: in blue · matches “mug”, “enamel”" in html  # "blue" is said by the constraint already
    placeholder = card_html(card(rating=None, stock=0, in_stock=False), 1)
    assert "sa-img" not in placeholder and "Not rated yet" in placeholder and "Out of stock" in placeholder


# -- copilot input --------------------------------------------------------------------------------
def test_a_pasted_conversation_becomes_turns():
    text = "Customer: my order is late\nit was due monday\n\nagent: sorry! what is the order number?\ncustomer: 1234"
    assert parse_conversation(text) == [
        {"role": "customer", "content": "my order is late it was due monday"},
        {"role": "agent", "content": "sorry! what is the order number?"},
        {"role": "customer", "content": "1234"},
    ]
    as_json = json.dumps([{"role": "user", "content": "hi"}])
    assert parse_conversation(as_json) == [{"role": "user", "content": "hi"}]
    with pytest.raises(ShopAssistError, match="line 1: start each turn"):
        parse_conversation("hello there")
    with pytest.raises(ShopAssistError, match="paste a conversation"):
        parse_conversation("  ")
    with pytest.raises(ShopAssistError, match="looks like JSON"):
        parse_conversation("[{oops")


# -- insights -----------------------------------------------------------------------------------
REPORT = {
    "meta": {"llm_backend": "transformers", "git_commit": "abc123"},
    "dialogues": 24,
    "turns": 66,
    "metrics": {
        "wrong_prices_per_100": {"value": 0.0, "ci95": [0.0, 0.0], "higher_is_better": False, "description": "price"},
        "constraint_precision": {"value": 0.9123, "ci95": [0.85, 0.96], "higher_is_better": True, "description": "cp"},
        "intent_accuracy": {"value": None, "ci95": None, "description": "no labels"},
    },
    "latency_ms": {"first_card": {"p50": 147.3, "p95": 366.7, "turns": 60}},
    "failed_checks": {"refinement:compare": 4},
}


def test_headline_metrics_are_the_measured_ones_with_their_interval():
    assert headline_metrics(REPORT) == [
        ("wrong_prices_per_100", "0 [0, 0]", "price; lower is better"),
        ("constraint_precision", "0.912 [0.85, 0.96]", "cp; higher is better"),
    ]
    assert headline_metrics({"something": "else"}) == []


def test_the_report_section_degrades_gracefully(tmp_path):
    assert "No evaluation report" in report_html(tmp_path / "missing")
    (tmp_path / "report.json").write_text("{not json")
    assert "Could not read" in report_html(tmp_path)
    (tmp_path / "report.json").write_text(json.dumps(REPORT))
    inline = "data:image/png;base64,iVBORw0KGgo="
    (tmp_path / "report.html").write_text(
        f'<img alt="plot" src="{inline}"><img src="javascript:alert(1)"><img src="data:text/html;base64,PHA+">'
    )
    html = report_html(tmp_path)
    assert "24 dialogues, 66 turns" in html and "abc123" in html
    assert "constraint_precision" in html and "0.912 [0.85, 0.96]" in html and "intent_accuracy" not in html
    assert "p95 366.7 ms" in html and "refinement:compare" in html
    assert f'src="{inline}"' in html and "javascript:" not in html and "text/html" not in html
    assert "report.html" in html


# -- settings -----------------------------------------------------------------------------------
def test_the_web_login_is_user_colon_password():
    assert parse_auth(None) is None
    assert parse_auth("ann:s3cret:with:colons") == ("ann", "s3cret:with:colons")
    for bad in ("ann", "ann:", ":pw"):
        with pytest.raises(ShopAssistError, match="user:password"):
            parse_auth(bad)


def test_the_browser_secret_is_kept_private_and_stable(tmp_path):
    secret = browser_secret(tmp_path)
    assert secret == browser_secret(tmp_path) and len(secret) >= 32
    assert (tmp_path / "web_secret").stat().st_mode & 0o077 == 0


def test_the_copilot_toggle_picks_the_base_model_or_the_adapter(make_assistant, tmp_path):
    from assistant.session_store import SessionStore
    from ui.web.context import WebContext
    from ui.web.copilot_tab import ADAPTER, BASE, EXAMPLE, suggest_reply

    assistant, backend = make_assistant(
        default="You can return unworn shoes within 30 days.", copilot_adapter="support"
    )
    settings = assistant.settings.model_copy(update={"data_dir": tmp_path})  # feedback, sessions: here
    ctx = WebContext.create(settings, assistant, SessionStore.from_settings(settings))
    _, adapted, _, _ = suggest_reply(ctx, EXAMPLE, ADAPTER)
    _, base, _, _ = suggest_reply(ctx, EXAMPLE, BASE)
    assert [call["adapter"] for call in backend.calls] == ["support", None]
    # The agent sees which model answered (the bundled model, through the scripted backend).
    assert "Answered by the fine-tuned adapter support (scripted · bundled)." in adapted
    assert "Answered by the base model (scripted · bundled)." in base
    reply, intent, policies, _ = suggest_reply(ctx, EXAMPLE, ADAPTER)
    assert reply and "Intent:" in intent and "returns.md" in policies


def test_a_copilot_reply_the_model_gave_nothing_for_says_which_model_was_asked():
    from assistant.copilot import Copilot
    from ui.web.copilot_tab import intent_html

    result = Copilot(
        suggested_reply="Per our policy: ...",
        intent="policy",
        handoff=False,
        policies=[],
        products=[],
        used_fallback=True,
        model="transformers · <b>bundled</b>",
        adapter="runs/adapter",
    )
    html = intent_html(result)
    assert "Asked the fine-tuned adapter runs/adapter (transformers · &lt;b&gt;bundled&lt;/b&gt;)" in html
    assert "it gave nothing usable, so this reply quotes the policy." in html


def test_the_api_token_guards_the_api_and_the_web_login_guards_the_web_app(make_assistant, tmp_path):
    from fastapi.testclient import TestClient

    from assistant.session_store import SessionStore
    from ui.api import create_app
    from ui.web.app import mount_web
    from ui.web.context import WebContext

    assistant, _ = make_assistant()
    settings = assistant.settings.model_copy(update={"data_dir": tmp_path, "api_token": "t0ken", "web_auth": "ann:pw"})
    store = SessionStore.from_settings(settings)
    app = create_app(settings, assistant=assistant, sessions=store)
    mount_web(app, WebContext.create(settings, assistant, store))
    with TestClient(app) as client:
        assert client.post("/v1/sessions").status_code == 401
        assert client.post("/v1/sessions", headers={"Authorization": "Bearer t0ken"}).status_code == 200
        assert client.get("/").status_code == 200  # the login page, no bearer token needed
        assert client.get("/config").status_code == 401  # the app itself needs the login
        assert client.post("/login", data={"username": "ann", "password": "wrong"}).status_code == 400
        assert client.post("/login", data={"username": "ann", "password": "pw"}).status_code == 200
        assert client.get("/config").status_code == 200
        assert client.get(f"/gradio_api/file={tmp_path / 'web_secret'}").status_code in (403, 404)


def test_the_page_speaks_the_shoppers_language():
    """A Chinese shopper's panel and cards: the notice, the stock and rating lines in Chinese; the
    product's own title stays as the catalog has it."""
    from assistant.reply import RequestChip
    from assistant.session import LastReply
    from ui.web.shop import notice_for

    last = LastReply(empty_reason="no product matches all of it")
    zh = notice_for(last, True, (RequestChip(slot="price", label="$2以下"), 16), "zh")
    assert "没有符合条件的商品" in zh and "去掉“$2以下”后有16件商品符合" in zh
    assert "Nothing matches" in notice_for(last, True, None, "en")
    html = card_html(card(rating=None, stock=3), 1, lang="zh")
    assert "暂无评分" in html and "仅剩3件" in html and "Not rated" not in html


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-US,en;q=0.9,zh;q=0.8", "en"),
        ("fr-FR,fr;q=0.9", "en"),  # no French page: English
        ("fr;q=0.9, zh-TW;q=0.5", "zh"),  # the best language the page has
        ("en;q=0.2, zh;q=0.7", "zh"),  # quality, not position, ranks
        ("zh;q=0", "en"),  # q=0: not wanted
        ("", "en"),
        (None, "en"),
        ("zh;q=abc", "en"),  # a malformed weight counts as not wanted
    ],
)
def test_a_first_page_follows_the_browsers_language(header, lang):
    assert browser_language(header) == lang


def test_every_page_label_has_a_chinese_wording():
    """A Chinese page with an English button in it is a mixed-language page."""
    for lang in page_languages():
        assert set(_labels()[lang]) == set(_labels()["en"]), lang
