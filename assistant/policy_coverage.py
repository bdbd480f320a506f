"""Whether a clause states what the question asks: every content word of an asking clause, the
thing or condition asked, found in the clause or its heading in any form.

The clause closest in meaning may still be far by the embedder's measure when the shopper tells a
situation around the question ("my basket is only forty dollars, a baby bath tub and some wipes -
can i still split it into 4 payments?": cosine 0.29 to "Pay in 4: split orders between $50 and
$1,000 into four interest-free payments"); the story's words pull the question's vector away from
the rule. What is asked is in the asking clause alone: when the clause states all of it (two words
or more: one word, "can I return it?", is named by every clause of a policy), it speaks to the
question, whatever the closeness of the whole message (`assistant/policy_answer.py`).

A clause speaks to the question too when it is the only clause of all the policies that uses a
word of an asking clause ("does this chat go off to ChatGPT or some other AI company?": "AI" is
said by one clause, "your messages are not sent to outside AI providers"): the shopper's other
words ("ChatGPT", "company") are no case the policies miss but the asker's own names for it.
Measured on AC, AD and the dev files (132 questions) before it was wired in: a word of one clause
only, stated by the top clause, came in 16 questions, all covered (PolP-10 the one answered "not
covered"), and in none of the 20 not-covered ones.
"""

from __future__ import annotations

from assistant.message_patterns import FUNCTION_WORDS
from assistant.policy_focus import asking_parts, own_words
from assistant.policy_parts import parts
from assistant.policy_words import INITIALISM, content_stems, found_in
from assistant.vocabulary import type_words
from common.text import STOPWORDS, singular

MIN_ASKED = 2  # an asking clause of one content word names what a whole policy is about


def asked_words(question: str) -> list[set[str]]:
    """For each asking clause of the question, its content words' stems: not grammar, not the
    kind of product the shopper has ("the lamp": the situation)."""
    out = []
    for part in (a for whole in parts(question) or [question] for a in asking_parts(whole)):
        words = [w for w in own_words(part) if w not in FUNCTION_WORDS and w not in STOPWORDS]
        # an initialism ("AI", "UK") is a content word: as written, before the part is lowered
        said = {w.lower() for w in INITIALISM.findall(part)}
        out.append(content_stems(" ".join(w for w in words if singular(w) not in type_words())) | said)
    return out


def states_asked(question: str, clause: set[str]) -> bool:
    """Whether the clause (its content stems with its heading's) names every content word of an
    asking clause of the question, two or more."""
    return any(len(asked) >= MIN_ASKED and all(found_in(w, clause) for w in asked) for asked in asked_words(question))


def singled_out(question: str, clause: set[str], texts: list[set[str]]) -> bool:
    """Whether an asking clause of the question uses a word that the clause (its content stems
    with its heading's) states and no other clause of the policies (`texts`) does."""
    return any(
        found_in(w, clause) and sum(found_in(w, t) for t in texts) == 1
        for asked in asked_words(question)
        for w in asked
    )
