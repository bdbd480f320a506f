"""Address lines after their label or cue, for `common.address`: the line after "адрес:",
"ঠিকানা:", "Adresse :" read part by part in any script, and a line after "address" or "ship to"
that opens with a house number or a unit.
"""

from __future__ import annotations

import re
from functools import cache

from common.address_words import (
    ADDRESS_TAG,
    HOUSE_NUMBER,
    TAG,
    THAI_LOCALITY,
    _address_cue,
    _address_like,
    _address_words,
    _clause_end,
    _labelled_line_start,
    _not_after_unit,
    _tokens,
)
from common.postcodes import _postcode_candidates
from common.redact_words import cue_words_pattern, word_list

# A house, flat or building number as any script writes it: "12", "д.12", "12а", "45/2", "B-204".
# Turkish writes "No:215 D:8"; a letter of an Indic script carries its vowel sign ("২৪/বি").
LOOSE_HOUSE_NUMBER = re.compile(r"#?(?:[^\W\d_]{1,3}[.:-]?)?\d{1,5}(?:[/-](?:[^\W_]|[\u0900-\u0dff]){1,5})*[^\W\d_]?")

# A full stop before a tag ("... 620014. [NAME]"), or after a closing bracket ("... (03925). 49,000원짜리"):
# no abbreviation's dot stands there, the sentence ends.
SENTENCE_BEFORE_TAG = re.compile(r"[.!?](?=\s+\[[A-Z]+\])|(?<=[)\]）])[.!?](?=\s)")

# Parts of a labelled line are set apart by commas of any script; not the comma that groups a
# number's thousands ("3,000원", "₹1,499", "12,500 руб"), which would split a price after the
# address into "parts" holding a number, read as more of the address.
PART_SEPARATOR = re.compile(r"(?<!\d)[,，、،]|[,，、،](?!\d{3}(?!\d))")

# More words than this in a part, and it is a sentence, not a part of an address.
MAX_PART_TOKENS = 8


@cache
def _line_words() -> frozenset[str]:
    """Street and unit words of every script in the data, lower case and without their dot."""
    words = [
        *word_list("address_line_words"),
        *word_list("street_prefixes"),
        *word_list("street_prefixes_number_after"),
    ]
    return _address_words() | frozenset(w.lower().rstrip(".") for w in words)


def _numbered_part(tokens: list[tuple[int, int, str]]) -> bool:
    """A part with a house number in it, not a count or a measure ("2 items", "5 kg")."""
    for i, (_, _, token) in enumerate(tokens):
        if LOOSE_HOUSE_NUMBER.fullmatch(token.strip(".,()'\"")) and any(ch.isdigit() for ch in token):
            after = tokens[i + 1][2].lower().strip(".,") if i + 1 < len(tokens) else ""
            if after not in _not_after_unit():
                return True
    return False


@cache
def _locality_words() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in word_list("locality_words"))


def _locality_part(tokens: list[tuple[int, int, str]]) -> bool:
    """A part naming the village, post office, ward or lane an address is in, with no house
    number ("Vill. Rampur", "Post Bhawanipur", "phường Bến Nghé", "แขวงสะพานสอง"): in rural and
    ward-based addresses it is what finds the house."""
    pieces = [piece for t in tokens for piece in re.split(r"[.\s]+", t[2].strip(",()'\"")) if piece]
    if any(w.startswith(THAI_LOCALITY) for w in pieces):
        return True
    # the place's name after the word, capitalised in a cased script ("Post your review" is none)
    named = len(pieces) > 1 and not pieces[1][0].islower()
    return named and pieces[0].lower() in _locality_words()


def _worded_part(tokens: list[tuple[int, int, str]]) -> bool:
    """A part holding a street or unit word of some script ("ул. Ленина", "MG Road")."""
    return any(
        piece.lower() in _line_words() for t in tokens for piece in re.split(r"[.\s]+", t[2].strip(",()'\"")) if piece
    )


def _postcode_ending(text: str, tokens: list[tuple[int, int, str]]) -> tuple[int, int, int] | None:
    """(start, end, tokens it spans) of a postcode-shaped number ending a part ("Екатеринбург
    620014", "কলকাতা ৭০০০১৯", "Αθήνα 105 63")."""
    if not tokens:
        return None
    start, end = tokens[0][0], tokens[-1][1]
    end -= len(tokens[-1][2]) - len(tokens[-1][2].rstrip(".,;"))
    starts = {t[0] - start: i for i, t in enumerate(tokens)}
    for (c_start, c_end), _ in _postcode_candidates(text[start:end]).items():
        if c_end == end - start and c_start in starts:
            return start + c_start, end, len(tokens) - starts[c_start]
    return None


def _up_to_postcode(text: str, tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The part's tokens up to where the sentence goes on after a postcode in it: the postcode
    (five digits or more, opening a token after the part's first; four are as often a year or a
    price) and the place names after it written with a capital ("105 63 Αθήνα"), up to the first
    word in lower case of a cased script ("до 25 декабря", "μέχρι 23/12"), or the postcode alone
    where a full stop follows it ("34728. 2 adet"). All of them where nothing goes on after it
    ("100 00 Praha 10")."""
    if len(tokens) < 2:
        return tokens
    start, end = tokens[0][0], tokens[-1][1]
    opens = {t[0] - start: i for i, t in enumerate(tokens)}
    ends = {t[1] - start - len(t[2]) + len(t[2].rstrip(".,;")): i for i, t in enumerate(tokens)}
    for c_start, c_end in sorted(_postcode_candidates(text[start:end])):
        digits = sum(ch.isdigit() for ch in text[start + c_start : start + c_end])
        if digits < 5 or c_start not in opens or c_end not in ends or ends[c_end] == len(tokens) - 1:
            continue
        last = ends[c_end]
        if tokens[last][2].endswith("."):
            return tokens[: last + 1]
        for i in range(last + 1, len(tokens)):
            word = tokens[i][2].strip(".,;()'\"")
            if word and word[0].lower() != word[0].upper() and word[0].islower():
                return tokens[:i]
        return tokens
    return tokens


def _postcode_before_town(text: str, tokens: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """(start, end) of a postcode opening a part before the town's name, one or two capitalised
    words with no number ("10138 Torino", "69007 Lyon"); None where the part is otherwise."""
    if not 2 <= len(tokens) <= 3:
        return None
    head = tokens[0]
    if not any(c == (0, len(head[2])) for c in _postcode_candidates(head[2])):
        return None
    words = [t[2].strip(".,;()'\"") for t in tokens[1:]]
    if all(w and w[0].isupper() and w.isalpha() for w in words):
        return head[0], head[1]
    return None


def line_end(text: str, start: int) -> int:
    """Where the address's line from `start` ends: its clause's end, a line break, or a full stop
    before a tag ("... 620014. [NAME], τηλ."), which `_clause_end` cannot tell from an
    abbreviation's dot."""
    stop = _clause_end().search(text, start)
    end = stop.start() if stop else len(text)
    tagged = SENTENCE_BEFORE_TAG.search(text, start, end)
    newline = text.find("\n", start, end)
    return min(x for x in (end, newline, tagged.start() if tagged else -1) if x >= 0)


def line_parts(
    text: str, start: int, end: int, separator: re.Pattern[str] = PART_SEPARATOR
) -> list[list[tuple[int, int, str]]]:
    """The tokens of each part of text[start:end], the parts set apart by `separator`."""
    parts, offset = [], start
    for piece in separator.split(text[start:end]):
        parts.append(_tokens(piece, offset))
        offset += len(piece) + 1
    return parts


@cache
def _shop_contact() -> re.Pattern[str]:
    return re.compile(cue_words_pattern("shop_contact_cues"), re.I)


def read_parts(text: str, parts: list[list[tuple[int, int, str]]]) -> list[tuple[int, int, str]]:
    """An address line's parts read in order: the parts with a house number, and a street or unit
    word's part just before them, are the address; a postcode-shaped number ending a part after
    them is the postcode; a bare city, and what stands before the address (a name, found
    already), stay. (start, end, tag) spans, none where no part holds a house number."""
    spans: list[tuple[int, int, str]] = []
    first = last = None  # the parts of the address
    previous: list[tuple[int, int, str]] = []
    for tokens in parts:
        if not tokens or len(tokens) > MAX_PART_TOKENS:
            break
        tags = [t for t in tokens if TAG.search(t[2])]
        if any(ADDRESS_TAG not in t[2] and "[NAME]" not in t[2] for t in tags):
            break  # a phone, a postcode found: the line's address ends
        if _shop_contact().search(text, tokens[0][0], tokens[-1][1]):
            break  # "…, hotline shop 1900 6035": the shop's number, no part of the address
        # a postcode ends the line: after the address's parts, or after a city in its own
        # part; not a unit's number ("Tower 1202", "кв. 4512"). Inside a part once the address
        # has begun, the sentence goes on after it ("…, 420111 до 25 декабря", "105 63 Αθήνα
        # μέχρι 23/12"): the part is read up to the postcode, and what follows stays.
        if first is not None:
            tokens = _up_to_postcode(text, tokens)
            town = _postcode_before_town(text, tokens)
            if town:
                # "…, int. 7, 10138 Torino.": the postcode goes, the town after it stays (AG x59)
                spans.append((*town, "[POSTCODE]"))
                break
        postcode = _postcode_ending(text, tokens)
        size = postcode[2] if postcode else 0
        rest = tokens[:-size] if size else tokens
        if postcode and (first is not None or rest) and not _worded_part(rest[-1:]):
            if _numbered_part(rest):  # "ул. Ленина 12 620014": the street before its postcode
                first = first or rest[0]
                last = rest[-1]
            spans.append((postcode[0], postcode[1], "[POSTCODE]"))
            break
        if any("[NAME]" in t[2] for t in tags):
            if first is not None:
                break
            previous = []
            continue
        if _numbered_part(tokens) or _locality_part(tokens) or any(ADDRESS_TAG in t[2] for t in tags):
            if first is None:
                first = previous[0] if previous and _worded_part(previous) else tokens[0]
            last = tokens[-1]
        elif first is not None and _worded_part(tokens):
            last = tokens[-1]  # "..., Sector 54 Road" on the address's line
        elif first is not None:
            break  # a bare city after the address stays
        previous = tokens
    if first is not None and last is not None:
        start = first[0]
        # a city or province glued before a street line found already ("上海市[ADDRESS]": in a
        # script without spaces one token) stays, as `common.street_lines` left it
        glued = first[2].find(ADDRESS_TAG)
        if glued > 0 and not any(ch.isdigit() for ch in first[2][:glued]):
            start += glued
        spans.append((start, last[1], ADDRESS_TAG))
    return spans


def _labelled_lines(text: str) -> list[tuple[int, int, str]]:
    """The line after an address label, in any language and script ("адрес: ул. Ленина, д. 12,
    кв. 45, Екатеринбург 620014", "ঠিকানা: …, ৩২ বালিগঞ্জ প্লেস, কলকাতা ৭০০০১৯"), read part by part
    (`read_parts`)."""
    spans: list[tuple[int, int, str]] = []
    for label in _labelled_line_start().finditer(text):
        spans += read_parts(text, line_parts(text, label.end(), line_end(text, label.end())))
    return spans


def _without_chat_tail(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The line's first part up to where the sentence goes on to a delivery window or day: from a
    word of time ("between", "avant", "bis"; data) to the part's end, with no street or unit word
    after it ("Blk 208 Toa Payoh North #07-1123 S310208 between 2-5pm", "Unit 9 Kestrel Court
    before noon"). Lower-case place names stay ("villa 14 street 7 al barsha")."""
    for i, (_, _, token) in enumerate(tokens):
        if i and token.lower() in _time_openers():
            rest = [t[2].strip(".,()'\"").lower() for t in tokens[i + 1 :]]
            if not any(word in _address_words() for word in rest):
                return tokens[:i]
    return tokens


@cache
def _time_openers() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("time_openers"))


def _cued_lines(text: str) -> list[tuple[int, int, str]]:
    """After an address cue, a line opening with a house number or a unit word and a number."""
    spans = []
    for cue in _address_cue().finditer(text):
        clause_end = _clause_end().search(text, cue.end())
        line = text[cue.end() : clause_end.start() if clause_end else len(text)]
        parts = line.split(",")
        first = _tokens(parts[0], cue.end())
        if not first or not (
            HOUSE_NUMBER.fullmatch(first[0][2])
            or (first[0][2].lower() in _address_words() and len(first) > 1 and HOUSE_NUMBER.fullmatch(first[1][2]))
        ):
            continue
        if TAG.search(parts[0]) or not any(t[2].lower() in _address_words() for t in first):
            continue
        first = _without_chat_tail(first)
        end = first[-1][1]
        if end < cue.end() + len(parts[0].rstrip()):
            spans.append((first[0][0], end, ADDRESS_TAG))
            continue  # the clause went on in chat words: no later part is the address's
        offset = cue.end() + len(parts[0]) + 1
        for part in parts[1:]:
            tokens = _tokens(part, offset)
            if not tokens or not all(_address_like(t[2]) and not TAG.search(t[2]) for t in tokens):
                break
            end = tokens[-1][1]
            offset += len(part) + 1
        spans.append((first[0][0], end, ADDRESS_TAG))
    return spans
