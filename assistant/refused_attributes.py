"""Attributes a shopper refuses and yes/no specifications a shopper asks for.

A refusal ("not the fabric ones", "no plastic", "nothing embroidered", and the Chinese reader's
"not fabric" for "不要那种布料的") names a material, a value the shop records or a kind the
catalog files products under; the products whose title, category or specifications hold it are
excluded (`Constraints.exclude_attributes`), as a refused colour is. The refusal is read as a
colour refusal is (`assistant.colour_negation`): a cue, at most one word, then the thing refused.

A yes/no specification ("Lens Polarization: No") is asked for by naming it ("polarized"); a
record stating it as "No" then fails (`Constraints.flags`), while a record that does not state it
is not excluded: the shop cannot say it lacks it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.audience import clauses
from assistant.constraints import phrase_in
from assistant.flag_leads import fits_back, flags_by_lead
from assistant.message_patterns import SOFT_WISH, negated_at
from assistant.recorded import RecordedAttributes
from assistant.refusal import CUES
from assistant.steering import steering
from common.text import AUDIENCE_WORDS, COLOURS, MATERIALS, STOPWORDS, terms

_READING = steering()["follow_up_reading"]
# A cue, then at most one word that is not "but"/"only"/"just" ("nothing but leather" wants it).
REFUSAL = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in CUES) + r")\s+((?!(?:but|only|just)\b)\w+(?:\s+\w+){0,3})", re.I
)
_NOT_REFUSED = frozenset(COLOURS) | frozenset(AUDIENCE_WORDS) | STOPWORDS


def refused_attributes(
    text: str, recorded: RecordedAttributes, is_kind: Callable[[list[str]], bool], kind: str | None
) -> list[str]:
    """Materials, recorded values and catalog kinds the text refuses ("no plastic" -> ["plastic"]),
    never a word of the kind asked for (`kind`) nor a colour or an audience (read apart)."""
    own = set(terms(kind or ""))
    # What the message also asks for outside every refusal is wanted, the refusal a condition
    # ("cotton is best, if it's not cotton forget it"): not refused.
    asked = terms(REFUSAL.sub(" ", text.replace("\u2019", "'")).replace("'", ""))
    out: list[str] = []
    for clause in clauses(text.replace("\u2019", "'")):
        if SOFT_WISH.search(clause):
            continue  # "not a must", "not necessary": nothing refused
        for m in REFUSAL.finditer(clause):
            words = terms(m.group(1).replace("'", ""))
            phrase = _refused_phrase(words, recorded, is_kind)
            if phrase and not set(phrase.split()) & own and not phrase_in(phrase.split(), asked) and phrase not in out:
                out.append(phrase)
    return out


def _refused_phrase(words: list[str], recorded: RecordedAttributes, is_kind: Callable[[list[str]], bool]) -> str:
    """The thing refused at the start of `words`, or after one word ("the", "any"): a recorded
    value (longest first), a material, or a kind the catalog files products under."""
    for start in (0, 1):
        rest = words[start:]
        if not rest or rest[0] in _NOT_REFUSED:
            continue
        for n in range(min(3, len(rest)), 0, -1):
            phrase = rest[:n]
            said = " ".join(phrase)
            if said in recorded.phrases:
                return recorded.phrases[said].value
            if n == 1 and (said in MATERIALS or is_kind(phrase)):
                return said
    return ""


def flags_said(
    text: str, recorded: RecordedAttributes, is_kind: Callable[[list[str]], bool], whole: str = ""
) -> list[str]:
    """The yes/no specifications the text asks for, as said ("polarized" for "Lens
    Polarization"), not those said after a negation in their clause ("not polarized") and not
    a kind of product ("scissors" names the kind, not a knife's "Scissors: Yes")."""
    out: list[str] = []
    for clause in clauses(text):
        if SOFT_WISH.search(clause):
            continue  # "polarized would be nice": a wish, not a must-have
        words = terms(clause.replace("'", ""))
        for start, end, _ in recorded.find_flags(words):
            said = " ".join(words[start:end])
            if not negated_at(words, start) and not is_kind(words[start:end]) and said not in out:
                out.append(said)
    # A flag asked by its leads with a word of fitness says what the product must do wherever
    # it stands: a relative clause the request part cuts at its verb ("dosa tawa that works on
    # induction" keeps "dosa tawa that", AG q26) asks it of the kind all the same.
    for clause in clauses(whole or text):
        if SOFT_WISH.search(clause):
            continue
        words = terms(clause.replace("'", ""))
        for start, _, key in flags_by_lead(words, frozenset(recorded.flags.values())):
            if not negated_at(words, start) and key not in out:
                out.append(key)  # "induction-compatible": the key itself ("induction bottom")
    words = terms(whole.replace("'", ""))  # "shifted to an induction stove so it has to work on that"
    if fits_back(words) and not SOFT_WISH.search(whole):
        out += [key for _, _, key in flags_by_lead(words, frozenset(recorded.flags.values())) if key not in out]
    return out
