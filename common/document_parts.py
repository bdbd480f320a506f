"""The numbered parts of a document or a bank account after their own words, for `common.redact`.

Two closed classes of layout that `common.identity` does not read as one number:

- an identity document written by its parts, each after its part's word: Russia's and the CIS
  passports' "серия 45 17 номер 829364" (series of four digits, number of six), "series … number
  …" in other languages. Each part alone is too short for an identity number's shape; the
  document's word before them says whose they are (redact.yaml: `document_part_words`);
- a bank branch's code beside an account: the UK's sort code ("20-45-77"), Australia's BSB
  ("062-000"), a US routing number, Japan's branch ("支店 251 普通 7712064"). With the account
  number they name one person's account, so they go where the message holds an account word
  (redact.yaml: `bank_branch_cues`); alone, a branch code names a bank's branch and stays. India's
  IFSC ("HDFC0000240": the bank's four letters, a 0, the branch's six characters) is read by that
  shape, with no word needed, and goes on the same terms: beside an account word ("credit A/c …,
  IFSC HDFC0000240", "NEFT details: SBIN0011513, acc no. …": set AC labels it personal data
  there); a model id of the same shape in a catalog ("Model ID HPBL0001234") stays.
"""

from __future__ import annotations

import re
from functools import cache

from common.redact_words import NOT_AFTER_WORD, NOT_BEFORE_WORD, cue_words_pattern

ID_TAG = "[ID]"
# A part's digits: four or more (a series of two pairs, "45 17"), in groups of two or more set
# apart by a space or a dash; fewer are a count ("passport number 12 for the trip").
_PART_DIGITS = rf"{NOT_AFTER_WORD}(?=(?:\d[ -]?){{4}})\d{{2,}}(?:[ -]\d{{2,}})*{NOT_BEFORE_WORD}"
# A branch's code: three digits or more ("支店 251"), grouped perhaps ("20-45-77").
# India's IFSC: four capitals, a zero, six capitals or digits with a digit among them.
_IFSC = re.compile(r"(?<![\w/-])[A-Z]{4}0(?=[A-Z]{0,5}\d)[A-Z0-9]{6}(?![\w/-])")
_BRANCH_DIGITS = rf"{NOT_AFTER_WORD}(?=\d{{3}}|\d\d[ -]\d\d)\d{{2,}}(?:[ -]\d{{2,}})*{NOT_BEFORE_WORD}"


@cache
def _document_parts() -> re.Pattern[str]:
    """An identity document's word, then within its clause parts "word digits" one after another."""
    part = rf"(?:(?:{cue_words_pattern('document_part_words')})\.?[ \t]*[:№#]?|№)[ \t]*{_PART_DIGITS}"
    return re.compile(
        rf"(?:{cue_words_pattern('identity_document_cues')})[^\d\n.!?;]{{0,20}}?(?P<parts>{part}(?:[ \t,]+(?:и|and|y|et|und)?[ \t]*{part})*)",
        re.I,
    )


@cache
def _part() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<word>(?:(?:{cue_words_pattern('document_part_words')})\.?[ \t]*[:№#]?|№)[ \t]*)(?P<digits>{_PART_DIGITS})",
        re.I,
    )


@cache
def _branch_code() -> re.Pattern[str]:
    return re.compile(
        rf"(?P<word>(?:{cue_words_pattern('bank_branch_cues')})\.?[ \t]*(?:no\.?|number|#)?[ \t]*[:#-]?[ \t]*)(?P<digits>{_BRANCH_DIGITS})",
        re.I,
    )


@cache
def _account_word() -> re.Pattern[str]:
    return re.compile(rf"(?:{cue_words_pattern('bank_account_cues')})|\baccount\b|\bacc\b|口座|普通|当座", re.I)


def document_parts(text: str) -> str:
    """The text with each document part after its word, and each bank branch code beside an
    account, replaced by [ID]; the words stay."""
    if not re.search(r"\d\d", text):
        return text

    def parts(m: re.Match[str]) -> str:
        inner = _part().sub(lambda p: p.group("word") + ID_TAG, m.group("parts"))
        return m.group()[: m.start("parts") - m.start()] + inner

    text = _document_parts().sub(parts, text)
    if _account_word().search(text):
        text = _IFSC.sub(ID_TAG, _branch_code().sub(lambda m: m.group("word") + ID_TAG, text))
    return text
