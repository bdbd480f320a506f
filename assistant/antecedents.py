"""Whether a pronoun in a message may stand for something other than a person.

"my rescue greyhound keeps getting cold ... she's pretty big", "our new cockatiel ... he bites",
"my bike is old, she creaks": the speaker's own thing or animal, named as the subject of a
clause, is what a later "she" or "he" points back to, and it is no human audience. The test is
general, not a list of animals or breeds (a pet shop's shoppers name any breed): a noun phrase
that the speaker possesses ("my", "our") and that holds no word for a person, relation or role
(the audience table's people, audience words and story people) is not a person. Only the
speaker's own possessive counts: "her birthday" is someone's, and "her" is a person. Nor is an
occasion or an amount of the errand ("our anniversary is next week", "my budget is 500"): the
errand's own words (suitability.yaml `errand_words`) and the amount reader's words say so.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import yaml

from common.text import STOPWORDS

DATA = Path(__file__).resolve().parent / "data"
# A possessed noun phrase that starts a clause: at the start of the text or a sentence, after a
# comma, or after a conjunction. "for our anniversary" or "it's my budget" is no subject.
SUBJECT = re.compile(
    r"(?:^|[.,;:!?]\s*|\b(?:and|but|so|because|cause|coz|since)\s+)(?:my|our)\s+"
    r"([a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2})",
    re.IGNORECASE,
)


@cache
def _errand_words() -> frozenset[str]:
    """Words of the shopper's errand and its amounts: a possessed phrase with one is no thing."""
    from assistant.amounts import amount_words  # the amount reader reads the audience table

    data = yaml.safe_load((DATA / "suitability.yaml").read_text(encoding="utf-8"))
    asking = frozenset(json.loads((DATA / "audiences.json").read_text(encoding="utf-8"))["asking_verbs"])
    # "my dog WANTS a coat": a verb of asking after the subject is no errand noun of the phrase
    # and the amount reader's function words ("a", "is", "the") are no nouns of the phrase
    return (frozenset(data["errand_words"]) - asking) | (amount_words() - STOPWORDS)


def non_person_subject(text: str, person_words: frozenset[str]) -> bool:
    """The text makes the speaker's own thing or animal the subject of a clause, with no word
    for a person, an occasion or an amount in its first three words ("my rescue greyhound
    keeps", "our new kitten is"; not "our anniversary is", "my budget is")."""
    for m in SUBJECT.finditer(text):
        if not set(m.group(1).lower().split()) & (person_words | _errand_words()):
            return True
    return False
