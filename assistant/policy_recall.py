"""The passages whose clauses are closest to a question, over all the policies warmed: recall by
clause, not by passage.

The policy index retrieves passages (up to 800 characters, several rules each) by one vector for
the whole passage; a passage with one rule that settles the case among five that do not reads far
from the question ("the refund must either go to the original payment method, or an existing gift
card" inside the return section's four steps). The clauses' own vectors are ready once the
policies are warmed (`policy_answer.warm`), so each clause can be weighed against the question by
meaning and by the question's rarer words it or its heading uses, as the answer weighs the
clauses retrieved; the passages of the few best clauses join the ones retrieved, and the answer
chooses among them all.
"""

from __future__ import annotations

from collections.abc import Callable

# The warmed policies' passages, by the set of their ids (a few sets at most: the bench warms two).
_WARMED: list[tuple[frozenset, list[dict]]] = []
MAX_SETS = 4


def remember(passages: list[dict]) -> None:
    """Keep a warmed set of policies' passages to recall clauses from."""
    known = frozenset(p.get("id") for p in passages) - {None}
    _WARMED[:] = [w for w in _WARMED if not w[0] & known][-(MAX_SETS - 1) :]
    _WARMED.append((known, list(passages)))


def warmed_for(passages: list[dict]) -> list[dict]:
    """Every passage of the warmed policies these passages belong to; [] if none was warmed."""
    asked = {p.get("id") for p in passages} - {None}
    return next((every for known, every in reversed(_WARMED) if asked & known), [])


def recalled(passages: list[dict], score: Callable[[list[dict]], list[float]], n: int) -> list[dict]:
    """The passages, not among `passages`, holding the `n` best-scored clauses of all the warmed
    policies (`score`: one figure per passage, its best clause's), best first."""
    known = {(p["section"], p["text"]) for p in passages}
    # a policy's opening welcomes and sums up: it settles no case of its own (as in policy_parts)
    others = [p for p in warmed_for(passages) if (p["section"], p["text"]) not in known and " > " in p["section"]]
    if not others or n <= 0:
        return []
    scores = score(others)
    best = sorted(range(len(others)), key=lambda i: -scores[i])[:n]
    return [others[i] for i in best]
