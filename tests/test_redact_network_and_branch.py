"""`common.redact`: IP addresses (common/ip_addresses.py) and India's IFSC beside an account
(common/document_parts.py), with the versions and model ids of the same shape that stay."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("message", "secret"),
    [
        ("Login keeps getting blocked from 103.211.54.18, thats me in Kochi", "103.211.54.18"),
        ("placed 3 orders from IP 49.207.12.166 within 10 min", "49.207.12.166"),
        ("the page said 'request from 2409:4060:2e1a:9b3f::1c denied'", "2409:4060:2e1a:9b3f::1c"),
        ("my router shows 192.168.1.7, is the camera on it?", "192.168.1.7"),
        ("ip 1.2.3.4 got banned", "1.2.3.4"),
        ("pls credit A/c 50100347712896, IFSC HDFC0000240", "HDFC0000240"),
        ("NEFT details: SBIN0011513, acc no. 30012345678 (savings)", "SBIN0011513"),
    ],
)
def test_addresses_and_branch_codes_go(message, secret):
    assert secret not in redact(message)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("keeps flickering after the update to firmware 10.2.0.15. Delivered 03/05/2024", "10.2.0.15"),
        ("firmware update from 10.2.0.15 to 10.3.0.1 broke it", "10.3.0.1"),
        ("it came with 2.4.1.0 installed", "2.4.1.0"),
        ("app v2.10.3.1 crashes", "2.10.3.1"),
        ("delivery between 10:30:45 and noon", "10:30:45"),
        ("Model ID HPBL0001234, colour blue", "HPBL0001234"),
    ],
)
def test_versions_clocks_and_model_ids_stay(message, kept):
    assert kept in redact(message)


@pytest.mark.parametrize(
    ("message", "secret", "kept"),
    [
        ("send the label to Jessica Moore, 1847 Sycamore Ln, Austin, TX 78704", "1847 Sycamore Ln", "Austin, TX"),
        ("Send to Mary-Kate O'Brien, Apt 4C, 310 W 87th St, New York, NY 10024.", "310 W 87th St", "New York, NY"),
        ("Jane Doe, 12 Main St, Springfield, IL 62704", "12 Main St", "Springfield, IL"),
        ("收货人：陈静，电话 13816249075，地址：上海市徐汇区漕溪北路398号5楼502。", "漕溪北路398号", "上海市"),
        ("need 50 pens engraved, Infosys Mysore campus, PO no. 4500123987", "", "4500123987"),
    ],
)
def test_the_city_before_a_state_or_district_and_a_po_number_stay(message, secret, kept):
    out = redact(message)
    assert kept in out
    assert not secret or secret not in out


@pytest.mark.parametrize(
    ("message", "secrets", "kept"),
    [
        ("deliver to 600028 please, the Rs 850 cotton saree in mustard", ["600028"], "Rs 850"),
        ("ok pls ship to 560034, the blue one", ["560034"], "the blue one"),
        ("shipping to 1502 n ashland ave unit 3 chicago 60622 thx", ["1502 n ashland ave", "60622"], "chicago"),
        ("hers is 44 park street kolkata 700016", ["44 park street", "700016"], "kolkata"),
    ],
)
def test_postcodes_said_as_where_to_deliver_and_lower_case_streets_go(message, secrets, kept):
    out = redact(message)
    assert kept in out
    assert not [s for s in secrets if s in out]


@pytest.mark.parametrize(
    "message",
    [
        "do you deliver to 682031?",
        "can u deliver to 560034 by friday",
        "we deliver to 75001 to 75020 only",
        "does the 10000 mAh one ship to 682016 before diwali?",
        "ship to 10000 people at once?",
    ],
)
def test_a_coverage_question_keeps_its_postcode(message):
    assert redact(message) == message


def test_the_nearer_word_decides_between_a_version_and_an_address():
    assert "3.0.12.4" in redact("the router firmware 3.0.12.4 broke wifi")
    assert "10.0.0.12" not in redact("firmware update failed, IP 10.0.0.12 blocked")
