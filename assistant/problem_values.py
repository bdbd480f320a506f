"""Values a shopper names as the problem, not as a wish: the subject of a clause that judges it
too much ("anarkali is too much for office", "the heavy ones are way too bulky") or says what
it does to someone ("cables annoy me", "plastic bottles give my water a funny taste"), or what
the person has too much of ("she has too much green already").

Such a value is never a must-have: a follow-up that names it asks for nothing by it, and a value
the request already holds is dropped once the shopper names it so (`assistant.interpret`). The
subject is read from its place in the clause, not from the words: it opens the clause (past
openers and determiners), and right after it stands a judging copula with "too" (the closed
classes `judging_copulas` and `degree_words` that `colour_negation` reads colours by), or a
verb followed by one of the `affected_words` (object pronouns and possessives: "me", "my").
A subject that is a person or a pronoun ("she is too tall", "it gives me a headache") names no
value.
"""

from __future__ import annotations

from assistant.audience import clauses
from assistant.audience import table as audience_table
from assistant.message_patterns import FUNCTION_WORDS
from assistant.said_of_others import refused_words
from assistant.steering import steering
from common.text import STOPWORDS, singular, terms, tokenize

_READING = steering()["follow_up_reading"]
AFFECTED = frozenset(_READING["affected_words"])
# Function words ("white ones IF you have") and prepositions ("shoes LIKE my brother's") are no verb.
NO_VERBS = frozenset(_READING["not_verbs"]) | FUNCTION_WORDS | STOPWORDS
COPULAS = [tuple(c.split()) for c in sorted(_READING["judging_copulas"], key=len, reverse=True)]
DEGREES = [tuple(d.split()) for d in sorted(_READING["degree_words"], key=len, reverse=True)]
OPENERS = frozenset(
    {"oh", "and", "but", "also", "so", "well", "hmm", "ok", "okay", "the", "those", "these", "that", "this", "a", "an"}
)
EXCESS = frozenset({"much", "many"})
SUBJECT_WORDS = 3  # a subject longer than this is no value ("the one my sister got last year")


def problem_words(message: str) -> set[str]:
    """The words of each subject the message names as the problem (see the module docstring)."""
    out: set[str] = set()
    for clause in clauses(message):
        words = tokenize(clause.replace("'", " "))
        start = 0
        while start < len(words) and words[start] in OPENERS:
            start += 1
        for end in range(start + 1, min(start + SUBJECT_WORDS, len(words) - 1) + 1):
            subject = words[start:end]
            if _names_no_value(subject):
                break
            if _judged_too(words, end) or _does_to_someone(words, end):
                out |= set(subject)
                break
        out |= _in_excess(words)
    return out


def _in_excess(words: list[str]) -> set[str]:
    """What the shopper has too much or too many of ("she has too much green already"): the word
    right after "too much" / "too many", when it is no function word."""
    return {
        words[i + 2]
        for i in range(len(words) - 2)
        if words[i] == "too" and words[i + 1] in EXCESS and words[i + 2] not in NO_VERBS
    }


def _names_no_value(subject: list[str]) -> bool:
    """A person, a pronoun or a function word in the subject: not a value of a product."""
    t = audience_table()
    return any(w in STOPWORDS or w in t.people or w in t.pronouns for w in subject)


def _starts_with(words: list[str], at: int, phrases: list[tuple[str, ...]]) -> int:
    """The length of the first phrase standing at `at` (0: none)."""
    return next((len(p) for p in phrases if tuple(words[at : at + len(p)]) == p), 0)


def _judged_too(words: list[str], end: int) -> bool:
    """A judging copula, a degree word maybe, then "too" and a word: "is (a bit) too much"."""
    k = end + _starts_with(words, end, COPULAS)
    if k == end:
        return False
    k += _starts_with(words, k, DEGREES)
    return k + 1 < len(words) and words[k] == "too"


def _does_to_someone(words: list[str], end: int) -> bool:
    """A verb that agrees with the subject, then someone affected: "cables annoy me", "plastic
    gives my water a taste", "the straps hurt his ears"; "shoes like my brother's" has no verb."""
    verb, head = words[end], words[end - 1]
    if not verb.isalpha() or verb in NO_VERBS or verb.endswith("ing"):
        return False
    if end + 1 >= len(words) or words[end + 1] not in AFFECTED:
        return False
    plural_subject = singular(head) != head
    # "cables annoy", "plastic gives": a plural subject takes the bare verb, a singular one the -s form
    return verb.endswith("ed") or verb.endswith("s") != plural_subject


def dropped_values(attributes: list[str], message: str, earlier: tuple[str, ...] = ()) -> list[str]:
    """The request's must-haves the shopper names as the problem, in this message or an earlier
    one ("plastic bottles give my water a funny taste", then "want steel"), or refuses in this one
    ("not the anarkali kind"): they are no longer required."""
    named = set(terms(" ".join(w for m in (*earlier, message) for w in problem_words(m))))
    named |= refused_words(message)
    return [a for a in attributes if set(terms(a)) <= named]


def only_refused(kind: str, asked: str | None, refused: set[str]) -> bool:
    """Every word the named kind adds to the kind asked for is refused or named as the problem
    ("not cricket ones" after gloves, "cables annoy me" after a headset)."""
    added = set(terms(kind)) - set(terms(asked or ""))
    return bool(added) and added <= refused
