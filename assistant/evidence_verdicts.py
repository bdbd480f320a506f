"""Verdicts from one product's evidence: yes / no from a flag or a value, the value a question
asks for, and the answers read off the product's own fields (colour, audience, material).

Split from `answers.py`, which finds the evidence and chooses among these readers; each reader
here looks at the evidence it is handed and says what it answers, or None.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer_data import knowledge
from assistant.answer_evidence import (
    NEGATION,
    NUMBER,
    Answer,
    Evidence,
    KeyValues,
    Verdict,
    after_negation,
    quote_of,
    same_word,
    says_no,
    says_yes,
    word_covered,
    word_set,
)
from assistant.key_match import (
    FULL,
    key_coverage,
    keys_ruled_out,
)
from assistant.question_reading import (
    Asked,
    about_text,
    echoed_words,
    not_stated_answer,
)
from common.schema import AUDIENCE_MATCHES, Product
from common.text import (
    AUDIENCE_WORDS,
    COLOURS,
    MATERIALS,
    normalise_colour,
    singular,
    terms,
    tokenize,
)

MATERIAL_KEY = re.compile(r"material|fabric", re.I)


def own_measure(asked: Asked, e: Evidence) -> bool:
    """A description sentence stating the product's own measure of a key word the question rules
    out ("dimensions WEIGHT 40 KG height ..." for "the max weight it can take?", `not_keys`): the
    product's weight is no load it takes (held-out set AC, AC-p18, was answered "40 kg")."""
    ruled = keys_ruled_out(asked)
    if e.source != "description" or not ruled:
        return False
    return any(re.search(rf"\b{re.escape(w)}\W{{0,3}}\d", e.text, re.I) for w in ruled)


def keyed_yes_no(asked: Asked, e: Evidence, values: KeyValues) -> Answer:
    """Yes or no from the specification the question asks about: its flag ("Child Lock: Yes"),
    a value of nothing ("armrest: none"), another value the catalog gives that key than the one
    asked ("is it silicone?" against "Material: Plastic"), or else the feature is there
    ("does it have armrests?" against "armrest: adjustable")."""
    value = e.value or ""
    lead = f"The listing gives {e.text}"
    if says_no(value):
        return Answer(Verdict.NO, f"No. {lead}.", [e], value)
    if says_yes(value):
        return Answer(Verdict.YES, f"Yes. {lead}.", [e], value)
    if (other := _other_number(asked, e)) is not None:  # "I'm a size 10" against "size: 9"
        return Answer(Verdict.NO, f"No. {lead}, not {other}.", [e], value)
    if _worn_number(asked, e):  # "my son wears a size 9" against "size: 9"
        return Answer(Verdict.YES, f"Yes. {lead}.", [e], value)
    if (chosen := _alternative_chosen(asked, e)) is not None:  # "bagless?" against "bagged/bagless: bagless"
        return Answer(Verdict.YES if chosen else Verdict.NO, f"{'Yes' if chosen else 'No'}. {lead}.", [e], value)
    key_words = word_set(e.key or "")
    rest = [w for w in asked.words if not word_covered(w, key_words)]
    said = word_set(value)
    if any(word_covered(w, said) for w in rest):
        return yes_no(replace(asked, words=[w for w in rest if word_covered(w, said)]), e)
    known = values.get((e.key or "").lower(), set())
    # What the box holds ("Sales Package: 6 Cups") is no feature with values to choose from: the
    # words other boxes hold ("kitchen", "inside") asked of this one are no other value of it.
    identity = (e.key or "").lower() in knowledge().identity_keys
    if not identity and any(w in known and w not in said for w in rest):  # another value of this key was asked
        return Answer(Verdict.NO, f"No. {lead}.", [e], value)
    # A material key ("Insole Material: Alpin", "Fabric: Georgette") says what a part is made of,
    # never whether it has, does or suits what was asked.
    # The key said in the shopper's words: "the right SIZE for me?" reaches "Height: 55 mm" by a
    # synonym, and a height is no yes to a size asked.
    named = [w for w in terms((e.key or "").replace("-", " ")) if w not in knowledge().generic_keys]
    literal = all(any(same_word(a, w) for a in asked.words) for w in named) or bool(set(asked.words) & said)
    if literal and key_coverage(asked, e.key or "", values) >= FULL and not MATERIAL_KEY.search(e.key or ""):
        return Answer(Verdict.YES, f"Yes. {lead}.", [e], value)
    # Part of the key said ("take the INSOLE out" against "Insole Material"): what it says, no verdict.
    more = f"nothing more about {echo}" if (echo := echoed_words(asked)) else "nothing more"
    return Answer(Verdict.JUDGEMENT, f"{lead}; it says {more}.", [e], value)


def _alternative_chosen(asked: Asked, e: Evidence) -> bool | None:
    """A key that names its own alternatives ("bagged/bagless") answers the one asked: yes where
    the value is it, no where the value is another. Asked word and value are both key words, so
    the value's words were never read as an answer (AD-p34 "is it bagless?" read "doesn't say")."""
    key = e.key or ""
    if "/" not in key:
        return None
    options = [word_set(part) for part in key.split("/")]
    said = word_set(e.value or "")
    asked_options = [o for o in options if any(word_covered(w, o) for w in asked.words)]
    if len(asked_options) != 1 or not any(o <= said or said <= o for o in options):
        return None
    option = asked_options[0]
    return bool(option & said) or any(same_word(a, b) for a in option for b in said)


def yes_no(asked: Asked, e: Evidence) -> Answer:
    """Yes or no from evidence that covers every asked word."""
    said = e.value if e.value is not None else e.text
    said_words = word_set(said)
    opposites = {o for w in asked.words for o in knowledge().opposites.get(w, ())}
    lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {quote_of(e)}"
    if said_words & opposites or _negated(asked, e.text) or says_no(said):
        return Answer(Verdict.NO, f"No. {lead}.", [e], e.value)
    if (other := _other_number(asked, e)) is not None:
        return Answer(Verdict.NO, f"No. {lead}, not {other}.", [e], e.value)
    if asked.numbers and not set(asked.numbers) & set(NUMBER.findall(e.text)):
        stated = " or ".join(asked.numbers)
        return Answer(Verdict.JUDGEMENT, f"{lead}; it doesn't say anything about {stated}.", [e], e.value)
    return Answer(Verdict.YES, f"Yes. {lead}.", [e], e.value)


def _other_number(asked: Asked, e: Evidence) -> str | None:
    """A number the shopper says right after the key's name ("I'm a SIZE 10") where the record
    gives that key another bare number ("size: 9"): another value of the same attribute, a no
    (set O answered "Yes" from the asking sentence alone)."""
    if not e.key or not e.value or not NUMBER.fullmatch(e.value.strip()):
        return None
    key = set(word_set(e.key))
    said = asked.said
    for w, nxt in zip(said, said[1:], strict=False):
        if w in key and nxt in asked.numbers and float(nxt) != float(e.value.strip()):
            return nxt
    # "I'm a 9", "husband wears a 10": the size the person is or wears, said without the key's
    # name, against a size key (sets M, U answered "says nothing more about fit").
    worn = knowledge().worn_size
    if worn and worn[0] in key:
        for cue, article, nxt in zip(said, said[1:], said[2:], strict=False):
            if cue in worn[1] and article == "a" and nxt in asked.numbers and float(nxt) != float(e.value.strip()):
                return nxt
    return None


def _worn_number(asked: Asked, e: Evidence) -> bool:
    """The size a person wears or is, said by a cue of `worn_size` ("my son WEARS a size 9", "I'm
    a 9"), the same bare number the record gives the size key ("size: 9"): the other way round
    from `_other_number`, a yes (set AG, AG-p50, read "says nothing more")."""
    worn = knowledge().worn_size
    if not worn or not e.key or not e.value or not NUMBER.fullmatch(e.value.strip()):
        return False
    if worn[0] not in word_set(e.key):
        return False
    said = asked.said
    for i, w in enumerate(said):
        # the number may name the variant too ("... the size 9 shoes"): read from all said
        if not NUMBER.fullmatch(w) or float(w) != float(e.value.strip()):
            continue
        before = said[max(0, i - WORN_REACH) : i]
        if any(c in worn[1] for c in before) and (before[-1:] == ["a"] or before[-1:] == [worn[0]]):
            return True
    return False


WORN_REACH = 3  # words before the number that may hold the cue ("WEARS a size 9")


def other_value(asked: Asked, evidence: list[Evidence], values: KeyValues) -> Answer | None:
    """ "Is it a full zip?" against "zipper: half": a key names part of the question and the
    rest is another value that key takes in the catalog (or an opposite of its value)."""
    for e in evidence:
        if not e.key or e.key.lower() in knowledge().identity_keys:  # what the box holds: no options
            continue
        key_words = word_set(e.key)
        rest = [w for w in asked.words if not word_covered(w, key_words)]
        if not rest or len(rest) == len(asked.words):
            continue
        known = values.get(e.key.lower(), set()) | {o for w in rest for o in knowledge().opposites.get(w, ())}
        if all(word_covered(w, known) for w in rest):
            return Answer(Verdict.NO, f"No. The listing gives {e.text}.", [e], e.value)
        # Amid chatter ("we only have an INDUCTION hob at home. would it WORK on it?" against
        # "stovetop compatibility: gas"): a value the catalog gives this key, said as written,
        # that this record's value does not have, and nothing asked that its value says.
        said = word_set(e.value or "")
        other = [w for w in rest if w in values.get(e.key.lower(), set()) and w not in said]
        if other and not any(word_covered(w, said) for w in rest):
            return Answer(Verdict.NO, f"No. The listing gives {e.text}.", [e], e.value)
    return None


def other_modifier(asked: Asked, e: Evidence, values: KeyValues) -> Answer | None:
    """No when the word right before the matched word of the question (its modifier) is another
    value the catalog gives this key, one this record's value does not say: "a FULL face one"
    against "Type: Open Face" (other helmets: "Full Face"), "a HALF zip" against "Zipper: Full".
    A word after it is the shopper's story, not a modifier ("waterproof? BABY wets the bed"
    against "Type: Waterproof", where other records' types say "baby": dev sets A, C)."""
    said = word_set(e.value or "")
    known = values.get((e.key or "").lower(), set())
    words = asked.words
    for i, w in enumerate(words):
        if not word_covered(w, said):
            continue
        before = words[i - 1] if i else ""
        if before in known and not word_covered(before, said) and before not in asked.named:
            return Answer(Verdict.NO, f"No. The listing gives {e.text}.", [e], e.value)
    return None


def _negated(asked: Asked, text: str) -> bool:
    """A negation within three words before an asked word ("not dishwasher safe", "no hood")."""
    # A word the question negates too is what was asked: "is it non-slip?" against "a non-slip mat".
    wanted = set(asked.words) - asked.negated
    # in any of its forms: "Do Not Wash" forbids the "washing" machine asked about (set J: yes)
    return any(same_word(singular(w), a) for w in after_negation(tokenize(text.replace("'", ""))) for a in wanted)


def attribute_answer(product: Product, asked: Asked) -> Answer | None:
    """ "is it black?", "is this for kids?", "is it cotton?": a word of a field's vocabulary,
    answered from that field (a field the record leaves empty is not stated)."""
    if not asked.yes_no:
        return None
    words = set(asked.words)
    colours = {normalise_colour(w) for w in words if w in COLOURS}
    audience = {a for w in words for a in AUDIENCE_WORDS.get(w, AUDIENCE_WORDS.get(w + "s", []))}
    materials = words & set(MATERIALS)
    material_text = ", ".join(
        dict.fromkeys([product.material or ""] + [v for k, v in product.attributes.items() if MATERIAL_KEY.search(k)])
    ).strip(", ")
    # a colour the record has says which one it is ("the boots in blue, a gift for my husband")
    shown = {w for w in words if w in COLOURS and normalise_colour(w) in set(product.colours)}
    if asked.audience and product.audience and not words - asked.person - audience - shown - knowledge().fit_words:
        # "is it good for kids?", "would it suit a child?": who it is for is all that is asked,
        # where the record says who it is for (else an age range or a size may answer it)
        audience |= AUDIENCE_MATCHES.get(asked.audience, {asked.audience})
        words = audience
    checks = [
        ("colour", colours, set(product.colours), ", ".join(product.colours)),
        ("for", audience, set(product.audience), ", ".join(product.audience)),
        ("material", materials, word_set(material_text), material_text),
    ]
    opposites = {o for w in words for o in knowledge().opposites.get(w, ())}
    for key, wanted, has, shown in checks:
        if not wanted:
            continue
        others = words - wanted - set(knowledge().opposites)
        if others:  # "is the black strap leather?": the colour is not the question
            continue
        if not has:
            return not_stated_answer(asked, about_text(asked))
        evidence = Evidence(f"{key}: {shown}", key, shown, "field")
        if wanted & has and not has & opposites:
            return Answer(Verdict.YES, f"Yes. The listing gives {key}: {shown}.", [evidence], shown)
        return Answer(Verdict.NO, f"No. The listing gives {key}: {shown}.", [evidence], shown)
    return None


def _said(words: list[str], entries: frozenset[str]) -> bool:
    """Whether the question says one of a fact's entries: a word, or a phrase of consecutive
    words ("hand wash": a watch's "hands" are no hand washing)."""
    for entry in entries:
        phrase = entry.split()
        if any(words[i : i + len(phrase)] == phrase for i in range(len(words) - len(phrase) + 1)):
            return True
    return False


def fact_answer(asked: Asked, evidence: list[Evidence]) -> Answer | None:
    """Evidence carrying a known fact the question is about (IPX5, asked "waterproof?")."""
    if not asked.yes_no:  # "how deep is it water resistant to?" asks for the value itself
        return None
    words = set(asked.words)
    for fact in knowledge().facts:
        yes, no = _said(asked.words, fact.yes), _said(asked.words, fact.no)
        if not (words & fact.topic or yes or no):
            continue
        for e in evidence:
            if not fact.pattern.search(e.text) or says_no(e.value or "") or NEGATION.search(e.text):
                continue
            if words <= word_set(e.text):  # the record says it in the shopper's own words: no inference
                continue
            if not (yes or no) and _flag_said(asked, e):  # "is it water resistant?": "Water Resistant: Yes"
                continue
            if no:
                verdict = Verdict.NO
            elif yes:
                verdict = Verdict.YES
            else:
                verdict = Verdict(fact.plain)
            lead = {Verdict.YES: "Yes", Verdict.NO: "No", Verdict.PARTLY: "Partly"}[verdict]
            text = f"{lead}. The listing says: {quote_of(e)}. That means {fact.means}."
            return Answer(verdict, text, [e], consequence=fact.means)
    return None


def _flag_said(asked: Asked, e: Evidence) -> bool:
    """A yes flag whose key the question says whole, amid any chatter: the record answers the
    question as asked, and a fact about the words would only weaken it to "partly"."""
    key = terms((e.key or "").replace("-", " "))
    return bool(key) and says_yes(e.value or "") and all(any(same_word(a, w) for a in asked.words) for w in key)
