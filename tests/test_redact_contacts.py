"""`common.redact`: phones, e-mails, UPI ids, cards, and the shop's own contacts, ranges and quantities shaped like them. One table per class; split from tests/test_redact.py
(figures over whole corpora: bench/pii.py)."""

from __future__ import annotations

import pytest

from common.redact import redact, redact_keeping


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("where is my order 112-3344556-7788990 ??", "where is my order 112-3344556-7788990 ??"),
        ("amex 3714 496353 98431, retry order 402-8876123-5541099", "amex [CARD], retry order 402-8876123-5541099"),
        ("diners 3056 930902 5904 please", "diners [CARD] please"),  # 4-6-4
        ("card 4111111111111111 ok", "card [CARD] ok"),  # one run
        ("invoice 4111-1111111-11111 was wrong", "invoice 4111-1111111-11111 was wrong"),  # 7-digit group
        ("pay with 5555 55555555 4444 today", "pay with [CARD] today"),  # 4-8-4, retyped in halves
        ("pay with 55555555 55554444 today", "pay with [CARD] today"),
    ],
)
def test_cards_are_printed_in_groups_of_at_most_six_digits(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the expiry date is card data (PCI DSS; sets K and L label it): it goes after its word
        ("card [CARD] expiry 12/26 cvv 123 thanks", "card [CARD] expiry [CARD] cvv [CVV] thanks"),
        ("CVC: 4821", "CVC: [CVV]"),
        ("security code 987 for the order", "security code [CVV] for the order"),
        ("the cvv pouch in size 123", "the cvv pouch in size 123"),  # a word between: no code
    ],
)
def test_card_security_codes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my phone number is 9876543210 and alternate 8800123456", "my phone number is [PHONE] and alternate [PHONE]"),
        ("call 7845123690 about the AWB", "call [PHONE] about the AWB"),  # the cue word is after
    ],
)
def test_mobile_numbers_without_an_identifier_word_still_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my card 4111 1111 1111 1112 got declined", "my card [CARD] got declined"),  # Visa 4-4-4-4
        ("paid with 5500 0000 0000 0005 and 4012 8888 8888 1882", "paid with [CARD] and [CARD]"),
        ("tried 3782 822463 10006 twice", "tried [CARD] twice"),  # Amex 4-6-5
        ("ticket 1111 2222 3333 4445", "ticket 1111 2222 3333 4445"),  # fails Luhn, no network opens with 1
        ("ticket id 4587-1123-0098", "ticket id 4587-1123-0098"),  # 4-4-4 is no card's layout
        ("ref 4111 1111-1111 1112", "ref 4111 1111-1111 1112"),  # mixed separators: not as printed
    ],
)
def test_mistyped_cards_printed_as_their_network_prints_them(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call our helpline 1800-180-1551 for installation", "call our helpline 1800-180-1551 for installation"),
        ("toll free 1-800-555-0199", "toll free 1-800-555-0199"),
        ("my number is 09845012346 whatsapp", "my number is [PHONE] whatsapp"),  # UK premium, India mobile
        ("cn 180 0180 1551 my cell", "cn [PHONE] my cell"),  # China's mobile grouping
        # Mexico's shared-cost grouping, Colombia's mobile: a shared-cost reading yields to a mobile one
        ("escríbeme al 300 218 6645 por whatsapp", "escríbeme al [PHONE] por whatsapp"),
    ],
)
def test_business_lines_are_kept_personal_numbers_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email is priya dot sharma at gmail dot com", "email is [EMAIL]"),
        ("mail me at priya[at]gmail[dot]com", "mail me at [EMAIL]"),
        ("write to ravi (at) yahoo (dot) co (dot) in", "write to [EMAIL]"),
        ("saw it at flipkart.com for less", "saw it at flipkart.com for less"),
        ("meet at the mall, dot the i", "meet at the mall, dot the i"),
        ("name(@)gmail(dot)com or name@ gmail.com", "[EMAIL] or [EMAIL]"),
        ("meet @ 5pm", "meet @ 5pm"),
        ("buy online @ flipkart.com", "buy online @ flipkart.com"),  # catalog text
        # every character RFC 5322 allows in the local part goes with it
        ("mail first.o'brien@example.ie or user%tag@example.com", "mail [EMAIL] or [EMAIL]"),
    ],
)
def test_e_mails_spelled_out(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me on nine eight four five zero one two three four five", "call me on [PHONE]"),
        ("number is nine 8 four 5 zero 1 2 3 4 5 ok", "number is [PHONE] ok"),
        ("double seven double zero nine zero zero one two three", "[PHONE]"),  # ten digits, no cue
        ("my no is 98 450 123 45", "my no is [PHONE]"),  # odd grouping after a cue
        ("one two three four five six seven eight nine ten", "one two three four five six seven eight nine ten"),
        ("pack of 2, 3 or 4 , 5, 6, 7, 8 pieces", "pack of 2, 3 or 4 , 5, 6, 7, 8 pieces"),
        ("sizes 6 7 8 9 10 11 12 in stock", "sizes 6 7 8 9 10 11 12 in stock"),
        # look-alike letters for digits
        ("call 9845O12345 pls", "call [PHONE] pls"),
        ("whatsapp +91 98450 l2345", "whatsapp [PHONE]"),
        ("mobile 07700 9OO123", "mobile [PHONE]"),
        ("in 2O25 we ordered 1OO pcs", "in 2O25 we ordered 1OO pcs"),
        ("serial 0O1I23456", "serial 0O1I23456"),
    ],
)
def test_phone_numbers_read_out_or_disguised(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "waist sizes 28 30 32 34 36 38 40 in stock",  # passes Luhn, but written in two-digit groups
        "tracking 1Z 999 AA1 01 2345 6784 stuck",  # the identifier word owns all its tokens
        "model ABCPE1234F spare part",  # PAN-shaped, named as a model
        "pincodes pin 560 001 to 560 099 served?",
        "apartment 3b size sofas",
    ],
)
def test_shop_text_shaped_like_cards_ids_and_units_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('odd but valid: much."more\\ unusual"@example.com ok', "odd but valid: [EMAIL] ok"),
        ('write "a.@b"@example.net', "write [EMAIL]"),
        ('she said "yes" to "lee"@example.org', 'she said "yes" to [EMAIL]'),
        ("4-2-8 Shibakoen, Minato City, Tokyo 105-0011", "[ADDRESS], Tokyo [POSTCODE]"),  # no "-ku"
    ],
)
def test_quoted_mail_and_japanese_lines_by_their_postcode(text, expected):
    assert redact(text) == expected


def test_a_reply_keeps_the_shops_own_address_and_loses_the_shoppers():
    """The support address a reply gives is the shop's, not personal data; anything else is. A
    role mailbox (RFC 2142's "support@") names a desk, no person: it stays in the shopper's words too."""
    from assistant.session import Session, Turn
    from assistant.session_store import redacted
    from assistant.wording import HANDOFF_REPLY, SUPPORT_EMAIL

    session = Session(id="s")
    session.turns = [
        Turn(role="user", content=f"write to me, not {SUPPORT_EMAIL}: ana.r@mail.example"),
        Turn(role="assistant", content=HANDOFF_REPLY + " We'll reply to ana.r@mail.example."),
    ]
    shopper, reply = (t.content for t in redacted(session).turns)
    assert SUPPORT_EMAIL in reply and "ana.r" not in reply and "[EMAIL]" in reply
    assert "ana.r" not in shopper and SUPPORT_EMAIL in shopper  # the shopper's own address goes, the desk's stays


@pytest.mark.parametrize(
    "text",
    [
        "do you deliver to 411001 to 411062?",  # a range: a question about coverage
        "is the 30000 mah one available in grey",
        "ship to 3 different cities?",
        "batch 411038 was recalled",
        "deliver in 2 days or 5 days?",
        "can you deliver 4 chairs in 15000 budget",
    ],
)
def test_quantities_and_ranges_after_delivery_words_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail it to meera . iyer @ yahoo . co . in", "mail it to [EMAIL]"),
        ("buy online @ flipkart.com today", "buy online @ flipkart.com today"),  # a shop's line
        ("c/o Suresh, Near Bus Stand, Temple Road, Mysuru 570001", "c/o Suresh, [ADDRESS], Mysuru [POSTCODE]"),
        ("7/21 Lajpat Vihar, Kanpur", "[ADDRESS], Kanpur"),
        ("return id 6612093847 still open", "return id 6612093847 still open"),  # not a phone
        ("complaint no 9182736450 closed without refund", "complaint no 9182736450 closed without refund"),
    ],
)
def test_spaced_mail_streets_without_a_number_and_service_ids(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("send the refund to meena.r@oksbi", "send the refund to [UPI]"),
        ("vpa: 9812233445@paytm", "vpa: [UPI]"),
        ("my upi is kiran@somebank", "my upi is [UPI]"),  # any handle after its word
        ("tag us @shopassist for a discount", "tag us @shopassist for a discount"),
        ("likh lo: saat aath nau ek do teen char paanch chhe saat", "likh lo: [PHONE]"),  # Hindi digit words
        ("C-77, Green Garden, Delhi-110092", "[ADDRESS], Delhi-[POSTCODE]"),
        ("villa 8 palm meadows whitefield bengaluru 560066", "[ADDRESS] bengaluru [POSTCODE]"),  # lower case, no commas
    ],
)
def test_upi_addresses_hindi_digits_and_lower_case_lines(text, expected):
    assert redact(text) == expected


def test_a_shops_brand_that_opens_with_a_title_is_kept_where_the_shop_asks():
    from common.person_names import titled_brands

    brands = titled_brands(["Dr. Batra's", "Mr. Pen", "Prestige", "Miss Chase"])
    assert brands == ["Dr. Batra's", "Dr Batra's", "Mr. Pen", "Mr Pen"]  # "Miss Chase" is known already
    assert redact_keeping("dr batra's shampoo, call Mrs. Iyer", brands) == "dr batra's shampoo, call [NAME]"
    assert redact("Mr Pen gel pens") == "[NAME] gel pens"  # without the shop's list it reads as a name


def test_a_shops_brand_that_reads_as_a_name_is_kept_where_the_shop_asks():
    from common.person_names import person_like_brands

    brands = person_like_brands(["Milton", "Prestige", "Dr. Batra's", "Bajaj"])
    assert brands == ["Dr. Batra's", "Dr Batra's", "Milton", "Bajaj"]  # a family name too
    text = "its Milton Thermosteel flask, deliver to Neha Agarwal"
    assert redact_keeping(text, brands) == "its Milton Thermosteel flask, deliver to [NAME]"
    # without the shop's list it reads as a name; "flask", in lower case after capitals, is not of it
    assert redact(text) == "its [NAME] flask, deliver to [NAME]"
    # a brand is kept as a whole word, never inside another one
    assert redact_keeping("deliver to Priya Hamilton", brands) == "deliver to [NAME]"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wife 8547-221-903 will pay cash", "wife [PHONE] will pay cash"),  # a mobile regrouped 4-3-3
        ("📞 70219 88430", "📞 [PHONE]"),
    ],
)
def test_phones_regrouped_or_after_a_phone_sign(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["price range 35000-45000", "AWB 7845-123-690 shows delivered"])
def test_ranges_and_waybills_are_no_regrouped_phones(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail rahul [at] gmail [.] com", "mail [EMAIL]"),
        ("priya_sharma1990 at gmail.com", "[EMAIL]"),  # a spoken "at" before a mail provider
        ("log in at gmail.com", "log in at gmail.com"),
        ("iphone15 at flipkart.com", "iphone15 at flipkart.com"),  # a shop, not a mail provider
        ("ravi.k @ okaxis", "[UPI]"),
        ("upi: ravi.k@okaxis.", "upi: [UPI]."),
        ("VID 9123 4567 8901 2345", "VID [ID]"),
        ("DL-0420110149646", "DL-[ID]"),
        ("佐藤健太様へ", "[NAME]様へ"),
        ("김민준님 주문", "[NAME]님 주문"),
    ],
)
def test_spoken_emails_spaced_upi_ids_virtual_ids_and_honorifics(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my wife's number for delivery - 7 0 4 5 5 1 2 3 9 8", "my wife's number for delivery - [PHONE]"),
        ("sizes 1 2 3 4 5 6 7 8 9 10 available?", "sizes 1 2 3 4 5 6 7 8 9 10 available?"),
        ("correct one: 2823  4533 6156, my aadhaar", "correct one: 2823  4533 6156, my aadhaar"),  # named after
        ("my aadhaar wrong before, correct one: 2823  4533 6156", "my aadhaar wrong before, correct one: [ID]"),
        ("invoice no INV/24-25/000817 missing GST", "invoice no INV/24-25/000817 missing GST"),
        ("mob-9845012345", "mob-[PHONE]"),
        ("whatsapp me at wa.me/919811204467", "whatsapp me at wa.me/[PHONE]"),
        # role mailboxes (RFC 2142) name a desk; one at a firm named after a person is that person's
        ("send it to support@yourstore.in?", "send it to support@yourstore.in?"),
        ("is it store.payments@icici", "is it store.payments@icici"),
        ("pls send bill to accounts@sharma-traders.co.in", "pls send bill to [EMAIL]"),
        ("cc priya.sales@gmail.com", "cc [EMAIL]"),
    ],
)
def test_single_spaced_phones_mistyped_aadhaar_codes_and_role_mailboxes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("your helpline 022 2345 6780 is always busy", [], ["022 2345 6780"]),
        ("customer care no 080 4455 6677 keeps disconnecting", [], ["080 4455 6677"]),
        ("your store's upi rameshstores@okaxis shows a different name", [], ["rameshstores@okaxis"]),
        # the shopper's own after the shop's words
        ("your customer care asked for my number, it is 98201 55443", ["98201 55443"], []),
        ("paid to ur shop QR, refund to my upi priya.s@okicici pls", ["priya.s@okicici"], []),
    ],
)
def test_the_shops_own_contacts_stay_and_the_shoppers_go(text, gone, kept):
    out = redact(text)
    assert all(g not in out for g in gone) and all(k in out for k in kept), out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the shop's customer service in more languages keeps its number
        (
            "thuis op 06 12345678 bellen, klantenservice 088 1234 000 zei dat het kon",
            "thuis op [PHONE] bellen, klantenservice 088 1234 000 zei dat het kon",
        ),
        (
            "Servizio clienti 02 1234 5678 non risponde, il mio cellulare 347 123 4567",
            "Servizio clienti 02 1234 5678 non risponde, il mio cellulare [PHONE]",
        ),
        # and a part with the shop's contact ends the address before it
        (
            "giao tới địa chỉ 12 Lê Lợi, Quận 3, TP.HCM, tổng đài shop 1800 1234 nói vậy",
            "giao tới địa chỉ [ADDRESS], tổng đài shop 1800 1234 nói vậy",
        ),
    ],
)
def test_the_shops_customer_service_of_more_languages_keeps_its_number(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full stop and a space end the sentence: the quantity after it is no part of the number
        ("ring me on +44 20 7946 0958. 2 pcs of the mug", "ring me on [PHONE]. 2 pcs of the mug"),
        ("my number is 98450 61237. 10 units please", "my number is [PHONE]. 10 units please"),
        # an address's line ends at a full stop after its bracketed postcode
        (
            "주소: 대전광역시 유성구 대학로 99, 201동 804호 (34141). 12,900원 결제했어요",
            "주소: [ADDRESS]. 12,900원 결제했어요",
        ),
    ],
)
def test_no_phone_number_runs_across_a_sentence_end(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dash set in spaces after a whole number ends its clause: the count after it stays
        ("bitte an +49 151 23456789 – 2 Stück der Tasse", "bitte an [PHONE] – 2 Stück der Tasse"),
        ("mi número es +34 612 345 678 - 4 unidades talla M", "mi número es [PHONE] - 4 unidades talla M"),
    ],
)
def test_a_dash_in_spaces_after_a_whole_number_ends_it(text, expected):
    assert redact(text) == expected
