"""Shoppers' abbreviations read as the words the policies use ("COD": cash on delivery), from
`assistant/data/policy_abbreviations.yaml`, before a policy question is answered: no clause says
"COD", so the clause that answers "do u have COD?" named nothing the shopper asked."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from common.settings import read_yaml_config

DATA_FILE = Path(__file__).resolve().parent / "data" / "policy_abbreviations.yaml"


@cache
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    data = {str(k).lower(): str(v) for k, v in read_yaml_config(DATA_FILE, what="policy abbreviations").items()}
    words = "|".join(re.escape(k) for k in sorted(data, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{words})(?![\w&])", re.I), data


def spelled_out(question: str) -> str:
    """The question with each abbreviation of the data file written as its words."""
    pattern, data = _pattern()
    return pattern.sub(lambda m: data[m.group(0).lower()], question)
