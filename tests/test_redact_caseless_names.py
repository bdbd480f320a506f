"""`common.redact`: names in scripts without capitals told by the words around them: the
dative's word before a contact (common/names_by_contacts.py `_caseless_before_dative`) and "in
the name of" inside a clause (common/name_cues.py `_caseless_name_of`)."""

from __future__ import annotations

import pytest

from common.redact import redact


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one to call, named before the dative's word and the contact
        (
            "పార్సెల్ రాలేదు. వెంకట్ రావు కి 9848012345 కి ఫోన్ చేయండి",
            "పార్సెల్ రాలేదు. [NAME] కి [PHONE] కి ఫోన్ చేయండి",
        ),
        ("অর্ডার এসেছে। তানিয়া বসু কে কল করুন 9830012345 নম্বরে", "অর্ডার এসেছে। [NAME] কে কল করুন [PHONE] নম্বরে"),
        # "in the name of" inside its clause: the two words before it, a names list's among them
        ("بل ڈرائیور عمران قریشی کے نام پر ہے", "بل ڈرائیور [NAME] کے نام پر ہے"),
    ],
)
def test_caseless_names_by_the_words_around_them(text, expected):
    assert redact(text) == expected
