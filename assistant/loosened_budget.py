"""A follow-up that loosens the budget without a new amount: "ok can stretch a bit", "fine to go
a little higher", "i don't mind spending more". The ceiling the request has is no longer hard:
it becomes a price to be near (ranking prefers prices about it, a little above included), where
it stayed a hard ceiling before. The reading of permission is `amount_permission.loosens`."""

from __future__ import annotations

from assistant.amount_permission import loosens
from assistant.audience import clauses
from assistant.constraints import Constraints


def loosen_ceiling(message: str, said: Constraints, had: Constraints) -> None:
    """Make the request's ceiling a price to be near where the message permits passing it and
    states no price of its own."""
    if had.price_max is None or any(v is not None for v in (said.price_min, said.price_max, said.price_near)):
        return
    if any(loosens(clause) for clause in clauses(message)):
        said.price_near = had.price_max
