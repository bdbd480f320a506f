"""The conversation core, end to end with the bundled SmolLM2 on the transformers backend."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant.backends import OpenAIBackend
from assistant.core import Assistant
from assistant.session import Session
from tests.conftest import free_port

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def assistant(demo_settings) -> Assistant:
    settings = demo_settings.model_copy(update={"max_new_tokens": 40})
    return Assistant.load(settings)


def turn(assistant: Assistant, session: Session, message: str):
    events = list(assistant.respond(session, message))
    return events, events[-1].data


def test_search_turn_streams_cards_before_text(assistant):
    session = Session()
    events, reply = turn(assistant, session, "waterproof jacket for hiking under $120")
    kinds = [e.type for e in events]
    assert kinds[0] == "intent" and kinds[-1] == "done"
    assert kinds.index("products") < kinds.index("text")
    assert reply.intent == "search" and 1 <= len(reply.products) <= 5
    assert all(c.price <= 120 for c in reply.products)
    assert all(
        "jacket" in (c.title + c.category).lower() or "coat" in (c.title + c.category).lower() for c in reply.products
    )
    assert reply.text and reply.timings_ms["first_card"] <= reply.timings_ms["total"]
    assert reply.products[0].why.constraints


def test_refinements_keep_and_change_constraints(assistant):
    session = Session()
    _, first = turn(assistant, session, "running shoes for women")
    _, cheaper = turn(assistant, session, "cheaper")
    assert cheaper.intent == "refine" and cheaper.changes
    assert all(c.price < min(p.price for p in first.products) for c in cheaper.products)
    assert cheaper.constraints["audience"] == "women"
    _, more = turn(assistant, session, "show more")
    assert not {c.id for c in more.products} & {c.id for c in cheaper.products}
    _, under = turn(assistant, session, "under 100 instead")
    assert under.constraints["price_max"] == 100 and all(c.price <= 100 for c in under.products)


def test_colour_and_brand_refinements(assistant):
    session = Session()
    turn(assistant, session, "backpack")
    _, blue = turn(assistant, session, "in blue")
    assert blue.constraints["colours"] == ["blue"] and blue.products
    brand = blue.products[0].brand.lower()
    _, other = turn(assistant, session, f"not {brand}")
    assert brand in other.constraints["exclude_brands"]
    assert all((c.brand or "").lower() != brand for c in other.products)


def test_compare_uses_records(assistant):
    session = Session()
    _, found = turn(assistant, session, "wireless earbuds")
    _, compared = turn(assistant, session, "compare 1 and 2")
    assert compared.intent == "compare" and [c.id for c in compared.products] == [c.id for c in found.products[:2]]
    for card in found.products[:2]:
        assert card.title in compared.text and f"${card.price:,.2f}" in compared.text
    _, detail = turn(assistant, session, "tell me more about the second one")
    assert detail.intent == "detail" and detail.products[0].id == found.products[1].id


def test_policy_question_cites_the_passage(assistant):
    _, reply = turn(assistant, Session(), "How many days do I have to return an item?")
    assert reply.intent == "policy" and reply.citations
    assert reply.citations[0]["source"] == "returns.md" and "Source: returns.md" in reply.text


def test_support_handoff_and_chitchat(assistant):
    _, reply = turn(assistant, Session(), "I was charged twice for my order, I want to speak to a human")
    assert reply.intent == "support" and reply.handoff and "support" in reply.text
    _, reply = turn(assistant, Session(), "hello!")
    assert reply.intent == "chitchat" and not reply.products
    _, reply = turn(assistant, Session(), "what's the weather tomorrow?")
    assert reply.intent == "chitchat" and "shopping" in reply.text


def test_cold_start_vague_and_too_broad(assistant):
    _, reply = turn(assistant, Session(), "gift ideas for my dad")
    assert len({c.category.split(" > ")[0] for c in reply.products}) >= 2
    _, reply = turn(assistant, Session(), "I want to buy something")
    assert reply.intent == "clarify" and not reply.products and reply.text.endswith("?")


def test_nothing_matches_is_said_plainly(assistant):
    _, reply = turn(assistant, Session(), "do you have rolex watches?")
    assert reply.products == [] and "we don't carry rolex" in reply.text.lower()
    assert "rolex" in reply.empty_reason and reply.not_carried == "rolex"


def test_backend_failure_falls_back_to_records(demo_settings):
    dead = demo_settings.model_copy(
        update={
            "llm_backend": "openai",
            "openai_base_url": f"http://127.0.0.1:{free_port()}/v1",
            "openai_model": "none",
            "llm_timeout_s": 3,
        }
    )
    core = Assistant.load(dead, backend=OpenAIBackend(dead))
    _, reply = turn(core, Session(), "yoga mat")
    top = reply.products[0]
    assert reply.used_fallback and top.title in reply.text and f"${top.price:,.2f}" in reply.text


def test_session_round_trip_and_ask_cli(demo_settings):
    session = Session()
    assert Session.model_validate_json(session.model_dump_json()) == session
    cmd = [sys.executable, "-m", "ui.cli", "ask", "--data-dir", str(demo_settings.data_dir), "--json"]
    env_ok = {"timeout": 300, "capture_output": True, "text": True, "check": True}
    first = json.loads(
        subprocess.run(
            [
                *cmd,
                "blue backpack under $60",
                "--backend",
                "openai",
                "--openai-base-url",
                f"http://127.0.0.1:{free_port()}/v1",
            ],
            **env_ok,
        ).stdout
    )
    assert set(first) >= {"text", "products", "constraints", "intent"}
    assert first["constraints"]["price_max"] == 60 and all(p["price"] <= 60 for p in first["products"])
    second = json.loads(
        subprocess.run(
            [
                *cmd,
                "cheaper",
                "--session",
                first["session_id"],
                "--backend",
                "openai",
                "--openai-base-url",
                f"http://127.0.0.1:{free_port()}/v1",
            ],
            **env_ok,
        ).stdout
    )
    assert second["intent"] == "refine" and second["constraints"]["colours"] == ["blue"]
