"""A product's picture drawn from its record, for products without a usable image.

The demo catalog has no image URLs, real catalogs have dead ones, and an offline laptop loads
none: a grey box tells the shopper nothing. Drawn instead: the category's pictogram on a
swatch of the product's colour, as inline SVG built here (nothing fetched). The pictograms and
colours are data (`pictures.json`); no icon library is used because one would be fetched by the
browser or add a dependency for forty small drawings.

Only table values reach the SVG markup (each checked on load); the record's words only choose
among them, and the label is escaped.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common.text import singular, tokenize

TABLE = Path(__file__).with_name("pictures.json")
HEX = re.compile(r"#[0-9a-f]{6}")
# What a pictogram may be made of: the shapes of a stroke drawing, with numeric attributes.
SVG_SHAPES = re.compile(r"(?:<(?:path d|circle cx|rect x|ellipse cx)='[^'<>]*'(?: \w+='[\d.]+')*/>)+")
LIGHT = 0.6  # swatches brighter than this get a dark pictogram, darker ones a white one


@dataclass(frozen=True)
class Pictogram:
    name: str
    words: frozenset[str]
    svg: str


@dataclass(frozen=True)
class Table:
    pictograms: tuple[Pictogram, ...]
    colours: dict[str, str]
    multicolour: tuple[str, ...]

    def pictogram(self, category: str) -> Pictogram:
        """The category's pictogram: the most specific part of the path that names one (leaf
        first); within a part, its last word first (the head noun: "Outdoor & Active Toys" are
        toys), then the table's order; a generic tag when nothing does."""
        for part in reversed([p for p in category.split(" > ") if p.strip()]):
            words = tokenize(part)
            for chosen in (words[-1:], words):
                said = {singular(w) for w in chosen} | set(chosen)
                for pictogram in self.pictograms:
                    if pictogram.words & said:
                        return pictogram
        return self.pictograms[-1]

    def swatch(self, colour: str | None) -> str:
        """A colour word's swatch (a hex colour, or "multicolour"); unknown words get neutral."""
        word = (colour or "").strip().lower()
        return self.colours.get(word) or self.colours.get(singular(word)) or self.colours["unknown"]


@cache
def table() -> Table:
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    pictograms = tuple(
        Pictogram(p["name"], frozenset(singular(w) for w in p["words"]) | frozenset(p["words"]), p["svg"])
        for p in data["pictograms"]
    )
    for p in pictograms:
        if not SVG_SHAPES.fullmatch(p.svg):
            raise ValueError(f"{TABLE}: pictogram {p.name!r} is not plain shapes with numeric attributes")
    colours = {k: v for k, v in data["colours"].items()}
    for name, value in [*colours.items(), *((f"multicolour {i}", v) for i, v in enumerate(data["multicolour"]))]:
        if value != "multicolour" and not HEX.fullmatch(value):
            raise ValueError(f"{TABLE}: colour {name!r} is {value!r}, not #rrggbb")
    if pictograms[-1].words or "unknown" not in colours:
        raise ValueError(f"{TABLE}: the last pictogram must match nothing (the fallback) and 'unknown' be a colour")
    return Table(pictograms, colours, tuple(data["multicolour"]))


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def picture_svg(category: str, colour: str | None) -> str:
    """The drawn picture: a square swatch of `colour` with the category's pictogram centred."""
    t = table()
    pictogram = t.pictogram(category)
    swatch = t.swatch(colour)
    if swatch == "multicolour":
        stripes = t.multicolour
        width = 36 / len(stripes)
        background = "".join(
            f"<rect x='{-6 + i * width:g}' y='-6' width='{width:g}' height='36' fill='{c}'/>"
            for i, c in enumerate(stripes)
        )
        # A white disc under the pictogram keeps it readable on the stripes.
        background += "<circle cx='12' cy='12' r='12.5' fill='#ffffff' fill-opacity='.85'/>"
        ink = "#1f2933"
    else:
        background = f"<rect x='-6' y='-6' width='36' height='36' fill='{swatch}'/>"
        ink = "#1f2933" if luminance(swatch) > LIGHT else "#ffffff"
    leaf = category.split(" > ")[-1].strip() or "product"
    label = html.escape(f"{leaf}{f', {colour}' if colour else ''} (drawn picture)", quote=True)
    return (
        f'<svg class="sa-pic" data-pictogram="{pictogram.name}" viewBox="-6 -6 36 36" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg" preserveAspectRatio="xMidYMid slice">'
        f'{background}<g fill="none" stroke="{ink}" stroke-width="1.5" stroke-linecap="round" '
        f'stroke-linejoin="round">{pictogram.svg}</g></svg>'
    )
