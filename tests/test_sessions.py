"""`SessionStore` (ids, tokens, expiry, caps, atomic writes, redaction) and `common.redact`."""

from __future__ import annotations

import hmac
import json
import os
import subprocess
import sys
import time

import pytest

from assistant.search import Why
from assistant.session import LastReply, Session, ShownCard
from assistant.session_store import SessionLimitError, SessionNotFound, SessionStorageError, SessionStore
from common.redact import redact
from tests.conftest import REPO


@pytest.fixture()
def store(tmp_path) -> SessionStore:
    return SessionStore(tmp_path / "sessions", ttl_s=3600, max_turns=6, max_bytes=8192, max_sessions=50)


def stored(store: SessionStore, session_id: str) -> dict:
    return json.loads((store.root / f"{session_id}.json").read_text())


def test_create_open_and_tokens(store):
    session, token = store.create()
    assert len(session.id) == 32 and int(session.id, 16) >= 0 and len(token) >= 40
    assert token not in (store.root / f"{session.id}.json").read_text()
    assert store.open(session.id, token).id == session.id
    other, other_token = store.create()
    assert other.id != session.id and other_token != token
    messages = set()
    for sid, tok in [(session.id, other_token), (session.id, ""), ("f" * 32, token), ("mine", token)]:
        with pytest.raises(SessionNotFound) as err:
            store.open(sid, tok)
        messages.add(str(err.value))
    assert len(messages) == 1  # unknown and wrong-token look the same


@pytest.mark.parametrize("bad", ["abc\n", "../etc/passwd", "a/b", "", "x" * 65, "ab c", "abc\x00"])
def test_invalid_ids(store, bad):
    with pytest.raises(SessionNotFound):
        store.open(bad, "token")
    with pytest.raises(SessionNotFound):
        store.load(bad)


def test_save_refuses_ids_the_store_never_issued(store):
    with pytest.raises(SessionNotFound):
        store.save(Session(id="client-chosen"))
    assert not (store.root / "client-chosen.json").exists()


def test_cli_sessions_load_without_a_token(store):
    session = store.create_local()
    session.add_exchange("a yoga mat", "Here are some.")
    store.save(session)
    assert store.load(session.id).turns[0].content == "a yoga mat"
    with pytest.raises(SessionNotFound, match="no session"):
        store.load("0" * 32)


def test_sessions_expire(store):
    session, token = store.create()
    path = store.root / f"{session.id}.json"
    data = stored(store, session.id)
    data["last_used_at"] = time.time() - store.ttl_s - 1
    path.write_text(json.dumps(data))
    with pytest.raises(SessionNotFound):
        store.open(session.id, token)
    assert not path.exists()
    # Old files are swept when sessions are created (by modification time).
    stale, _ = store.create()
    old = time.time() - store.ttl_s - 10
    os.utime(store.root / f"{stale.id}.json", (old, old))
    store._last_sweep = 0.0
    store.create()
    assert not (store.root / f"{stale.id}.json").exists()


def test_turns_and_size_are_capped(store):
    session, token = store.create()
    for i in range(10):
        session.add_exchange(f"message {i}", f"reply {i}")
    store.save(session)
    kept = store.open(session.id, token).turns
    assert len(kept) == store.max_turns and kept[-1].content == "reply 9" and kept[0].content == "message 7"
    session.add_exchange("x" * 3000, "y" * 3000)  # two big turns: older ones go to fit 8 KiB
    store.save(session)
    assert len((store.root / f"{session.id}.json").read_bytes()) <= store.max_bytes
    assert store.open(session.id, token).turns[-1].content == "y" * 3000
    session.turns = []
    session.request.text = "z" * 9000  # over the limit with no history left to drop
    with pytest.raises(SessionLimitError, match="new session"):
        store.save(session)


def test_session_count_is_capped(tmp_path):
    store = SessionStore(tmp_path, max_sessions=3)
    for _ in range(3):
        store.create()
    with pytest.raises(SessionLimitError, match="SHOPASSIST_MAX_SESSIONS"):
        store.create()


def test_failed_write_keeps_the_old_file_and_no_temporary(store, monkeypatch):
    session, token = store.create()
    session.add_exchange("a tent", "Here are tents.")

    def no_space(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", no_space)
    with pytest.raises(SessionStorageError, match="No space left on device"):
        store.save(session)
    monkeypatch.undo()
    assert store.open(session.id, token).turns == []
    assert sorted(p.name for p in store.root.iterdir()) == [f"{session.id}.json"]


def test_session_files_hold_no_personal_data(store):
    session, token = store.create()
    session.add_exchange(
        "I'm jo@example.org, +1 (415) 555-0100, card 4111-1111-1111-1111, IBAN DE89 3704 0044 0532 0130 00",
        "Thanks jo@example.org, a tent is on its way to 221 Baker Street.",
    )
    session.request.text = "tent for jo@example.org"
    session.request.product_type = "tent for +44 20 7946 0958"
    # What the last reply showed may quote the shopper too (matched terms, what is not carried).
    session.last = LastReply(
        cards=[ShownCard(id="P1", why=Why(terms=["jo@example.org"], constraints=["for 221 Baker Street"]))],
        not_carried="tents for +1 (415) 555-0100",
    )
    store.save(session)
    text = (store.root / f"{session.id}.json").read_text()
    for secret in ("jo@", "555-0100", "4111", "DE89", "Baker", "7946"):
        assert secret not in text
    assert store.open(session.id, token).last.cards[0].id == "P1"
    assert session.turns[0].content.startswith("I'm jo@example.org")  # the live session is untouched
    assert store.open(session.id, token).turns[0].content.startswith("I'm [EMAIL], [PHONE], card [CARD], IBAN [IBAN]")


def test_the_request_text_survives_the_file_as_it_ranks(store):
    """The working text ranks follow-ups: a model number is not a phone number there, so an API
    or web session resumed from its file ranks as the CLI's live one does."""
    session, token = store.create()
    session.request.text = "laptop backpack 15.6 inch model 2024 1080"
    store.save(session)
    assert store.open(session.id, token).request.text == "laptop backpack 15.6 inch model 2024 1080"


def test_token_check_is_constant_time(store, monkeypatch):
    session, token = store.create()
    calls = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: calls.append((a, b)) or real(a, b))
    store.open(session.id, token)
    with pytest.raises(SessionNotFound):
        store.open("0" * 32, token)  # an unknown id is compared too, against a random hash
    assert len(calls) == 2 and all(len(a) == len(b) == 64 for a, b in calls)


@pytest.mark.parametrize(
    "text",
    [
        "+44 20 7946 0958",
        "+1 (415) 555-0100",
        "+91-98765-43210",
        "+49 (0)30 1234567",
        "+33 1 42 68 53 00",
        "0044 20 7946 0958",
        "+86 138 0013 8000",
        "+81 3-1234-5678",
        "+55 (11) 91234-5678",
        "+7 (495) 123-45-67",
        "(555) 123-4567",
        "030/1234567",
    ],
)
def test_phone_numbers_in_international_formats(text):
    assert redact(f"call {text} today") == "call [PHONE] today"


def test_cards_ibans_and_what_is_left_alone():
    assert redact("card 4111 1111 1111 1111.") == "card [CARD]."
    assert redact("amex 378282246310005") == "amex [CARD]"
    assert redact("1111 1111 1111 1112") == "1111 1111 1111 1112"  # fails Luhn, no network prefix: not a card
    assert redact("pay to GB82 WEST 1234 5698 7654 32 today") == "pay to [IBAN] today"
    assert redact("iban: DE89370400440532013000.") == "iban: [IBAN]."
    # an IBAN in its country's grouped layout names an account even with bad check digits (a
    # mistyped one still does; set L, issue 18): "NL91 ABNA 0417 1643 01" has a bad checksum
    assert redact("NL91 ABNA 0417 1643 01 no") == "[IBAN] no"
    for text in [
        "a jacket under $1,299.99 in size 10",
        "delivered on 2024-01-15 at 10:30, or 12/05/2024",
        "model XR-500, SKU AB-1234, item P000123 or B07XJ8C8F5",
        "rated 4.5 of 5 from 1234 reviews; Pay in 4 between $50 and $1,000",
    ]:
        assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("card 4111.1111.1111.1111 please", "card [CARD] please"),  # dots (issue 18)
        ("wallet under 4012888888881881", "wallet under [CARD]"),
        ("under $4,012,888,888,881,881", "under $[CARD]"),  # a card echoed as a price
        ("use 4242-4242 4242.4242 for the 2 mugs", "use [CARD] for the 2 mugs"),
        ("my visa 4111 1111 1111 1112", "my visa [CARD]"),  # a mistyped digit after a card word
        ("ship to 221B Baker Street, London", "ship to [ADDRESS], London"),
        ("livrez au 12 rue de la Paix", "livrez au [ADDRESS]"),
        ("bitte an Hauptstraße 5 liefern", "bitte an [ADDRESS] liefern"),
        ("my address is 350 fifth avenue, apt 4", "my address is [ADDRESS]"),  # the flat is part of it
        ("mera number 9876543210 hai", "mera number [PHONE] hai"),  # valid in India
        ("mon portable 06 12 34 56 78", "mon portable [PHONE]"),
        ("call me on 555 0199", "call me on [PHONE]"),  # no region's plan: the cue word says it
    ],
)
def test_personal_data_in_every_shape(text, expected):
    assert redact(text) == expected


def test_ordinary_shop_text_is_left_alone():
    for text in [
        "Samsung 55 inch 4K TV model 2024 1080p, 15.6 inch laptop 1920 1080",
        "ISBN 978-0-306-40615-7, ISBN 9780306406157, EAN 4006381333931, GTIN 00012345678905",
        "order ref 2024-0612-77, part no. 1234-5678-90, model number 22461093",
        "fits 2018 2019 2020 2021 models; Main Street Collection, Park Avenue style, 2 pack street shoes",
        "only rs. 1695 in india, ISO 100-25600, 220-240 V 50/60 Hz",
    ]:
        assert redact(text) == text


def test_cli_refuses_an_unknown_session_in_one_line(tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "ask", "cheaper", "--session", "mine", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == ["error: no session 'mine' (or it expired); start one without --session"]
