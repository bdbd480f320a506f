"""Where in a message a product line's name stands and what around it describes it: the name's end,
the option values attached after it, the flags said of it, and how close said words stand."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache

from assistant import vocabulary
from assistant.name_text import Line, phrase_positions, spelled_terms
from assistant.naming_rules import rules
from common.schema import Product


def compound_head(word: str, name: str) -> bool:
    """`word` is the head of the one-word compound `name` ("glass" of "sunglass", "pack" of
    "backpack", "board" of "skateboard"): an English compound is a kind of its last part, so a
    shopper names it by that part. Both parts a word of three letters or more."""
    return len(word) >= 4 and len(name) - len(word) >= 3 and name.endswith(word)


def name_end(said: list[str], common: frozenset[str], bridge: set[str]) -> int:
    """Where a line's name ends in the message: the last word of its longest run of the line's
    shared title words ("the size 10 synthetic HIKING BOOTS", "the hiking boots in size 10"),
    a run a few words after "the"/"this" first: the one pointed at, not the kind in the
    shopper's story ("never done a jigsaw before ... is THE 2000 piece landscape PUZZLE ok?").
    Option values (`bridge`) said between its words do not break a run ("PIECE landscape PUZZLE")."""
    best, start, last, count = (False, 0, -1), None, -1, 0
    for i, w in enumerate([*said, ""]):
        if w in common:
            start = i if start is None else start
            last, count = i, count + 1
        elif start is not None and not (w in bridge or w.isdigit()):
            # "the" a few words before, or before the values and units that describe it ("THE
            # 24 mp 3x zoom camera")
            k = start - 1
            while k >= 0 and (said[k] in bridge or said[k].isdigit() or said[k] in rules().units):
                k -= 1
            reach = range(max(0, start - POINTER_REACH), start)
            pointed = any(said[j] in rules().definite for j in reach) or (k >= 0 and said[k] in rules().definite)
            best = max(best, (pointed, count, -last))
            start, count = None, 0
    return -best[2]


POINTER_REACH = 4  # words: "the 2000 piece landscape puzzle"


def attached_positions(said: list[str], head: int, option_words: set[str]) -> set[int]:
    """Positions after a line's name that still describe it: from an attaching word ("with",
    "in", "for") on, through option values, option names and "and", up to any other word."""
    out: set[int] = set()
    on = False
    clause_words: set[int] = set()  # "that runs on": a relative clause attaching as "with" does
    for i in range(head + 1, len(said)):
        clause = next((c for c in rules().attach_clauses if tuple(said[i : i + len(c)]) == c), None)
        if clause is not None:
            clause_words |= set(range(i, i + len(clause)))
        w = said[i]
        if w in rules().attach or i in clause_words:
            on = True
        elif on and (w in option_words or w in ("and", "or") or w.isdigit()):
            out.add(i)
        elif on and w in rules().articles:
            continue  # "with THE leather band and AMOLED display"
        else:
            on = False
    # "the tea kettle, the 1.5 litre induction ONE": option values right before a word that
    # points back at the product name it too.
    run: list[int] = []
    for i in range(head + 1, len(said)):
        w = said[i]
        if w in option_words or w.isdigit():
            run.append(i)
        elif w in rules().referents and run:
            out.update(run)
            run = []
        else:
            run = []
    return out


Flag = tuple[tuple[str, ...], tuple[str, ...]]  # the value ("yes",) or ("no",), and the words that said it
YES, NO = ("yes",), ("no",)


def word_stem(word: str) -> str:
    return _stemmer()(word)


@cache
def _stemmer() -> Callable[[str], str]:
    """The English Snowball stemmer. nltk is imported on first use: the import costs about 1.5 s
    of every command's start-up, and only a question naming a yes/no option needs it."""
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english").stem


def flags_said(line: Line, said: list[str], head: int, ends: set[int]) -> dict[str, Flag]:
    """The yes/no options of a line said by their own name in the words that name the variant:
    "the 4k WATERPROOF action camera", "red bluetooth speaker, 20 hour battery, WATER RESISTANT
    one" (its "water resistance: yes"; "NOT waterproof", "WITHOUT water resistance": no). Titles
    leave a yes/no out, so only the option's name, in any of its word forms (a stemmer), says it.
    Said right before the line's name, or after it as part of the run of values that describes it,
    closed by a word pointing back ("... one") or followed by another value; not as the last thing
    after the name, which is what is asked ("is the red bluetooth speaker WATER RESISTANT?")."""
    r_ = rules()
    flags = {k: vs for k, vs in line.values.items() if vs <= {YES, NO} and len(vs) == 2}
    # An option with a value for its absence ("backlight: none") is named by its name negated
    # ("the 60% keyboard WITHOUT ANY BACKLIGHT"); said plainly it could be any other value.
    absent = {k: next(v for v in sorted(vs) if v in r_.absent) for k, vs in line.values.items() if vs & r_.absent}
    absent = {k: v for k, v in absent.items() if k not in flags}
    if not flags and not absent:
        return {}
    values = {w for vs in line.values.values() for v in vs for w in v} | {
        w for k in line.values for w in spelled_terms(k)
    }
    stems = [word_stem(w) for w in said]
    spans: dict[str, tuple[int, int, tuple[str, ...]]] = {}
    for key in [*flags, *absent]:
        key_stems = [word_stem(w) for w in spelled_terms(key)]
        for i in range(len(said) - len(key_stems) + 1):
            if stems[i : i + len(key_stems)] == key_stems:
                # "not waterproof", "without ANY backlight"
                before = i - 2 if i > 1 and said[i - 1] in r_.negation_fillers else i - 1
                negated = before >= 0 and said[before] in r_.negations
                if key in absent and not negated:
                    continue
                start = before if negated else i
                spans[key] = (start, i + len(key_stems) - 1, absent.get(key, NO) if negated else YES)
    flag_words = {said[p] for a, b, _ in spans.values() for p in range(a, b + 1)}

    def describes(p: int) -> bool:
        w = said[p]
        return w in values or w in line.common or w in flag_words or w.isdigit() or w in r_.units or w in r_.attach

    start = head
    while start > 0 and said[start - 1] in line.common and start - 1 not in ends:
        start -= 1
    out: dict[str, Flag] = {}
    for key, (a, b, value) in spans.items():
        if b < start:  # before the name, in one run of describing words up to it
            between = range(b + 1, start)
            naming = all(describes(p) for p in between) and not any(p in ends for p in range(b, start - 1))
        elif a > head:  # after it, in the run of values that describes it
            naming = all(describes(p) for p in range(head + 1, a))
            after = said[b + 1] if b + 1 < len(said) else ""
            naming = naming and (after in r_.referents or (after in values and b not in ends))
            # right after the name, a clause of its own with more said after it ("that 60%
            # keyboard WITHOUT ANY BACKLIGHT, are the switches ...?"); "is the keyboard without
            # backlight?" asks
            naming = naming or (a == head + 1 and value != YES and b in ends and b < len(said) - 1)
        else:
            naming = False
        if naming:
            out[key] = (value, tuple(said[a : b + 1]))
    return out


def mentions_of(said: list[str], value: tuple[str, ...], others: set[tuple[str, ...]] | None = None) -> list[int]:
    """Where a value is said: the whole phrase, or (with the option's `others`) a word of a
    longer value that no other value of the option has ("ALEXA" for "amazon alexa", "FOAM" for
    "memory foam"), where the shopper names the option by its telling part."""
    at = phrase_positions(said, value)
    if others is not None and len(value) > 1 and not at:
        theirs = {w for v in others if v != value for w in v}
        telling = {
            w for w in value if w not in theirs and names_a_product(w) and not w.isdigit() and w not in rules().generic
        }
        at = [i for i, w in enumerate(said) if w in telling]
    return at


def positions_of(said: list[str], words: frozenset[str]) -> list[int]:
    return [i for i, w in enumerate(said) if w in words]


def said_types(said: list[str], single: frozenset[str]) -> list[frozenset[str]]:
    """The product types the message says, one- to three-word ("watch", "track pant")."""
    out = [frozenset([w]) for w in said if w in single]
    for n in (2, 3):
        for i in range(len(said) - n + 1):
            if tuple(said[i : i + n]) in vocabulary.product_types():
                out.append(frozenset(said[i : i + n]))
    return out


def type_phrase_words(said: list[str]) -> set[str]:
    """Words of the multi-word product types the message says ("running shoe", "track pant")."""
    out: set[str] = set()
    for n in (2, 3):
        for i in range(len(said) - n + 1):
            if tuple(said[i : i + n]) in vocabulary.product_types():
                out.update(said[i : i + n])
    return out


def phrase_words(said: list[str], title: list[str], names: frozenset[str], candidates: set[str]) -> frozenset[str]:
    """Words of `candidates` said right before or after a name word, as they stand in the title."""
    pairs = set(zip(title, title[1:], strict=False))
    out = set()
    for a, b in zip(said, said[1:], strict=False):
        if (a, b) in pairs:
            if a in names and b in candidates:
                out.add(b)
            elif b in names and a in candidates:
                out.add(a)
    return frozenset(out)


def gap_between(said: list[str], a: int, b: int, within: frozenset[str]) -> int:
    """Words said between positions a and b that are no part of the product's name (`within`)."""
    return sum(1 for w in said[min(a, b) + 1 : max(a, b)] if w not in within and not w.isdigit())


def said_compactly(said: list[str], words: frozenset[str], within: frozenset[str], reach: int = 2) -> bool:
    """The words are said in one run (fewer than `reach` other words between one and the next),
    each at least once: a word said again elsewhere ("the asics gel-kayano 22 running shoes, how
    much does one SHOE weigh?") does not scatter the name."""
    at = sorted(i for i, w in enumerate(said) if w in words)
    run: set[str] = set()
    for a, b in zip([None, *at], at, strict=False):
        if a is not None and gap_between(said, a, b, within) >= reach:
            run = set()
        run.add(said[b])
        if run >= words & set(said):
            return True
    return not at


def said_near(
    said: list[str], fresh: frozenset[str], rest: frozenset[str], within: frozenset[str], reach: int = 2
) -> bool:
    """A word of `fresh` said with fewer than `reach` other words between it and one of `rest`
    ("the FREE 2 SPORT", "the leebo LED headlight for PULSAR 150")."""
    at = [i for i, w in enumerate(said) if w in fresh]
    others = [i for i, w in enumerate(said) if w in rest]
    return any(gap_between(said, i, j, within) < reach for i in at for j in others)


def ordinary_title_words(words: set[str], products: list[Product]) -> set[str]:
    """Title and brand words that are everyday words of this catalog ("only", "this"): found in
    more of its descriptions than `ordinary_brand_share`. Said alone they are that word, not a
    name: "I only have an induction cooktop" names no product of the brand Only."""
    if not words:
        return set()
    counts: Counter[str] = Counter()
    for p in products:
        counts.update({w for w in spelled_terms(p.description) if w in words})
    limit = rules().ordinary_brand_share * max(len(products), 1)
    return {w for w, n in counts.items() if n > limit}


def said_together(said: list[str], title: list[str], names: frozenset[str]) -> bool:
    """Two name words side by side in the title said side by side ("glamr stylish"): a name, not
    a search that happens to use two words of one title in its own order."""
    pairs = {(a, b) for a, b in zip(title, title[1:], strict=False) if a in names and b in names}
    return any(pair in pairs for pair in zip(said, said[1:], strict=False))


def idf_share(idf: dict[str, float], part: frozenset[str], whole: frozenset[str]) -> float:
    return sum(idf[w] for w in part) / max(sum(idf[w] for w in whole), 1e-9)


def names_a_product(word: str) -> bool:
    if word.isdigit():
        return len(word) >= 3
    return len(word) >= 3 or any(c.isdigit() for c in word)
