"""A product named first and asked about after: "stylistry brown boots - waterproof?", "black
1080p action cam, battery lasts how long per charge?", "silver sunglasses: polarized?".

A shopper often says the thing (the topic) in a clause of its own and asks in the next (the
comment), leaving out the subject the comment is about, as "it" would have said it. The opening
clauses up to the first one that asks are the topic when none of them asks, tells a story (the
shopper's own words, a sentence that ends) or opens like a request; the comment then points back at
what they name, the way a pronoun after the name does (`naming.find`'s back references).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.question_reading import is_question
from common.text import tokenize

# A clause ends at a comma, semicolon or colon, a dash set off by spaces, or a run of dots; "?" and
# "!" end a question, and a full stop a sentence: a topic never holds either.
TOPIC_BREAK = re.compile(r"\s*[,;:]\s+|\s+[-–—]+\s+|\s*\.\.+\s*")
SENTENCE_END = re.compile(r"[!?]|\.(?:\s|$)")
SHOPPER_WORDS = frozenset("i im ive id my me mine we our us ours".split())


def comment_start(text: str, tokens: Callable[[str], list[str]]) -> int | None:
    """The position (in `tokens(text)`) where the comment starts, after a topic that names what it
    asks about; None where the message does not open on a topic."""
    clauses = TOPIC_BREAK.split(text.strip())
    said = 0
    for i, clause in enumerate(clauses):
        if is_question(clause):
            # the first clause asks: no topic ("is the X waterproof?"), or a topic before it
            return said if i and said else None
        words = set(tokenize(clause.replace("'", "")))
        if SENTENCE_END.search(clause) or words & SHOPPER_WORDS:
            return None  # "my son oversleeps. has the watch ..." is a story, not a name
        said += len(tokens(clause))
    return None
