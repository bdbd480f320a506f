"""Address lines with no label, read by their structure in any script, for `common.address`:
"на вул. Хрещатик, 22, кв. 8, Київ, 01001", "في ١٥ شارع جامعة الدول العربية، المهندسين", "45 ngõ
102 Trường Chinh, Đống Đa", "לכתובת רחוב הרצל 18, דירה 6, רמת גן 5225318", "ส่งที่ 99/12 ซอยสุขุมวิท
31 แขวงคลองเตยเหนือ". An address is parts set apart by commas (by spaces in Thai, which writes no
commas there), read as after a label (`labelled_address.read_parts`); with no label to say so,
the parts read must hold both a house number and a street, unit or locality word of some script
(redact.yaml: `address_line_words`, `locality_words`): "Size 10, pack of 2" has no such word,
"order TH2405-88172" no such part. The first part of a line may open with the sentence that leads
to the address ("… кур'єром на вул. Хрещатик"): the address opens at its last words that read as
one (a number, a street word, a name in capitals in a cased script). A postcode written first, as
Russian does ("620014, г. Екатеринбург, ул. Малышева, д. 51"), goes with the address after it.
"""

from __future__ import annotations

import re
from functools import cache

from common.address_words import ADDRESS_TAG, TAG, _clause_end, _connectors, _not_after_unit
from common.labelled_address import (
    LOOSE_HOUSE_NUMBER,
    MAX_PART_TOKENS,
    _line_words,
    _locality_part,
    line_end,
    line_parts,
    read_parts,
)
from common.name_words import _everyday_english
from common.postcodes import _postcode_candidates
from common.redact_words import THAI, word_list

Token = tuple[int, int, str]
THAI_TEXT = re.compile(f"[{THAI}]")
LATIN = re.compile(r"[a-zà-ɏ]")
# Hebrew glues "and", "the", "in", "to", "from" to the word after ("לרחוב", "ברחוב").
HEBREW_PROCLITIC = re.compile("[ובהלמכש][\u05d0-\u05ea]")
# A postcode stands at most this many parts after the address: the district, the city, the province.
POSTCODE_AFTER_REACH = 3
# Commas set parts apart, not the one inside a number ("₹3,749", "1,00,000", "€ 79,00"); Thai
# sets an address's parts apart by spaces too.
SEPARATOR = re.compile(r"[，、،]|(?<!\d),|,(?!\d)")
THAI_SEPARATOR = re.compile(r"[，、،]|(?<!\d),|,(?!\d)|\s+")
# A postcode written first stands at most this many parts before the street.
POSTCODE_FIRST_REACH = 2
# A house number as written after the street's name: digits, a letter, a second number after a
# slash ("1511/230", "45", "12a").
HOUSE_NUMBER_ONLY = re.compile(r"\d{1,5}[A-Za-z]?(?:/\d{1,5}[A-Za-z]?)?")


def _numbered(token: str) -> bool:
    word = token.strip(".,()'\"")
    return bool(LOOSE_HOUSE_NUMBER.fullmatch(word)) and any(ch.isdigit() for ch in word)


def _street_word(token: str) -> bool:
    return any(piece.lower() in _line_words() for piece in re.split(r"[.\s]+", token.strip(",()'\"")) if piece)


def _reads_as_address(token: str) -> bool:
    """A word an address is made of: a number, a street or unit word, a connector, a name in
    capitals in a cased script, any word of a script without capitals."""
    word = token.strip(".,()'\"")
    if not word or TAG.search(word):
        return False
    if (
        any(ch.isdigit() for ch in word)
        or _street_word(word)
        or _street_or_place(word)
        or word.lower() in _connectors()
    ):
        return True
    letter = next((ch for ch in word if ch.isalpha()), "")
    return bool(letter) and (letter.isupper() or letter.lower() == letter.upper())


def _address_tail(tokens: list[Token]) -> list[Token]:
    """The last words of a part that may open an address: the words that read as one up to its
    end, from the first number or street word among them, at most `MAX_PART_TOKENS`."""
    start = len(tokens)
    while start > 0 and _reads_as_address(tokens[start - 1][2]):
        start -= 1
    openers = [i for i in range(start, len(tokens)) if _opens(tokens, i)]
    cased = start < len(tokens) and _cased(tokens[start][2])
    if openers and cased and len(tokens) - start <= MAX_PART_TOKENS:
        return tokens[start:]  # "στην Ερμού 35": the street's name before its number
    for i in range(max(start, len(tokens) - MAX_PART_TOKENS), len(tokens)):
        if _opens(tokens, i):
            return tokens[i:]
    return []


def _opens(tokens: list[Token], i: int) -> bool:
    word = tokens[i][2].strip(".,")
    postcode_first = word.isdigit() and 4 <= len(word) <= 6  # "на 620014, г. Екатеринбург, ул. …"
    return (
        postcode_first
        or _numbered(word)
        or _street_word(word)
        or _street_or_place(word)
        or _locality_part(tokens[i : i + 1])
    )


def _cased(token: str) -> bool:
    letter = next((ch for ch in token if ch.isalpha()), "")
    return bool(letter) and letter.lower() != letter.upper()


@cache
def _not_street_words() -> frozenset[str]:
    """Unit, floor and building words, and measures: no street's."""
    words = [*word_list("unit_line_words"), *word_list("unit_words"), *word_list("floor_words")]
    return frozenset(w.lower() for w in words) | _not_after_unit()


@cache
def _places() -> frozenset[str]:
    """Locality words that are no everyday word as well."""
    return frozenset(w.lower().rstrip(".") for w in word_list("locality_words")) - _weak_places()


@cache
def _weak_places() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("weak_locality_words"))


@cache
def _floors() -> frozenset[str]:
    return frozenset(w.lower() for w in word_list("floor_words"))


# A word's pieces: letters with their marks, a dot perhaps ("ул.", "রোড").
PIECE = re.compile(r"[^\s\d.,;:()'\"/#-]+\.?")


def _street_or_place(token: str) -> bool:
    """A street or locality word of some script; in Latin letters a locality word ("ngõ",
    "phường") or a street word written with its dot ("Jl.", "Cad.", "ul."): "Garden Court
    prints", "₹80 via UPI" and "5 m" are shop text as often, and `street_lines` reads the Latin
    street lines by their own shape."""
    for piece in PIECE.findall(token):
        bare = piece.rstrip(".").lower()
        if HEBREW_PROCLITIC.match(bare) and bare[1:] in _line_words():
            bare = bare[1:]  # "לרחוב": "to the street"
        latin = bare.isascii() or bool(LATIN.match(bare))
        short = latin and not piece.endswith(".")
        dotted_place = piece.endswith(".") and bare in _weak_places()  # "P. Hàng Bài", "Q. Hoàn Kiếm"
        if (
            bare in _places()
            or dotted_place
            or (bare in _line_words() and bare not in _not_street_words() and not short)
        ):
            return True
    return bool(THAI_TEXT.match(token)) and _locality_part([(0, 0, token)])


def _floor(tokens: list[Token], i: int) -> bool:
    """An ordinal and a floor word ("3ος όροφος", "2nd floor"): a floor of a building."""
    after = tokens[i + 1][2].strip(".,").lower() if i + 1 < len(tokens) else ""
    return any(ch.isdigit() for ch in tokens[i][2]) and after in _floors()


def _evidenced(parts: list[list[Token]], span: tuple[int, int, str]) -> bool:
    """The address's parts hold a street or locality word, or a floor (a house number they hold)."""
    inside = [t for part in parts for t in part if span[0] <= t[0] and t[1] <= span[1]]
    found = any(ADDRESS_TAG in t[2] for t in inside)  # a street line another reader found
    return found or any(_street_or_place(t[2]) or _floor(inside, i) for i, t in enumerate(inside))


def _postcode_after(text: str, parts: list[list[Token]], at: int) -> tuple[int, int, str] | None:
    """A postcode opening or closing one of the parts just after the address's last (`at`): after
    or before the city, "Київ, 01001", "105 63 Αθήνα", "กรุงเทพฯ 10230"."""
    for tokens in parts[at + 1 : at + 1 + POSTCODE_AFTER_REACH]:
        if not tokens or len(tokens) > 3 or any(TAG.search(t[2]) for t in tokens):
            return None
        start, end = tokens[0][0], tokens[-1][1]
        end -= len(tokens[-1][2]) - len(tokens[-1][2].rstrip(".,;"))
        for c_start, c_end in _postcode_candidates(text[start:end]):
            if c_start == 0 or c_end == end - start:
                return (start + c_start, start + c_end, "[POSTCODE]")
    return None


def _postcode_and_place_after(text: str, parts: list[list[Token]], span: tuple[int, int, str]) -> bool:
    """The part right after the address is a postcode and its place written with a capital
    ("Vinohradská 1511/230, 100 00 Praha 10", "Ερμού 45, 105 63 Αθήνα"): a street with no street
    word (most of Central Europe's and Greece's) is an address by the postcode line after it."""
    first = next((i for i, p in enumerate(parts) if p and p[-1][1] > span[0]), len(parts))
    street = [t[2] for t in parts[first] if t[0] >= span[0]] if first < len(parts) else []
    # a street's name and a house number ("Ερμού 45"); not a product's ("Galaxy S23", "Model X 2")
    if len(street) < 2 or not HOUSE_NUMBER_ONLY.fullmatch(street[-1].rstrip(",")):
        return False
    if any(_everyday_english(w.lower()) for w in street[:-1]):
        return False
    for tokens in parts[first + 1 : first + 1 + POSTCODE_AFTER_REACH]:
        if not tokens or tokens[0][0] >= span[1] + 2:
            break
        start, end = tokens[0][0], tokens[-1][1]
        for c_start, c_end in _postcode_candidates(text[start:end]):
            rest = (text[start : start + c_start] + " " + text[start + c_end : end]).split()
            words = [w for w in rest if not w.isdigit()]
            edge = c_start == 0 or c_end == end - start
            capitalised = all(_cased(w) and w[0].isupper() and not _everyday_english(w.lower()) for w in words)
            if edge and words and capitalised:
                return True
    return False


def _postcode_before(text: str, parts: list[list[Token]], at: int) -> tuple[int, int, str] | None:
    """A part that is a postcode alone, at most `POSTCODE_FIRST_REACH` parts before part `at`."""
    for tokens in parts[max(0, at - POSTCODE_FIRST_REACH) : at]:
        if tokens:
            start, end = tokens[0][0], tokens[-1][1]
            if (0, end - start) in _postcode_candidates(text[start:end]):
                return (start, end, "[POSTCODE]")
    return None


def _segment_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The addresses of one line: read from each part in turn, the first part of the window cut
    to its address tail; a reading that holds no street word is none."""
    separator = THAI_SEPARATOR if THAI_TEXT.search(text, start, end) else SEPARATOR
    parts = line_parts(text, start, end, separator)
    spans: list[tuple[int, int, str]] = []
    k = 0
    while k < len(parts):
        window = [_address_tail(parts[k]), *parts[k + 1 :]]
        found = [s for s in read_parts(text, window) if s[2] == ADDRESS_TAG]
        if found and (_evidenced(window, found[0]) or _postcode_and_place_after(text, window, found[0])):
            spans += read_parts(text, window)
            at = next(i for i, p in enumerate(window) if p and p[-1][1] >= found[0][0])
            end_at = next(i for i, p in enumerate(window) if p and p[-1][1] >= found[0][1])
            postcode = _postcode_before(text, window, at)
            if not any(tag == "[POSTCODE]" for _, _, tag in spans):
                postcode = postcode or _postcode_after(text, window, end_at)
            if postcode:
                spans.append(postcode)
            last = max(s[1] for s in spans)
            k = next((i for i, p in enumerate(parts) if p and p[0][0] > last), len(parts))
        else:
            k += 1
    return spans


def structured_lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) for each address and postcode read by its structure, in every line and
    clause of the text."""
    if not any(ch.isdigit() for ch in text):
        return []
    starts = sorted({0, *(m.end() for m in _clause_end().finditer(text))})
    spans: list[tuple[int, int, str]] = []
    for start in starts:
        end = line_end(text, start)
        if end > start:
            spans += _segment_spans(text, start, end)
    return spans


# The parts after a street line found, up to the clause's end: "[ADDRESS], app. 5, H2X 3L3, cell",
# "[ADDRESS] m. 15, 00-514 Warszawa", "[ADDRESS], [NAME], CDMX 03940".
# A dot before a number ends an abbreviation ("app. 5", "m. 15"), not the sentence.
_AFTER_ADDRESS = re.compile(r"\[ADDRESS\](?P<rest>(?:[^.!?\n。]|(?<=\w)\.(?=[ \t]*\d))*)")


def postcodes_after_address(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "[POSTCODE]") for a postcode of any region's shape that opens or closes one
    of the few parts after a street line found, the rest of its part place names written with a
    capital ("CDMX 03940", "00-514 Warszawa", "H2X 3L3"): the address's own postcode, after a
    unit or a district part the address reader left."""
    spans: list[tuple[int, int, str]] = []
    for m in _AFTER_ADDRESS.finditer(text):
        offset = m.start("rest")
        for part in list(re.finditer(r"[^,，、،]+", m.group("rest")))[:POSTCODE_AFTER_REACH]:
            start, end = offset + part.start(), offset + part.end()
            stripped = text[start:end].strip()
            if not stripped or TAG.fullmatch(stripped):
                continue
            lead = start + len(text[start:end]) - len(text[start:end].lstrip())
            for c_start, c_end in _postcode_candidates(stripped):
                rest = (stripped[:c_start] + " " + stripped[c_end:]).split()
                places = all(_cased(w) and w[0].isupper() and not any(ch.isdigit() for ch in w) for w in rest)
                if (c_start == 0 or c_end == len(stripped)) and places and not _not_after_unit_word(stripped, c_end):
                    spans.append((lead + c_start, lead + c_end, "[POSTCODE]"))
    return spans


def _not_after_unit_word(part: str, end: int) -> bool:
    """A unit after the number ("500 ml"): a quantity, no postcode."""
    after = re.match(r"\s*(\w+)", part[end:])
    return bool(after) and after.group(1).lower() in _not_after_unit()
