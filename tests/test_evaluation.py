"""Dialogue evaluation with fakes: the checks on known answers, replay through the core, the stats.

The catalog checks are tested twice: on hand-built replies (exact expectations, independent of
the core's grounding) and through `Assistant.respond` with scripted model output, where the
count must match what the shown text actually says.
"""

from __future__ import annotations

import json
import re
import time

import numpy as np
import pytest

from assistant.core import Assistant
from assistant.evaluation.checks import check_refinement, follow_up_kind, positions
from assistant.evaluation.faithfulness import Context, FaithfulnessChecker
from assistant.evaluation.labels import ConstraintLabel
from assistant.evaluation.logs import Dialogue, read_dialogues, write_dialogues
from assistant.evaluation.policy import policy_facts
from assistant.evaluation.replay import Evaluator
from assistant.evaluation.results import TurnRow
from assistant.evaluation.run import evaluate_dialogues
from assistant.evaluation.stats import bootstrap_ratio, paired_bootstrap, sign_test
from assistant.generation import citations
from assistant.reply import ComparisonTable, ProductCard, Reply
from assistant.session import Session
from assistant.wording import format_price
from common.errors import ShopAssistError
from tests.conftest import REPO
from tests.serving import WORDS


@pytest.fixture(scope="module")
def records(demo_products):
    return {p.id: p for p in demo_products}


@pytest.fixture(scope="module")
def checker(demo_products):
    return FaithfulnessChecker(demo_products)


def priced(demo_products, n=3, over=0.0):
    """n in-stock, rated products with distinct prices above `over`, cheapest first."""
    chosen, prices = [], set()
    for p in sorted(demo_products, key=lambda p: (p.price or 0, p.id)):
        if p.price and p.price > over and p.rating and p.in_stock and p.price not in prices:
            chosen.append(p)
            prices.add(p.price)
        if len(chosen) == n:
            return chosen
    raise AssertionError("demo catalog too small")


def reply_with(products, text="", intent="search", **fields) -> Reply:
    return Reply(
        session_id="s",
        text=text,
        products=[ProductCard.of(p) for p in products],
        constraints={},
        constraints_text=[],
        intent=intent,
        **fields,
    )


def rows_of(evaluator: Evaluator, dialogue: dict) -> list[TurnRow]:
    return evaluator.dialogue(Dialogue.model_validate(dialogue))


# -- catalog faithfulness on constructed replies ---------------------------------------------------


def test_wrong_price_in_text_is_caught(checker, demo_products):
    a, b, _ = priced(demo_products, over=20)
    cards = [ProductCard.of(a), ProductCard.of(b)]
    right = checker.check(f"{a.title} costs {format_price(a.price, a.currency)}.", cards)
    wrong = checker.check(f"{a.title} costs {format_price(a.price + 7, a.currency)}.", cards)
    # Another shown product's price attributed to the named one is wrong too.
    swapped = checker.check(f"{a.title} costs {format_price(b.price, b.currency)}.", cards)
    assert (right.count("wrong_price"), wrong.count("wrong_price"), swapped.count("wrong_price")) == (0, 1, 1)
    assert wrong.unsupported_sentences == 1 and wrong.prices_stated == 1


def test_prices_a_reply_may_quote(checker, demo_products):
    a, b, _ = priced(demo_products, over=20)
    cards = [ProductCard.of(a), ProductCard.of(b)]
    gap = format_price(b.price - a.price, a.currency)
    texts = [
        "I found 7 matching products (under 150 USD); here are the top 2.",  # the budget
        f"{b.title} is {gap} dearer at {format_price(b.price, b.currency)}.",  # a difference
        f"Prices run from {format_price(a.price, 'USD')} to {format_price(b.price, 'USD')}.",
        f"{a.title} costs ${int(a.price)}.",  # the decimals dropped
    ]
    for text in texts:
        result = checker.check(text, cards, Context(shopper_text="jacket under $150", bounds={150.0}))
        assert not result.failures, (text, result.failures)


def test_hallucinated_and_unshown_products(checker, demo_products):
    a, b, c = priced(demo_products, over=20)
    cards = [ProductCard.of(a)]
    invented = checker.check("The Apex Trail Runner Jacket is a lovely pick.", cards)
    unshown = checker.check(f"You could also try {c.title}.", cards)
    mentioned = checker.check(f"{a.title} is a great choice.", cards)
    said_by_shopper = checker.check("We have no Apex Trail Runner Jacket.", cards, Context("apex trail runner jacket"))
    assert invented.count("hallucinated_product") == 1 and "no catalog product" in invented.failures[0].detail
    assert unshown.count("hallucinated_product") == 1 and c.id in unshown.failures[0].detail
    assert not mentioned.failures and mentioned.products_named == 1
    assert not said_by_shopper.failures


def test_rating_stock_and_card_fields(checker, demo_products):
    a, b, _ = priced(demo_products, over=20)
    cards = [ProductCard.of(a), ProductCard.of(b)]
    assert checker.check(f"{a.title} is rated {a.rating:g}/5.", cards).count("wrong_attribute") == 0
    assert checker.check(f"{a.title} is rated {a.rating - 1:g}/5.", cards).count("wrong_attribute") == 1
    assert checker.check("The second one is out of stock.", cards).count("wrong_attribute") == 1
    # a position is bound to its card: the first one's price said of the second is wrong
    said = f"The second one costs {format_price(a.price, 'USD')}."
    assert checker.check(said, cards).count("wrong_price") == 1
    forged = ProductCard.of(a).model_copy(update={"price": a.price / 2, "rating": 1.0})
    result = checker.check("", [forged])
    assert result.count("wrong_price") == 1 and result.count("wrong_attribute") == 1
    ghost = ProductCard.of(a).model_copy(update={"id": "NOT-IN-CATALOG"})
    assert checker.check("", [ghost]).count("hallucinated_product") == 1


def test_comparison_table_cells_bind_to_their_column(checker, demo_products):
    a, b, _ = priced(demo_products, over=20)
    cards = [ProductCard.of(a), ProductCard.of(b)]
    good = f"| | {a.title} | {b.title} |\n|---|---|---|\n| price | {format_price(a.price, 'USD')} | {format_price(b.price, 'USD')} |"
    bad = good.replace(f"| {format_price(a.price, 'USD')} |", f"| {format_price(b.price, 'USD')} |", 1)
    assert not checker.check(good, cards).failures
    assert checker.check(bad, cards).count("wrong_price") == 1


# -- replay through the core ------------------------------------------------------------------------


def test_replay_counts_what_the_shown_text_says(make_assistant):
    """Through the core with scripted model output. Grounding corrects a price stated for a product
    the sentence names by title and, since it binds "the second one" to its card too, a price
    stated for a position that belongs to another shown product; the evaluator binds the position
    to its card the same way and counts exactly the wrong prices the shown text holds: none."""
    message = "waterproof jacket for women"
    probe, _ = make_assistant()
    first, second = probe.reply(Session(), message).products[:2]
    assert first.price != second.price
    assistant, _ = make_assistant(
        replies=[
            f"The second one costs {format_price(first.price, first.currency)} and has a hood. "
            f"The {first.title} costs $1.00 and keeps you dry."
        ]
    )
    (row,) = rows_of(Evaluator(assistant), {"id": "d", "turns": [{"role": "user", "text": message}]})
    assert [c["id"] for c in row.cards[:2]] == [first.id, second.id]
    assert "$1.00" not in row.text  # corrected from the record by the core
    assert f"The second one costs {format_price(second.price, second.currency)} and has a hood." in row.text
    assert row.counts["wrong_prices"] == 0
    assert not any(f["check"] == "wrong_price" for f in row.failed)


def test_cheaper_turn_showing_a_pricier_item_is_flagged(make_assistant, demo_products):
    """A hand-made dialogue whose "cheaper" turn shows a dearer item, replayed through an
    assistant that returns the given replies."""
    low, mid, high = priced(demo_products, over=20)
    assistant, _ = make_assistant()
    script = [reply_with([mid, high], "Here you go."), reply_with([high], "Cheaper ones.", intent="refine")]
    assistant.reply = lambda session, message: script.pop(0)
    rows = rows_of(
        Evaluator(assistant),
        {"id": "h", "turns": [{"role": "user", "text": "gifts"}, {"role": "user", "text": "something cheaper"}]},
    )
    assert rows[1].follow_up_kind == "cheaper" and rows[1].counts["refinements"] == 1
    assert rows[1].counts["refinements_ok"] == 0
    assert any(f["check"] == "refinement:cheaper" and high.id in f["detail"] for f in rows[1].failed)

    script = [reply_with([mid, high], "Here you go."), reply_with([low], "Cheaper ones.", intent="refine")]
    rows = rows_of(
        Evaluator(assistant),
        {"id": "h", "turns": [{"role": "user", "text": "gifts"}, {"role": "user", "text": "something cheaper"}]},
    )
    assert rows[1].counts["refinements_ok"] == 1 and not rows[1].failed


def test_real_core_refinements_pass_their_checks(make_assistant):
    assistant, _ = make_assistant()
    rows = rows_of(
        Evaluator(assistant),
        {
            "id": "r",
            "turns": [
                {"role": "user", "text": "running shoes"},
                {"role": "user", "text": "cheaper"},
                {"role": "user", "text": "compare 1 and 2"},
            ],
        },
    )
    first, cheaper, compare = rows
    assert first.counts["cards_checked"] >= 2 and first.counts["cards_satisfying"] == first.counts["cards_checked"]
    assert cheaper.counts["refinements"] == 1 and cheaper.counts["refinements_ok"] == 1, cheaper.failed
    assert all(c["price"] < min(x["price"] for x in first.cards) for c in cheaper.cards)
    assert compare.follow_up_kind == "compare" and compare.counts["refinements_ok"] == 1, compare.failed
    assert [c["id"] for c in compare.cards] == [c["id"] for c in cheaper.cards[:2]]


def test_a_reply_may_quote_an_earlier_bound_of_the_request(make_assistant, demo_products):
    """A bound the request had before (one a "cheaper" turn derived, not a price of a card shown
    nor a number the shopper wrote) may be quoted when the reply says what changed."""
    low, high, _ = priced(demo_products, over=20)
    first, second = round(low.price - 0.01, 2), round(low.price - 0.02, 2)
    assistant, _ = make_assistant()
    script = [
        reply_with([low, high], "Two picks."),
        reply_with([], f"Updated: added under ${first:.2f}. Sorry, nothing matches.", intent="refine").model_copy(
            update={"constraints": {"price_max": first}}
        ),
        reply_with(
            [], f"Updated: replaced under ${second:.2f} (was under ${first:.2f}). Sorry, nothing matches.", "refine"
        ).model_copy(update={"constraints": {"price_max": second}}),
    ]
    assistant.reply = lambda session, message: script.pop(0)
    turns = [{"role": "user", "text": t} for t in ("gifts", "cheaper", "cheaper")]
    rows = rows_of(Evaluator(assistant), {"id": "b", "turns": turns})
    assert rows[-1].counts["prices_stated"] == 2 and rows[-1].counts["wrong_prices"] == 0, rows[-1].failed


def test_the_closest_alternatives_are_the_cards_a_follow_up_points_at(make_assistant):
    """When nothing matches, the closest products are the cards on screen: "compare 1 and 2"
    compares them (it used to answer "nothing on screen"), and the evaluator's check agrees."""
    assistant, _ = make_assistant()
    turns = ("running shoes for women", "in orange", "compare 1 and 2")
    rows = rows_of(Evaluator(assistant), {"id": "alt", "turns": [{"role": "user", "text": t} for t in turns]})
    empty, compare = rows[1], rows[2]
    assert not empty.cards and "The closest we have" in empty.text
    assert compare.counts["refinements"] == 1 and compare.counts["refinements_ok"] == 1, (compare.text, compare.failed)
    assert len(compare.cards) == 2 and "nothing on screen" not in compare.text


def test_cheaper_or_pricier_after_alternatives_never_loosens_the_bound(make_assistant):
    """The alternatives break the request (some on price): a second "cheaper" or "more premium"
    moves on from the request's bound, not from an alternative's price."""
    assistant, _ = make_assistant()
    for first, again, bound, tighter in (
        ("sleeping bag", "cheaper", "price_max", float.__lt__),
        ("coffee maker", "something more premium", "price_min", float.__gt__),
    ):
        session = Session()
        reply = assistant.reply(session, first)
        for _ in range(5):  # until nothing is cheaper (or dearer) than what was shown
            if not reply.products:
                break
            reply = assistant.reply(session, again)
        assert not reply.products and reply.alternatives, reply.text
        before = getattr(session.constraints, bound)
        assistant.reply(session, again)
        after = getattr(session.constraints, bound)
        assert after is not None and (after == before or tighter(after, before)), (first, before, after)


def test_deterministic_replies_of_the_demo_log_pass_every_check(make_assistant):
    """With the model saying nothing every reply is the core's deterministic text, built from
    the records: any failed check on data/eval/shopping_demo.jsonl is an evaluator false alarm
    or a core bug (it caught "compare 1 and 2" and "the first one" answered with "nothing on
    screen" while the closest alternatives were the cards on screen)."""
    assistant, _ = make_assistant()
    evaluator = Evaluator(assistant)
    failed = [
        (d.id, row.turn, row.message, row.failed, row.error)
        for d in read_dialogues(REPO / "data" / "eval" / "shopping_demo.jsonl")
        for row in evaluator.dialogue(d)
        if row.failed or row.error
    ]
    assert not failed, failed


def test_compare_check_and_constraint_check_on_known_answers(records, demo_products):
    a, b, c = priced(demo_products, over=20)
    last = [ProductCard.of(p) for p in (a, b, c)]
    right = reply_with([a, b], intent="compare", comparison=ComparisonTable(columns=[a.title, b.title], rows=[]))
    wrong = reply_with([a, c], intent="compare", comparison=ComparisonTable(columns=[a.title, c.title], rows=[]))
    ok = check_refinement("compare", "compare 1 and 2", right, last, None, records, None)
    bad = check_refinement("compare", "compare 1 and 2", wrong, last, None, records, None)
    assert ok.ok and not bad.ok and len(bad.failures) == 2
    assert positions("compare the first two") == [1, 2] and follow_up_kind("tell me about the last one") == "reference"
    assert follow_up_kind("budget is 1500") is None and follow_up_kind("anything less expensive?") == "cheaper"


def test_pointing_past_the_cards_shown_is_answered_without_cards(make_assistant, records, demo_products):
    """ "compare 1 and 2" with one card on screen: the core used to show a one-column
    "comparison" of the first; now it says how many there are, and the evaluator checks it."""
    a, _, _ = priced(demo_products, over=20)
    one = [ProductCard.of(a)]
    lone = reply_with([a], intent="compare", comparison=ComparisonTable(columns=[a.title], rows=[]))
    assert not check_refinement("compare", "compare 1 and 2", lone, one, None, records, None).ok
    assert check_refinement("compare", "compare 1 and 2", reply_with([]), one, None, records, None).ok

    assistant, _ = make_assistant()
    turns = ("school backpack", "compare 1 and 2")
    first, compare = rows_of(Evaluator(assistant), {"id": "p", "turns": [{"role": "user", "text": t} for t in turns]})
    assert len(first.cards) == 1, first.text  # the demo catalog has one school backpack
    assert not compare.cards and "only shown 1 item" in compare.text, compare.text
    assert compare.counts["refinements"] == 1 and compare.counts["refinements_ok"] == 1, compare.failed


def test_constraints_and_honest_empty(make_assistant, demo_products):
    cheap = min((p for p in demo_products if p.price), key=lambda p: p.price)
    dear = max((p for p in demo_products if p.price), key=lambda p: p.price)
    assistant, _ = make_assistant()
    evaluator = Evaluator(assistant)
    label = {"price_max": cheap.price + 1}
    script = [reply_with([cheap, dear], "Two picks.")]
    assistant.reply = lambda session, message: script.pop(0)
    (row,) = rows_of(evaluator, {"id": "c", "turns": [{"role": "user", "text": "x"}], "labels": {"constraints": label}})
    assert (row.counts["cards_checked"], row.counts["cards_satisfying"]) == (2, 1)
    assert any(dear.id in f["detail"] and "price" in f["detail"] for f in row.failed)

    impossible = {"price_max": 0.5}
    for shown, text, honest in (([], "Sorry, nothing in our catalog matches that.", 1), ([cheap], "Here is one.", 0)):
        script = [reply_with(shown, text)]
        (row,) = rows_of(
            evaluator, {"id": "u", "turns": [{"role": "user", "text": "x"}], "labels": {"constraints": impossible}}
        )
        assert row.counts["unsatisfiable_turns"] == 1 and row.counts["honest_empty"] == honest


def test_constraints_accumulate_from_the_shoppers_messages(make_assistant):
    """Without labels the request so far comes from the shopper's words: 'for women' and the
    budget still apply after 'in black'."""
    assistant, _ = make_assistant()
    rows = rows_of(
        Evaluator(assistant),
        {
            "id": "acc",
            "turns": [{"role": "user", "text": "jacket for women under $200"}, {"role": "user", "text": "in black"}],
        },
    )
    second = rows[1]
    assert second.counts.get("cards_checked", 0) == second.counts.get("cards_satisfying", 0)
    record = {p.id: p for p in assistant.engine.catalog.products}
    for card in second.cards:
        p = record[card["id"]]
        assert "women" in p.audience and p.price <= 200 and "black" in p.colours


def test_ranking_intent_and_similarity(make_assistant, demo_products):
    assistant, _ = make_assistant()
    target = next(p for p in demo_products if p.title == "Solway Hooded Raincoat")
    (row,) = rows_of(
        Evaluator(assistant),
        {
            "id": "rank",
            "turns": [
                {"role": "user", "text": target.title},
                {"role": "assistant", "text": "Try the Solway Hooded Raincoat."},
            ],
            "labels": {"relevant_products": {target.id: 2}, "intents": ["search"]},
        },
    )
    assert row.values["ndcg@10"] == pytest.approx(1.0) and row.values["recall@50"] == 1.0
    assert row.counts["intents_correct"] == 1 and 0 < row.values["rouge_l"] <= 1 and row.counts["references"] == 1

    # The final turn of a conversation, and the same request asked in one message (meta.query).
    rows = rows_of(
        Evaluator(assistant),
        {
            "id": "conv",
            "turns": [{"role": "user", "text": "hi"}, {"role": "user", "text": target.title}],
            "labels": {"relevant_products": {target.id: 2}},
            "meta": {"query": target.title},
        },
    )
    final = rows[-1]
    assert final.counts["ranked"] == 1 and final.counts["one_shot_ranked"] == 1
    assert final.counts["one_shot_ndcg@10"] == pytest.approx(final.counts["ndcg@10"])
    assert final.one_shot["cards"][0]["id"] == target.id


def test_session_becomes_a_dialogue(make_assistant):
    assistant, _ = make_assistant()
    session = Session()
    assistant.reply(session, "running shoes, mail me at jo@example.com")
    assistant.reply(session, "cheaper")
    dialogue = Dialogue.from_session(session)
    assert dialogue.id == session.id and [t.role for t in dialogue.turns] == ["user", "assistant"] * 2
    assert "[EMAIL]" in dialogue.turns[0].text and dialogue.user_texts()[1] == "cheaper"


def test_policy_claims_and_citations_on_known_answers(make_assistant):
    assistant, _ = make_assistant()
    index = Evaluator(assistant).policies
    citation = next(
        c
        for c in citations(assistant.policies.search("return window days", k=5))
        if "30 day" in policy_facts(index.resolve(c))
    )
    supported = index.check("Returns are accepted within 30 days of delivery.", [citation])
    unsupported = index.check("Returns are accepted within 45 days.", [citation])
    forged = index.check("Returns take 30 days.", [{**citation, "text": "Returns are free forever."}])
    assert (supported.claims, supported.claims_supported, supported.citations_valid) == (1, 1, 1)
    assert (unsupported.claims, unsupported.claims_supported) == (1, 0) and "45 day" in unsupported.failures[0]
    assert forged.citations_valid == 0 and forged.claims_supported == 0


def test_copilot_dialogue_is_replayed_with_its_history(make_assistant):
    assistant, backend = make_assistant()
    rows = rows_of(
        Evaluator(assistant),
        {
            "id": "cop",
            "turns": [
                {"role": "user", "text": "My jacket arrived with a broken zip."},
                {"role": "agent", "text": "I'm sorry! Could you send a photo?"},
                {"role": "user", "text": "Sure. Can I return it?"},
                {"role": "agent", "text": "Yes, returns are accepted within 30 days of delivery."},
            ],
            "meta": {"mode": "copilot"},
        },
    )
    assert [r.mode for r in rows] == ["copilot", "copilot"] and rows[1].counts["citations"] >= 1
    assert rows[1].counts["citations_valid"] == rows[1].counts["citations"]
    assert rows[1].counts["policy_claims_supported"] == rows[1].counts["policy_claims"]
    assert rows[1].reference.startswith("Yes, returns") and rows[1].counts["references"] == 1
    # The second suggestion saw the logged agent turn as history.
    assert any("Could you send a photo?" in m["content"] for m in backend.calls[-1]["messages"])


def test_copilot_turns_count_the_sentences_grounding_removed(make_assistant):
    """The copilot's grounding removes sentences as the shopper path's does; its rows used to
    count none, so sentences_removed_per_100 read 0.000 on copilot logs whatever the model said."""
    assistant, _ = make_assistant(replies=["Our shop was founded on the moon in 1850."])
    (row,) = rows_of(
        Evaluator(assistant),
        {"id": "moon", "turns": [{"role": "user", "text": "Can I return a jacket?"}], "meta": {"mode": "copilot"}},
    )
    assert row.counts["sentences_removed"] == 1 and row.counts["fallbacks"] == 1, row.text


class SlowSentences:
    """Streams `n` different sentences about the first card, `every_s` apart, then stops."""

    name = "slow"

    def __init__(self, n: int, every_s: float):
        self.n, self.every_s = n, every_s

    SHAPES = (  # each about the first card, none a near-repeat of another (grounding drops those)
        "The first one is {} and handy. ",
        "For daily use the first one stays {}. ",
        "Shoppers call the first one {} for its size. ",
        "Next to the others the first one looks {}. ",
        "A {} build makes the first one a keeper. ",
    )

    def stream(self, messages, sampling, adapter=None):
        for shape, word in zip(self.SHAPES[: self.n], WORDS, strict=False):
            time.sleep(self.every_s)
            yield shape.format(word)


def test_batch_evaluation_lets_every_generation_finish(fake_settings, fake_embedder):
    """Serving cuts a generation at its deadline (and sheds it when the queue is long), so an
    evaluation through a serving Assistant scored replies that depended on the machine's load
    (20 of 161 model turns were cut at 20 s on a busy 2-core machine). capacity=False lets every
    generation run to its end."""
    settings = fake_settings.model_copy(update={"generation_deadline_s": 0.25})
    dialogue = {"id": "slow", "turns": [{"role": "user", "text": "blue backpack"}]}
    served = Assistant.load(settings, backend=SlowSentences(5, 0.1), embed=fake_embedder)
    batch = Assistant.load(settings, backend=SlowSentences(5, 0.1), embed=fake_embedder, capacity=False)
    (cut,) = rows_of(Evaluator(served), dialogue)
    (whole,) = rows_of(Evaluator(batch), dialogue)
    said = [shape.format(word).strip() for shape, word in zip(SlowSentences.SHAPES, WORDS, strict=False)]
    assert sum(s in cut.text for s in said) < 5 == sum(s in whole.text for s in said), (cut.text, whole.text)


def test_errors_are_rows_not_crashes(make_assistant):
    assistant, _ = make_assistant()
    rows = rows_of(
        Evaluator(assistant),
        {"id": "e", "turns": [{"role": "user", "text": "x" * 5000}, {"role": "user", "text": "hello"}]},
    )
    assert rows[0].error and "limit" in rows[0].error and rows[0].counts == {"turns": 1, "errors": 1}
    assert rows[1].error is None and rows[1].intent == "chitchat"


# -- the run: files, report, resume ------------------------------------------------------------------


def write_log(path, dialogues):
    write_dialogues(path, [Dialogue.model_validate(d) for d in dialogues])
    return path


def test_evaluate_dialogues_writes_rows_and_report(make_assistant, tmp_path):
    assistant, _ = make_assistant()
    logs = write_log(
        tmp_path / "logs.jsonl",
        [
            {"id": f"d{i}", "turns": [{"role": "user", "text": q}, {"role": "user", "text": "cheaper"}]}
            for i, q in enumerate(["jacket for women", "running shoes", "backpack", "ceramic mug"])
        ],
    )
    out = tmp_path / "out"
    report = evaluate_dialogues(assistant, logs, out, workers=2, progress=False)
    rows = [json.loads(x) for x in (out / "turns.jsonl").read_text().splitlines()]
    assert len(rows) == 8 and {r["dialogue_id"] for r in rows} == {"d0", "d1", "d2", "d3"}
    assert report["dialogues"] == 4 and report["turns"] == 8
    errors = report["metrics"]["error_rate"]
    assert errors["value"] == 0.0 and errors["ci95"] == [0.0, 0.0] and errors["dialogues"] == 4
    assert report["meta"]["git_commit"] and report["meta"]["catalog_sha256"] and report["meta"]["logs_sha256"]
    assert set(report["slices"]) >= {"intent", "follow_up_kind"} and "cheaper" in report["slices"]["follow_up_kind"]
    assert report["latency_ms"]["total"]["p95"] >= report["latency_ms"]["total"]["p50"]
    html = (out / "report.html").read_text()
    assert html.count('src="data:image/png;base64,') >= 3  # nothing to fetch: no external src/href, no script
    assert not re.search(r'(?:src|href)="(?!data:)|<script|<link', html)
    again = evaluate_dialogues(assistant, logs, out, workers=1, progress=False)
    assert again["meta"]["this_run"]["skipped_finished_dialogues"] == 4 and again["turns"] == 8


def test_a_results_folder_holds_one_run(make_assistant, tmp_path):
    assistant, _ = make_assistant()
    logs = write_log(tmp_path / "a.jsonl", [{"id": "x", "turns": [{"role": "user", "text": "mug"}]}])
    evaluate_dialogues(assistant, logs, tmp_path / "out", progress=False)
    other = write_log(tmp_path / "b.jsonl", [{"id": "y", "turns": [{"role": "user", "text": "lamp"}]}])
    with pytest.raises(ShopAssistError, match="another run"):
        evaluate_dialogues(assistant, other, tmp_path / "out", progress=False)


def test_report_escapes_logged_text(make_assistant, tmp_path):
    assistant, _ = make_assistant()
    logs = write_log(
        tmp_path / "l.jsonl",
        [{"id": "<script>alert(1)</script>", "turns": [{"role": "user", "text": "<img src=x onerror=alert(1)> mug"}]}],
    )
    evaluate_dialogues(assistant, logs, tmp_path / "out", progress=False)
    html = (tmp_path / "out" / "report.html").read_text()
    assert "<script>alert" not in html and "<img src=x" not in html


# -- the log format ------------------------------------------------------------------------------


def test_log_round_trip_redacts(tmp_path):
    dialogue = Dialogue.model_validate(
        {
            "id": "p",
            "turns": [{"role": "user", "text": "mail me at jo@example.com"}, {"role": "agent", "text": "ok"}],
            "labels": {"constraints": {"price_max": 50, "colour": "black"}, "intents": ["search"]},
            "meta": {"follow_up_kind": "budget"},
        }
    )
    path = tmp_path / "log.jsonl"
    write_dialogues(path, [dialogue])
    (back,) = read_dialogues(path)
    assert "[EMAIL]" in back.turns[0].text and back.labels.constraints.price_max == 50
    assert back.reference_replies() == ["ok"] and back.constraint_labels()[-1].colour == "black"


@pytest.mark.parametrize(
    "line, message",
    [
        ("{not json", "line 2: invalid JSON"),
        ('{"id": "a", "turns": [{"role": "agent", "text": "hi"}]}', "role 'user'"),
        ('{"id": "a", "turns": [{"role": "robot", "text": "hi"}]}', "turns.0.role"),
        ('{"id": "ok", "turns": [{"role": "user", "text": "hi"}]}', "appears twice"),
        (
            '{"id": "b", "turns": [{"role": "user", "text": "hi"}], "labels": {"intents": ["a", "b"]}}',
            "2 entries for 1",
        ),
    ],
)
def test_bad_logs_fail_with_the_line(tmp_path, line, message):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "ok", "turns": [{"role": "user", "text": "hi"}]}\n' + line + "\n")
    with pytest.raises(ShopAssistError, match=message):
        read_dialogues(path)


def test_constraint_label_semantics(records, demo_products):
    watch = next(p for p in demo_products if "watch" in p.title.lower() and p.price)
    label = ConstraintLabel(category_any=["watch"], price_max=watch.price, rating_min=0)
    assert label.failures(watch) == [] if watch.rating is not None else ["rating"]
    assert ConstraintLabel(category_any=["sofa"]).failures(watch) == ["category"]
    assert ConstraintLabel(price_max=watch.price - 0.01).failures(watch) == ["price"]
    assert ConstraintLabel(brand=watch.brand).failures(watch) == []


def test_policy_facts():
    assert policy_facts("Returns within 30 days; a 1-year warranty; ships in 3-5 business days; 10% off over $50") == {
        "30 day",
        "1 year",
        "3-5 day",
        "10 %",
        "$ 50",
    }


# -- statistics -----------------------------------------------------------------------------------


def test_bootstrap_and_sign_test():
    num, den = np.array([1.0, 0, 1, 1, 0, 1, 1, 1]), np.ones(8)
    lo, hi = bootstrap_ratio(num, den)
    assert lo <= num.mean() <= hi and 0 <= lo < hi <= 1
    same = paired_bootstrap((num, den), (num, den))
    assert same.difference == 0 and same.ci == (0.0, 0.0)
    test = sign_test(np.zeros(10), np.ones(10), higher_is_better=True)
    assert (test.wins, test.losses, test.ties) == (10, 0, 0) and test.p_value == pytest.approx(2 / 1024)
    assert sign_test(np.ones(3), np.ones(3), True).p_value is None
