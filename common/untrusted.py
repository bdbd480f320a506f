"""Catalog and policy text is untrusted data: cleaned at ingest, filtered before a shopper sees it.

Anyone who can edit a catalog file or a policy document can write markup, escape sequences and
instructions aimed at the assistant into it. Three defences, one vocabulary:

- `plain_text` (ingest): titles, descriptions, specifications and policy passages become plain
  text: HTML tags, Markdown links/images/emphasis, ANSI escapes, control and invisible format
  characters are removed; the words stay.
- `safe_url` (ingest and product cards): a URL is kept only when it is http(s) with a host and
  nothing that could break out of an attribute.
- `ShopperText` (reply time): the one output filter every sentence passes before a shopper or an
  agent sees it, whether a model or our own code wrote it: no links or images except to URLs
  that came from a record's validated field, no HTML, no sentence that reads as an instruction
  to the assistant (`instruction_like`).

Why hand-written rather than a sanitiser library: the libraries (bleach, nh3) sanitise HTML for
a browser; here the output is plain text and Markdown, and what must go is a link, an image or
an instruction, which no HTML sanitiser knows about. The HTML part uses the standard library's
parser.
"""

from __future__ import annotations

import html
import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from common.schema import Product

log = logging.getLogger(__name__)

# -- invisible and escape characters ---------------------------------------------------------
# ANSI/VT escape sequences: CSI (colours, cursor moves), OSC (terminal titles, hyperlinks), the
# DCS/SOS/PM/APC strings, two-byte escapes, and the 8-bit CSI.
ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]"
    r"|\x9b[0-?]*[ -/]*[@-~]"
)
# Control characters (C0, DEL, C1) and the invisible "format" characters that hide text from a
# reader but not from a model: zero-width spaces, bidi overrides (Trojan Source), the word
# joiner family, the BOM, and the Unicode tag characters used to smuggle ASCII. Zero-width
# (non-)joiners U+200C/U+200D are kept: Indic and Persian scripts and emoji need them.
INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
LINE_BREAKS = re.compile("[\r\t\u2028\u2029\x85]")
ASCII_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f]")  # all of the above an ASCII text can hold
# Fullwidth ASCII (U+FF01..FF5E) folded to ASCII, so "＜ｓｃｒｉｐｔ＞" or "ｉｇｎｏｒｅ" are seen as
# what they spell; U+3000 is the ideographic space.
FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

# -- markup -----------------------------------------------------------------------------------
# Plain ASCII text without any of these needs no cleaning beyond whitespace (the fast path).
NEEDS_CLEANING = re.compile(r"[<>&\[\]*_~`#\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MARKUP_HINT = re.compile(r"<[a-zA-Z!/?]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});")
TAG_LIKE = re.compile(r"</?[a-zA-Z!?/][^<>]*>?")
# Markdown links and images: "[text](target)", "![alt](src)"; no space between "]" and "(" (as in
# CommonMark), so "[returns.md - Returns] (Source: ...)" is text, not a link.
MD_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)?|\[[^\]\n]*\])")
MD_LINK = re.compile(r"\[([^\[\]\n]*(?:\[[^\[\]\n]*\][^\[\]\n]*)*)\]\(([^)\n]*)\)")
MD_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\]\n]*\]")
MD_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)
MD_EMPHASIS = re.compile(r"(\*\*|__|~~|`+)(?=\S)(.+?)(?<=\S)\1")
MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+", re.M)
# Elements whose content is code or hidden, never text a shopper should read.
HIDDEN_ELEMENTS = {"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math", "head"}
BLOCK_ELEMENTS = {"br", "p", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
# HTML that does something when rendered (or a script URL): a sentence carrying it is dropped.
ACTIVE_HTML = re.compile(
    r"<\s*/?\s*(?:script|iframe|object|embed|svg|math|form|meta|link|style|base|frame|frameset|applet|img|video"
    r"|audio|source|input|button)\b|\bon[a-z]{3,20}\s*=|\bsrcdoc\s*=|\bformaction\s*="
    # Script URLs are never shopping talk, even split from what follows ("javascript: alert(1)").
    r"|\b(?:java|vb)script\s*:|\bdata\s*:\s*text/html",
    re.I,
)

# -- links --------------------------------------------------------------------------------------
# Anything a Markdown renderer or a linkifier may turn into a link or a fetch: scheme URLs
# (https:, javascript:, data:text/html, mailto: ...), www. hosts, protocol-relative //host, and
# bare domains on common top-level domains.
LINK_SCHEMES = r"https?|ftp|file|javascript|vbscript|data|blob|mailto|tel|sms|intent|ws|wss|chrome|about"
_URL_TAIL = r"[^\s<>\"'`)\]]"
# Links proper: scheme URLs (https:, javascript:, data:text/html, mailto: ...), www. hosts and
# protocol-relative //host.
LINK_URL = re.compile(
    rf"(?<![\w@.-])(?:(?i:{LINK_SCHEMES}):(?://)?{_URL_TAIL}+|(?i:www)\.{_URL_TAIL}+"
    rf"|//[a-z0-9-]+(?:\.[a-z0-9-]+)+{_URL_TAIL}*)"
)
# Bare domains on common top-level domains, which linkifiers turn into links ("Evil-shop.com").
# The top-level domain in lower case only: an "In" or "Us" glued to a sentence end by a missing
# space ("black.In addition") is no link.
BARE_DOMAIN = re.compile(
    r"(?<![\w@.:/-])[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9-]+)*\.(?:com|net|org|io|co|in|shop|store|xyz|info"
    r"|biz|online|site|ru|cn|app|example|top|link|click|me|us|uk|de|ly|gl|to|cc|tk|ml|ga|cf|gq|sh|page|live|win"
    rf"|vip|club)(?![\w-])(?:[/?#]{_URL_TAIL}*)?"
)
MD_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
# http(s) URLs we accept in a record: no whitespace, quotes, angle brackets or backslashes.
URL_UNSAFE_CHARS = re.compile(r"[\s\"'<>`\\\x00-\x1f\x7f]")
MAX_URL_CHARS = 2048

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


def strip_invisible(text: str) -> str:
    """ANSI escapes, control and invisible format characters out; tabs and odd breaks to spaces."""
    if text.isascii() and not ASCII_CONTROL.search(text):
        return text  # the common case, checked in one scan
    return INVISIBLE.sub("", ANSI.sub("", LINE_BREAKS.sub(" ", text)))


class _TextOnly(HTMLParser):
    """The text of an HTML fragment: tags dropped, script/style content dropped, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in HIDDEN_ELEMENTS:
            self.hidden += 1
        elif tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_ELEMENTS and self.hidden:
            self.hidden -= 1
        elif tag in BLOCK_ELEMENTS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def strip_html(text: str) -> str:
    """Tags out, entities decoded. Decoding can reveal new tags ("&lt;script&gt;"), so repeat a
    few times; whatever still looks like a tag after that is removed outright."""
    for _ in range(3):
        if not MARKUP_HINT.search(text):
            return text
        parser = _TextOnly()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return TAG_LIKE.sub("", text)


def strip_markdown(text: str) -> str:
    """Images out, links to their text, emphasis and heading marks off."""
    text = MD_IMAGE.sub("", text)
    text = MD_LINK.sub(r"\1", text)
    text = MD_REF_LINK.sub(r"\1", text)
    text = MD_REF_DEFINITION.sub("", text)
    text = MD_HEADING.sub("", text)
    for _ in range(3):  # nested emphasis ("**_x_**")
        text, n = MD_EMPHASIS.subn(r"\2", text)
        if not n:
            break
    return text


def plain_text(value: str, multiline: bool = False, keep_urls: bool = True) -> str:
    """A catalog or policy string as plain text: markup, escapes and invisible characters out.

    `multiline` keeps line breaks (policy passages: lists and paragraphs), else all whitespace
    becomes single spaces (titles, descriptions). `keep_urls=False` removes links too (titles: a
    link in a product name is never the product's name).
    """
    text = value
    if not text.isascii() or NEEDS_CLEANING.search(text):
        text = strip_invisible(text.translate(FULLWIDTH))
        text = strip_markdown(strip_html(text))
        text = strip_invisible(text)  # entities can decode to control characters
    if not keep_urls:
        # A bare domain may be a name ("dumdaar.com top"); with a path it is a link.
        text = BARE_DOMAIN.sub(lambda m: "" if "/" in m.group() else m.group(), LINK_URL.sub("", text))
    if multiline:
        lines = (" ".join(line.split()) for line in text.split("\n"))
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return " ".join(text.split())


def safe_url(value: object) -> str | None:
    """The URL when it is http(s) with a host (no credentials, no characters that break out of an
    attribute or a Markdown link); else None."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > MAX_URL_CHARS or URL_UNSAFE_CHARS.search(url) or "(" in url or ")" in url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # a malformed IPv6 literal or port
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or parts.username or parts.password:
        return None
    return url


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


class ShopperText:
    """The output filter: every text a shopper or an agent reads passes `clean` first.

    Works sentence by sentence (a reply streams sentence by sentence), keeps Markdown table rows
    as tables (each cell is filtered on its own) and keeps the whitespace around the text, so the
    filtered pieces of a stream still join up. A sentence goes when it carries active HTML, a link
    or image whose target is not an allowed record URL, or an instruction to the assistant; other
    HTML tags and invisible characters are stripped from the sentences that stay.
    """

    def __init__(self, allowed_urls: Iterable[str | None] = (), names: Iterable[str | None] = ()) -> None:
        self.allowed: set[str] = set()
        self.allowed_hosts: set[str] = set()
        self.removed: list[str] = []  # why each dropped sentence went, for logs and counts
        self.allow(allowed_urls, names)

    def allow(self, urls: Iterable[str | None] = (), names: Iterable[str | None] = ()) -> None:
        """Allow links to these URLs (a record's validated image URL; unsafe ones are ignored),
        and the bare domains that are part of these names (a title such as "dumdaar.com top")."""
        for url in urls:
            url = safe_url(url)
            if url:
                self.allowed.add(url.rstrip("/").lower())
                self.allowed_hosts.add((urlsplit(url).hostname or "").lower())
        for name in names:
            self.allowed_hosts.update(m.group(0).lower() for m in BARE_DOMAIN.finditer(name or ""))

    def clean(self, text: str) -> str:
        if not text:
            return text
        lines = []
        for line in text.split("\n"):
            if line.lstrip().startswith("|"):  # a Markdown table row: filter each cell
                lines.append("|".join(self._cell(cell) for cell in line.split("|")))
            else:
                lines.append(self._line(line))
        return "\n".join(lines)

    def _cell(self, cell: str) -> str:
        body = cell.strip()
        if not body or set(body) <= set("-: "):
            return cell
        lead = cell[: len(cell) - len(cell.lstrip())]
        trail = cell[len(cell.rstrip()) :]
        return lead + (self._line(body).strip() or "-") + trail

    def _line(self, line: str) -> str:
        lead = line[: len(line) - len(line.lstrip())]
        body = line.strip()
        if not body:
            return line
        trail = line[len(line.rstrip()) :]
        kept = [s for s in (self._sentence(s) for s in split_sentences(body)) if s]
        out = "".join(kept).rstrip()
        return lead + out + trail if out else ""

    def _sentence(self, sentence: str) -> str | None:
        tail = sentence[len(sentence.rstrip()) :]
        visible = strip_invisible(sentence)
        probe = visible.translate(FULLWIDTH)  # checked as ASCII; shown as written (CJK punctuation)
        if ACTIVE_HTML.search(probe) or ACTIVE_HTML.search(html.unescape(probe)):
            return self._drop(sentence, "active HTML")
        for url in self._links(strip_html(probe)):
            if not self._allowed(url):
                return self._drop(sentence, f"link to {url[:60]!r}")
        why = instruction_like(probe)
        if why:
            return self._drop(sentence, why)
        text = " ".join(strip_invisible(strip_html(visible)).split())
        return text + (tail or "") if text else None

    def _links(self, text: str) -> list[str]:
        targets = [m.group(1) for m in MD_TARGET.finditer(text) if m.group(1)]
        return targets + [m.group(0) for regex in (LINK_URL, BARE_DOMAIN) for m in regex.finditer(text)]

    def _allowed(self, url: str) -> bool:
        url = url.strip().rstrip(".,;:!?").rstrip("/").lower()
        if url in self.allowed:
            return True
        # A bare host ("cdn.example.com") of an allowed record URL names that URL's site.
        return "/" not in url and ":" not in url and url in self.allowed_hosts

    def _drop(self, sentence: str, why: str) -> None:
        self.removed.append(why)
        log.info("output filter: removed a sentence (%s): %r", why, sentence[:120])
        return None


# -- records and passages as they may be shown ------------------------------------------------------
def shown_text(text: str, allowed_urls: Iterable[str | None] = (), names: Iterable[str | None] = ()) -> str:
    """A catalog or policy text as it may be shown or quoted: plain text, then the output filter
    (no instruction, no link but to `allowed_urls` or a bare domain that is part of `names`)."""
    if not text:
        return text
    if LINK_URL.search(text) or BARE_DOMAIN.search(text) or "](" in text:
        return _shown(text, tuple(allowed_urls), tuple(names))
    return _shown(text, (), ())  # no link to allow: the same text is the same answer


@lru_cache(maxsize=65536)  # catalogs repeat their attribute names and values
def _shown(text: str, allowed_urls: tuple[str | None, ...], names: tuple[str | None, ...]) -> str:
    multiline = "\n" in text
    return ShopperText(allowed_urls, names).clean(plain_text(text, multiline=multiline)).strip()


def shown_product(product: Product) -> Product:
    """The record with every text field (title, description, brand, category, material, sizes,
    attribute names and values) through `shown_text`: what ingest does to a catalog row, done
    again where records are read, so an index written by another tool or an older version is
    held to the same rule. A field left empty goes; a title always keeps a name (its plain text
    when that is no instruction, else the id). The record is returned as is when nothing changes."""
    names = [product.title, product.brand]
    urls = [product.image_url]

    def shown(value: str) -> str:
        return shown_text(value, urls, names)

    title = shown(product.title)
    if not title:
        plain = plain_text(product.title, keep_urls=False)
        title = plain if plain and not instruction_like(plain) else product.id
    attributes = {}
    for key, value in product.attributes.items():
        key, value = shown(key), shown(value)
        if key and value:
            attributes[key] = value
    update = {
        "title": title,
        "description": shown(product.description),
        "brand": shown(product.brand) if product.brand else product.brand,
        "category": [n for n in (shown(node) for node in product.category) if n],
        "material": shown(product.material) if product.material else product.material,
        "sizes": [s for s in (shown(size) for size in product.sizes) if s],
        "attributes": attributes,
        "image_url": safe_url(product.image_url),
    }
    update["brand"] = update["brand"] or None
    update["material"] = update["material"] or None
    if all(getattr(product, k) == v for k, v in update.items()):
        return product
    return product.model_copy(update=update)


def shown_passage(passage: dict) -> dict:
    """A policy passage ({'source', 'section', 'text', ...}) as it may be quoted or cited: its
    text fields through `shown_text` (no link, no instruction), other keys as they are."""
    return {
        k: shown_text(v) if isinstance(v, str) and k in ("source", "section", "text") else v for k, v in passage.items()
    }
