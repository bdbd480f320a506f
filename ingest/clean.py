"""Turning raw rows into validated `Product` records, or a reason why not.

Cleaning: catalog text is untrusted (see common/untrusted.py), so every text field (title,
description, brand, category path, material, sizes, specification names and values) becomes plain
text and loses the instruction-like sentences aimed at the assistant, and image URLs are kept
only when http(s); every such change is noted with the raw value for the audit file. Then: parse prices/ratings/stock (numbers, decimals or
text), normalise currency, parse category paths and specifications, and derive colour, audience
and material from specifications or the title when the catalog leaves them empty.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from common.schema import Product
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, normalise_colour, tokenize
from common.untrusted import instruction_like, plain_text, safe_url, strip_invisible, without_instructions
from ingest.headers import stock_said
from ingest.read import FieldRule, Mapping, RawRow

MAX_DESCRIPTION_CHARS = 5000
MAX_TITLE_CHARS = 300
MAX_ID_CHARS = 200
MAX_SPEC_ENTRIES = 100
MAX_SPEC_KEY_CHARS = 100
MAX_SPEC_VALUE_CHARS = 500
# The key that specification statements without a key of their own are kept under.
UNNAMED_KEY = "Other Details"
AUDIT_CHARS = 2000  # of a raw value kept in the audit file
# What a price's own symbol can mean, the first being what it means when the row names no
# currency. "$" and "Rs" are written for several currencies, so a row that says CAD or PKR does
# not contradict them; a symbol outside its list (₹ in a USD row) does.
CURRENCY_SYMBOLS = {
    "$": ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"),
    "€": ("EUR",),
    "£": ("GBP",),
    "₹": ("INR",),
    "rs": ("INR", "PKR", "LKR", "NPR"),
    "rs.": ("INR", "PKR", "LKR", "NPR"),
}
PRICE = re.compile(
    r"^\s*(?P<sym>[$€£₹]|rs\.?|inr|usd|eur|gbp)?\s*(?P<num>-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<code>[a-z]{3})?\s*$", re.I
)


class RowError(ValueError):
    """A row that cannot become a Product; the message is the reason in the report."""


@dataclass
class Cleaning:
    """What cleaning changed in one row: audit entries (field, raw, clean, why) and warnings."""

    changes: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def changed(self, name: str, raw: Any, clean: Any, why: str) -> None:
        raw_text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
        self.changes.append({"field": name, "raw": raw_text[:AUDIT_CHARS], "clean": clean, "why": why})


def map_row(row: RawRow, mapping: Mapping | None) -> dict[str, Any]:
    """Project a raw row onto target field names (identity when there is no mapping)."""
    if mapping is None:
        values = dict(row.values)
        if "colour" not in values and "color" in values:
            values["colour"] = values.pop("color")
        return values
    out: dict[str, Any] = {}
    for target, rule in mapping.columns.items():
        out[target] = _apply_rule(row.values, rule)
    if mapping.currency and not out.get("currency"):
        out["currency"] = mapping.currency
    return out


def _apply_rule(values: dict[str, Any], rule: FieldRule) -> Any:
    value = values.get(rule.column)
    if _missing(value, rule.zero_is_missing) and rule.fallback:
        value = values.get(rule.fallback)
    if _missing(value, rule.zero_is_missing):
        return None
    if rule.parse == "text":
        return value
    if rule.parse == "path":
        return _split_path(value)
    parsed = _literal(value)
    if rule.parse == "list_literal":
        if isinstance(parsed, list) and len(parsed) == 1 and isinstance(parsed[0], str) and ">>" in parsed[0]:
            return _split_path(parsed[0])  # Flipkart style: ['a >> b >> c']
        return parsed if isinstance(parsed, list) else _split_path(value)
    if rule.parse == "list_first":
        return parsed[0] if isinstance(parsed, list) and parsed else None
    if rule.parse == "key_value_list":  # checked and cleaned by _specifications
        return parsed if parsed is not None else value
    raise AssertionError(rule.parse)


def _missing(value: Any, zero_is_missing: bool) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if zero_is_missing:
        try:
            return float(value) == 0.0
        except (TypeError, ValueError, OverflowError):
            return False
    return False


def _literal(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    for loader in (json.loads, ast.literal_eval):
        try:
            return loader(value)
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
    return None


def _key_values(parsed: Any) -> dict[str, str] | None:
    """[{'key': 'Color', 'value': 'Red'}, ...], [('Color', 'Red'), ...] (a Parquet map) or
    {'Color': 'Red'} -> {'Color': 'Red'}; None when the value is no such thing."""
    if isinstance(parsed, dict) and "product_specification" in parsed:
        parsed = parsed["product_specification"]
    if isinstance(parsed, dict):
        if set(parsed) == {"key", "value"}:
            parsed = [parsed]
        else:
            parsed = [{"key": k, "value": v} for k, v in parsed.items()]
    if not isinstance(parsed, (list, tuple)):
        return None
    out: dict[str, str] = {}
    unnamed: list[str] = []
    for item in parsed:
        if isinstance(item, dict) and "key" in item and "value" in item:
            key, value = item["key"], item["value"]
        elif isinstance(item, (list, tuple)) and len(item) == 2:
            key, value = item
        elif isinstance(item, dict) and set(item) == {"value"} and isinstance(item["value"], str):
            # Flipkart lists carry statements without a key ({'value': '2 Years warranty'},
            # {'value': 'Hand wash'}): facts a shopper asks about, kept under one key.
            if item["value"].strip():
                unnamed.append(item["value"].strip())
            continue
        else:
            continue
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value if not isinstance(v, (dict, list, tuple)))
        if key is None or value is None or isinstance(value, dict) or isinstance(key, (dict, list, tuple)):
            continue
        out[str(key).strip()] = str(value).strip()
    if unnamed:
        out[UNNAMED_KEY] = " | ".join(dict.fromkeys(([out[UNNAMED_KEY]] if UNNAMED_KEY in out else []) + unnamed))
    if not out and parsed and not any(isinstance(i, (dict, list, tuple)) for i in parsed):
        return None  # a list of words or numbers, not pairs
    return out


def _split_path(value: Any) -> list[str]:
    if isinstance(value, (list, tuple)):
        parts = [str(v) for v in value if not isinstance(v, (dict, list, tuple))]
    else:
        text = plain_text(_as_text(value, "category"))  # markup first: "<b>" holds a ">"
        parts = next((text.split(sep) for sep in (">>", ">", "/", "|") if sep in text), [text])
    return [node for node in (plain_text(p) for p in parts) if node]


def _as_text(value: Any, name: str) -> str:
    """A cell as a string: text, a number, or UTF-8 bytes; structures are refused."""
    if value is None:
        return ""
    if isinstance(value, (dict, list, tuple)):
        raise RowError(f"{name} must be text, got {type(value).__name__}")
    if isinstance(value, (bytes, bytearray)):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise RowError(f"{name} is binary data, not UTF-8 text") from None
    try:
        return str(value)
    except ValueError as exc:  # e.g. an integer with more digits than Python will print
        raise RowError(f"{name}: {exc}") from None


def _text(value: Any, name: str, limit: int | None = None) -> str:
    """Short structured text (id, currency): invisible characters out, whitespace collapsed."""
    text = " ".join(strip_invisible(_as_text(value, name)).split())
    return text[:limit] if limit else text


def _untrusted(
    value: Any,
    name: str,
    cleaning: Cleaning,
    limit: int | None = None,
    keep_urls: bool = True,
    drop_instructions: bool = False,
) -> str:
    """Catalog prose (title, description, brand, ...) as plain text, without instructions aimed
    at the assistant when `drop_instructions`; what changed goes to the audit."""
    raw = _as_text(value, name)
    if limit:  # a 10 MB description is cut before cleaning, not after (markup only shrinks text)
        raw = raw[: limit * 4]
    text = plain_text(raw, keep_urls=keep_urls)
    why = []
    if len(text) != len(raw) and text != " ".join(raw.split()):
        why.append("markup, links or control characters removed")
    if drop_instructions and text:
        text, removed = without_instructions(text)
        if removed:
            why.append(f"instruction-like text removed ({', '.join(dict.fromkeys(removed))})")
            cleaning.warnings.append(f"{name}: removed {len(removed)} instruction-like sentence(s) ({removed[0]})")
    if why:
        cleaning.changed(name, raw, text[:AUDIT_CHARS], "; ".join(why))
    return text[:limit] if limit else text


def _specifications(value: Any, cleaning: Cleaning) -> dict[str, str]:
    """Specifications as {key: value} of plain text. A value that holds no key/value pairs (a
    number, a list of words, unparseable text) is dropped with a warning; the row stays."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return {}
    parsed = _literal(value) if isinstance(value, str) else value
    pairs = _key_values(parsed)
    if pairs is None:
        shown = value if isinstance(value, str) else json.dumps(value, default=str)
        cleaning.warnings.append(
            f"specifications ignored: expected key/value pairs, got {type(parsed).__name__ if parsed is not None else 'unparseable text'} ({shown[:60]!r})"
        )
        cleaning.changed("specifications", value, None, "not key/value pairs")
        return {}
    out: dict[str, str] = {}
    for key, text in list(pairs.items())[:MAX_SPEC_ENTRIES]:
        clean_key = _untrusted(
            key, "specification name", cleaning, MAX_SPEC_KEY_CHARS, keep_urls=False, drop_instructions=True
        )
        clean_value = _untrusted(
            text, f"specification {clean_key!r}", cleaning, MAX_SPEC_VALUE_CHARS, drop_instructions=True
        )
        if clean_key and clean_value:
            out[clean_key] = clean_value
    if len(pairs) > MAX_SPEC_ENTRIES:
        cleaning.warnings.append(f"specifications: kept the first {MAX_SPEC_ENTRIES} of {len(pairs)}")
    return out


def _price(value: Any) -> tuple[float | None, tuple[str, ...]]:
    """Parse '1,299.00', '$49.99', 'Rs. 499', 49 -> (amount, the currencies its symbol or code
    can mean, most likely first; empty when the price names none)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ()
    if isinstance(value, bool):
        raise RowError(f"price must be a number, got {value!r}")
    currencies: tuple[str, ...] = ()
    if isinstance(value, (int, float, Decimal)):
        try:
            amount = float(value)
        except OverflowError:
            raise RowError("price is out of range") from None
    elif isinstance(value, str):
        match = PRICE.match(value.strip().lower())
        if not match:
            raise RowError(f"price {value[:40]!r} is not a number")
        amount = float(match["num"].replace(",", ""))
        named = [_currencies(m.lower()) for m in (match["sym"], match["code"]) if m]
        if len(named) == 2:  # "$15 CAD" says which dollar; "₹15 USD" says two things
            if named[1][0] not in named[0]:
                raise RowError(f"price {value[:40]!r} names two currencies ({named[0][0]} and {named[1][0]})")
            named = [named[1]]
        currencies = named[0] if named else ()
    else:
        raise RowError(f"price must be a number, got {type(value).__name__}")
    if amount != amount or amount < 0 or amount > 1e9:
        raise RowError(f"price {amount} is out of range")
    return round(amount, 2), currencies


def _currencies(symbol: str) -> tuple[str, ...]:
    return CURRENCY_SYMBOLS.get(symbol, (symbol.upper(),))


def _number(value: Any, name: str, lo: float, hi: float) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dict, list, tuple, bytes)):
        raise RowError(f"{name} must be a number, got {str(value)[:40]!r}")
    try:
        number = float(_as_text(value, name).strip().replace(",", ""))
    except (ValueError, OverflowError):
        if name == "rating":  # "No rating available" and friends mean unrated
            return None
        raise RowError(f"{name} {str(value)[:40]!r} is not a number") from None
    if not lo <= number <= hi:
        raise RowError(f"{name} {number} is outside {lo}..{hi}")
    return number


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        items = [plain_text(str(v)) for v in value if not isinstance(v, (dict, list, tuple))]
    else:
        items = [plain_text(v) for v in re.split(r"[|;,]", _as_text(value, "list"))]
    return [v for v in items if v]


def _without_instruction_items(items: list[str], name: str, cleaning: Cleaning) -> list[str]:
    """A list field (category path, sizes) without the items that read as instructions."""
    kept = [item for item in items if not instruction_like(item)]
    if len(kept) != len(items):
        dropped = [item for item in items if item not in kept]
        cleaning.warnings.append(f"{name}: removed {len(dropped)} instruction-like item(s) ({dropped[0][:60]!r})")
        cleaning.changed(name, items, kept, "instruction-like text removed")
    return kept


# A model code that spells its colour with a number glued on ("WINNER GIFT SET PINK02", "red2"):
# the colour is the letters (pool K:k-und-q23, R-u-19: a pink lunch box read as no colour).
COLOUR_CODE = re.compile(r"([a-z]+)\d+|\d+([a-z]+)")


# Words that make a shade of the colour they are glued to in a model code ("SKYBLUE02", "darkgreen"):
# the colour is its last part (held-out set AF d03: the one blue lunch box, "skyblue02", had no colour).
SHADE_PREFIXES = ("sky", "navy", "royal", "light", "dark", "baby", "deep", "pale", "bright", "hot", "neon", "dusty")


def colours_in(text: str) -> list[str]:
    words = [_glued_shade(_code_letters(w)) for w in tokenize(text)]
    return list(dict.fromkeys(normalise_colour(w) for w in words if w in COLOURS))


def _glued_shade(word: str) -> str:
    """The colour of a shade written as one word ("skyblue" -> "blue"); any other word as is."""
    if word in COLOURS:
        return word
    for prefix in SHADE_PREFIXES:
        if word.startswith(prefix) and word[len(prefix) :] in COLOURS:
            return word[len(prefix) :]
    return word


def _code_letters(word: str) -> str:
    """The letters of a word of letters and a number ("pink02" -> "pink"); any other word as is."""
    code = COLOUR_CODE.fullmatch(word)
    return (code.group(1) or code.group(2)) if code else word


def audience_in(text: str) -> list[str]:
    words = tokenize(text.replace("'", ""))
    found: list[str] = []
    for w in words:
        for a in AUDIENCE_WORDS.get(w, []):
            if a not in found:
                found.append(a)
    return found


def derive_attributes(values: dict[str, Any], specs: dict[str, str], title: str, path: list[str]):
    """Colour, audience and material: the field, else the specifications, else title/path."""
    colours = colours_in(" ".join(_list(values.get("colour"))))
    if not colours:
        colours = colours_in(" ".join(v for k, v in specs.items() if re.search(r"colou?r", k, re.I)))
    if not colours:
        colours = colours_in(title)

    audience = audience_in(" ".join(_list(values.get("audience"))))
    if not audience:
        audience = audience_in(" ".join(v for k, v in specs.items() if k.lower() in ("ideal for", "gender")))
    if not audience:
        audience = audience_in(title)
    if not audience:
        # The category path ("womens footwear", "kids clothing > girls wear") is the last resort;
        # read narrow to broad so "girls wear" wins over "kids clothing".
        for node in reversed(path):
            audience = audience_in(node)
            if audience:
                break

    material = plain_text(_as_text(values.get("material"), "material")) or None
    if not material:
        spec = [v for k, v in specs.items() if "material" in k.lower() or k.lower() == "fabric"]
        material = spec[0] if spec else None
    if not material:
        words = [w for w in tokenize(title) if w in MATERIALS]
        material = words[0] if words else None
    return colours, audience, material


def clean_row(values: dict[str, Any], default_currency: str = "USD", cleaning: Cleaning | None = None) -> Product:
    """One mapped row -> Product. Raises RowError with the reason when it cannot be one.

    `cleaning` collects what was changed on the way (for the audit file) and warnings."""
    cleaning = cleaning if cleaning is not None else Cleaning()
    pid = _text(values.get("id"), "id")
    if not pid:
        raise RowError("missing id")
    if len(pid) > MAX_ID_CHARS:
        raise RowError(f"id is {len(pid)} characters long; the limit is {MAX_ID_CHARS}")
    raw_title = values.get("title")
    title = _untrusted(raw_title, "title", cleaning, MAX_TITLE_CHARS, keep_urls=False, drop_instructions=True)
    if not title:
        has_text = raw_title is not None and str(raw_title).strip()
        raise RowError("title holds only markup or instructions, no name" if has_text else "missing title")
    description = _untrusted(
        values.get("description"), "description", cleaning, MAX_DESCRIPTION_CHARS, drop_instructions=True
    )
    price, price_currencies = _price(values.get("price"))
    stated = _text(values.get("currency"), "currency").upper()
    currency = stated or (price_currencies[0] if price_currencies else default_currency)
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise RowError(f"currency {currency!r} is not a 3-letter code")
    if stated and price_currencies and stated not in price_currencies:
        # Re-labelling "₹1,299" as USD 1,299 would show a price the shop never set.
        raise RowError(
            f"price {str(values.get('price'))[:40]!r} is in {price_currencies[0]} but the row's currency is "
            f"{stated}; correct the price or the currency column"
        )
    rating = _number(values.get("rating"), "rating", 0, 5)
    said = stock_said(values.get("stock"))  # "yes" is in stock with no count: unknown, as empty is
    stock = (0.0 if said is False else None) if said is not None else _number(values.get("stock"), "stock", 0, 1e9)
    if stock is not None and stock != int(stock):
        raise RowError(f"stock {stock} is not a whole number")
    path = _without_instruction_items(
        _split_path(values["category"]) if values.get("category") else [], "category", cleaning
    )
    if values.get("material") is not None:  # prose like the description: the same cleaning
        material = _untrusted(values["material"], "material", cleaning, MAX_SPEC_VALUE_CHARS, drop_instructions=True)
        values = {**values, "material": material or None}
    specs = _specifications(values.get("specifications"), cleaning)
    colours, audience, material = derive_attributes(values, specs, title, path)
    raw_image = values.get("image_url")
    image_url = safe_url(raw_image)
    if raw_image not in (None, "") and image_url is None:
        shown = str(raw_image)[:60]
        cleaning.warnings.append(f"image_url {shown!r} dropped: only http(s) URLs with a host are kept")
        cleaning.changed("image_url", str(raw_image), None, "not an http(s) URL")
    try:
        product = Product(
            id=pid,
            title=title,
            description=description,
            category=path,
            brand=_untrusted(
                values.get("brand"), "brand", cleaning, MAX_TITLE_CHARS, keep_urls=False, drop_instructions=True
            )
            or None,
            price=price,
            currency=currency,
            colours=colours,
            audience=audience,
            sizes=_without_instruction_items(_list(values.get("sizes")), "sizes", cleaning),
            material=material,
            # Ratings are 1..5; several catalogs write 0 for "not rated yet".
            rating=rating if rating else None,
            stock=int(stock) if stock is not None else None,
            image_url=image_url,
            attributes=specs,
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RowError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    product.content_hash = product.compute_hash()
    return product
