"""A question asked yes or no ("can I collect it myself?", "do you refund the difference if the
price drops?") is settled by a clause that speaks of the asked case, its own subject, and by no
other.

The asked case is the thing the asking part turns on, the head of its focus phrase
(`policy_focus.focus_phrases`: "the difference", "a paper return label", "my order"). A clause
about the same topic that does not name it ("you can return it within 30 days ... for a refund"
for the price drop, the tracking link for a collection) says nothing of the case: the policies
are silent, and the reader says so rather than quote the neighbour as if it answered. So among the
clauses about the question (as close as the closest less the values' margin, policy_values.yaml),
one must name the focus of every asking part that has one; when none does, not covered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from assistant.policy_focus import SENTENCE, YES_NO, asking_parts, focus_phrases
from assistant.policy_parts import OPENS_ASK, parts
from assistant.policy_values import near_margin, value_first
from assistant.policy_words import content_stems, found_in

T = TypeVar("T")
INTERROGATIVES = r"(?:what|what's|whats|how|when|where|which|why|who|whether)"
CONJUNCTION = re.compile(r"^\W*(?:and|but|also|plus|or)\s+", re.I)
EMBEDDED = re.compile(rf"^{INTERROGATIVES}$", re.I)
ALTERNATIVE = re.compile(rf"\bor\s+(?:{INTERROGATIVES}|{YES_NO.pattern.lstrip('^')})", re.I)


def asked_cases(question: str) -> list[list[str]]:
    """For each asking part of a question asked yes or no, the words of its focus phrases; [] when
    any part asks for a value, offers alternatives or names no thing (the case is then the
    situation told), and for a question of two parts (each is answered on its own, policy_parts)."""
    if parts(question) or _unmarked_ask(question):
        return []
    cases: list[list[str]] = []
    for part in asking_parts(question):
        # "would you tell me, or would I find out on the news?", "... or what's the process?":
        # a question that offers another question asks which, not whether
        if not YES_NO.match(part.strip()) or ALTERNATIVE.search(part):
            return []
        words = part.split()
        # "is there anywhere I can see where my package is?": a clause opened by an interrogative
        # inside the question tells what is sought, the thing asked about stands before it
        cut = next((k for k, w in enumerate(words) if k > 0 and EMBEDDED.match(w)), len(words))
        own = " ".join(words[:cut])
        heads = [w for p in focus_phrases(own) for w in p]
        if not heads:
            return []
        # a phrase headed by a product kind's word is no focus (it is the shopper's item), but the
        # same word may say the case too ("pay for the new size with a different card"): a clause
        # that names it speaks of the case
        heads += [w for p in focus_phrases(own, kinds=True) for w in p]
        cases.append(heads)
    return cases


def _unmarked_ask(question: str) -> bool:
    """Whether a sentence after one that ends in "?" asks again without a mark of its own ("...
    improve the site? and can any of that be traced back to me"): a second part."""
    sentences = [s.strip() for s in SENTENCE.split(question.strip()) if s.strip()]
    if not any(s.endswith("?") for s in sentences):
        return False
    return any(not s.endswith("?") and OPENS_ASK.match(CONJUNCTION.sub("", s)) for s in sentences)


def _names(head: str, words: set[str]) -> bool:
    stems = content_stems(head)
    return not stems or any(found_in(s, words) for s in stems)


def speaks_of_case(
    question: str,
    ranked: Sequence[T],
    near: Callable[[T], float],
    words: Callable[[T], set[str]],
    margin: float,
) -> bool:
    """Whether a clause about the question (`near`: its closeness, `words`: its content stems with
    its heading's) names the case each yes/no asking part turns on; True for other questions."""
    cases = asked_cases(question)
    if not cases or not ranked:
        return True
    closest = max(near(r) for r in ranked)
    about = [words(r) for i, r in enumerate(ranked) if i == 0 or near(r) >= closest - margin]
    return all(any(_names(h, w) for h in heads for w in about) for heads in cases)


def settled_first(
    question: str,
    ranked: Sequence[T],
    near: Callable[[T], float],
    text: Callable[[T], str],
    words: Callable[[T], set[str]],
    told: Callable[[T], bool] = lambda _: False,
) -> list[T] | None:
    """`ranked` as `policy_values.value_first` orders it for a question for a value; None when no
    near clause states the value asked, or names the case of a question asked yes or no."""
    valued = value_first(question, ranked, near, text, told)
    if valued is None or not speaks_of_case(question, valued, near, words, near_margin()):
        return None
    return valued
