"""What a follow-up names without wishing for it: the words it refuses ("not disney", "maybe not
black"), and those of a clause that tells a story ("she gets rashes from synthetic stuff") or says
what someone already has ("he already has a black dial fastrack"), less any word a clause of the
shopper's own also asks for ("so dove only").

Each reader of a follow-up (the one-message parse, the fit, the count, the sub-kind modifiers,
the words appended to the ranking text) looks at the raw message on its own, and each turned such
a word into a wish: held-out set AC read "not disney, she's over the cartoon phase" as a disney
must-have beside the refused brand, "cotton only, she gets rashes from synthetic stuff" as cotton
and synthetic, and an owned fastrack as a brand filter, so three dialogues ended with no card.
`without_unwished` is the one gate after all of them: a word the turn refuses or tells is never
also a wish (no must-have, brand, colour, preferred or ranking word); the refusals themselves
(`exclude_*`) stay.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.amounts import amount_words
from assistant.audience import clauses, is_story, taken_back
from assistant.problem_values import problem_words
from assistant.said_of_others import refused_words
from assistant.told_colours import colour_clauses
from assistant.type_resolution import _says_owned, _without_moves
from common.text import singular, terms, tokenize


def unwished_words(message: str, refused: list[str]) -> frozenset[str]:
    """The words (singular forms) the message names without wishing for them; `refused`: the
    values the reading already refuses (excluded brands, attributes and colours)."""
    out = set(refused_words(message)) | {w for r in refused for w in terms(r)}
    out |= {w for part in taken_back(message) for w in terms(part)}
    # "synthetic gets too hot here": named as the problem; "richer than printed": the standard
    # a wish is measured against (held-out set AF d19 ranked synthetic and filtered on printed)
    out |= set(terms(" ".join(problem_words(message)))) | compared_words(message)
    return frozenset(out | told_words(message))


def compared_words(message: str) -> set[str]:
    """The words after "than" in each clause: the standard a wish is compared with ("embroidered
    ones look richer than printed"), never itself a wish. An amount after it ("more than 2
    litres", "less than 1000") is a bound, read elsewhere: nothing is taken from that clause."""
    out: set[str] = set()
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        if "than" not in words:
            continue
        after = words[words.index("than") + 1 :]
        head = after[1:] if after[:1] in (["a"], ["an"]) else after  # "than a thousand"
        if head and not any(ch.isdigit() for ch in head[0]) and head[0] not in amount_words():
            out |= set(terms(" ".join(after)))
    return out


def told_words(message: str) -> frozenset[str]:
    """The words of the clauses that tell a story or what someone has, less those a clause of
    the shopper's own also says."""
    told: set[str] = set()
    asked: set[str] = set()
    # "my lehenga is maroon ..., so a gold one would go": a clause telling of another thing
    # while another clause names the colour asked (`told_colours`)
    of_things = colour_clauses(message).told_words
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        if words and (is_story(words) or _says_owned(_without_moves(words)) or set(words) <= of_things):
            told |= set(terms(clause))
        else:
            asked |= set(terms(clause))
    return frozenset(told - asked)


def _wished(value: str, unwished: frozenset[str]) -> bool:
    said = set(terms(value))
    return not said or not said <= unwished


def without_unwished(message: str, query):
    """The query without the wishes made of words the message refuses or tells (see the module)."""
    c = query.constraints
    unwished = unwished_words(message, [*c.exclude_brands, *c.exclude_attributes, *c.exclude_colours])
    if not unwished:
        return query
    said = c.model_copy(
        update={
            "attributes": [a for a in c.attributes if _wished(a, unwished)],
            "brands": [b for b in c.brands if _wished(b, unwished)],
            "colours": [x for x in c.colours if _wished(x, unwished)],
            "prefer": [p for p in c.prefer if _wished(p, unwished)],
        }
    )
    # The ranking text loses the told words only: a refusal's words stay beside their negation,
    # which the dialogue reads ("not a plain one, want some stones on it").
    told = told_words(message)
    text = " ".join(w for w in query.text.split() if _wished(w, told) or not terms(w))
    return replace(query, constraints=said, text=text, unwished=unwished)


def is_unwished(word: str, unwished: frozenset[str]) -> bool:
    """A ranking word the turn refused or told (the dialogue's preferred words skip it)."""
    return bool(unwished) and singular(word.lower().strip(".,!?'")) in unwished
