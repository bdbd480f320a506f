"""Street lines by their shape, for `common.address`: a house number and a street's name and kind
("221B Baker Street", "12 rue de la Paix", "Hauptstraße 5"), Japanese, Chinese and Korean lines
in their own layouts, and units ("Flat 4B Sunshine Apartments", "B-204, Shanti Apartments")
with the address parts that follow them.
"""

from __future__ import annotations

import re
from functools import cache

from common.address_words import (
    ADDRESS_TAG,
    CAPITALISED,
    TAG,
    _address_cue,
    _address_like,
    _address_words,
    _after_unit_word,
    _apply,
    _clause_end,
    _clause_start,
    _connectors,
    _not_after_unit,
    _tokens,
    _unit_words,
)
from common.redact_words import word_groups, word_list, words_pattern

# The digits of a price: after a currency sign or code.
NOT_PRICE = (
    r"(?<![₹$€£¥₽₩₺¢])(?<![₹$€£¥₽₩₺¢] )(?<!\bRs)(?<!\bRs\.)(?<!\bRs )(?<!\bRs\. )(?<!\bINR )(?<!\bUSD )(?<!\bEUR )"
)


@cache
def _street_patterns() -> list[re.Pattern[str]]:
    # not a price ("Sent ₹560 via UPI", "Rs. 560 via Paytm": set I read a street line)
    house = rf"{NOT_PRICE}\d{{1,5}}(?:/\d{{1,5}})?[A-Za-z]?"
    name = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*"
    particles = r"(?:(?:de|du|des|la|le|les|del|da|do|dos|das|di|dei)\s+)"
    # The street's name is capitalised, or opened by a particle ("rue de la paix"): "12 place
    # settings" and "ships 3 via air" are English.
    named = rf"(?:{particles}+(?i:{name})|(?-i:{name}))(?:\s(?-i:{name})){{0,2}}"
    ordinal = r"\d{1,3}(?:st|nd|rd|th)"
    kinds = rf"(?:{words_pattern('street_suffixes')})\b\.?"
    romance = rf"(?:{words_pattern('street_prefixes')})\s+{named}"
    number_after = rf"(?:{words_pattern('street_prefixes_number_after')})\s+{named}"
    return [
        # "221B Baker Street", "1600 Pennsylvania Avenue", "No. 14, Gandhi Street": capitalised
        # name, then its kind
        # ("3rd Main Road", "Lake View Colony": an ordinal for a name, kinds one after another)
        re.compile(
            rf"(?:\b(?:No\.?|#)\s*{house},\s+|\b{house}\s+)(?:(?:{name}|{ordinal})\s+){{1,3}}"
            rf"{kinds}(?:\s+{kinds})*"
        ),
        # "12 rue de la Paix", "Calle Mayor 3": a house number before or after
        re.compile(rf"\b{house},?\s+{romance}", re.I),
        re.compile(rf"\b{number_after}\s+{house}\b", re.I),
        # "Hauptstraße 5", "Kerkstraat 12a"
        re.compile(rf"\b[A-ZÀ-ÖØ-ÞĀ-ſ]\w*(?:{words_pattern('street_endings')})\s*{house}\b", re.I),
        # "my address is 350 fifth avenue": any case after a word that announces an address
        re.compile(
            rf"(?P<cue>\b(?:{words_pattern('address_cues')})(?:\s*(?:is|:))?\s+){house}\s+(?:[\w'’.-]+\s+){{1,3}}"
            rf"(?:{words_pattern('street_suffixes')})\b\.?",
            re.I,
        ),
    ]


@cache
def _reversed_street() -> re.Pattern[str]:
    """ "Baker Street 221B", "MG Road No 12": the number after the street, as much of the world
    writes it. "Park Avenue 2 pack" has that shape too, so `street_lines` takes it only after an
    address cue or where the line ends after it."""
    house = r"\d{1,5}(?:/\d{1,5})?[A-Za-z]?"
    name = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*"
    return re.compile(
        rf"\b(?:{name}\s+){{1,3}}(?:{words_pattern('street_suffixes')})\.?,?\s+(?:No\.?\s*)?{house}\b(?P<end>\s*(?:[,;]|\.(?!\d)|$))?"
    )


@cache
def _unit_patterns() -> list[re.Pattern[str]]:
    """A flat, house or plot number written beside a street line belongs to it."""
    unit = rf"\b(?:{words_pattern('unit_words')})\.?\s*(?:no\.?\s*)?#?\s*[\w/-]*\d[\w/-]*"
    tag = re.escape(ADDRESS_TAG)
    # and a unit word whose number a street line took ("Flat 12A Orchid Towers", "House 7 Elm Lane")
    bare_unit = rf"\b(?:{words_pattern('unit_words')})\.?\s*(?:no\.?\s*)?#?\s*"
    return [
        re.compile(rf"{unit},?\s*{tag}", re.I),
        re.compile(rf"{tag},?\s*{unit}", re.I),
        re.compile(rf"{bare_unit}{tag}", re.I),
    ]


@cache
def _japanese_line() -> re.Pattern[str]:
    """ "3-14-2 Minami-Aoyama", "Ginza 5-7-10", "5 Chome-2-1 Ginza": a block-lot(-building)
    number beside a district's name, as Japan writes addresses with no street."""
    name = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’-]*"
    block = r"\d{1,2}(?:-\d{1,3}){1,2}"
    chome = r"\d{1,2}\s*-?\s*(?i:ch[oō]me)(?:-\d{1,3}){1,2}"
    return re.compile(rf"(?<![\w-])(?:{chome}(?:\s+{name})?|{name}\s+{block}|{block}\s+{name})(?![\w-])")


@cache
def _japanese_mark() -> re.Pattern[str]:
    marks = word_list("japanese_address_marks")
    suffixes = "|".join(re.escape(m) for m in marks if m.startswith("-"))
    words = "|".join(re.escape(m) for m in marks if not m.startswith("-"))
    # and Japan's postcode, three digits, a dash, four: "Chiyoda City, Tokyo 100-0005"
    return re.compile(rf"(?<=\w)(?:{suffixes})\b|(?:{words})|(?<![\w-])\d{{3}}-\d{{4}}(?![\w-])", re.I)


@cache
def _japanese_kanji_line() -> re.Pattern[str]:
    """ "渋谷区渋谷2-21-1", "北区梅田1丁目2番3号": a ward, city, town or village (区, 市, 町, 村, 郡),
    a district, then its block and lot in digits (with dashes or 丁目/番/号), as Japan writes an
    address in its own script; it opens after the prefecture (都, 道, 府, 県) or at the start of a
    run of CJK text. Dashed or 丁目 numbers only: China's lines number with 号 (`_chinese_line`)."""
    data = word_groups("japanese_kanji_address")
    units = "".join(data["units"])
    openers = "".join(data["openers"])
    dash = r"[-－‐]"
    block = rf"\d{{1,4}}(?:丁目|{dash})\d{{1,4}}(?:(?:番地?|{dash})\d{{1,4}}(?:号)?)?"
    return re.compile(
        rf"(?:(?<=[{openers}])|(?<![\u3400-\u9fff]))(?:(?:(?![{openers}])[\u3400-\u9fff]){{1,5}}?[{units}])+"
        rf"[\u3040-\u30ff\u3400-\u9fff]{{0,8}}?{block}"
    )


def _japanese_lines(text: str) -> str:
    """Tag a block-lot number beside a name only where its clause reads as a Japanese address
    (a "-ku" ward, a "-shi" city, "chome") or an address cue opens it: "Size 10-12" stays."""

    def tag(match: re.Match[str]) -> str:
        start = _clause_start(text, match.start())
        end_match = _clause_end().search(text, match.end())
        clause = text[start : end_match.start() if end_match else len(text)]
        if _japanese_mark().search(clause) or _address_cue().search(text[start : match.start()]):
            return ADDRESS_TAG
        return match.group()

    return _japanese_line().sub(tag, text)


@cache
def _chinese_line() -> re.Pattern[str]:
    """ "朝阳区建国路71号3单元502", "浦东新区张江路1238弄5号602室": a district (区, 县), a road (路,
    街, 道...) with its number (号, 弄), then the building, entrance and room. It opens after a
    city or province (市, 省, left in clear as too coarse to name anyone), a word such as 到 or
    在, or a character of another script. Marks and openers are data."""
    data = word_groups("chinese_address")
    han = "[\u3400-\u9fff]"
    opener = "".join(data["openers"])
    # a place name's characters: not a city's or province's mark, nor an opener
    name = f"(?:(?![{opener}]){han})"
    district = f"(?:{name}{{1,8}}?(?:{'|'.join(data['districts'])}))?"
    road = f"{name}{{1,10}}?(?:{'|'.join(sorted(data['roads'], key=len, reverse=True))})"
    units = "|".join(sorted(data["units"], key=len, reverse=True))
    number = r"\d{1,5}(?:-\d{1,4})?"
    # A space may stand either side of a number ("文三路 478 号 2 单元 1502 室", "10号院 3号楼1502"),
    # as typed between digits and characters; a bare number after the last mark glued to it, or
    # after a space a room's three to five digits that count or price nothing ("B座 2108").
    counters = "|".join(re.escape(c) for c in sorted(data["counters"], key=len, reverse=True))
    room = rf"[ \t]\d{{3,5}}(?![\d.,]|[ \t]?(?:{counters})(?![A-Za-z]))"
    tail = (
        rf"(?:[ \t]?{han}{{0,8}}?[ \t]?[A-Za-z]?\d{{0,5}}[A-Za-z]?[ \t]?(?:{units})|[A-Za-z]?\d{{1,5}}[A-Za-z]?(?!\d)"
        rf"|{room})*"
    )
    section = r"(?:[一二三四五六七八九十\d]{1,3}段)?"  # "人民南路四段11号": a road's section
    # a lane off the road before the house number ("忠孝東路四段216巷7號", Taiwan)
    lane = rf"(?:{number}[ \t]?[巷弄][ \t]?)?"
    # the number's mark in simplified or traditional characters ("390號", Taiwan, Hong Kong)
    return re.compile(
        rf"(?:^|(?<=[^\u3400-\u9fff])|(?<=[{opener}])){district}{road}{section}\s*{lane}{number}[ \t]?[号號弄]{tail}"
    )


@cache
def _korean_line() -> re.Pattern[str]:
    """ "마포구 양화로 45, 101동 1203호", "강남구 역삼동 123-45": a district, then a road and its
    building number or a neighbourhood and its lot number, then the building, floor and flat.
    Marks are data (`korean_address`)."""
    data = word_groups("korean_address")
    hangul = "[\uac00-\ud7a3]"

    def marks(key: str) -> str:
        return "|".join(sorted(data[key], key=len, reverse=True))

    road = rf"{hangul}[\uac00-\ud7a30-9]{{0,9}}(?:{marks('roads')})(?:\s*\d{{1,4}}(?:번?(?:가?길)))?\s*\d{{1,5}}(?:-\d{{1,4}})?"
    lot = rf"{hangul}{{1,6}}\d{{0,2}}(?:{marks('lots')})\s*\d{{1,4}}(?:-\d{{1,4}})?(?:번지)?"
    unit = rf"(?:\s*,?\s*[A-Za-z]?\d{{1,5}}(?:{marks('units')}))*"
    return re.compile(
        rf"(?<!{hangul}){hangul}{{1,5}}(?:{marks('districts')})\s+(?:{hangul}{{1,6}}(?:{marks('lots')})\s+)?(?:{road}|{lot})(?!\d){unit}"
    )


# Between a unit word and its number: a space, "no", "#", ":" or "-", or the word's own dot
# ("h.no5"). Glued to it, the number makes a code: "FLAT500" is a coupon, "ROOM2" a product line.
UNIT_GAP = r"(?:\s*(?:no\.?|[:#-])\s*|\s+|(?<=\.))"


# A unit's number: "4B", "B-204", "#12", and the dashed or slashed groups of a Hyderabad or
# Chennai house number ("8-2-293/82/A").
UNIT_NUMBER = r"#?\s*(?:[A-Za-z]{1,2}-?)?\d{1,5}(?:[/-][0-9A-Za-z]{1,4}){0,4}[A-Za-z]?"


@cache
def _home_unit() -> re.Pattern[str]:
    """A home's unit word and number ("villa 22", "Flat 4B", "apt. no 5"), then what follows."""
    number = UNIT_NUMBER
    return re.compile(rf"\b(?:{words_pattern('home_unit_words')}){UNIT_GAP}{number}(?![\w/-])", re.I)


@cache
def _other_unit() -> re.Pattern[str]:
    number = UNIT_NUMBER
    return re.compile(rf"\b(?:{words_pattern('unit_words')}){UNIT_GAP}{number}(?=\s*,)", re.I)


@cache
def _floor_unit() -> re.Pattern[str]:
    """A floor named by its ordinal before the word, as its own part: "4th floor,", "3. OG,",
    "ground floor,"."""
    ordinal = rf"(?:\d{{1,3}}(?:st|nd|rd|th|\.)|\b(?:{words_pattern('floor_ordinals')}))"
    return re.compile(rf"\b{ordinal}\s*(?:{words_pattern('floor_words')})\b(?=\s*,)", re.I)


def _address_part(tokens: list[tuple[int, int, str]]) -> bool:
    """A comma-separated part that carries on an address line: address-like words throughout
    ("Al Wasl", "Street 18", "Sector 15"), or a few plain words holding an address word or
    opening with a connector ("green park towers", "al barsha 2")."""
    if not tokens or any(TAG.search(t[2]) and ADDRESS_TAG not in t[2] for t in tokens):
        return False
    if any(ADDRESS_TAG in t[2] for t in tokens):
        return True
    words = [t[2].strip(".,()'\"") for t in tokens]
    if all(_address_like(t[2]) for t in tokens):
        return any(w and (CAPITALISED.match(w) or w.lower() in _address_words() or w[0].isdigit()) for w in words)
    plain = len(words) <= 4 and all(w.isalnum() for w in words)
    # a unit word names a place only with its number ("flat 3"); "quote per unit" is a price's
    # words (set I: "steel bottle SB-750, quote per unit?" read as an address)
    numbered = [*words[1:], ""]
    placed = any(
        w.lower() in _address_words() and (w.lower() not in _unit_words() or any(ch.isdigit() for ch in after))
        for w, after in zip(words, numbered, strict=True)
    )
    return plain and (placed or words[0].lower() in _connectors())


BUILDING_NAME = re.compile(r"(?:\s+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*)+")


def _building_name_end(text: str, at: int) -> int:
    """Where the capitalised building name right after a unit ends, up to its last address word
    ("Flat 4B| Sunshine Apartments|, ..."); `at` itself where there is none."""
    name = BUILDING_NAME.match(text, at)
    if not name:
        return at
    end = at
    for word in re.finditer(r"\S+", name.group()):
        if word.group().lower().rstrip(".") in _address_words():
            end = at + word.end()
    return end


# A house number standing as a part of its own before a comma: "B-204,", "#45,", "42/3,", "No. 7,",
# "221B,". A bare number ("2,") only where the parts after it hold a street line or address word.
HOUSE_PART = re.compile(
    r"(?<![\w/#.-])(?:(?:No\.?\s*|#\s*)?(?:[A-Za-z]{1,2}-\d{1,5}[A-Za-z]?|\d{1,5}(?:/\d{1,5})?[A-Za-z]?))(?=\s*,)"
)


def _numbered_lines(text: str) -> str:
    """A house number as its own part, then address parts: "B-204, Shanti Apartments, Andheri
    East", "G-12, Lajpat Nagar 2", "deliver to 221B, Baker St". The parts after it must hold
    an address word or a street line already found."""
    spans: list[tuple[int, int, str]] = []
    for m in HOUSE_PART.finditer(text):
        if _after_unit_word(text, m.start()):
            continue  # "Tower 5, ...": a unit line's, found by `_unit_lines`
        stop = _clause_end().search(text, m.end())
        parts = text[m.end() : stop.start() if stop else len(text)].split(",")[1:]
        offset, end, words = m.end() + 1, m.end(), []
        bare = m.group().isdigit()  # "2," may be a count: the parts after it must read as an address
        for part in parts:
            tokens = _tokens(part, offset)
            strict = bool(tokens) and all(_address_like(t[2]) for t in tokens)
            if not _address_part(tokens) or (bare and not strict):
                break
            words += [t[2].strip(".,()").lower() for t in tokens]
            end, offset = tokens[-1][1], offset + len(part) + 1
        if any(w in _address_words() or ADDRESS_TAG.lower() in w for w in words):
            spans.append((m.start(), end, ADDRESS_TAG))
    return _apply(text, spans)


# A postcode opening a part before the place's name ("69007 Lyon", "10138 Torino"): the postcode
# readers take the digits, the town stays.
POSTCODE_TOWN = re.compile(r"\d{4,6}$")


def _town_part(tokens: list[tuple[int, int, str]], last: bool) -> bool:
    """The part that closes an address with its town ("…, Al Barsha 2, Dubai.", "…, appt 14,
    69007 Lyon."): the last part, one or two capitalised words with no number and no address
    word, or a postcode before such words. The town is no one's personal data (sets AH x38 and
    x47, AG x59 lost "Lyon", "Dubai", "Torino" to [ADDRESS]); its street line, unit and postcode
    go."""
    words = [t[2].strip(".,()'\"") for t in tokens]
    if words and POSTCODE_TOWN.match(words[0]):
        words = words[1:]
        if words:
            return all(w and w[0].isupper() and not any(ch.isdigit() for ch in w) for w in words) and len(words) <= 2
    if not last or not 1 <= len(words) <= 2:
        return False
    return all(
        w and w[0].isupper() and w.isalpha() and w.lower() not in _address_words() and w.lower() not in _connectors()
        for w in words
    )


def _names_a_place(word: str) -> bool:
    """A capitalised name, a street line found, or an address word that is not a unit's."""
    if ADDRESS_TAG in word or CAPITALISED.match(word):
        return True
    return word.lower() in _address_words() and word.lower() not in _unit_words()


def _unit_lines(text: str) -> str:
    """A home's unit on its own ("villa 22, khalifa city a", "Flat 4B Sunshine Apartments") or
    another unit followed by an address part ("Shop 4, Al Ghurair Centre"): the unit, the
    capitalised building name right after it, and the comma-separated address parts that
    follow it directly."""
    spans: list[tuple[int, int, str]] = []
    for pattern, needs_part in ((_home_unit(), False), (_other_unit(), True), (_floor_unit(), True)):
        for m in pattern.finditer(text):
            after = re.match(r"\s*([^\s\w]|\w+)", text[m.end() :])
            if after and after.group(1).lower() in _not_after_unit():
                continue  # "flat 40% off", "apartment 2 bhk"
            end = _building_name_end(text, m.end())
            stop = _clause_end().search(text, end)
            first, *parts = text[end : stop.start() if stop else len(text)].split(",")
            joined, offset, words = 0, end + len(first) + 1, []
            if not first.strip():  # the unit ends its part: the parts after it may carry on
                for i, part in enumerate(parts):
                    tokens = _tokens(part, offset)
                    if not _address_part(tokens) or _town_part(tokens, i == len(parts) - 1):
                        break
                    words += [t[2].strip(".,()") for t in tokens]
                    end, joined, offset = tokens[-1][1], joined + 1, offset + len(part) + 1
            # another unit needs a part that names a place: "room 1, room 2, room 3" is a list
            if not needs_part or any(_names_a_place(w) for w in words):
                spans.append((m.start(), end, ADDRESS_TAG))
    # one line may hold several units ("Room 12, Block B, Tower 2, ..."): the first one's span
    # holds the others'
    merged: list[tuple[int, int, str]] = []
    for start, end, tag in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]), tag)
        else:
            merged.append((start, end, tag))
    return _apply(text, merged)


def street_lines(text: str) -> str:
    def tag(match: re.Match[str]) -> str:
        return (match.groupdict().get("cue") or "") + ADDRESS_TAG  # the announcing words stay

    for pattern in _street_patterns():
        text = pattern.sub(tag, text)

    def reversed_tag(match: re.Match[str]) -> str:
        clause_start = _clause_start(text, match.start())
        if match.group("end") is None and not _address_cue().search(text[clause_start : match.start()]):
            return match.group()
        return ADDRESS_TAG + (match.group("end") or "")

    text = _reversed_street().sub(reversed_tag, text)
    text = _chinese_line().sub(ADDRESS_TAG, text)
    text = _korean_line().sub(ADDRESS_TAG, text)
    text = _japanese_kanji_line().sub(ADDRESS_TAG, _japanese_lines(text))
    for pattern in _unit_patterns():
        text = pattern.sub(ADDRESS_TAG, text)
    return text
