"""Thai full names (`thai_names`), for `common.redact`.

Thai writes the words of a phrase with no space between them and sets phrases apart with
spaces; a person's name is the exception, a given name and a family name with one space
between ("สมชาย ใจดี"). wordfreq has no Thai, so no frequency tells a name's word from a
phrase, and Faker's Thai lists miss most names. What tells a name is where the two words
stand:

- after a title, spaced or glued to the name ("นางสาว วิไลวรรณ ศรีสุข", "คุณสมชาย ใจดี");
- after a recipient's word ("ส่งถึง สมชาย ใจดี", deliver to);
- right before the contact details they hold ("… สมหญิง ใจดี [PHONE]");
- opening the message before its verb ("พรเพ็ญ ศรีสุข โอนพร้อมเพย์ …", "… สั่งเสื้อ …").

Each word must hold none of the particles and shop words a phrase is made of (`thai_not_name`
in person_names.yaml: "ค่ะ", "สั่ง", "ซื้อ", "ราคา"...), so "สวัสดีค่ะ คำสั่งซื้อ" stays.
"""

from __future__ import annotations

import re
from functools import cache

from common.name_words import NAME_TAG, _names_data, merged_spans

# A Thai word as a phrase is written: Thai letters and marks only.
_THAI_WORD = r"[\u0e01-\u0e4e]{2,20}"
# The tags of contact, account and identity details, which name their holder.
_HOLDER_TAG = r"\[(?:PHONE|EMAIL|UPI|IBAN|CARD|ID|ADDRESS|POSTCODE)\]"
# Where a name's words end: a space, a tag, a digit, a punctuation mark or the end.
_ENDS = r"(?=[\s\[\d,.!?()]|$)"


def _alternation(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_names_data()[key], key=len, reverse=True))


@cache
def _titled() -> re.Pattern[str]:
    """A title, then a given name and perhaps a family name. A title glued to the name ("คุณ",
    also "you") is read only with both names: "คุณสมชาย ใจดี", not "คุณช่วยดูให้หน่อย"."""
    spaced = _alternation("thai_titles")
    glued = _alternation("thai_titles_glued")  # "คุณ สมชาย ใจดี" too: a space may follow
    return re.compile(
        rf"(?:(?<![\u0e01-\u0e4e])(?:{spaced})[ \t]+(?P<given>{_THAI_WORD})(?:[ \t](?P<family>{_THAI_WORD}))?{_ENDS}"
        rf"|(?<![\u0e01-\u0e4e])(?:{glued})[ \t]?(?P<glued>{_THAI_WORD}[ \t]{_THAI_WORD}){_ENDS}"
        # "คุณ" is a syllable of its own wherever it stands ("ส่งให้คุณอรุณี แสงทอง"), but "thank you"
        rf"|(?<!ขอบ)คุณ(?P<inside>{_THAI_WORD}[ \t]{_THAI_WORD}){_ENDS})"
    )


@cache
def _cued() -> re.Pattern[str]:
    """A recipient's or payee's word ("ส่งถึง", deliver to; "ผู้รับ", recipient), then a given
    name and a family name."""
    cues = _alternation("thai_name_cues")
    return re.compile(rf"(?:{cues})[ \t:]*(?P<name>{_THAI_WORD}[ \t]{_THAI_WORD}){_ENDS}")


@cache
def _before_tag() -> re.Pattern[str]:
    return re.compile(rf"(?:^|(?<=[\s\]]))(?P<name>{_THAI_WORD}[ \t]{_THAI_WORD})[ \t]*[,:]?[ \t]*(?={_HOLDER_TAG})")


@cache
def _opening() -> re.Pattern[str]:
    """Two words opening the message or a line, then a word that opens with a verb of the
    message's own (`thai_opening_verbs`: "สั่ง", order; "โอน", transfer)."""
    verbs = _alternation("thai_opening_verbs")
    return re.compile(rf"(?m)^[ \t]*(?P<name>{_THAI_WORD}[ \t]{_THAI_WORD})[ \t]+(?:{verbs})")


@cache
def _not_name() -> re.Pattern[str]:
    return re.compile(_alternation("thai_not_name"))


def _a_name(words: str) -> bool:
    """No particle or shop word of a phrase in the words."""
    return not _not_name().search(words)


def thai_names(text: str) -> str:
    """The text with Thai full names (after a title, before their contact details, opening the
    message before its verb) replaced by "[NAME]"."""
    if not re.search(r"[\u0e01-\u0e4e]", text):
        return text
    spans: list[tuple[int, int]] = []
    for m in _titled().finditer(text):
        glued = "glued" if m.group("glued") else "inside" if m.group("inside") else ""
        if glued:
            if _a_name(m.group(glued)):
                spans.append(m.span(glued))
            continue
        end = "family" if m.group("family") and _a_name(m.group("family")) else "given"
        if _a_name(m.group("given")):
            spans.append((m.start("given"), m.end(end)))
    for pattern in (_cued(), _before_tag(), _opening()):
        spans += [m.span("name") for m in pattern.finditer(text) if _a_name(m.group("name"))]
    for start, end in sorted(merged_spans(spans), reverse=True):
        text = text[:start] + NAME_TAG + text[end:]
    return text
