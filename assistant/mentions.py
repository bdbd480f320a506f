"""Things named only as someone else's: a brand said in a clause about another person's thing
("her friend got a w.a.y one that looked gorgeous but that's way out of her range", set H) is
theirs, not a filter of the request. Which clauses tell about someone else is the audience
table's reading (`assistant.audience.about_someone_else`)."""

from __future__ import annotations

from assistant.audience import about_someone_else, clauses, recipients
from assistant.constraints import phrase_in
from common.text import tokenize


def only_theirs(phrase: str, text: str) -> bool:
    """Whether every clause of the text that names the phrase tells about someone else; False
    where no clause names it or one that asks does."""
    named = tokenize(phrase.lower())
    whom = recipients(text)
    saying = [words for c in clauses(text) if phrase_in(named, words := tokenize(c.replace("'", " ").lower()))]
    return bool(saying) and all(about_someone_else(words, whom) for words in saying)
