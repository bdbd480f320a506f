"""`common.redact`, one table per class of personal data and of shop text it must leave alone.
(Older cases live in tests/test_sessions.py.) Figures over whole corpora: bench/pii.py."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    "message",
    [
        "need a leather wallet, my no is nine eight four five zero one two three four five",
        "leather wallet please, to Flat 2, 15 High Street, Manchester M1 1AE",
        "a leather wallet under 4111 1111 1111 1111",
    ],
)
def test_the_assistant_reads_no_request_into_the_tags(make_assistant, message):
    """A redacted message is what the assistant reads: "[PHONE]" asks for no phones, "[CARD]"
    after "under" sets no price bound; the session keeps the tags."""
    from assistant.session import Session

    assistant, _ = make_assistant(default="Here you go.")
    session = Session()
    reply = assistant.reply(session, message)
    assert reply.products and all("wallet" in p.title.lower() for p in reply.products[:1])
    assert session.request.constraints.price_max is None
    assert "phone" not in session.request.constraints.categories
    assert any(tag in session.turns[0].content for tag in ("[PHONE]", "[ADDRESS]", "[CARD]"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('reply to "mo salah"@club.example please', "reply to [EMAIL] please"),
        ("admin@[192.0.2.1] works", "[EMAIL] works"),
        ("IBAN be71 0961 2345 6769 thanks", "IBAN [IBAN] thanks"),  # lower case, national check not needed
        ("acct DE89-3704-0044-0532-0130-00", "acct [IBAN]"),
        ("iban DE89 37040044 0532013000 ok", "iban [IBAN] ok"),  # retyped in groups of any length
        ("size UK10 fits, refund GB29 NWBK 6016 1331 9268 19", "size UK10 fits, refund [IBAN]"),
        ("UK10 fits GB29 NWBK 6016 1331 9268 19", "UK10 fits [IBAN]"),  # a word of IBAN shape before it
        # printed in fours, in the country's layout, a check digit wrong: still an account
        ("refund to DE12 3704 0044 0532 0130 00 pls", "refund to [IBAN] pls"),
        ("terug op BE10 0961 2345 6769 aub", "terug op [IBAN] aub"),
        ("code GB12 ABCD 1234 5678 on the box", "code GB12 ABCD 1234 5678 on the box"),  # too short for GB
        ("refund to DE12 3704 0044 0532 0130 0", "refund to DE12 3704 0044 0532 0130 0"),  # a digit short
        ("कार्ड 40001234 56789011 से पेमेंट नहीं हुआ", "कार्ड [CARD] से पेमेंट नहीं हुआ"),  # the word in Devanagari
        ("ఆధార్ నంబర్ 2345 6789 0125 ఇవ్వాలా?", "ఆధార్ నంబర్ [ID] ఇవ్వాలా?"),  # named in Telugu, check fails
        ("pay 4012/8888/8888/1881 now", "pay [CARD] now"),
        ("pay 4012_8888_8888_1881 now", "pay [CARD] now"),
        ("pay 4012  8888  8888  1881 now", "pay [CARD] now"),
        ("visa card 40128888 88881881", "visa card [CARD]"),  # any grouping after a card word
        ("serial no. SN 4519 8830 2210 7765", "serial no. SN 4519 8830 2210 7765"),  # fails Luhn, named
        ("order 4035123498761234 and 12/03/2026", "order 4035123498761234 and 12/03/2026"),
    ],
)
def test_odd_but_valid_forms(text, expected):
    assert redact(text) == expected


def test_word_lists_hold_only_words():
    """YAML reads a bare no, on, off or yes as a boolean: Norway's "NO" once was. Every entry of
    redact.yaml reads by its shape through the one reader (`common.redact_words`)."""
    from common import redact_words

    shaped = {
        "postcode_patterns": redact_words.word_map,
        "digit_words": redact_words.word_map,
        "japanese_kanji_address": redact_words.word_groups,
        "chinese_address": redact_words.word_groups,
        "korean_address": redact_words.word_groups,
        "card_networks": lambda _key: redact_words.card_networks(),
    }
    for key in redact_words.keys():
        assert shaped.get(key, redact_words.word_list)(key), key


def test_a_wrong_shape_fails_where_it_is_read(monkeypatch):
    from common import redact_words

    monkeypatch.setattr(redact_words, "_entries", lambda: {"phone_regions": ["IN", False], "digit_words": ["one"]})
    redact_words.word_list.cache_clear()
    redact_words.word_map.cache_clear()
    try:
        with pytest.raises(TypeError, match="phone_regions holds False"):
            redact_words.word_list("phone_regions")
        with pytest.raises(TypeError, match="digit_words should be a dict"):
            redact_words.word_map("digit_words")
    finally:
        redact_words.word_list.cache_clear()
        redact_words.word_map.cache_clear()


def test_card_networks_read_typed():
    from common.redact_words import card_networks

    visa = next(n for n in card_networks() if n.name == "Visa")
    assert visa.prefixes == ((4, 4),) and (4, 4, 4, 4) in visa.layouts
    mastercard = next(n for n in card_networks() if n.name == "Mastercard")
    assert (2221, 2720) in mastercard.prefixes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # full-width, other scripts' digits, non-breaking and zero-width spaces: matched folded,
        # and what stays is returned as typed
        ("mail ravi.kumar＠yahoo.co.in, size １０ UK", "mail [EMAIL], size １０ UK"),
        ("my number is ９８４５０１２３４５", "my number is [PHONE]"),
        ("mobile ९८४५०१२३४५ पर कॉल करें", "mobile [PHONE] पर कॉल करें"),
        ("card 4111\u00a01111\u00a01111\u00a01111 was charged", "card [CARD] was charged"),
        ("my mobile is 98450\u200b12345", "my mobile is [PHONE]"),
        ("the ＵＳＢ－Ｃ cable, pack of ２", "the ＵＳＢ－Ｃ cable, pack of ２"),
    ],
)
def test_text_is_matched_in_its_folded_form_and_kept_as_typed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ukrainian's order word owns its digits, as Russian's does
        (
            "Замовлення № 551902337 досі у відділенні, тел. 067 123 4567",
            "Замовлення № 551902337 досі у відділенні, тел. [PHONE]",
        ),
    ],
)
def test_order_words_of_more_languages(text, expected):
    assert redact(text) == expected
