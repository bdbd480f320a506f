"""The web app in a real browser: Playwright driving Debian's chromium (headless) against the
app served on 127.0.0.1, over the demo catalog plus a hostile product, indexed with the
`HashEmbedder`, with a `ScriptedBackend` (so every reply is known exactly).

One app server and one browser serve the whole module; each test gets a fresh browser context
(fresh local storage, so a fresh conversation). Assertions retry (`expect`); nothing sleeps.
Screenshots of each state go to .test-artifacts/web/ (the path is printed).
"""

from __future__ import annotations

import json
import re

import pytest

from assistant.feedback import FeedbackStore
from assistant.wording import format_price
from tests.webapp import (  # noqa: F401  (module fixtures: pytest finds them here)
    HOSTILE_TITLE,
    QUERY,
    app_url,
    backend,
    chromium,
    core,
    expected,
    record,
    screenshot,
    web_settings,
)
from ui.web.render import why_text

pytest.importorskip("playwright")
pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")]  # inside gradio
from playwright.sync_api import Page, expect  # noqa: E402

TIMEOUT = 20_000  # ms: generous, the machine is shared


@pytest.fixture
def page(chromium, app_url):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.dialogs = []  # any alert() would be an XSS
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(TIMEOUT)
    page.goto(app_url)
    yield page
    context.close()


def send(page: Page, text: str) -> None:
    box = page.locator("#shop-message textarea")
    box.fill(text)  # waits until the page load has restored the conversation and enabled the box
    box.press("Enter")


def bot_messages(page: Page):
    return page.locator("#shop-chat [data-testid='bot']")


def user_messages(page: Page):
    return page.locator("#shop-chat [data-testid='user']")


def options(page: Page):
    """The suggested next steps under the last reply."""
    return page.locator("#shop-chat button.option")


def cards(page: Page):
    return page.locator("#product-panel article.sa-card")


def shown_ids(page: Page) -> list[str]:
    return [c.get_attribute("data-product-id") for c in cards(page).all()]


def wait_for_reply(page: Page, reply) -> None:
    """Until the chat's last reply is `reply.text`, the cards are the reply's cards and the turn
    is over (the message box open again)."""
    expect(bot_messages(page).last).to_have_text(reply.text)
    expect(cards(page)).to_have_count(len(reply.products))
    for i, card in enumerate(reply.products):
        expect(cards(page).nth(i)).to_have_attribute("data-product-id", card.id)
    turn_over(page)


def turn_over(page: Page) -> None:
    expect(page.locator("#shop-message textarea")).to_be_enabled()
    # the message's own Send (a card's comment box has a Send of its own)
    expect(page.locator("#message-row").get_by_role("button", name="Send", exact=True)).to_be_enabled()
    expect(page.locator("#shop-status")).to_have_text("")  # no "Still writing…" once it is over


def test_query_shows_cards_before_the_streamed_text_and_prices_match_records(page, core, backend):
    (reply,) = expected(core, QUERY)
    assert reply.products and reply.used_fallback
    backend.gate.clear()  # the model holds back: cards and the intro must already be on the page
    try:
        send(page, QUERY)
        expect(cards(page)).to_have_count(len(reply.products))
        expect(bot_messages(page).last).to_have_text(re.compile(r"\w"))  # the intro, from the records
        shown = bot_messages(page).last.inner_text().strip()
        assert reply.text.startswith(shown) and len(shown) < len(reply.text)  # the rest has not streamed
        screenshot(page, "01-cards-before-text")
    finally:
        backend.gate.set()
    wait_for_reply(page, reply)
    for card in cards(page).all():
        product = record(core, card.get_attribute("data-product-id"))
        expect(card.locator(".sa-price")).to_have_text(format_price(product.price, product.currency))
        expect(card.locator(".sa-title")).to_have_text(product.title)
    screenshot(page, "02-query")


def test_cheaper_changes_the_cards_and_the_chips(page, core):
    first, cheaper = expected(core, QUERY, "cheaper")
    send(page, QUERY)
    wait_for_reply(page, first)
    chips = page.locator("#request-chips button:visible")
    expect(chips).to_have_text([f"{c.label} ✕" for c in first.request])
    send(page, "cheaper")
    wait_for_reply(page, cheaper)
    expect(chips).to_have_text([f"{c.label} ✕" for c in cheaper.request])
    expect(chips.filter(has_text="under")).to_have_count(1)
    cheapest_before = min(c.price for c in first.products)
    assert all(record(core, pid).price < cheapest_before for pid in shown_ids(page))
    screenshot(page, "03-cheaper")


def test_removing_a_chip_runs_the_search_again(page, core):
    first, cheaper = expected(core, QUERY, "cheaper")
    send(page, QUERY)
    wait_for_reply(page, first)
    send(page, "cheaper")
    wait_for_reply(page, cheaper)
    price = next(c for c in cheaper.request if c.slot == "price")
    chips = page.locator("#request-chips button:visible")
    chips.filter(has_text=price.label).click()
    expect(chips).to_have_text([f"{c.label} ✕" for c in cheaper.request if c.slot != "price"])
    expect(user_messages(page).last).to_have_text(f"remove {price.label}")
    expect(bot_messages(page)).to_have_count(3)
    expect(cards(page).first).not_to_have_attribute("data-product-id", cheaper.products[0].id)
    assert any(record(core, pid).price > price_limit(cheaper) for pid in shown_ids(page))
    turn_over(page)
    screenshot(page, "04-chip-removed")


def test_chips_and_suggestions_are_closed_while_a_turn_runs(page, core, backend):
    first, cheaper = expected(core, QUERY, "cheaper")
    send(page, QUERY)
    wait_for_reply(page, first)
    chips = page.locator("#request-chips button:visible")
    expect(chips.first).to_be_enabled()
    backend.gate.clear()  # the model holds back: the turn is running
    try:
        send(page, "cheaper")
        expect(cards(page).first).to_have_attribute("data-product-id", cheaper.products[0].id)  # retrieval done
        expect(chips).to_have_count(len(cheaper.request))
        for chip in chips.all():
            expect(chip).to_be_disabled()
        expect(options(page)).to_have_count(0)  # the last reply's next steps are gone meanwhile
        expect(page.locator("#shop-message textarea")).to_be_disabled()
        expect(page.locator("#message-row").get_by_role("button", name="Send", exact=True)).to_be_disabled()
        expect(page.locator("#shop-status")).to_have_text("Still writing…")  # the page says why
        expect(page.locator("#shop-status")).to_be_visible()
        screenshot(page, "03b-turn-running")
    finally:
        backend.gate.set()
    wait_for_reply(page, cheaper)
    for chip in chips.all():
        expect(chip).to_be_enabled()
    expect(options(page)).to_have_text([s.label for s in cheaper.suggestions])
    expect(page.locator("#shop-message textarea")).to_be_enabled()
    expect(page.locator("#shop-status")).to_have_text("")


def price_limit(reply) -> float:
    return reply.constraints["price_max"]


def test_clicking_a_suggested_next_step_sends_it(page, core):
    (first,) = expected(core, QUERY)
    suggestion = next(s for s in first.suggestions if s.message != "compare 1 and 2")
    _, after = expected(core, QUERY, suggestion.message)
    send(page, QUERY)
    wait_for_reply(page, first)
    expect(options(page)).to_have_text([s.label for s in first.suggestions])
    options(page).filter(has_text=suggestion.label).click()
    expect(user_messages(page).last).to_have_text(suggestion.message)
    wait_for_reply(page, after)
    screenshot(page, "05-suggestion")


def test_an_unsatisfiable_request_shows_nothing_matches_and_offers_the_relaxation(page, core):
    message = f"{QUERY} under $2"
    (reply,) = expected(core, message)
    assert not reply.products and reply.alternatives
    send(page, message)
    notice = page.locator("#shop-panel .sa-empty")
    expect(notice).to_contain_text("Nothing matches")
    expect(notice).to_contain_text("under $2")  # the constraint that failed
    expect(cards(page)).to_have_count(len(reply.alternatives))
    for i, alternative in enumerate(reply.alternatives):
        expect(cards(page).nth(i)).to_have_attribute("data-product-id", alternative.card.id)
        expect(cards(page).nth(i).locator(".sa-breaks")).to_contain_text(alternative.breaks)
    relax = page.locator("#relax")
    expect(relax).to_have_text("Show them without “under $2”")
    turn_over(page)
    screenshot(page, "06-nothing-matches")
    relax.click()
    expect(page.locator("#request-chips button:visible").filter(has_text="under $2")).to_have_count(0)
    expect(notice).to_have_count(0)
    expect(relax).to_be_hidden()
    expect(cards(page).first.locator(".sa-breaks")).to_have_count(0)  # matches now, not alternatives
    turn_over(page)
    screenshot(page, "06b-relaxed")


def test_a_comparison_is_shown_as_a_table_once(page, core):
    first, compared = expected(core, QUERY, "compare 1 and 2")
    send(page, QUERY)
    wait_for_reply(page, first)
    send(page, "compare 1 and 2")
    turn_over(page)
    tables = page.locator("#shop-chat table, #shop-panel table.sa-compare")
    expect(tables).to_have_count(1)  # in the reply's text, or beside the cards when the text has none
    expect(tables.locator("th")).to_contain_text(compared.comparison.columns)
    # What differs leads the table (issue 16); the price row is there with the record's price.
    price_row = tables.locator("tr").filter(has_text="price").first
    expect(price_row).to_contain_text(format_price(first.products[0].price, "USD"))
    screenshot(page, "07-comparison")


def test_thumbs_down_on_a_reply_and_a_product_land_in_sqlite(page, core, web_settings):
    (reply,) = expected(core, QUERY)
    send(page, QUERY)
    wait_for_reply(page, reply)
    page.locator("#shop-chat .message-buttons-left").last.locator("button[aria-label='Dislike']").click()
    comment = page.locator("#vote-comment textarea")
    expect(comment).to_be_visible()  # shown once the vote is stored
    comment.fill("too pricey, call me on +1 415 555 0134")
    page.get_by_role("button", name="Send comment").click()
    expect(comment).to_be_hidden()
    page.locator("#card-2-dislike").click()
    card_comment = page.locator("#card-2-comment textarea")
    expect(card_comment).to_be_visible()  # in the card voted on
    expect(comment).to_be_hidden()
    screenshot(page, "08-feedback")

    saved = page.evaluate("Object.keys(localStorage)")
    assert "shopassist-session" in saved
    store = FeedbackStore.in_data_dir(web_settings.data_dir)
    votes = [v for v in store.votes() if v["target"] in ("reply", f"product:{reply.products[1].id}")]
    mine = {(v["target"], v["vote"], v["turn"]) for v in votes if v["session_id"] == votes[-1]["session_id"]}
    assert mine == {("reply", -1, 1), (f"product:{reply.products[1].id}", -1, 1)}
    comments = [v["comment"] for v in votes if v["target"] == "reply" and v["comment"]]
    assert comments and "[PHONE]" in comments[-1] and "0134" not in comments[-1]


def test_votes_show_which_was_given_change_and_survive_a_reload(page, core, web_settings):
    (reply,) = expected(core, QUERY)
    product = f"product:{reply.products[1].id}"
    send(page, QUERY)
    wait_for_reply(page, reply)
    thumbs = page.locator("#shop-chat .message-buttons-left").last
    thumbs.locator("button[aria-label='Dislike']").click()
    expect(thumbs.locator("button[aria-label='Disliked']")).to_be_visible()
    status = page.locator("#vote-status")
    expect(status).to_contain_text("You rated this reply: not helpful")
    up, down = page.locator("#card-2-like"), page.locator("#card-2-dislike")
    down.click()
    expect(down).to_have_text("Disliked ✓")
    expect(page.locator("#card-2-comment textarea")).to_be_visible()  # the comment box moves to the card
    up.click()  # changed their mind: the latest vote wins
    expect(up).to_have_text("Liked ✓")
    expect(down).to_have_text("Dislike")
    expect(page.locator("#card-1-like")).to_have_text("Like")
    screenshot(page, "08b-votes-shown")

    store = FeedbackStore.in_data_dir(web_settings.data_dir)
    session_id = max(store.votes(), key=lambda v: v["created_at"])["session_id"]  # this page's, just voted
    assert {(v["target"], v["vote"]) for v in store.votes(session_id)} == {("reply", -1), (product, 1)}

    page.reload()
    expect(up).to_have_text("Liked ✓")
    expect(down).to_have_text("Dislike")
    expect(thumbs.locator("button[aria-label='Disliked']")).to_be_visible()
    up.click()  # the pressed thumb again takes the vote back
    expect(up).to_have_text("Like")
    expect(page.locator("#vote-row")).to_be_hidden()
    assert {(v["target"], v["vote"]) for v in store.votes(session_id)} == {("reply", -1)}
    exported = web_settings.data_dir / "votes-export.jsonl"
    store.export_jsonl(exported)
    mine = next(d for d in map(json.loads, exported.read_text().splitlines()) if d["id"] == session_id)
    assert mine["meta"]["feedback"] == [{"turn": 1, "target": "reply", "vote": "down", "comment": None}]

    page.locator("#card-1-like").click()
    expect(page.locator("#card-1-like")).to_have_text("Liked ✓")
    _, cheaper = expected(core, QUERY, "cheaper")
    send(page, "cheaper")
    wait_for_reply(page, cheaper)
    expect(page.locator("#card-1-like")).to_have_text("Like")  # new cards: nothing voted on yet


def test_copilot_tab_suggests_a_reply_with_a_policy_citation(page):
    page.get_by_role("tab", name="Copilot").click()
    page.get_by_role("button", name="Example conversation").click()
    expect(page.locator("#copilot-conversation textarea")).to_have_value(
        __import__("ui.web.copilot_tab", fromlist=["EXAMPLE"]).EXAMPLE
    )
    page.locator("#copilot-suggest").click()
    expect(page.locator("#copilot-reply textarea")).not_to_have_value("")
    expect(page.locator("#copilot-policies .sa-cite").first).to_contain_text("returns.md")
    expect(page.locator("#copilot-intent")).to_contain_text("Intent:")
    screenshot(page, "09-copilot")


def test_a_hostile_product_title_renders_as_text(page, core):
    product = record(core, "SA-XSS01")
    send(page, "enamel camping mug")
    card = page.locator("#product-panel article[data-product-id='SA-XSS01']")
    expect(card.locator(".sa-title")).to_have_text(product.title)
    assert page.locator("#product-panel img, #shop-chat img[src='x']").count() == 0
    assert card.locator(".sa-img").count() == 0  # the javascript: image URL became the placeholder
    expect(bot_messages(page).last).not_to_have_text("")
    if "<img" in product.title:  # ingest kept the markup: it must show as characters
        expect(card.locator(".sa-title")).to_contain_text(HOSTILE_TITLE)
    assert page.dialogs == []
    turn_over(page)
    screenshot(page, "10-hostile-title")


def test_a_reload_resumes_the_conversation(page, core):
    first, cheaper = expected(core, QUERY, "cheaper")
    send(page, QUERY)
    wait_for_reply(page, first)
    send(page, "cheaper")
    wait_for_reply(page, cheaper)
    expect(options(page)).to_have_text([s.label for s in cheaper.suggestions])
    before = cards(page).evaluate_all("cards => cards.map(c => c.outerHTML)")
    page.reload()
    expect(user_messages(page)).to_have_text([QUERY, "cheaper"])
    expect(bot_messages(page)).to_have_text([first.text, cheaper.text])
    expect(cards(page)).to_have_count(len(cheaper.products))
    assert shown_ids(page) == [c.id for c in cheaper.products]
    expect(cards(page).first.locator(".sa-why")).to_have_text(f"Why: {why_text(cheaper.products[0])}")
    assert cards(page).evaluate_all("cards => cards.map(c => c.outerHTML)") == before  # as before the reload
    expect(page.locator("#request-chips button:visible")).to_have_text([f"{c.label} ✕" for c in cheaper.request])
    expect(options(page)).to_have_text([s.label for s in cheaper.suggestions])
    expect(page.locator("#shop-message textarea")).to_be_enabled()  # the restore is over
    screenshot(page, "11-reloaded")
    suggestion = cheaper.suggestions[-1]
    *_, after = expected(core, QUERY, "cheaper", suggestion.message)
    options(page).filter(has_text=suggestion.label).click()  # the buttons work after a reload too
    expect(user_messages(page).last).to_have_text(suggestion.message)
    wait_for_reply(page, after)
    page.locator("#new-conversation").click()
    expect(bot_messages(page)).to_have_count(0)
    expect(cards(page)).to_have_count(0)


def test_insights_show_the_worst_rated_reply_in_context_and_an_evaluation_report(page, core, web_settings):
    from assistant.evaluation.logs import Dialogue, LogTurn, write_dialogues
    from assistant.evaluation.run import evaluate_dialogues

    (reply,) = expected(core, QUERY)
    send(page, QUERY)
    wait_for_reply(page, reply)
    page.locator("#shop-chat .message-buttons-left").last.locator("button[aria-label='Dislike']").click()
    expect(page.locator("#vote-comment textarea")).to_be_visible()

    logs = web_settings.data_dir / "eval-log.jsonl"
    write_dialogues(logs, [Dialogue(id="d1", turns=[LogTurn(role="user", text=QUERY)])])
    evaluate_dialogues(core, logs, web_settings.report_dir, progress=False)

    page.get_by_role("tab", name="Insights").click()
    page.locator("#insights-refresh").click()
    worst = page.locator("#insights-worst .sa-worst").first
    expect(worst).to_contain_text(f"Shopper: {QUERY}")
    expect(worst).to_contain_text(reply.text[:40])
    expect(page.locator("#insights-counts")).to_contain_text("Replies disliked")
    report = page.locator("#insights-report")
    expect(report).to_contain_text("faithful_reply_rate")
    expect(report.locator("img").first).to_be_visible()
    screenshot(page, "12-insights")


def test_an_opener_starts_the_conversation_for_a_first_time_shopper(page, core):
    from ui.web.render import openers

    opener = next(o for o in openers() if "shoes" in o)
    (reply,) = expected(core, opener)
    page.locator("#shop-chat").get_by_text(opener).click()
    expect(user_messages(page)).to_have_text([opener])
    wait_for_reply(page, reply)
    screenshot(page, "13-opener")


def test_the_page_speaks_the_shoppers_language(chromium, app_url, core):
    """A browser asking for Chinese gets the page's own words in Chinese before the first
    message; an English page switches to Chinese when the shopper writes Chinese, and a reload
    keeps it."""
    from ui.web.render import label, openers

    context = chromium.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(app_url)
    expect(page.locator("#shop-chat").get_by_text(openers("zh")[1])).to_be_visible()
    expect(page.locator("#new-conversation")).to_have_text(label("new_conversation", "zh"))
    expect(page.locator("#shop-message textarea")).to_have_attribute("placeholder", label("message_placeholder", "zh"))
    context.close()

    context = chromium.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(app_url)
    send_button = page.locator("#message-row button")
    expect(send_button).to_have_text(label("send", "en"))
    send(page, "我想看看女士跑鞋")
    expect(send_button).to_have_text(label("send", "zh"))
    expect(page.locator("#new-conversation")).to_have_text(label("new_conversation", "zh"))
    expect(page.locator("#card-1-like")).to_have_text(label("like", "zh"))
    page.reload()
    expect(page.locator("#new-conversation")).to_have_text(label("new_conversation", "zh"))
    screenshot(page, "14-chinese-page")
    context.close()


# -- the page at desktop and phone width ---------------------------------------------------------
VIEWPORTS = {"desktop": {"width": 1400, "height": 1000}, "phone": {"width": 390, "height": 844}}
# Every visible card slot: its box, and the controls inside it that stick out of it or clip
# their own text; whether the card has a picture (drawn or a photo) of non-zero size.
CARD_GEOMETRY = """slots => slots.filter(s => s.offsetParent).map(slot => {
  const box = slot.getBoundingClientRect();
  const inside = r => r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
  const controls = [...slot.querySelectorAll("article.sa-card, button, textarea")].filter(e => e.offsetParent);
  const pic = slot.querySelector(".sa-thumb svg.sa-pic, .sa-thumb .sa-img");
  const picBox = pic && pic.getBoundingClientRect();
  return {
    id: slot.id, width: box.width,
    outside: controls.filter(e => !inside(e.getBoundingClientRect())).map(e => e.outerHTML.slice(0, 80)),
    clipped: controls.filter(e => e.tagName === "BUTTON" && e.scrollWidth > e.clientWidth + 1).map(e => e.innerText),
    picture: !!pic && picBox.width > 20 && picBox.height > 20,
  };
})"""
OPTION_GEOMETRY = """(chat) => {
  const box = chat.getBoundingClientRect();
  return [...chat.querySelectorAll("button.option")].map(b => {
    const r = b.getBoundingClientRect();
    return {text: b.innerText, inside: r.left >= box.left - 1 && r.right <= box.right + 1,
            clipped: b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1, top: Math.round(r.top), left: r.left};
  });
}"""


def cards_hold(page: Page) -> list[dict]:
    slots = page.locator("#product-panel .sa-slot").evaluate_all(CARD_GEOMETRY)
    for slot in slots:
        assert not slot["outside"], f"{slot['id']}: controls outside the card: {slot['outside']}"
        assert not slot["clipped"], f"{slot['id']}: buttons clip their text: {slot['clipped']}"
        assert slot["picture"], f"{slot['id']} has no picture"
    return slots


def no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide in a {width[1]} px window"


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_shop_page_holds_at_desktop_and_phone_width(chromium, app_url, core, web_settings, size):
    """The shopper's path at 1400 px and 390 px: first page, five cards, a voted card with its
    comment box, nothing matches with the relax button, a message over the limit. Each state is
    saved as a screenshot; the cards' controls stay inside their boxes and every card has a picture."""
    context = chromium.new_context(viewport=VIEWPORTS[size])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    try:
        page.goto(app_url)
        box = page.locator("#shop-message textarea")
        expect(box).to_be_enabled()
        expect(page.locator("#new-conversation")).to_have_text("New conversation")
        no_sideways_scroll(page)
        screenshot(page, f"20-{size}-first-page")

        (reply,) = expected(core, QUERY)
        assert len(reply.products) == 5
        send(page, QUERY)
        wait_for_reply(page, reply)
        assert len(cards_hold(page)) == 5
        chat = page.locator("#shop-chat")
        suggestions = chat.evaluate(OPTION_GEOMETRY)
        assert suggestions and all(o["inside"] and not o["clipped"] for o in suggestions), suggestions
        rows = sorted({o["top"] for o in suggestions})
        starts = {min(o["left"] for o in suggestions if o["top"] == top) for top in rows}
        assert len(starts) == 1, f"suggestion rows start at different places: {suggestions}"
        bin_icon = chat.locator("button[aria-label='Clear']")
        expect(bin_icon).to_have_count(1)  # Gradio draws it...
        expect(bin_icon).to_be_hidden()  # ...hidden: "New conversation" is the one labelled way to start over
        no_sideways_scroll(page)
        screenshot(page, f"21-{size}-five-cards")

        page.locator("#card-2-dislike").click()
        comment = page.locator("#card-2-comment textarea")
        expect(comment).to_be_visible()
        slot = page.locator("#slot-2").bounding_box()
        inside = comment.bounding_box()
        assert slot["y"] <= inside["y"] and inside["y"] + inside["height"] <= slot["y"] + slot["height"]
        cards_hold(page)
        comment.scroll_into_view_if_needed()
        screenshot(page, f"22-{size}-voted-card")

        send(page, f"{QUERY} under $2")
        expect(page.locator("#shop-panel .sa-empty")).to_contain_text("Nothing matches")
        relax = page.locator("#relax")
        expect(relax).to_be_visible()
        turn_over(page)
        widths = [s["width"] for s in cards_hold(page)]
        assert relax.bounding_box()["width"] <= min(widths), "the relax button is wider than the cards"
        no_sideways_scroll(page)
        screenshot(page, f"23-{size}-nothing-matches")

        limit = web_settings.max_message_chars
        long = ("I need a sturdy watch for long hikes. " * 20)[: limit + 40]
        box.fill(long)
        counter = page.locator("#message-count")
        expect(counter).to_contain_text(f"{len(long)} / {limit} characters: 40 too many")
        expect(counter).to_be_visible()
        box.press("Enter")
        expect(page.get_by_text("Nothing was sent: shorten it by 40 characters")).to_be_visible()
        expect(box).to_have_value(long)  # kept whole, nothing cut
        expect(user_messages(page)).to_have_count(2)  # not sent
        expect(counter).to_be_visible()  # the warning stays beside the box after the toast goes
        no_sideways_scroll(page)
        screenshot(page, f"24-{size}-long-message")
    finally:
        context.close()
