"""`common.redact`: the classes mended on set AF's odd rows, each in phrasings of its own and with
the shop text beside it that must stay. Mailbox display names (RFC 5322 `name <address>`), a
given name signing a message, lower-case titles with no dot, a holder "under" whose name a booking
stands, a name read once recurring in capitals, a Chinese room number after its building, and a
postcode told (not asked about) after its word."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mailbox's display name: read as after an explicit cue, everyday names too
        ("From: Daniel Kim <dkim.84@outlook.com>\nSent: Friday", "From: [NAME] <[EMAIL]>\nSent: Friday"),
        ("De : Julien Moreau <j.moreau@free.fr>", "De : [NAME] <[EMAIL]>"),
        ('To: "Kim, Daniel" <dk@example.com>', 'To: "[NAME]" <[EMAIL]>'),
        # a desk's or a firm's mailbox stays
        ("From: Customer Care <care@shop.example>", "From: Customer Care <care@shop.example>"),
        ("From: Team Flipkart <no-reply@flipkart.com>", "From: Team Flipkart <no-reply@flipkart.com>"),
    ],
)
def test_mailbox_display_names(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail me at dan.k@example.com if so\n\nDan", "mail me at [EMAIL] if so\n\n[NAME]"),
        (
            "landline is 0161 496 0732 about the 750 ml bottle. - Gareth",
            "landline is [PHONE] about the 750 ml bottle. - [NAME]",
        ),
        ("go ahead with cod. thx -jake (646) 555 0193", "go ahead with cod. thx -[NAME] [PHONE]"),
        # no contact detail in the message: nothing says a signature is a person's
        ("need the 750 ml bottle - Gareth", "need the 750 ml bottle - Gareth"),
        # a lower-case everyday word after a dash is no signature
        ("call me on 9845012378 - will", "call me on [PHONE] - will"),
    ],
)
def test_a_given_name_signing_the_message(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("acc 43918275 name mr d patel", "acc [ID] name mr [NAME]"),
        ("ask for mrs gupta at the gate", "ask for mrs [NAME] at the gate"),
        ("smt k. lakshmi will collect", "smt [NAME] will collect"),
        # titled brands and words no names list holds stay
        ("mr bean dvd box set", "mr bean dvd box set"),
        ("mr clean spray 500 ml", "mr clean spray 500 ml"),
        ("mr right mug", "mr right mug"),
        ("ms office keyboard", "ms office keyboard"),
    ],
)
def test_lower_case_titles_without_a_dot(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the booking is under will dsouza, order OD771203", "the booking is under [NAME], order OD771203"),
        ("the account is under summer hayes if you need it", "the account is under [NAME] if you need it"),
        ("registered under Tanvi Kulkarni", "registered under [NAME]"),
        ("the order is under process", "the order is under process"),
        ("my account is under review", "my account is under review"),
        ("order is under 500 rs", "order is under 500 rs"),
    ],
)
def test_a_holder_under_whose_name_it_stands(text, expected):
    assert redact(text) == expected


def test_a_name_read_once_recurs_in_capitals():
    text = "a gift for my son Aarav, can you engrave AARAV 14 on the back?"
    assert redact(text) == "a gift for my son [NAME], can you engrave [NAME] 14 on the back?"
    # in lower case the word stays: "rose" may be the flower or the gold
    assert "rose gold" in redact("for my daughter Rose: the rose gold ring")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "收货人 王芳 电话 186-2113-0947 天河区 体育西路 103号 维多利广场B座 2108 买了",
            "收货人 [NAME] 电话 [PHONE] 天河区 [ADDRESS] 买了",
        ),
        ("朝阳区 望京街10号院 3号楼1502 邮编 100102", "朝阳区 [ADDRESS] 邮编 [POSTCODE]"),
        # a count or a price after the building stays
        ("送到 体育西路 103号B座 728 卢比", "送到 [ADDRESS] 728 卢比"),
        ("建国路71号 3 个", "[ADDRESS] 3 个"),
    ],
)
def test_a_chinese_room_number_after_a_space(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "postcode is sw112hp NOT sw11 2ph, the courier keeps going to the wrong street!!",
            "postcode is [POSTCODE] NOT [POSTCODE], the courier keeps going to the wrong street!!",
        ),
        ("pincode: 400076", "pincode: [POSTCODE]"),
        # asked about, it names an area whose coverage is asked
        ("pin 411045 me delivery hoga kya?", "pin 411045 me delivery hoga kya?"),
        ("pincode is 400076, is it serviceable", "pincode is 400076, is it serviceable"),
        ("postcode 10115, do you ship there", "postcode 10115, do you ship there"),
    ],
)
def test_a_postcode_told_after_its_word(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("direkt an jonas weber lindenstraße 27 10969 berlin", "direkt an [NAME] [ADDRESS] [POSTCODE] berlin"),
        ("call rahul sharma 9845012378", "call [NAME] [PHONE]"),
        # one given name, or places and shops, stay
        ("kurta for asha 9845012378", "kurta for asha [PHONE]"),
        ("near hanuman mandir, sector 5 house 12 gali 4", "near hanuman mandir, sector 5 house 12 gali 4"),
    ],
)
def test_a_lower_case_name_before_its_details(text, expected):
    assert redact(text) == expected
