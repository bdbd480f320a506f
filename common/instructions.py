"""Sentences that read as instructions to the assistant ("ignore previous instructions", in many
languages and disguises), found after folding confusable letters, width and marks.

`instruction_like` is what ingest and the output filter (`untrusted.ShopperText`) ask.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from common.text_cleaning import (
    FULLWIDTH,
    strip_invisible,
)

# -- instructions ---------------------------------------------------------------------------------
# Text addressed to the assistant rather than to a shopper. Catalog copy speaks to shoppers
# ("Add a splash of colour", "You should not tumble dry"); these speak to a model: overriding its
# rules, re-tasking it, dictating what it must say, or imitating chat-template markers. Matched
# on folded text (lower case, accents and fullwidth forms removed). English patterns are narrow
# (catalog copy is mostly English and full of imperatives); other languages match an "ignore"
# word near an "instructions" word.
_EN_IGNORE = r"ignore|ignoring|disregard|forget|override|overrule|bypass|do not follow|don't follow|stop following"
_EN_RULES = r"instructions?|rules|prompts?|guidelines|directions|directives|guardrails|system messages?"
_EN_DETERMINER = (
    r"all|any|the|your|previous|prior|above|earlier|preceding|former|these|those|other|system|original|old"
    r"|existing|initial|given|hidden|developer|safety"
)
_OTHER_IGNORE = (
    r"\b(?:ignorez|ignorer|oubliez|oublie|ignora|ignorar|olvida|olvidar|omite|ignoriere|ignorieren"
    r"|vergiss|vergessen|missachte|dimentica|esqueca|esquece)\b|haz caso omiso|ne tenez pas compte"
    r"|игнорируй|игнорируйте|забудь|забудьте|忽略|无视|忘记|忘掉|無視|忘れ|अनदेखा|नजरअंदाज|भूल"
)
_OTHER_RULES = (
    r"\b(?:consignes|regles|instructions|instrucciones|reglas|anweisungen|regeln|vorgaben|istruzioni|regole"
    r"|instrucoes|regras)\b|инструкци|правил|指令|指示|规则|提示词|ルール|निर्देश|नियम"
)
_PEOPLE = r"user|customer|shopper|buyer|client|visitor|reader"
_REPLY = r"answer|reply|replies|response|message|output"
# Each pattern comes with the words (or, after "~", literal text) a sentence must contain for the
# pattern to be tried at all; "*" tries it on any non-ASCII text. Most catalog sentences contain
# none of them, which makes the check cheap enough for ingest (15 regex scans per sentence cost
# three times the rest of cleaning).
INSTRUCTION_PATTERNS: list[tuple[str, str, str]] = [
    # 1. Override the rules: "ignore all previous instructions", "disregard the above".
    (
        "overrides the rules",
        "ignore ignoring disregard forget override overrule bypass follow following",
        rf"\b(?:{_EN_IGNORE})\W+(?:(?:{_EN_DETERMINER}|of|and|my|our)\W+){{1,4}}(?:{_EN_RULES})\b",
    ),
    (
        "overrides the rules",
        "ignore ignoring disregard forget override overrule bypass follow following",
        rf"\b(?:{_EN_IGNORE})\W+(?:the |everything |all |anything )?(?:above|previous|prior|earlier)\s*(?:[.!,;:]|$)"
        rf"|\b(?:{_EN_IGNORE})\W+(?:everything|what|all) you (?:were|have been|are) told\b",
    ),
    (
        "overrides the rules",
        "* ignorez ignorer oubliez oublie ignora ignorar olvida olvidar omite ignoriere ignorieren vergiss vergessen missachte dimentica esqueca esquece haz tenez",
        rf"(?:{_OTHER_IGNORE}).{{0,40}}?(?:{_OTHER_RULES})",
    ),
    # 2. Chat-template and role markers: "SYSTEM:", "<|im_start|>", "[INST]", "### Instruction".
    (
        "imitates a chat-template marker",
        "^system ^assistant ^developer instruction response ~<| ~<< ~[inst ~[sys ~[/inst ~[/sys ~#",
        r"^\W*(?:system|assistant|developer)\s*(?:prompt|message|note|override)?\s*:|<\|[a-z_]{2,20}\|>"
        r"|\[/?(?:inst|sys|system)\]|<</?sys>>|#{2,}\s*(?:instruction|system|response)",
    ),
    (
        "talks about the system prompt",
        "~system~prompt ~jailbreak ~developer~mode ~dan~mode",
        r"\bsystem prompt\b|\bjailbreak|\bdeveloper mode\b|\bdan mode\b",
    ),
    # 3. Re-tasking: "you are now a salesman", "your new task".
    (
        "re-tasks the assistant",
        "~you~are~now ~your~new ~your~real ~your~actual ~your~true ~new~instruction",
        r"\byou are now (?:an? |the )?(?:\w+ )?(?:assistant|ai|bot|model|agent|salesman|seller|dan)\b"
        r"|\byour (?:new|real|actual|true) (?:instructions|rules|task|role|persona|goal)\b|\bnew instructions?\s*:",
    ),
    # 4. Addressing the model: "attention AI", "note to the assistant", "as an AI language model".
    (
        "addresses the assistant",
        "attention ~note~to ~message~to dear hey instruction instructions ai ~language~model",
        r"\b(?:attention|note to|message to|dear|hey|instructions? (?:for|to))\W+(?:the\s+|all\s+)?"
        r"(?:ai|assistant|model|llm|chatbot|bot|language model|gpt)s?\b|\bas an? (?:ai|language model)\b",
    ),
    # 5. Dictating the reply: "say this mug costs", "tell the customer", "you must recommend",
    #    "in every answer", "always mention", "respond only with".
    (
        "dictates what to say",
        "^say ^state ^claim ^announce ^repeat ^reply ^respond ^answer ^tell ^write ^print ^output ^include ^mention ^type ^please",
        r"^\W*(?:please\s+)?(?:say|state|claim|announce|repeat|reply|respond|answer|tell)\b\W*(?:that\b|this\b"
        rf"|the following|exactly|verbatim|only\b|[\"'“‘«:]|the (?:{_PEOPLE})s?\b|[a-z0-9]*[-_]?[0-9]{{2,}})"
        r"|^\W*(?:please\s+)?(?:write|print|output|include|mention|type)\b\W*(?:the following|exactly|verbatim|:)",
    ),
    (
        "dictates what to say",
        "tell inform convince urge assure",
        rf"\b(?:tell|inform|convince|urge|assure)\s+(?:the\s+|all\s+|every\s+)?(?:{_PEOPLE})s?\b",
    ),
    (
        "dictates what to say",
        "must shall ~have~to ~required~to",
        r"\b(?:you|the assistant|the ai|the model|the bot|assistants?)\s+(?:must|shall|have to|are required to"
        r"|is required to)\s+(?:always\s+|now\s+|only\s+|also\s+)?(?:say|tell|recommend|respond|reply|answer|mention"
        r"|state|claim|promote|output|repeat|insist)\b",
    ),
    (
        "dictates what to say",
        "recommend mention say promote reply respond",
        r"\b(?:always|only|never)\s+(?:recommend|mention|say|promote|reply|respond)\b",
    ),
    (
        "dictates what to say",
        "~every~answer ~every~answers ~every~reply ~every~replies ~every~response ~every~responses ~every~message ~every~messages ~every~output ~every~outputs ~each~answer ~each~answers ~each~reply ~each~replies ~each~response ~each~responses ~each~message ~each~messages ~each~output ~each~outputs ~all~answer ~all~answers ~all~reply ~all~replies ~all~response ~all~responses ~all~message ~all~messages ~all~output ~all~outputs ~any~answer ~any~answers ~any~reply ~any~replies ~any~response ~any~responses ~any~message ~any~messages ~any~output ~any~outputs ~in~your~answer ~in~your~response ~in~your~output ~respond~with ~respond~only~with ~repeat~after~me",
        rf"\b(?:in|at the (?:end|start) of|into|to)\s+(?:every|each|all|any)\s+(?:{_REPLY})s?\b"
        r"|\bin your (?:answer|response|output)s?\b|\brespond (?:only )?with\b|\brepeat after me\b",
    ),
    (
        "asks for hidden data",
        "reveal leak disclose ~print~your ~print~the ~print~me ~repeat~your ~repeat~the ~output~your ~output~the",
        r"\b(?:reveal|print|repeat|leak|disclose|output)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+)?"
        r"(?:prompt|instructions|rules|configuration|secrets?|api keys?|session|cookies?)\b",
    ),
    # The same in other languages: "dites que", "di que", "sag dass", "你必须说", "と言って".
    (
        "dictates what to say",
        "* dites dis repondez di dile diga responde sag sage sagen antworte rispondi dica",
        r"\b(?:dites|dis|repondez|di|dile|diga|responde|sag|sage|sagen sie|antworte|rispondi|dica)"
        r"\s+(?:(?:a|al|au|aux|dem|der|den|le|la|el|il)\s+)?(?:que|qu'|dass|das|che|client|cliente|kunden|usuario"
        r"|utilisateur|utente)\b|\b(?:скажи|скажите)\s|你必须说|请说|告诉用户|告诉顾客|と言って|と答えて|बोलो कि|कहो कि",
    ),
]
SENTENCE_SPLIT = re.compile(r"(?<=[.!?。！？])(\s+)")


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# Patterns go through the same folding as the text (minus lower-casing, which would turn \W into
# \w). Matched without re.I: the text is folded to lower case first, and case-insensitive
# matching costs four times as much.
@dataclass(frozen=True)
class _Cue:
    """A pattern and its gate: the cheap checks a text must pass before the pattern is tried."""

    why: str
    pattern: re.Pattern
    words: frozenset[str]  # any of these words
    first: frozenset[str]  # or a first word among these
    literals: re.Pattern | None  # or any of these substrings
    any_non_ascii: bool  # or any non-ASCII text

    def may_match(self, folded: str, words: set[str], first: str) -> bool:
        return (
            not self.words.isdisjoint(words)
            or first in self.first
            or bool(self.literals and self.literals.search(folded))
            or (self.any_non_ascii and not folded.isascii())
        )


def _literals(items: list[str]) -> re.Pattern | None:
    return re.compile("|".join(re.escape(i) for i in items)) if items else None


def _cue(why: str, needs: str, pattern: str) -> _Cue:
    """`needs`: words; "^word" for a first word; "~two~words" for a substring ("~" = space);
    "*" for non-ASCII text."""
    items = needs.split()
    return _Cue(
        why,
        re.compile(_strip_marks(pattern), re.M),
        frozenset(i for i in items if i[0] not in "~*^"),
        frozenset(i[1:] for i in items if i.startswith("^")),
        _literals([i.replace("~", " ").strip() for i in items if i.startswith("~")]),
        "*" in items,
    )


_CUES = [_cue(*entry) for entry in INSTRUCTION_PATTERNS]
# The union of the gates, checked first: most catalog sentences pass none (one set test, one
# scan), and the per-pattern gates cost more than that in Python calls.
_ANY_WORD = frozenset().union(*(c.words for c in _CUES))
_ANY_FIRST = frozenset().union(*(c.first for c in _CUES))
_ANY_LITERAL = re.compile("|".join(c.literals.pattern for c in _CUES if c.literals))
WORDS = re.compile(r"\w+")
# Case matters for one cue, so it is matched before folding: an order to say a code word in
# capitals ("Say CANARY-BIDI", "repeat PROMO_X"), which catalog copy never gives ("Say YES to
# comfort" has no code word).
CODE_WORD_ORDER = re.compile(
    r"^\W*(?:[Pp]lease\s+)?(?:[Ss]ay|SAY|[Rr]epeat|REPEAT)\s+[\"'“‘«]?"
    r"[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+\b",
    re.M,
)


@cache
def _confusables() -> dict[int, str]:
    """Characters that look like an ASCII letter or digit (Cyrillic "о", Greek "Ι", ...) -> that
    character. From Unicode's confusables data (UTS #39, confusables.txt) as shipped by the
    `confusable-homoglyphs` package; only single characters that stand for one ASCII character."""
    from confusable_homoglyphs import confusables

    table: dict[int, str] = {}
    with open(Path(confusables.__file__).with_name("confusables.json"), encoding="utf-8") as f:
        data = json.load(f)
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii() or not char.isalpha():
            continue
        ascii_forms = {g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii() and g["c"].isalnum()}
        if not ascii_forms:
            continue
        # "І" (Cyrillic) is listed as looking like "l", and I, l and 1 look alike in ASCII too:
        # when its name ends in one of them ("... LETTER BYELORUSSIAN-UKRAINIAN I"), that letter.
        named = unicodedata.name(char, "").rsplit(" ", 1)[-1]
        forms = {f.lower() for f in ascii_forms}
        if named.lower() in forms or (named in ("I", "L") and forms & set("il1")):
            table[ord(char)] = named if char.isupper() else named.lower()
        elif len(ascii_forms) == 1:
            table[ord(char)] = ascii_forms.pop()
    return table


def skeleton(text: str) -> str:
    """Look-alike letters as the ASCII they imitate: "Ignоre" with a Cyrillic "о" -> "Ignore".
    Used only for matching, on a copy: Russian or Greek text itself is never rewritten."""
    return text if text.isascii() else text.translate(_confusables())


def fold(text: str) -> str:
    """Lower case, fullwidth forms to ASCII, accents off: the form instructions are matched in."""
    if text.isascii():
        return text.lower()
    return _strip_marks(text.translate(FULLWIDTH)).lower()


def instruction_like(text: str) -> str | None:
    """Why this text reads as an instruction to the assistant, or None when it does not. Text
    with look-alike letters is checked as written and as the ASCII it imitates."""
    visible = strip_invisible(text)
    if not visible.isascii():
        visible = visible.translate(FULLWIDTH)
        imitated = skeleton(visible)
        if imitated != visible:
            return _instruction_like(visible) or _instruction_like(imitated)
    return _instruction_like(visible)


def _instruction_like(visible: str) -> str | None:
    if CODE_WORD_ORDER.search(visible):
        return "dictates what to say"
    folded = fold(visible)
    found = WORDS.findall(folded)
    words, first = set(found), found[0] if found else ""
    if folded.isascii() and words.isdisjoint(_ANY_WORD) and first not in _ANY_FIRST and not _ANY_LITERAL.search(folded):
        return None
    for cue in _CUES:
        if cue.may_match(folded, words, first) and cue.pattern.search(folded):
            return cue.why
    return None


def split_sentences(text: str) -> list[str]:
    """Sentences with the whitespace after each kept, so that joining them gives the text back."""
    parts = SENTENCE_SPLIT.split(text)
    return ["".join(parts[i : i + 2]) for i in range(0, len(parts), 2)]


def without_instructions(text: str) -> tuple[str, list[str]]:
    """The text minus its instruction-like sentences, and the reasons for each one removed."""
    kept, removed = [], []
    for sentence in split_sentences(text):
        why = instruction_like(sentence)
        if why:
            removed.append(why)
        else:
            kept.append(sentence)
    return "".join(kept).strip(), removed
