"""Comparative questions across shown products answered from their records: "which one is more
waterproof?", "which is lighter?", "is the first one bigger than the second?".

`asked(message)` reads the comparative a question asks (the claims of `data/comparatives.yaml`,
the same grounding checks model sentences against); `answer(products, claim)` aligns the
products' amounts of that quantity (`assistant/measures.py`: specification keys and description
clauses, units normalised, ordinal scales ranked), says which one is more or less and why, quoting
what each record states, and says plainly when the records cannot decide: an amount missing on
one, or amounts that do not compare (a volume against a length, an IP rating against a word).
No model writes here: the answer streams at once.
"""

from __future__ import annotations

from assistant import measures
from assistant.comparatives import Claim, claims_in, graded_claim
from assistant.measures import Reading
from common.schema import Product

APOSTROPHE = "'"


def asked(message: str) -> Claim | None:
    """The comparative a question asks ("which one is LIGHTER?", "which lasts LONGEST on a
    charge?"), or None."""
    found = claims_in(message)
    return found[0] if found else graded_claim(message)


def answer(products: list[Product], claim: Claim) -> str:
    """Which of the products is more or less on the claim's quantity, and why, from their records."""
    q = measures.quantity(claim.quantity)
    aligned = measures.align(products, claim.quantity)
    if len(products) == 1:  # "which of these is cheapest?" with one card on screen: nothing to rank
        (reading,) = aligned.readings
        stated = f" ({_said(reading)})" if reading is not None else f"; its listing doesn't state {q.name}"
        return f"Only one is shown, the {products[0].title}{stated}: there is nothing to compare it with yet."
    rows = list(zip(products, aligned.readings, aligned.comparable, aligned.values, strict=True))
    placed = [(p, r) for p, r, ok, _ in rows if ok and r is not None]
    values = {p.id: v for p, _, ok, v in rows if ok}
    other = [
        (p, r)
        for p, r, ok in zip(products, aligned.readings, aligned.comparable, strict=True)
        if not ok and r is not None
    ]
    missing = [p for p, r in zip(products, aligned.readings, strict=True) if r is None]
    beyond = [(p, r) for p, r in zip(products, aligned.beyond, strict=True) if r is not None]
    if len(placed) < 2:
        return " ".join([_undecided(q, claim, placed, other, missing), *_only(beyond)])
    high = claim.way == "high"
    placed.sort(key=lambda pr: values[pr[0].id][0], reverse=high)
    winners = [p for p, _ in placed if values[p.id][0] == values[placed[0][0].id][0]]
    # A tie on the first amount is broken by the next ones, where every tied record states as
    # many ("8 hours of playback, 28 in total with the case"); a record saying more is not more.
    depth = min(len(values[p.id]) for p in winners)
    if len(winners) > 1 and depth > 1:
        tied = {p.id for p in winners}
        ranked = sorted(winners, key=lambda p: values[p.id][:depth], reverse=high)
        winners = [p for p in ranked if values[p.id][:depth] == values[ranked[0].id][:depth]]
        order = {p.id: i for i, p in enumerate(ranked)}
        placed.sort(key=lambda pr: (pr[0].id not in tied, order.get(pr[0].id, 0)))
    two = len(products) == 2
    if len(winners) == len(placed):
        lead = f"The records don't set them apart on {q.name}: {_each(placed)}."
    elif len(winners) > 1:
        verb = (q.more if len(winners) == 2 and two else q.most)[claim.way]
        lead = f"{_names(winners)} {_plural(verb)} ({_said(placed[0][1])}); against {_each(placed[len(winners) :])}."
    else:
        verb = (q.more if two else q.most)[claim.way]
        lead = f"The {winners[0].title} {verb}: {_said(placed[0][1])}, against {_each(placed[1:])}."
    return " ".join([lead, *_only(beyond), *_left_out(q, other, missing, placed[0][1])])


def _only(beyond: list[tuple[Product, Reading]]) -> list[str]:
    """What one or a few state more precisely than the others ("IPX5" beside "sweat-resistant")."""
    if not beyond:
        return []
    kinds = sorted({measures.kind_name(r) for _, r in beyond})
    listing = _listings([p for p, _ in beyond])
    said = _said(beyond[0][1]) if len(beyond) == 1 else _each(beyond)
    return [
        f"Only {listing[0].lower() + listing[1:]} {'states' if len(beyond) == 1 else 'state'} {' or '.join(kinds)}: {said}."
    ]


def _undecided(q: measures.Quantity, claim: Claim, placed: list, other: list, missing: list[Product]) -> str:
    question = f"which {(q.more if len(placed) + len(other) + len(missing) == 2 else q.most)[claim.way]}"
    stated = placed + other
    if not stated:
        return f"The records can't say {question}: none of the listings states {q.name}."
    kinds = {measures.kind_name(r) for _, r in stated}
    if len(stated) >= 2 and len(kinds) > 1:
        why = f"they state different things that don't compare ({' and '.join(sorted(kinds))}): {_each(stated)}"
    else:
        ((p, r),) = stated
        why = f"only {_listings([p])[0].lower() + _listings([p])[1:]} states {q.name} ({_said(r)})"
    out = [f"The records can't say {question}: {why}."]
    if missing:
        out.append(f"{_listings(missing)} {'doesn' if len(missing) == 1 else 'don'}'t.")
    return " ".join(out)


def _left_out(q: measures.Quantity, other: list, missing: list[Product], placed: Reading) -> list[str]:
    out = []
    if other:
        kind = measures.kind_name(placed)
        out.append(f"Not comparable with {kind}: {_each(other)}.")  # a length where volumes are compared
    if missing:
        out.append(f"{_listings(missing)} {'doesn' if len(missing) == 1 else 'don'}'t state {q.name}.")
    return out


def _said(r: Reading) -> str:
    return f"“{r.said[:1].upper() + r.said[1:]}”" if r.aspect is None else r.said


def _each(pairs: list[tuple[Product, Reading]]) -> str:
    return "; ".join(f"{_said(r)} for the {p.title}" for p, r in pairs)


def _names(products: list[Product]) -> str:
    titles = [f"the {p.title}" for p in products]
    text = ", ".join(titles[:-1]) + f" and {titles[-1]}" if len(titles) > 1 else titles[0]
    return text[:1].upper() + text[1:]


def _listings(products: list[Product]) -> str:
    """ "The Aero Wireless Earbuds' listing", "The listings of the X and the Y"."""
    if len(products) == 1:
        title = products[0].title
        return f"The {title}{APOSTROPHE if title.endswith('s') else APOSTROPHE + 's'} listing"
    return f"The listings of {_names(products)[0].lower() + _names(products)[1:]}"


def _plural(verb: str) -> str:
    """ "is the lightest" -> "are the lightest", "lasts longer" -> "last longer": said of several."""
    head, _, rest = verb.partition(" ")
    head = {"is": "are", "runs": "run", "lasts": "last"}.get(head, head)
    return f"{head} {rest}".strip()
