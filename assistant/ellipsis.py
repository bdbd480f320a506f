"""A turn that only points ("and the third?", "what about the loop one?", "same for the black
one") after a question about a card asks that question again, of what it now points at.

People ask about one card and then move along the row without repeating the question; read
alone, "and the third?" asks nothing, and the answer was "the listing doesn't say what you're
asking". A turn only points when, beside words that point (ordinals, "one", "and", "what
about", "same for", a colour) and words of the cards' own titles, it says nothing. The question
carried is the last one the shopper put in words, looking back past earlier turns that only
pointed ("and the third?", then "and the first?").
"""

from __future__ import annotations

import re

from assistant.intent import DETAIL_REQUEST
from assistant.ordinals import ORDINALS
from assistant.question_reading import asks_something, is_question
from assistant.session import Session
from assistant.title_pointers import POINTED_PHRASE
from common.schema import Product
from common.text import COLOURS, STOPWORDS, singular, terms

# Words that point at a card or join a turn to the one before; a closed class.
POINTING_WORDS = (
    frozenset(
        "and or but same for with what whats how about then also too one ones last latter former other "
        "ok okay hmm right so now next again please pls".split()
    )
    | frozenset(ORDINALS)
    | frozenset(COLOURS)
)


def only_points(message: str, cards: list[Product]) -> bool:
    """The message says nothing beside which of these cards it means. A word of a card's title
    points ("and the loop one?", "and the pulsewave?") unless the message already points by
    position and the word stands outside that pointing phrase: in "the second one, is it
    waterproof?" over "Ashdown Waterproof Hiking Boots", "waterproof" is asked, not pointing
    (the demo's "and the third one?" then asked the turn before's "what about boots instead?")."""
    titles = {w for p in cards for w in terms(f"{p.title} {p.brand or ''}")}
    said = [w for w in terms(message) if w not in STOPWORDS and w not in POINTING_WORDS and not w.isdigit()]
    if set(terms(message)) & set(ORDINALS):
        titles &= {w for m in POINTED_PHRASE.finditer(message) for w in terms(m.group(1))}
    return all(w in titles for w in said)


def _without_pointer(question: str, on_screen: list[Product]) -> str:
    """The question with the card it pointed at by title words said as "it" ("is the skillet ok
    in the oven?" -> "is it ok in the oven?"): asked again of another card, "skillet" is no
    part of what is asked."""
    titles = {w for p in on_screen for w in terms(f"{p.title} {p.brand or ''}")}

    def as_it(m: re.Match[str]) -> str:
        words = m.group(1).split()
        named = 0
        while named < len(words) and words[named].lower() not in STOPWORDS and singular(words[named].lower()) in titles:
            named += 1
        return m.group() if not named else " ".join(["it", *words[named:]])

    return POINTED_PHRASE.sub(as_it, question)


def asked_again(message: str, session: Session, on_screen: list[Product]) -> str | None:
    """The earlier question (or request for details: "tell me about the fourth") this
    pointing-only message asks again, or None."""
    if not session.last.about or session.last.compared or not only_points(message, on_screen):
        return None  # the last reply answered no question about a card
    earlier = [t.content for t in session.turns if t.role == "user"]
    for said in reversed(earlier):
        if only_points(said, on_screen):
            continue  # an earlier ellipsis: the question is further back
        asks = is_question(said) or asks_something(said) or DETAIL_REQUEST.search(said)
        return _without_pointer(said, on_screen) if asks else None
    return None
