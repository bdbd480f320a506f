"""Words of a story that say which of the asked kind fits: "he just started running, what shoes
do you have" ranks running shoes first, though the story itself is left out of the ranking text
(`audience.without_stories`: its people and verbs are no product's words).

A story word counts only where the shop names the asked kind with it in front ("running shoes",
"trail running shoes"): the catalog decides, not a word list, and it only ranks, never filters
(the shopper did not ask for running shoes, the story suggests them)."""

from __future__ import annotations

from assistant.catalog import CatalogIndex
from common.text import STOPWORDS, singular, terms, tokenize


def story_modifiers(catalog: CatalogIndex, message: str, ranked: str, kinds: list[str]) -> list[str]:
    """The words of the message, outside the ranking text, that the shop puts before one of the
    asked kinds in a product type of its own ("running" + "shoe")."""
    kept = set(terms(ranked))
    out: list[str] = []
    for word in tokenize(message):
        form = singular(word)
        if form in kept or word in STOPWORDS or len(word) < 4 or word in out:
            continue
        if any(len(catalog.phrase_rows([form, *terms(kind)])) for kind in kinds):
            out.append(word)
    return out
