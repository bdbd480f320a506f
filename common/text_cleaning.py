"""Untrusted text made plain: markup, escapes and invisible characters removed, URLs checked.

`plain_text` cleans a record's or policy passage's text at ingest (HTML tags, Markdown links,
images and emphasis, ANSI escapes, control and invisible format characters go; the words
stay); `safe_url` keeps a URL only when it is http(s) with a host and nothing that could break
out of an attribute. See `common/untrusted.py` for why this is hand-written.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

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
