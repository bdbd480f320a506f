"""The parts of a question that asks two things ("can it still go back, and who pays the
postage?", "1) can I return it 2) is it free?"): each part is answered from its own clause.

The whole question's closest clause answers the part that weighs most in it; the other part's
answer is often in another section ("Items we cannot take back" for the first, "How to return an
item" for the fee). The answers are read in the order asked, the first part's clause first: the
whole question's closest clause often answers a later part ("is what I type sent to an outside AI
company, and how long do you keep it?" led with the 30 days chat logs are kept), and a reader
looks for the first answer first. A part is told by where a question starts: a sentence that ends
in "?", a numbered item ("1)", "2."), or a conjunction ("and", "or") directly followed by an
interrogative or auxiliary that opens a question ("... and what do you need from me?"). The words that open a
question are a closed class; a story sentence ("it arrived cracked.") asks nothing and is no part,
but the part after it is read with it too ("My card is from a UK bank. Will I be charged in
pounds?" alone reads closest to "When you are charged", with the story to "Currency and prices").
"""

from __future__ import annotations

import re
from collections.abc import Callable

# An interrogative or an auxiliary opening a question (a closed class): "what", "can", "do" ...
ASK_WORD = r"(?:what|how|when|where|which|why|who|can|could|may|will|would|should|is|are|am|do|does|did)\b"
# "1) can it go back", "2. who pays": a numbered part
NUMBERED = re.compile(r"(?:^|\s)\(?\d[.)]\s+")
# ", and what ...", "and roughly what ...": "and" (or "plus", "also"), at most one adverb (an -ly
# word), then a word that opens a question. Not "or": "can I return it, or is it too late?" asks
# one thing two ways.
JOINED = re.compile(rf"\s*,?\s+(?:and|also|plus)\s+(?=(?:\w+ly\s+)?{ASK_WORD})", re.I)
TRAILING = re.compile(r"[\s,;-]+(?:and|or)?[\s,;-]*$", re.I)  # "can it still go back and" 2) ...
SENTENCE = re.compile(r"(?<=[.!?])\s+")
# A sentence that opens with a conjunction and an adverb before its question word asks too ("And
# separately, how would I get a copy ...": AH PolT-19 read as one question, its second part lost).
OPENS_ASK = re.compile(rf"^\W*(?:(?:and|but|also|plus)\s+)?(?:\w+ly,?\s+)?{ASK_WORD}", re.I)
MAX_PARTS = 3
MIN_WORDS = 3  # "and why?" says too little to find a clause by itself


def parts(question: str) -> list[str]:
    """The question's asked parts, in order; [] for a question that asks one thing."""
    return [part for part, _ in _told_parts(question)]


def _told_parts(question: str) -> list[tuple[str, str]]:
    """Each part with the story sentences told just before it ("My card is from a UK bank. Will I
    be charged in pounds?"): a part is read with them, as the whole question is."""
    found: list[tuple[str, str]] = []
    story: list[str] = []
    for sentence in SENTENCE.split(question.strip()):
        asks = sentence.rstrip().endswith("?")
        pieces = NUMBERED.split(sentence)
        for n, piece in enumerate(pieces):
            # the words before "1)" lead into the numbered points ("sending a coat to Oslo:")
            point = n > 0
            for part in JOINED.split(piece):
                part = TRAILING.sub("", part).strip()
                # a story sentence asks nothing: only a piece of a sentence that ends in "?" (not
                # a lead-in), one that starts like a question, or one of the shopper's numbered points
                if point or (asks and len(pieces) == 1) or OPENS_ASK.match(part):
                    if len(part.split()) >= MIN_WORDS:
                        found.append((part, " ".join(story)))
                        story = []
                elif not point and not asks:
                    story.append(part)
    return found[:MAX_PARTS] if len(found) > 1 else []


def part_answers(
    question: str,
    whole: list[float],
    similar_to: Callable[[str], list[float]],
    worded: Callable[[str], list[float]],
    floor: float,
    opening: list[bool],
) -> list[int | None]:
    """For each part of a two-part question, the index of the clause that answers it: closest to
    the part in meaning, read with the whole question (a part alone, "what does it cost?", has lost
    its topic: the whole question's similarity `whole` keeps it), plus its own words' share
    (`worded`), as close as a clause that applies must be (`floor`), else None (and None for a
    part whose clause an earlier part's already is). [] for a one-part question."""
    found: list[int | None] = []
    for part, story in _told_parts(question):
        # `opening`: a policy's opening welcomes and sums up; it answers no part of its own
        # the part read with the story told just before it ("My card is from a UK bank. Will I be
        # charged in pounds?") or alone, whichever a clause is closer to
        near = similar_to(part)
        if story:
            near = [max(a, b) for a, b in zip(near, similar_to(f"{story} {part}"), strict=True)]
        words = worded(part)
        score = [
            -1.0 if first else (w + p) / 2 + lexical
            for w, p, lexical, first in zip(whole, near, words, opening, strict=True)
        ]
        best = max(range(len(score)), key=score.__getitem__)
        found.append(best if score[best] >= floor and best not in found else None)
    return found
