"""An amount a follow-up says is acceptable ("1.8k is ok", "two thousand would do", "₹900 is
fine") is the most the shopper will pay: a ceiling, as "up to 1800" is, not a price to be near.

Read alone, a bare amount is a price to be near ("something around 1000"), so "1.8k is ok" after
a sipper asked for sippers near 1,800 and showed dearer ones beside the cheaper (set S d10). The
permissive phrases are the ones that allow a material ("plastic is fine": `steering.json`
"follow_up_reading" "permissive"); said right after the amount, in its clause, they allow it.
"""

from __future__ import annotations

import re

from assistant.amounts import bare_amounts
from assistant.audience import clauses
from assistant.constraints import Constraints


def as_ceiling(message: str, said: Constraints, permissive: re.Pattern[str]) -> None:
    """Make the price to be near a ceiling where the message says that amount is acceptable."""
    if said.price_near is None or said.price_min is not None or said.price_max is not None:
        return
    for clause in clauses(message):
        allowed = permissive.search(clause)
        if allowed and bare_amounts(clause[: allowed.start()])[-1:] == [said.price_near]:
            said.price_max, said.price_near = said.price_near, None
            return
