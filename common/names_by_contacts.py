"""A name beside the contact or account details it holds (`names_beside_contacts`): right before
a phone, e-mail or address tag ("Bilal Ahmed Butt [PHONE]", "Νίκος Παπαδόπουλος, τηλ. [PHONE]"),
or in brackets or after a dash right after one ("IBAN [IBAN] (Claire Dubois)").
"""

from __future__ import annotations

import re
from functools import cache

import regex

from common.cjk_names import (
    _cjk_holder,
    _cjk_list_name,
    _cjk_name_before,
    _cjk_opening_name,
    cjk_list_name_ok,
    cjk_opening_name_ok,
)
from common.name_words import (
    _ODD_IN_NAME,
    _WORD,
    NAME_TAG,
    _everyday_english,
    _frequent,
    _full_name,
    _kind,
    _name_lists,
    _names_data,
    _not_name_words,
    _person_named_brand,
    _script,
    holder_full_name,
    merged_spans,
)
from common.redact_words import word_list

# A full stop after a word, not an initial's: no name runs across it ("Warszawa. Jan Kowalski").
SENTENCE_END = regex.compile(r"\p{L}[\p{L}\p{M}]+\.\s")

# The tags of contact, account and identity details that name their holder.
_HOLDER_TAGS = r"\[(?:PHONE|EMAIL|UPI|IBAN|CARD|ID|DOB|ADDRESS|POSTCODE)\]"

# The words of redact.yaml that name an identity document or a birth date: like a contact word,
# one between a name and its tag says whose it is ("Ana Ruiz DNI [ID]", "Jan Berg geb. [DOB]").
_IDENTITY_WORD_KEYS = (
    "pan_cues",
    "aadhaar_cues",
    "ssn_cues",
    "nino_cues",
    "cn_ric_cues",
    "es_id_cues",
    "cpf_cues",
    "identity_document_cues",
    "birth_cues",
)

# Hebrew glues its article and "and" to the word ("האימייל", the e-mail).
_HEBREW_PROCLITIC = "[\u05d4\u05d5]?"


@cache
def _contact_after() -> re.Pattern[str]:
    """Contact details right after a name: a comma or colon, the detail's own word perhaps
    ("Νίκος Παπαδόπουλος, τηλ. [PHONE]", "கார்த்திக் ராஜா, கைபேசி [PHONE]", "Claire Dubois, IBAN
    [IBAN]", an identity document's "NIE [ID]"), then its tag."""
    identity = [w for key in _IDENTITY_WORD_KEYS for w in word_list(key)]
    listed = sorted({*_names_data()["contact_words"], *identity}, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in listed)
    words = rf"(?<![^\W_])(?<![\u0300-\u036f\u0900-\u0dff]){_HEBREW_PROCLITIC}(?:{alternatives})(?![^\W_])(?![\u0900-\u0dff])"
    return re.compile(
        rf"[ \t]*[,:;/–—-]?[ \t]*(?i:(?:{words})\.?[ \t]*(?:no\.?|number|#)?[ \t]*[:=-]?[ \t]*)?(?:\n[ \t]*)?{_HOLDER_TAGS}"
    )


@cache
def _holder_after_tag() -> re.Pattern[str]:
    """A name in brackets, or after a comma or dash ending the clause, right after an account's
    or contact's tag: the holder ("IBAN [IBAN] (Claire Dubois)", "[PHONE] - Ravi Kumar.")."""
    return re.compile(
        rf"{_HOLDER_TAGS}[ \t]*(?:[(\[][ \t]*(?P<bracketed>[^()\[\]\n]{{3,60}}?)[ \t]*[)\]]"
        # an initial's dot may stand inside ("A. Patel")
        rf"|[,–—-][ \t]*(?P<trailing>[^\W\d_](?:[^\n.!?;,()\[\]]|(?<=\b[A-Z])\.){{2,60}}?)[ \t]*(?=[.!?;\n]|$)"
        # or a part of its own in a script without capitals ("טלפון [PHONE], יוסי כהן", "संपर्क [PHONE],
        # अमोल पाटील, फ्लॅट 7"): read by `_caseless_holder`
        rf"|[,،][ \t]*(?P<caseless>[^\W\d_][^\n.!?;,،()\[\]]{{2,60}}?)[ \t]*(?=[.!?;,،।\n]|$))"
    )


def names_beside_contacts(text: str, cjk: bool = True) -> str:
    """The text (its phone numbers and e-mails already tagged) with a full name that stands
    right before one replaced by "[NAME]": "Bilal Ahmed Butt [PHONE]", "Rohit Patil, [PHONE]",
    "王小明 [PHONE]". Contact details name their holder; the words must still make a name as they do
    after a weak cue."""
    if "[" not in text:
        return text
    spans: list[tuple[int, int]] = []
    for tag in _contact_after().finditer(text):
        start = max(0, tag.start() - 80)
        words = list(_WORD.finditer(text, start, tag.start()))
        for n in (4, 3, 2):
            run = words[-n:]
            if len(run) < n or run[-1].end() != tag.start():
                continue
            joined = text[run[0].start() : tag.start()]
            if _ODD_IN_NAME.search(joined) or "\n" in joined or SENTENCE_END.search(joined):
                continue
            # written as a name is, capitalised ("likh lo: [PHONE]" is Hindi for "note it down")
            # ("Daan de Vries": a particle in lower case)
            particles = _names_data()["name_particles"]
            names = [w.group() for w in run]
            cased = (
                all(not w.group()[0].islower() or w.group() in particles for w in run[1:])
                and not run[0].group()[0].islower()
            )
            # before an address's tag a place stands as often ("Sydney NSW [POSTCODE]"): the
            # strict reading there
            place = re.search(r"\[(?:ADDRESS|POSTCODE)\]$", tag.group())
            named = _full_name(names, False) if place else holder_full_name(names, beside_detail=True)
            if cased and (named or _caseless_contact_name(text, run, tag.group())):
                spans.append((run[0].start(), run[-1].end()))
                break
            if _lower_case_listed_name(names):
                spans.append((run[0].start(), run[-1].end()))
                break
        found = _cjk_name_before().search(text, start, tag.start()) if cjk else None
        if found and found.group("name") not in _detail_words():
            spans.append((found.start("name"), found.end("name")))
    if cjk and re.search(_HOLDER_TAGS, text):
        spans += [m.span("name") for m in _cjk_list_name().finditer(text) if cjk_list_name_ok(m.group("name"))]
        spans += [m.span("name") for m in _cjk_opening_name().finditer(text) if cjk_opening_name_ok(m)]
    for m in _holder_after_tag().finditer(text):
        if m.group("caseless"):
            if _caseless_holder(list(_WORD.finditer(m.group("caseless")))):
                spans.append(m.span("caseless"))
            continue
        group = "bracketed" if m.group("bracketed") else "trailing"
        words = list(_WORD.finditer(m.group(group)))
        joined = m.group(group).strip()
        if group == "bracketed" and _cjk_holder().fullmatch(joined):
            spans.append(m.span(group))
            continue
        if _signed_with_given_name(text, m, group, words) or (group == "trailing" and _caseless_holder(words)):
            spans.append(m.span(group))
            continue
        if not 2 <= len(words) <= 4 or _ODD_IN_NAME.search(joined) or words[-1].end() != len(m.group(group).rstrip()):
            continue
        particles = _names_data()["name_particles"]  # "(Sanne de Vries)": a particle in lower case
        capitalised = all(not w.group()[0].islower() or w.group() in particles for w in words)
        after_place = m.group().startswith(("[ADDRESS]", "[POSTCODE]"))
        names = [w.group() for w in words]
        if capitalised and (_full_name(names, False) if after_place else holder_full_name(names, beside_detail=True)):
            spans.append((m.start(group), m.start(group) + words[-1].end()))
    if re.search(_HOLDER_TAGS, text):
        spans += _caseless_edge_parts(text) + _caseless_before_dative(text)
    spans += _mailbox_names(text)
    for start, end in sorted(merged_spans(spans), reverse=True):
        if not _person_named_brand().fullmatch(text[start:end]):
            text = text[:start] + NAME_TAG + text[end:]
    # a family name a cue's reading stopped short of ("[NAME] Butt [PHONE]": no list holds "Butt")
    # not the detail's own word after a form's gap ("[NAME]   Passport: [ID]")
    return _name_tail().sub(lambda m: m.group() if _tail_is_detail_word(m.group()) else NAME_TAG, text)


# An e-mail address as RFC 5322 writes a mailbox, `display-name <address>` ("From: Daniel Kim
# <[EMAIL]>", "De : Julien Moreau <[EMAIL]>", '"Kim, Daniel" <…>'): the words before the bracketed
# address are its owner's name, a person's or a desk's ("Customer Care <[EMAIL]>").
_MAILBOX = regex.compile(r"(?P<name>[^\n<>\[\]]{1,80}?)[ \t]*[\"']?[ \t]*<[ \t]*\[EMAIL\][ \t]*>")


def _mailbox_names(text: str) -> list[tuple[int, int]]:
    """The display name of a mailbox: the last two to four words before "<[EMAIL]>", capitalised
    (or in capitals), read as after an explicit cue: each a name word (a names list's, or one
    no language uses often), since the format says a name stands there; a desk's words ("Customer
    Care", "Team Flipkart") are none, and a firm's brand named after a person stays."""
    spans = []
    for m in _MAILBOX.finditer(text):
        part = m.group("name").rstrip(" \t\"'")
        words = list(_WORD.finditer(part))
        for n in (4, 3, 2):
            run = words[-n:]
            if len(run) < n or run[-1].end() != len(part):
                continue
            joined = part[run[0].start() :]
            if _ODD_IN_NAME.search(joined.replace(",", " ").replace("  ", " ")):
                continue
            names = [w.group().rstrip(",") for w in run]
            if not all(w[0].isupper() for w in names) or _person_named_brand().fullmatch(joined):
                continue
            # "Kim, Daniel": the family name first, as a directory writes it
            names = names[1:] + names[:1] if "," in joined else names
            if _full_name(names, True):
                spans.append((m.start("name") + run[0].start(), m.start("name") + run[-1].end()))
                break
    return spans


def _lower_case_listed_name(names: list[str]) -> bool:
    """Two or three words typed in lower case right before the details they hold ("direkt an
    jonas weber [ADDRESS]": the recipient's line above the street's, as every region's address
    format writes it): a name when a names list holds every word, a given name first, and none is
    an everyday English word. Chat is typed in lower case; a place or a shop's words are seldom
    all a names list's."""
    if not 2 <= len(names) <= 3 or not all(w.islower() and w.isalpha() for w in names):
        return False
    if names[0] not in _name_lists()[0]:
        return False
    return all(_kind(w) == "listed" and not _everyday_english(w) for w in names)


def _tail_is_detail_word(tail: str) -> bool:
    words = tail.removeprefix(NAME_TAG).split()
    return any(w.lower() in {d.lower() for d in _detail_words()} for w in words)


@cache
def _detail_words() -> frozenset[str]:
    """The words a detail is named by ("普通" 7712064, an ordinary deposit account; "支店" 251):
    before its tag such a word is the detail's label, no holder's name, though it opens with a
    family name's character."""
    keys = (*_IDENTITY_WORD_KEYS, "bank_account_cues", "bank_branch_cues")
    return frozenset(w for key in keys for w in word_list(key)) | frozenset(_names_data()["contact_words"])


def _signed_with_given_name(text: str, m: re.Match[str], group: str, words: list[regex.Match[str]]) -> bool:
    """A given name alone after a dash that closes the message, right after the writer's own
    contact detail ("ph [PHONE] - Farhan"): the writer signs with it. A names list's given name,
    capitalised, no everyday English word."""
    if group != "trailing" or len(words) != 1 or text[m.end(group) :].strip(" \t.!") != "":
        return False
    if not re.match(r"[ \t]*[-–—]", text[m.end() - len(m.group()) + m.group().index("]") + 1 :]):
        return False
    word = words[0].group()
    return word[0].isupper() and word.lower() in _name_lists()[0] and not _everyday_english(word.lower())


@cache
def _name_tail() -> re.Pattern[str]:
    return re.compile(r"\[NAME\](?:[ \t]+[A-Z][^\W\d_]+(?:['’-][^\W\d_]+)*){1,2}(?=" + _contact_after().pattern + ")")


def _caseless_contact_name(text: str, run: list[re.Match[str]], detail: str) -> bool:
    """Words of a script without capital letters (Tamil, Bengali, Devanagari...) opening their
    clause right before contact details: a name when a names list holds one of them and none is
    a word no name holds. Neither case nor frequency tells a name there (the lists miss given
    names such as "கார்த்திக்", which Tamil text uses as often as everyday words)."""
    words = [w.group() for w in run]
    if any(w[0].lower() != w[0].upper() for w in words) or len(words) > 3:
        return False
    lead = text[: run[0].start()].rstrip()
    if lead and lead[-1] not in ",،.!?;:\n।":
        return False
    kinds = [_kind(w) for w in words]
    listed = sum(k == "listed" for k in kinds)
    if any(w.lower() in _not_name_words() for w in words):
        return False
    if listed:
        return True
    # With no listed word, two or three that no sentence is made of, opening the message or its
    # line as a heading does ("லட்சுமி நாராயணன் ஆதார் [ID]"), not a label before a colon
    # ("ডেলিভারি ঠিকানা: [ADDRESS]"), nor an address's word before it ("الرمز البريدي [POSTCODE]");
    # in a script whose languages' frequencies say so (not
    # Chinese, whose "word" is a phrase).
    opening = not lead or text[: run[0].start()].rstrip(" \t").endswith("\n")
    # and the detail's own word between ("ஆதார்"): with none, a verb may stand there ("נא להתקשר
    # [PHONE]", please call)
    word = detail.split("[", 1)[0]
    unlabelled = ":" not in word and regex.search(r"\p{L}", word) and not detail.endswith(("[ADDRESS]", "[POSTCODE]"))
    return (
        opening and unlabelled and len(words) >= 2 and _weighed(words) and not any(_frequent(w.lower()) for w in words)
    )


def _weighed(words: list[str]) -> bool:
    """Every word of a script whose languages person_names.yaml weighs by frequency."""
    return all(_script(w) in _names_data()["frequency_languages"] for w in words)


# The message's first part up to a comma, or its last part after a comma, to the end.
_EDGE_PART = regex.compile(
    r"^[ \t]*(?P<first>[^\n,،]+?)[ \t]*[,،]|[,،][ \t]*(?P<last>[^\n,،.!?।]+?)[ \t]*[.!?।]?[ \t]*$"
)


def _caseless_edge_parts(text: str) -> list[tuple[int, int]]:
    """In a message that holds contact details, a part of its own that opens it or closes it,
    in a script without capitals: the writer's name, as a heading or a signature ("সুমিতা
    চক্রবর্তী, কলকাতা …, মোবাইল [PHONE]", "… नंबर [PHONE] है, सुनीता शर्मा")."""
    spans = []
    for m in _EDGE_PART.finditer(text):
        group = "first" if m.group("first") else "last"
        words = list(_WORD.finditer(m.group(group)))
        if "".join(w.group() for w in words) != regex.sub(r"\s+", "", m.group(group)):
            continue  # digits, tags, marks: no name's part
        if _caseless_holder(words, known=True):
            spans.append(m.span(group))
    return spans


def _caseless_holder(words: list[regex.Match[str]], known: bool = False) -> bool:
    """Two or three words of a script without capitals in a part of their own right after a
    contact's tag: its holder's name, when a names list holds one of them, none is a word no
    name holds and none is a word its language uses as often as a sentence's words."""
    names = [w.group() for w in words]
    if not 2 <= len(names) <= 3 or any(w[0].lower() != w[0].upper() for w in names):
        return False
    if any(w.lower() in _not_name_words() or _frequent(w.lower()) for w in names):
        return False
    # `known`: a word no language uses often will do ("সুমিতা" 2.7) beside a listed one
    listed = any(_kind(w) == "listed" for w in names)
    return listed or known and _weighed(names) and any(_kind(w) == "uncommon" for w in names)


@cache
def _dative_before_contact() -> regex.Pattern[str]:
    """Two or three words opening their clause, the dative's own word ("కి", "কে", "को"), then
    within a few words the contact's tag: "శ్రీనివాస్ రెడ్డి కి [PHONE] లో కాల్ చేయండి" (call
    Srinivas Reddy on …), "সুমন দত্ত কে ফোন করবেন [PHONE]"."""
    datives = "|".join(regex.escape(w) for w in _names_data()["dative_words"])
    word = r"\p{L}[\p{L}\p{M}]*"
    return regex.compile(
        rf"(?:^|(?<=[,،.!?;:।॥\n][ \t]*))(?P<name>{word}(?:[ \t]+{word}){{1,2}})[ \t]+(?:{datives})"
        rf"(?:[ \t]+[^\s\d\[\].!?,;:।]+){{0,3}}[ \t]*(?:[:：-][ \t]*)?{_HOLDER_TAGS}"
    )


def _caseless_before_dative(text: str) -> list[tuple[int, int]]:
    """The person a contact detail reaches, named in a script without capitals before the
    dative's word: the one to call or write to there. The words must be no sentence's words
    (by the frequencies of the script's languages, where wordfreq has them; a names list's word
    may be frequent), none a word no name holds nor a detail's own word."""
    spans = []
    for m in _dative_before_contact().finditer(text):
        names = m.group("name").split()
        if any(w[0].lower() != w[0].upper() for w in names):
            continue  # a cased script: its names are read by their capitals
        if any(w.lower() in _not_name_words() or w in _detail_words() for w in names):
            continue
        if any(_frequent(w.lower()) and _kind(w) != "listed" for w in names):
            continue
        spans.append(m.span("name"))
    return spans
