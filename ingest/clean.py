"""Turning raw rows into validated `Product` records, or a reason why not.

Cleaning: trim text, parse prices/ratings/stock, normalise currency, parse category paths and
specifications, and derive colour, audience and material from specifications or the title when
the catalog leaves them empty.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Any

from pydantic import ValidationError

from common.schema import Product
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, normalise_colour, tokenize
from ingest.read import FieldRule, Mapping, RawRow

MAX_DESCRIPTION_CHARS = 5000
MAX_TITLE_CHARS = 300
CURRENCY_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "rs": "INR", "rs.": "INR"}
PRICE = re.compile(
    r"^\s*(?P<sym>[$€£₹]|rs\.?|inr|usd|eur|gbp)?\s*(?P<num>-?[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?P<code>[a-z]{3})?\s*$", re.I
)


class RowError(ValueError):
    """A row that cannot become a Product; the message is the reason in the report."""


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
    if rule.parse == "key_value_list":
        return _key_values(parsed)
    raise AssertionError(rule.parse)


def _missing(value: Any, zero_is_missing: bool) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        return True
    if zero_is_missing:
        try:
            return float(value) == 0.0
        except (TypeError, ValueError):
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


def _key_values(parsed: Any) -> dict[str, str]:
    """[{'key': 'Color', 'value': 'Red'}, ...] or {'Color': 'Red'} -> {'Color': 'Red'}."""
    if isinstance(parsed, dict) and "product_specification" in parsed:
        parsed = parsed["product_specification"]
    if isinstance(parsed, dict):
        parsed = [{"key": k, "value": v} for k, v in parsed.items()]
    out: dict[str, str] = {}
    for item in parsed or []:
        if isinstance(item, dict) and "key" in item and "value" in item:
            out[str(item["key"]).strip()] = str(item["value"]).strip()
    return out


def _split_path(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    for sep in (">>", ">", "/", "|"):
        if sep in str(value):
            return [p.strip() for p in str(value).split(sep) if p.strip()]
    return [str(value).strip()] if str(value).strip() else []


def _text(value: Any, name: str, limit: int | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        raise RowError(f"{name} must be text, got {type(value).__name__}")
    text = " ".join(str(value).split())
    return text[:limit] if limit else text


def _price(value: Any) -> tuple[float | None, str | None]:
    """Parse '1,299.00', '$49.99', 'Rs. 499', 49 -> (amount, currency or None)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, bool):
        raise RowError(f"price must be a number, got {value!r}")
    if isinstance(value, (int, float)):
        amount, currency = float(value), None
    elif isinstance(value, str):
        match = PRICE.match(value.strip().lower())
        if not match:
            raise RowError(f"price {value[:40]!r} is not a number")
        amount = float(match["num"].replace(",", ""))
        symbol = (match["sym"] or match["code"] or "").lower()
        currency = CURRENCY_SYMBOLS.get(symbol, symbol.upper() or None)
    else:
        raise RowError(f"price must be a number, got {type(value).__name__}")
    if amount != amount or amount < 0 or amount > 1e9:
        raise RowError(f"price {amount} is out of range")
    return round(amount, 2), currency


def _number(value: Any, name: str, lo: float, hi: float) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or isinstance(value, (dict, list)):
        raise RowError(f"{name} must be a number, got {value!r}")
    try:
        number = float(str(value).strip().replace(",", ""))
    except ValueError:
        if name == "rating":  # "No rating available" and friends mean unrated
            return None
        raise RowError(f"{name} {str(value)[:40]!r} is not a number") from None
    if not lo <= number <= hi:
        raise RowError(f"{name} {number} is outside {lo}..{hi}")
    return number


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in re.split(r"[|;,]", str(value)) if v.strip()]


def colours_in(text: str) -> list[str]:
    words = tokenize(text)
    return list(dict.fromkeys(normalise_colour(w) for w in words if w in COLOURS))


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

    material = _text(values.get("material"), "material") or None
    if not material:
        spec = [v for k, v in specs.items() if "material" in k.lower() or k.lower() == "fabric"]
        material = spec[0] if spec else None
    if not material:
        words = [w for w in tokenize(title) if w in MATERIALS]
        material = words[0] if words else None
    return colours, audience, material


def clean_row(values: dict[str, Any], default_currency: str = "USD") -> Product:
    """One mapped row -> Product. Raises RowError with the reason when it cannot be one."""
    pid = _text(values.get("id"), "id")
    if not pid:
        raise RowError("missing id")
    title = _text(values.get("title"), "title", MAX_TITLE_CHARS)
    if not title:
        raise RowError("missing title")
    description = _text(values.get("description"), "description")
    price, price_currency = _price(values.get("price"))
    currency = (_text(values.get("currency"), "currency") or price_currency or default_currency).upper()
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise RowError(f"currency {currency!r} is not a 3-letter code")
    rating = _number(values.get("rating"), "rating", 0, 5)
    stock = _number(values.get("stock"), "stock", 0, 1e9)
    if stock is not None and stock != int(stock):
        raise RowError(f"stock {stock} is not a whole number")
    path = _split_path(values["category"]) if values.get("category") else []
    specs = values.get("specifications") or {}
    if isinstance(specs, str):
        specs = _key_values(_literal(specs))
    colours, audience, material = derive_attributes(values, specs, title, path)
    try:
        product = Product(
            id=pid,
            title=title,
            description=description[:MAX_DESCRIPTION_CHARS],
            category=path,
            brand=_text(values.get("brand"), "brand") or None,
            price=price,
            currency=currency,
            colours=colours,
            audience=audience,
            sizes=_list(values.get("sizes")),
            material=material,
            # Ratings are 1..5; several catalogs write 0 for "not rated yet".
            rating=rating if rating else None,
            stock=int(stock) if stock is not None else None,
            image_url=_text(values.get("image_url"), "image_url") or None,
            attributes={str(k): str(v) for k, v in specs.items()},
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RowError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from None
    product.content_hash = product.compute_hash()
    return product
