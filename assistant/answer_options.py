"""The option a which-question offers that a record states in its own words ("which bulb fitting?
h4 or h7 or what" against a description saying "h4"), answered with that option as written."""

from __future__ import annotations

import re

from assistant.answer_evidence import Answer, Evidence, Verdict, capitalised, is_code, quote_of, record_evidence
from common.schema import Product
from common.text import singular, tokenize

QUOTE_AROUND = 6  # words quoted either side of an option found in a long description


def options_held(product: Product, options: list[list[str]]) -> list[tuple[list[str], Evidence]]:
    """Each option the record states in its own words (every telling word, as written, in one
    field, specification or sentence; the title too), with where it says it. Exact words only:
    "Gujarat" is no "gujarati", and a stem would find one option in the other."""
    if not options:
        return []
    # The description's words too: a run-on clause too long to quote whole is not in the record's
    # sentences ("... make sure h4 bulb type is used in your vehical ..."), so its words around.
    words = tokenize(product.description)
    around = [
        Evidence(" ".join(words[max(0, i - QUOTE_AROUND) : i + QUOTE_AROUND + 1]), source="description")
        for i in range(len(words))
    ]
    evidence = [Evidence(product.title, source="description"), *record_evidence(product)]
    held = []
    for option in options:
        said = [e for e in evidence if set(option) <= {singular(w) for w in tokenize(e.text)}]
        said = said or [e for e in around if set(option) <= {singular(w) for w in tokenize(e.text)}]
        if said:
            held.append((option, said[0]))
    return held


def option_answer(held: tuple[list[str], Evidence]) -> Answer:
    option, e = held
    # The option in the record's own writing, each of its words once ("ripstop nylon", "H4")
    written: dict[str, str] = {}
    for m in re.finditer(r"[\w-]+", e.text):
        word = singular(m.group().lower())
        if word in option and word not in written:
            written[word] = m.group().upper() if is_code(word) else m.group()
    value = " ".join(written[w] for w in option if w in written) or option[0]
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {quote_of(e)}"
    return Answer(Verdict.VALUE, f"{capitalised(value)}. {lead}.", [e], value)
