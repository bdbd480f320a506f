"""Spelling correction with evidence: a word is corrected toward the catalog's vocabulary only
when it is not a word at all and one catalog word is close to it.

A word is left alone when it is an ordinary English word (`assistant/data/ordinary_words.txt`,
or an inflection of one: "dropped", "fanciest"), a catalog word, or a word of understanding's own
tables (amounts, audiences, product types). A relation ("nephew"), a verb ("dropped") or a film
title ("mission") never becomes a product type or a colour. Otherwise the nearest catalog word
within one edit (two for words of eight letters or more; a swap of two letters is one edit)
replaces it, the more frequent on a tie, when the evidence is strong: the first letter is kept
(misspellings seldom change it, and a word of another language does: "ghar" is no "char",
"ghadi" no "khadi", "bday" no "day"), and a word of four letters or fewer is corrected only by a
letter in, out or swapped, never by one letter for another ("liye" is no "life", "haha" no
"hala"; "blak" is "black"). Every correction is reported, so the reply can say
"showing results for ...".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

DATA = Path(__file__).resolve().parent / "data" / "ordinary_words.txt"
CHAT_WORDS = DATA.with_name("chat_words.txt")  # contractions without apostrophes, Hinglish
HINDI_GRAMMAR = DATA.with_name("hindi_grammar.txt")  # Hindi pronouns, postpositions, auxiliaries
WORD = re.compile(r"[A-Za-z][A-Za-z']+")
# Endings whose removal gives the word a dictionary knows ("dropped" -> "drop", "fanciest" -> "fancy").
# "en", "y" and "ish" make an adjective of a noun ("woolen", "flashy", "reddish"): "woolen" is no
# misspelt "wooden", "flashy" no "flash".
SUFFIXES = ("'s", "s", "es", "ed", "d", "ing", "er", "est", "ly", "ies", "ied", "iest", "ier", "en", "y", "ish")
RESTORES = {"ies": "y", "ied": "y", "iest": "y", "ier": "y"}
VOWELS = frozenset("aeiou")
NOT_DOUBLED = frozenset("wxy")  # "fixer", "viewer", "player": these never double
STRETCHED = re.compile(r"([a-z])\1{2,}")  # no English word holds one letter three times running
# A catalog word seen this seldom may be the catalog's own typo ("glas" in two titles, "glass" in
# thirty-one): it is corrected where a word one letter longer is `COMMONER` times as frequent.
RARE = 2
COMMONER = 10


def _words(path: Path) -> frozenset[str]:
    return frozenset(w for w in path.read_text(encoding="utf-8").splitlines() if w and not w.startswith("#"))


@cache
def ordinary_words() -> frozenset[str]:
    return _words(DATA) | _words(CHAT_WORDS) | hindi_grammar()


@cache
def hindi_grammar() -> frozenset[str]:
    return _words(HINDI_GRAMMAR)


def hinglish(text: str) -> bool:
    """The message holds a Hindi grammar word ("ke", "hai", "mein"): it is written in Hinglish."""
    return any(w.lower() in hindi_grammar() for w in re.findall(r"[A-Za-z]+", text))


def is_word(word: str, known: Callable[[str], bool]) -> bool:
    """The word, or its stem without a common ending (a doubled consonant undone), is known."""
    if known(word):
        return True
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + RESTORES.get(suffix, "")
            if suffix == "d" and not stem.endswith("e"):
                # a bare "d" ends only a stem in "e" ("baked", "used"): "embroiderd" and "tripd"
                # lost a letter of "embroidered" and "tripod", they are no "embroider" + "d"
                continue
            # a doubled consonant is undone ("dropped" -> "drop"); a doubled vowel is no inflection
            # ("goood" is no "goo" + "d": it kept "any goood trimer" from being corrected)
            doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in VOWELS
            # a short stem ending consonant-vowel-consonant doubles its last letter before a
            # vowel ending ("trim" -> "trimmer", "shop" -> "shopping"): undoubled it is a typo
            # ("trimer" is no "trim" + "er"; set I's "any goood trimer" was left uncorrected)
            undoubled = suffix[0] in VOWELS and _single_syllable_cvc(stem)
            if (known(stem) and not undoubled) or known(stem + "e") or (doubled and known(stem[:-1])):
                return True
    return False


def _single_syllable_cvc(word: str) -> bool:
    """One vowel, between a consonant before it and a consonant after it that doubles ("trim",
    "drop", "plan"; not "cool", "open", "fix", "show")."""
    vowels = [i for i, ch in enumerate(word) if ch in VOWELS]
    return (
        len(vowels) == 1
        and vowels[0] == len(word) - 2
        and vowels[0] > 0
        and word[-1] not in VOWELS | NOT_DOUBLED
        and word[-3] not in VOWELS
    )


def unstretched(word: str, known: Callable[[str], bool]) -> str | None:
    """A word typed with a letter held for emphasis ("goood", "sooo", "pleaaase"): a run of three
    or more of one letter made two, then one, where that gives a known word; None when the word
    has no such run or no form of it is known."""
    if not STRETCHED.search(word):
        return None
    for form in (STRETCHED.sub(r"\1\1", word), STRETCHED.sub(r"\1", word)):
        if is_word(form, known):
            return form
    return None


class Speller:
    """Corrects toward one catalog's vocabulary (`vocabulary`: word -> frequency)."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        protected: Iterable[str],
        not_targets: Iterable[str] = (),
        firm: Iterable[str] = (),
    ):
        """`not_targets`: known words never corrected to (brands the catalog lacks: "parda" is
        no "prada" in a shop without Prada). `firm`: words known outside the catalog (types,
        brands, tables), never read as a catalog typo however seldom the catalog writes them."""
        self.vocabulary = vocabulary
        self.known = ordinary_words() | frozenset(vocabulary) | frozenset(protected)
        self.firm = ordinary_words() | frozenset(firm)
        skip = frozenset(not_targets)
        self.candidates = [w for w in vocabulary if len(w) >= 3 and not w.isdigit() and w not in skip]

    def knows(self, word: str) -> bool:
        return is_word(word.lower(), self.known.__contains__)

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        corrections: dict[str, str] = {}
        # Hindi words in Latin letters end in a vowel ("padi", "hona", "sardi", "batao"); in a
        # Hinglish message such a word that is no English word is Hindi, not a misspelt
        # catalog word ("pad", "honda", "sari", "bat").
        hindi = hinglish(text)

        def fix(match: re.Match[str]) -> str:
            word = match.group()
            low = word.lower()
            base = low.split("'")[0]
            dropped = self._catalog_typo(base) if len(base) >= 4 else None
            if dropped:
                corrections[base] = dropped
                return dropped
            if len(base) < 4 or self.knows(low) or self.knows(base) or (hindi and base[-1] in VOWELS):
                return word
            plain = unstretched(base, self.known.__contains__)
            if plain:
                return plain  # emphasis, not a misspelling: nothing to report
            limit = 1 if len(base) <= 7 else 2
            best = process.extract(base, self.candidates, scorer=OSA.distance, score_cutoff=limit, limit=8)
            best = [
                m for m in best if m[0][0] == base[0] and (len(base) > 4 or len(m[0]) != len(base) or _swap(base, m[0]))
            ]
            if not best and len(base) >= 5:
                # Vowels spelt by ear ("speekar" for "speaker"): two edits, both in the vowels,
                # so the consonants stand in the same order as the catalog word's.
                near = process.extract(base, self.candidates, scorer=OSA.distance, score_cutoff=2, limit=8)
                best = [m for m in near if m[0][0] == base[0] and _consonants(m[0]) == _consonants(base)]
            if not best:
                return word
            choice = min(best, key=lambda m: (m[1], -self.vocabulary[m[0]]))[0]
            corrections[base] = choice
            return choice

        return WORD.sub(fix, text), corrections

    def _catalog_typo(self, word: str) -> str | None:
        """The word a rare catalog word lost a letter of: "temperd glas" said the kind "tempered
        glass", yet "glas" stood in two titles, so it was a catalog word and left alone and the
        kind was lost. A word the catalog writes at most `RARE` times, known nowhere else (no
        English word, type, brand or table word), with a word one letter longer, same first
        letter, no plural of it, `COMMONER` times as frequent: that word."""
        seen = self.vocabulary.get(word, 0)
        if not seen or seen > RARE or word in self.firm or is_word(word, self.firm.__contains__):
            return None
        near = process.extract(word, self.candidates, scorer=OSA.distance, score_cutoff=1, limit=None)
        longer = [
            m[0]
            for m in near
            if len(m[0]) == len(word) + 1
            and m[0][0] == word[0]
            and self.vocabulary[m[0]] >= COMMONER * seen
            # a plural is no lost letter ("pullover" / "pullovers"); a lost double "s" is ("glas")
            and (m[0] != word + "s" or word.endswith("s"))
        ]
        return max(longer, key=lambda w: self.vocabulary[w]) if longer else None


def _consonants(word: str) -> str:
    """The word without its vowels: what a spelling by ear keeps ("speekar", "speaker": "spkr")."""
    return "".join(ch for ch in word if ch not in "aeiou")


def _swap(word: str, other: str) -> bool:
    """The two differ by two neighbouring letters swapped ("form" / "from")."""
    diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and word[diff[0]] == other[diff[1]]
        and word[diff[1]] == other[diff[0]]
    )
