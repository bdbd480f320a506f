"""Bank account and identity numbers named by where they stand, for `common.redact` (beside
`common.identity`, which reads them after their own words).

A bank account number has no shape or check of its own; besides its word ("a/c no", "konto"),
two places say what it is:

- right after the bank's name, in a sentence that asks for money back ("refund ke Maybank 1642
  8830 1177", "refund to BCA 5271048836"): a bank is named by a word holding "bank" or by its
  initials in capitals, and the money's way back (`refund_words` in redact.yaml) says the
  digits are where it should go;
- after the bare word "account" or "acc" ("HDFC account 50100234567812", "FNB acc 62841039552").

An identity number stands after a bare "ID" that opens its part of the message (", ID
8605125123087", "ID: 004417892"): not "order ID …", "product ID …", where the word before
names the shop's record.
"""

from __future__ import annotations

import re
from functools import cache

from stdnum.iso7064 import mod_97_10

from common.name_words import merged_spans
from common.redact_words import NOT_AFTER_WORD, NOT_BEFORE_WORD, cue_words_pattern

ID_TAG = "[ID]"
# 8-18 digits, in groups perhaps ("1642 8830 1177"): an account number's length.
_DIGITS = r"\d(?:[ -]?\d){7,17}"


@cache
def _after_bank() -> re.Pattern[str]:
    # a word holding "bank" ("Maybank", "Sparbank", "bank"), or a bank's initials (BCA, FNB, HDFC)
    bank = r"(?:\b\w*[Bb]ank\w*|\b[A-Z]{2,6})"
    account = r"(?:[ \t]+(?:account|acc|a/c|acct)\.?)?"
    return re.compile(
        rf"(?P<bank>{bank}){account}[ \t]*[:#]?[ \t]*(?P<number>{NOT_AFTER_WORD}{_DIGITS}{NOT_BEFORE_WORD})"
    )


@cache
def _account_word() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w/-])(?:account|acc|acct|akaun|akun)\.?[ \t]*[:#]?[ \t]*(?P<number>{NOT_AFTER_WORD}{_DIGITS}{NOT_BEFORE_WORD})",
        re.I,
    )


@cache
def _identifier() -> re.Pattern[str]:
    """An identifier word ending the words before the digits, or the bank's place itself."""
    return re.compile(rf"(?:{cue_words_pattern('identifier_cues')})\W*(?-i:\b[A-Z]{{2,6}})?$", re.I)


@cache
def _refund_before() -> re.Pattern[str]:
    return re.compile(cue_words_pattern("refund_words"), re.I)


@cache
def _bare_id() -> re.Pattern[str]:
    """ "ID" opening its part (after the start, a comma, a dash or a sentence's end), then a
    colon or dash perhaps and nine digits or more."""
    return re.compile(
        rf"(?:^|(?<=[,;.!?—–(]\s)|(?<=[,;]))[ \t]*(?P<cue>ID|Id|id)[ \t]*[:#-]?[ \t]*(?P<number>\d(?:[ -]?\d){{8,16}}{NOT_BEFORE_WORD})"
    )


def account_numbers(text: str) -> str:
    """Replace bank account numbers after a bank's name in a refund's sentence or after a bare
    "account", and identity numbers after a bare "ID" opening its part, by [ID]."""
    if not re.search(r"\d{4}", text):
        return text
    spans: list[tuple[int, int]] = []
    for m in _after_bank().finditer(text):
        sentence = re.split(r"[.!?\n。]\s", text[max(0, m.start() - 60) : m.start()])[-1]
        # not the shop's record ("refund for order OD 12345678", "refund UTR 412345678901")
        named = _identifier().search(sentence + " " + m.group("bank"))
        if _refund_before().search(sentence) and not named:
            spans.append(m.span("number"))
    spans += [m.span("number") for m in _account_word().finditer(text)]
    spans += [m.span("number") for m in _bare_id().finditer(text)]
    for start, end in sorted(merged_spans(spans), reverse=True):
        if "[" not in text[start:end]:
            text = text[:start] + ID_TAG + text[end:]
    return text


# An IBAN after its word, in groups or one run: country code, check digits, 11-30 more.
_NAMED_IBAN = re.compile(
    r"(?P<cue>\bIBAN\b[ \t]*[:#-]?[ \t]*)(?P<iban>[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){11,30})(?![A-Z0-9])"
)


def named_ibans(text: str) -> str:
    """An IBAN after the word "IBAN" that passes mod-97 (ISO 13616) in a country whose layout
    python-stdnum does not know yet (Morocco's "MA64 0115 …" joined the registry after its data):
    the word and the check say enough. The stretch is cut back group by group to the one that
    passes ("… 4921 for the lamp" takes no words)."""

    def tag(m: re.Match[str]) -> str:
        raw = m.group("iban")
        ends = [len(raw)] + [i for i in range(len(raw) - 1, 14, -1) if raw[i] in " -"]
        for end in ends:
            compact = re.sub(r"[ -]", "", raw[:end])
            if 15 <= len(compact) <= 34 and mod_97_10.is_valid(_digits_of(compact[4:] + compact[:4])):
                return m.group("cue") + "[IBAN]" + raw[end:]
        return m.group()

    return _NAMED_IBAN.sub(tag, text)


def _digits_of(value: str) -> str:
    """Letters as ISO 13616 reads them for mod-97: A is 10, Z 35."""
    return "".join(str(int(ch, 36)) for ch in value)
