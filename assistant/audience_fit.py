"""Whether a product is for the person the shopper asks about: "is it a men's design?" against
"Ideal For: Men, Boys", "my husband wants them, are they made for men?" against "Ideal For:
Women", "for my nephew, he's 5 - a boys thing too?" against "Ideal For: Girl's".

Who is asked about is read as query understanding reads it (`audience.read_audience`: an
audience word, or a person with an age, "husband" -> men, "nephew, he's 5" -> boys), outside
the words of the product's own title ("the women's sweater"). The record's side is any key whose
value is made only of audience words (`common.text.AUDIENCE_WORDS`: "Ideal For", "gender"), so
no key name is listed. Only a question about the person is answered: its asking clause says an
audience word, or a person together with a word that asks whether it suits (`cue_words` in
data/suitability.yaml); "is it waterproof? it's for my husband" asks no audience. An asking
clause that says only a word of suiting ("for my newborn son, is the romper suitable?") asks it
of the person said before it.
"""

from __future__ import annotations

import re

from assistant import fit
from assistant.answer_data import knowledge
from assistant.audience import read_audience, table
from common.schema import Product
from common.text import AUDIENCE_WORDS, STOPWORDS, tokenize

# The sentence that asks: the last one with a question mark, else the whole message.
ASKING = re.compile(r"[^.!?\n]*\?")
CLAUSE = re.compile(r"[,;]|\s[-–—]+\s")


def record_audiences(product: Product) -> tuple[str, str, frozenset[str]] | None:
    """(key, value, audiences) of the first key whose value says only audiences ("Men, Boys")."""
    for key, value in product.attributes.items():
        words = [w for w in tokenize(value.replace("'", "")) if w != "s"]
        if words and all(w in AUDIENCE_WORDS for w in words):
            return key, value, frozenset(a for w in words for a in AUDIENCE_WORDS[w])
    return None


def _asking_clause(question: str) -> str:
    """The clause that asks: the last of the last sentence with a question mark ("can my kid wear
    it while washing hands, IS IT WATER RESISTANT?" asks no audience, though it names a kid)."""
    asked = ASKING.findall(question)
    return CLAUSE.split(asked[-1] if asked else question)[-1]


def _words(text: str) -> list[str]:
    return tokenize(text.lower().replace("'", " ").replace("’", " "))


def _names_product(words: list[str], i: int, own: set[str]) -> bool:
    """Whether the audience word at i is part of the product's name: a word of its title ("the
    WOMEN's sweater"), or said right before a word of its title or category ("is the roadster
    MEN's jacket waterproof?", where the title says no "men")."""
    after = [w for w in words[i + 1 : i + 3] if w != "s"][:1]
    return words[i] in own or bool(after and after[0] in own)


def _asks_only_fit(asking: list[str], own: set[str], cues: frozenset[str]) -> bool:
    """Whether the asking clause says nothing but a word of suiting, the product's own words and
    function words ("is the babyhug romper suitable?"): it asks no feature of its own."""
    rest = set(asking) - own - cues - STOPWORDS - knowledge().filler
    return bool(cues & set(asking)) and not rest


def asked_audiences(question: str, own: set[str], cues: frozenset[str]) -> frozenset[str]:
    """The audiences the question asks the product to be for; empty where it asks none. `own`:
    the words of the product's title, brand and category, which name it and ask nothing."""
    t = table()
    asking = _words(_asking_clause(question))
    # an audience word that is no person ("men", "boys"; "kid" is a person, asked about only
    # with a word of suiting)
    said = any(w in t.words and w not in t.people and not _names_product(asking, i, own) for i, w in enumerate(asking))
    person = any(w in t.people or w in t.pronouns for w in asking)
    if not person and _asks_only_fit(asking, own, cues):
        # "for my newborn son, is the babyhug romper suitable?": a clause that asks only whether
        # it suits asks it of the person the message names before it
        person = any(w in t.people for w in _words(question))
    if not said and not (person and cues & set(asking)):
        return frozenset()
    # The product's own audience words ("the WOMEN's sweater") say which product, not for whom.
    words = _words(question)
    text = " ".join(w for i, w in enumerate(words) if not (w in t.words and _names_product(words, i, own)))
    reading = read_audience(text, text)
    if not reading.audience or reading.audience == "couple":
        return frozenset()
    return frozenset(a for part in reading.audience.split(" or ") for a in AUDIENCE_WORDS.get(part, [part]))


def said_outright(question: str, own: set[str]) -> bool:
    """Whether the asking clause names an audience itself ("made for MEN?", "a BOYS thing?"),
    not only a person ("would it suit HIM?")."""
    t = table()
    asking = _words(_asking_clause(question))
    return any(w in t.words and w not in t.people and not _names_product(asking, i, own) for i, w in enumerate(asking))


def person_story(product: Product, question: str, cues: frozenset[str], errands: frozenset[str]) -> list[str]:
    """The words the message says of the person besides who they are, where the audience is read
    from the person alone: "my boy is 5 and still CAN'T TIE LACES, ok for him?", "hubby HATES
    anything CLINGY, would it suit him?". Such a need is what is asked; that the product is made
    for boys or men does not meet it (set T answered three of them "Yes. Ideal For: Men"). Words
    of the errand (`errands`: "gift", "getting", "thinking of"), numbers and ages say no need."""
    own = set(_words(f"{product.title} {product.brand or ''} {product.category_path}"))
    if said_outright(question, own):
        return []
    t = table()
    skip = own | set(t.words) | set(t.people) | set(t.pronouns) | cues | errands | STOPWORDS | knowledge().filler
    skip |= fit.number_words()
    return [w for w in _words(question) if w not in skip and not w.isdigit() and len(w) > 1]


def audience_verdict(product: Product, question: str, cues: frozenset[str]) -> tuple[bool, str, str] | None:
    """(suits, key, value): yes where the record's audiences hold one asked, no where they hold
    none of them; None where the record states no audience or the question asks none."""
    stated = record_audiences(product)
    if stated is None:
        return None
    own = set(_words(f"{product.title} {product.brand or ''} {product.category_path}"))
    asked = asked_audiences(question, own, cues)
    if not asked:
        return None
    key, value, audiences = stated
    return bool(asked & audiences), key, value
