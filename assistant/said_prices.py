"""A variant named by its price: "the white smart thermostat that's $263.11", "the size 10
leather hiking boots, the ones at 241.90", "earbuds priced $259.03".

Variants of one line often differ only in the option a shopper asks about (water resistance,
polarised lenses); a shopper who cannot name that option without giving the answer away names
the variant by the price on its card. A price said that only some of the variants named together
carry keeps those; the price is then part of the name, never what is asked ("doesn't say
anything about 263.11").

A number counts as a price when it is written with two digits of cents ("241.90"; "2.5 litre" is
an amount) or beside a currency ("$94", "rs 1299", "1,299 rupees"; the currency words of
`data/amounts.json`); a bare whole number ("20 hr", "size 10") is an amount, never a price here.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from common.schema import Product

AMOUNTS_FILE = Path(__file__).resolve().parent / "data" / "amounts.json"
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{2}))?(?![\w]|\.\d)")


@cache
def _currency() -> frozenset[str]:
    return frozenset(json.loads(AMOUNTS_FILE.read_text())["currency"])


def prices_said(text: str) -> set[float]:
    """The amounts the text writes as prices: with cents, or with a currency before or after."""
    low = text.lower()
    out: set[float] = set()
    for m in NUMBER.finditer(low):
        whole, cents = m.group(1).replace(",", ""), m.group(2)
        before = low[: m.start()].rstrip()
        after = low[m.end() :].lstrip()
        word_before = re.findall(r"[^\s\d]+$", before)
        word_after = re.findall(r"^[^\s\d.,!?]+", after)
        currency = any(w.strip(".:") in _currency() or w[-1:] in _currency() for w in word_before + word_after)
        if cents is not None or currency:
            out.add(round(float(f"{whole}.{cents or 0}"), 2))
    return out


def price_words(product: Product, text: str) -> list[str]:
    """The product's price written as a shopper writes it ("263.11", "1,299.00"), where the text
    says that price: words that name the product, not what is asked about it."""
    if product.price is None or round(product.price, 2) not in prices_said(text):
        return []
    return [f"{product.price:.2f}", f"{product.price:,.2f}"]


def told_by_price(products: list[Product], text: str) -> list[Product]:
    """Of products named together (variants the other words do not tell apart), those whose price
    the text says, where it says some of theirs and not all; else all of them."""
    said = prices_said(text)
    if not said or len(products) < 2:
        return products
    kept = [p for p in products if p.price is not None and round(p.price, 2) in said]
    return kept if 0 < len(kept) < len(products) else products
