"""The shopping branch of a turn: a request or a refinement of the active one is applied to the
session's request (`assistant.dialogue`), searched filter-first, and answered: the cards first,
then what the records say about them, then the model's grounded sentences.

Functions over the `Assistant` (its engine, writer and grounding): `core.respond` picks this
branch for a search or a refinement, `core.remove_from_request` runs `search_request` for a chip.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from assistant import alternatives as alternatives_
from assistant import dialogue
from assistant import unchecked_attributes as unchecked_
from assistant.generation import Generation
from assistant.intent import Intent
from assistant.interpret import Interpretation
from assistant.reply import Event, EventKind, ProductCard, Suggestion
from assistant.search import SearchResult
from assistant.session import Session
from assistant.suggest import category_options, relaxations, suggest
from assistant.turn import Branch, Outcome, Timings
from assistant.understand import Query
from assistant.wording import (
    CLARIFY_REPLY,
    alternatives_text,
    changes_lead,
    clarify_text,
    content_words,
    fallback_text,
    intro_text,
    is_vague,
    next_step_text,
    no_match_text,
    showing_results_for,
)

if TYPE_CHECKING:  # the Assistant calls in here; only its type is needed
    from assistant.core import Assistant

SHOW = 5  # product cards per reply
TASK_RECOMMEND = "In two or three sentences, recommend the best of these for the shopper and say why."


def shop(a: Assistant, session: Session, message: str, meant: Interpretation, timings: Timings) -> Branch:
    """A request or a refinement of the active one: update the request, then search."""
    # "cheaper" / "more premium" move from the shown products that fit the request: the
    # closest alternatives shown after an empty result each break it (some on price), and
    # moving from their prices could loosen the bound instead of tightening it.
    shown = a.shown_products(session)
    if meant.anchor:  # "anything cheaper than the first one?": measured from that card alone
        shown = [shown[i - 1] for i in meant.anchor if i <= len(shown)]
    shown_prices = [
        p.price for p in shown if p.price is not None and not a.engine.catalog.failures(session.constraints, p)
    ]
    if meant.anchor and not shown_prices:
        shown_prices = [p.price for p in shown if p.price is not None]
    shown_ratings = [p.rating for p in shown if p.rating]
    query = meant.query
    before = session.request
    for slot in meant.remove:  # "scratch the black", "any brand is fine"
        before = dialogue.remove(before, slot, a.engine.catalog).request
    if meant.refitted:  # "wait no, it's a corolla altis": the device said before is no longer meant
        before = before.model_copy(deep=True)
        before.constraints.attributes = [x for x in before.constraints.attributes if x not in meant.refitted]
    update = dialogue.update(before, query, meant.move, shown_prices, a.engine.catalog, meant.narrows, shown_ratings)
    if (meant.remove or meant.refitted) and session.request.is_active():
        update.changes = dialogue.changes_between(session.request, update.request, a.engine.catalog.currency)
    if not update.request.is_active() or (
        update.new and not content_words(update.request.text) and update.request.constraints.is_empty()
    ):
        session.clear_request()
        yield Event(type=EventKind.TEXT, data=CLARIFY_REPLY)
        return Outcome(Intent.CLARIFY)
    intent = Intent.SEARCH if update.new else meant.intent
    return (yield from search_request(a, session, message, update, intent, timings, query.corrections))


def search_request(
    a: Assistant,
    session: Session,
    message: str,
    update: dialogue.Update,
    intent: Intent,
    timings: Timings,
    corrections: dict[str, str] | None = None,
) -> Branch:
    """Search for the updated request, stream its cards, then the text about them."""
    started = time.perf_counter()
    catalog = a.engine.catalog
    request, changes, more = update.request, update.changes, update.more
    unknown = [b for b in request.constraints.brands if b not in catalog.brand_names]
    search_query = Query(message, request.text or message, request.constraints, corrections or {}, unknown)
    c = request.constraints
    # A request steered to kinds the person is into ("she likes jewellery") names what to show:
    # the cards are those kinds, so no question asks what kind of thing (a demo chat asked it
    # under five jewellery cards, then offered "dogs, chargers & cables" for a mom).
    vague = not c.categories and not c.steer_types and is_vague(search_query.text)
    # A must-have no record of what fits the rest can state ("plastic" on the one 6 seater
    # table cover, which records no material) only ranks: no claim the catalog cannot back.
    result, unstated = unchecked_.eased_search(
        a.engine.retriever, search_query, k=SHOW, mmr=vague or more, exclude_ids=set(session.seen) if more else None
    )
    # "cheap" stays a flag in the request (re-resolved against each new filter set).
    if update.new:
        session.new_request(request)
    else:
        session.update_request(request)
    not_carried, wholly, alternatives = None, False, []
    if not result.hits and not more:
        masks = catalog.constraint_masks(result.constraints)
        not_carried, wholly = alternatives_.not_carried(request, result.constraints, masks, catalog.currency)
        relaxed_query = Query(message, search_query.text, result.constraints)
        alternatives = alternatives_.closest(a.engine.retriever, relaxed_query, request)
    cards = [ProductCard.of(h.product, h.why) for h in result.hits]
    # With nothing matching, the closest products are the cards on screen (the web app shows
    # them in the card panel), so "compare 1 and 2" or "the second one" points at them.
    session.show([c.id for c in cards] or [alt.card.id for alt in alternatives])
    timings.took("retrieve", started)
    yield Event(
        type=EventKind.CONSTRAINTS,
        data={
            "constraints": result.constraints.model_dump(exclude_defaults=True),
            "text": result.constraints.describe(catalog.currency),
            "request": [chip.model_dump() for chip in a.chips(session)],
            "changes": changes,
            "not_carried": not_carried,
        },
    )
    yield Event(type=EventKind.PRODUCTS, data=cards)

    if not result.hits:
        if not_carried:
            text = changes_lead(changes) + alternatives_.sentence(not_carried, wholly)
        else:
            text = no_match_text(result, changes)
        if alternatives:
            text += " " + alternatives_text(alternatives)
        yield Event(type=EventKind.TEXT, data=text)
        return Outcome(
            intent,
            changes=changes,
            empty_reason=result.empty_reason,
            degraded=result.degraded,
            not_carried=not_carried,
            alternatives=alternatives,
            suggestions=relaxations(catalog, result.constraints, [a.product(alt.card.id) for alt in alternatives]),
        )
    suggestions = next_steps(a, result, vague)
    variant = len(session.turns) // 2  # varies the wording from one reply to the next
    if vague:
        options = [s.message for s in suggestions]
        yield Event(type=EventKind.TEXT, data=clarify_text(options, session.constraints.audience) + " ")
    started = time.perf_counter()
    products = [h.product for h in result.hits]
    # What the records say about the picks streams at once; the model's sentences follow and
    # may not repeat it (the shopper has read it), and the next step closes a reply the model
    # added nothing to.
    picks = ""
    if not vague:
        labels = [chip.label for chip in a.chips(session)]
        picks = fallback_text(result, variant)
        lead = showing_results_for(message, corrections or {}) + unchecked_.note(unstated)
        yield Event(type=EventKind.TEXT, data=f"{lead}{intro_text(result, changes, more, labels)} {picks} ")
    grounder = a.grounder_for(products, session, message, counts={len(products), result.candidates}, read=picks)
    run = Generation()
    sentences = a.write_about(products, session, message, TASK_RECOMMEND, grounder, run)
    yield from a.model_text(sentences, session)
    used_fallback = run.failed or run.kept == 0
    next_step = next_step_text([s.label for s in suggestions], variant)
    if used_fallback and next_step and not vague:
        yield Event(type=EventKind.TEXT, data=next_step)
    timings.took("generate", started)
    if run.first_token_at:
        timings.at("first_llm_token", run.first_token_at)
    return Outcome(
        intent,
        products=cards,
        changes=changes,
        suggestions=suggestions,
        run=run,
        grounder=grounder,
        used_fallback=used_fallback,
        degraded=result.degraded,
    )


def next_steps(a: Assistant, result: SearchResult, vague: bool) -> list[Suggestion]:
    """Next steps from the matches; for a vague request, the product types to choose from."""
    catalog = a.engine.catalog
    if vague:
        return [Suggestion(label=o, message=o) for o in category_options(catalog, result.constraints)]
    return suggest(catalog, result.constraints, len(result.hits))
