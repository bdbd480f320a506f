"""A reply to a Chinese shopper has no English in it, on every path that writes one: every reply
template of assistant/data/zh.yaml, every colour and audience the interpreter can filter on, what an
alternative breaks, the suggestions, and the conversation's language when the shopper types a
brand or model in Latin letters."""

from __future__ import annotations

import re
import string

import pytest

from assistant.chinese import lexicon
from assistant.chinese_text import _break_name, chips, conditions, reply_text, suggestions
from assistant.language import turn_language
from assistant.message_patterns import FUNCTION_WORDS
from assistant.reply import ProductCard, Reply, RequestChip, Suggestion
from common.schema import AUDIENCES
from common.text import COLOURS

CJK = re.compile(r"[\u4e00-\u9fff]")


def english_left(text: str) -> list[str]:
    """English words left once what is quoted as the records have it is out: “…” quotes, brands
    after 品牌 / 不要, prices and the support address."""
    text = re.sub(r"“[^”]*”|(?:品牌|不要) [\w&.' -]+|[₹$€£][\d,.]+|support@\S+", "", text)
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.mark.parametrize("name", sorted(lexicon()["replies"]))
def test_every_reply_template_is_chinese_around_its_fields(name):
    template = lexicon()["replies"][name]
    fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
    text = template.format(**dict.fromkeys(fields, "“x”"))
    assert CJK.search(text) and not english_left(text), text


@pytest.mark.parametrize("colour", sorted(set(COLOURS)))
def test_every_colour_the_interpreter_filters_on_is_named_in_chinese(colour):
    constraints = {"colours": [colour], "exclude_colours": [colour]}
    said = conditions(constraints, "INR")
    assert len(said) == 2 and all(CJK.search(s) and not english_left(s) for s in said), said
    chip = chips([RequestChip(slot="colour", label=colour)], constraints, "INR")[0].label
    assert CJK.search(chip) and not english_left(chip), chip
    for breaks in (f"in {colour}", f"not in {colour}"):
        assert not english_left(_break_name(breaks)), breaks
    shown = suggestions([Suggestion(label=f"in {colour} (3)", message=f"in {colour}")])
    assert shown and not english_left(shown[0].label)


@pytest.mark.parametrize("colour, name", [("brown", "棕色"), ("pink", "粉色"), ("orange", "橙色"), ("red", "红色")])
def test_a_colour_is_named_by_the_first_colour_word_listed(colour, name):
    assert conditions({"colours": [colour]}, "INR") == [name]


@pytest.mark.parametrize("audience", [*AUDIENCES, "kids"])
def test_every_audience_is_named_in_chinese(audience):
    said = conditions({"audience": audience}, "INR")
    assert said and CJK.search(said[0]) and not english_left(said[0]), said


def card(title: str = "acme steel bottle 1 l", brand: str = "acme") -> ProductCard:
    return ProductCard(
        id="p1",
        title=title,
        brand=brand,
        price=499.0,
        currency="INR",
        image_url=None,
        rating=4.2,
        stock=3,
        in_stock=True,
        category="bottle",
    )


EVERY_FILTER = {
    "colours": ["teal"],
    "audience": "women",
    "price_max": 500.0,
    "cheap": True,
    "min_rating": 4.0,
    "in_stock": True,
    "attributes": ["insulated"],
    "categories": ["bottle"],
}


@pytest.mark.parametrize(
    "reply",
    [
        Reply(session_id="s", text="", products=[card()], constraints=EVERY_FILTER, constraints_text=[], intent="search"),
        Reply(session_id="s", text="", products=[], constraints=EVERY_FILTER, constraints_text=[], intent="search",
              empty_reason="nothing"),
        Reply(session_id="s", text="", products=[], constraints={"categories": ["gramophone horn"]},
              constraints_text=[], intent="search", not_carried="gramophone horn"),
        Reply(session_id="s", text="", products=[], constraints={}, constraints_text=[], intent="clarify"),
        Reply(session_id="s", text="Yes, it says: Material: steel.", products=[card()], constraints={},
              constraints_text=[], intent="product_question"),
        Reply(session_id="s", text="", products=[card(), card("acme glass bottle")], constraints={},
              constraints_text=[], intent="compare"),
        Reply(session_id="s", text="Hello! I can help you shop.", products=[], constraints={}, constraints_text=[],
              intent="chitchat"),
        Reply(session_id="s", text="", products=[], constraints={}, constraints_text=[], intent="support",
              handoff=True),
    ],
    ids=["found", "no match", "not carried", "clarify", "answer", "compare", "chitchat", "handoff"],
)  # fmt: skip
def test_every_branch_of_a_chinese_reply_names_only_records_in_english(reply):
    text = reply_text(reply, "INR", [], {})
    for quoted in [c.title for c in reply.products] + [c.brand or "" for c in reply.products]:
        text = text.replace(quoted, "")
    assert CJK.search(text) and not english_left(text), text


@pytest.mark.parametrize(
    "message, held, language",
    [
        ("我想买背包", "en", "zh"),
        ("swift的", "zh", "zh"),  # one Chinese character in a Chinese conversation
        ("hyundai i10", "zh", "zh"),  # a model in Latin letters is a name, not English
        ("nike", "zh", "zh"),
        ("show me watches instead", "zh", "en"),  # English grammar: the shopper switched
        ("hyundai i10", "en", "en"),
        ("swift的", "en", "en"),  # one character alone does not make an English conversation Chinese
        ("500", "zh", "zh"),
    ],
)
def test_the_turn_keeps_the_conversations_language_for_names_in_latin_letters(message, held, language):
    assert turn_language(message, held, FUNCTION_WORDS.__contains__) == language


def test_a_brand_typed_in_latin_letters_in_a_chinese_conversation_is_answered_in_chinese(make_assistant):
    from assistant.session import Session

    assistant, backend = make_assistant(default="This is a great pick for you.")
    session = Session()
    assistant.reply(session, "我想买一个100美元以下的背包")
    for message in ("nike", "swift的"):
        reply = assistant.reply(session, message)
        assert session.language == "zh"
        text = reply.text
        for quoted in [c.title for c in reply.products] + [c.brand or "" for c in reply.products]:
            text = text.replace(quoted, "")
        assert CJK.search(text) and not english_left(text), text
    assert not backend.calls
