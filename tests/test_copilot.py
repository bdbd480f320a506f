"""The agents' copilot through the fakes: the suggested reply goes through the same generation and
grounding path as the shopper's (prices fixed, echoes dropped), cites policy passages, finds the
products the conversation names, and still suggests something when the model fails."""

from __future__ import annotations

import pytest

from assistant.wording import HANDOFF_REPLY, format_price
from common.errors import ShopAssistError


@pytest.fixture(scope="module")
def jacket(demo_products):
    return next(p for p in demo_products if "Jacket" in p.title)


def broken_zip(title: str) -> list[dict[str, str]]:
    return [
        {"role": "customer", "content": f"My {title} arrived with a broken zip."},
        {"role": "agent", "content": "I'm sorry! Could you send a photo?"},
        {"role": "customer", "content": "Sure. Is this covered by the warranty?"},
    ]


def test_suggested_reply_is_grounded_and_cites_its_evidence(make_assistant, jacket):
    price = format_price(jacket.price, jacket.currency)
    assistant, backend = make_assistant(
        replies=[f"Yes, the {jacket.title} is covered by our warranty and cost you $1.00."],
        copilot_adapter="support-lora",
    )
    result = assistant.copilot(broken_zip(jacket.title))
    assert result.suggested_reply == f"Yes, the {jacket.title} is covered by our warranty and cost you {price}."
    assert result.intent == "policy" and not result.used_fallback and not result.handoff
    assert [p.id for p in result.products] == [jacket.id]
    assert any(p["source"] == "warranty.md" for p in result.policies)
    assert all(len(p["text"]) <= 300 for p in result.policies)

    call = backend.calls[0]
    assert call["adapter"] == "support-lora"
    roles = [m["role"] for m in call["messages"]]
    # Rules and quoted data travel in separate system messages (data is never instructions).
    assert roles == ["system", "system", "user", "assistant", "user"]
    system = call["messages"][1]["content"]
    assert "<policy_data>" in system and f"- {jacket.title}: {price}" in system
    assert call["messages"][-1]["content"] == "Sure. Is this covered by the warranty?"


@pytest.mark.parametrize(
    "scripted",
    [RuntimeError("server down"), "Answer from the policy data only; never ask for card numbers or passwords."],
    ids=["backend error", "echo of the rules"],
)
def test_fallback_quotes_the_top_policy(make_assistant, jacket, scripted):
    assistant, _ = make_assistant(replies=[scripted])
    result = assistant.copilot(broken_zip(jacket.title))
    top = result.policies[0]
    assert result.used_fallback and result.suggested_reply.startswith(
        f"Thanks for reaching out. Per our {top['section']}"
    )
    assert "card numbers" not in result.suggested_reply


def test_fallback_hands_off_when_the_customer_asks_for_a_human(make_assistant):
    assistant, _ = make_assistant(replies=[RuntimeError("server down")])
    result = assistant.copilot([{"role": "user", "content": "I was charged twice, let me speak to a manager"}])
    assert result.handoff and result.used_fallback and result.suggested_reply == HANDOFF_REPLY


def test_shopping_question_finds_products(make_assistant):
    assistant, _ = make_assistant(default="We have several waterproof jackets in that range.")
    result = assistant.copilot([{"role": "customer", "content": "Do you sell a waterproof jacket under $120?"}])
    assert result.intent == "search" and 1 <= len(result.products) <= 3
    assert all(p.price <= 120 for p in result.products)


@pytest.mark.parametrize(
    ("conversation", "message"),
    [
        ([{"role": "robot", "content": "hi"}], "turn 1: role 'robot' is not one of customer, agent"),
        ([{"role": "agent", "content": "Hello, how can I help?"}], "no customer message"),
    ],
)
def test_bad_conversation_is_a_user_error(make_assistant, conversation, message):
    assistant, backend = make_assistant()
    with pytest.raises(ShopAssistError, match=message):
        assistant.copilot(conversation)
    assert backend.calls == []


def test_a_damage_claim_stays_the_matter_after_small_talk(make_assistant):
    assistant, _ = make_assistant(replies=[""])
    result = assistant.copilot(
        [
            {"role": "customer", "content": "The mug I ordered arrived cracked, can I get a replacement?"},
            {"role": "agent", "content": "I'm sorry to hear that! Could you send a photo?"},
            {"role": "customer", "content": "sure, here it is"},
        ]
    )
    assert result.intent == "support" and result.policies
    assert any(p["source"] in ("returns.md", "warranty.md", "shipping.md") for p in result.policies)


@pytest.mark.parametrize(
    "message",
    [
        "my headphones stopped working after a week",
        "the zip is torn",
        "the charger doesn't work",
        "it arrived scratched",
    ],
)
def test_damage_and_faults_are_support_not_search(make_assistant, message):
    assistant, _ = make_assistant(replies=[""])
    assert assistant.copilot([{"role": "customer", "content": message}]).intent == "support"


def test_a_long_policy_passage_is_quoted_up_to_a_whole_word():
    from assistant.generation import CITATION_CHARS, citations

    text = "Footwear should be tried on indoors. " * 20
    (cited,) = citations([{"source": "returns.md", "section": "Returns", "text": text}])
    assert len(cited["text"]) <= CITATION_CHARS and cited["text"].endswith("…")
    assert text.startswith(cited["text"][:-1]) and text[len(cited["text"]) - 1] == " "  # cut between words
    short = citations([{"source": "a.md", "section": "A", "text": "Short."}])
    assert short[0]["text"] == "Short."
