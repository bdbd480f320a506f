"""The shop's own translation of the policy clause that answers a shopper in another language.

Policy answers are found in the policies as written (`assistant/policy_answer.py`: one search,
one set of situation words). A shop may ship its policies translated too (`data/policies/zh/`,
stored section by section beside the original section by `ingest/policies.py`); a shopper writing
that language is then quoted the translated clause, never a translation made up at run time.

The clause is found by the structure a faithful translation keeps: the same blocks (a paragraph,
a list with its introduction, a numbered step, a table) in the same order, and within a paragraph
the same sentences. Where the translation's structure differs, the translated block the clause is
in is quoted whole; where the block cannot be told, nothing (the caller quotes the original).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.policy_answer import LIST_ITEM, NUMBERED, SENTENCE_END, Clause, plain
from common.text import tokenize

# Sentence ends in Chinese (and the ASCII forms a store's plain text turns them into).
CJK_SENTENCE_END = re.compile(r"(?<=[。！？])\s*|(?<=[\u3400-\u9fff][!?])\s*")
# Full-width punctuation for Chinese text that the store's plain text wrote in ASCII ("，" -> ",").
FULL_WIDTH = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
# How many of a clause's first words find the paragraph it is in.
OPENING_WORDS = 6

Lookup = Callable[[str, str, str], dict | None]  # (language, source, section) -> stored translation


def quote_for(language: str, quoted: list[Clause], lookup: Lookup, covered: bool = True) -> dict[str, str]:
    """What a shopper writing `language` is quoted, added to the answer's first citation:
    {'quote', 'quote_language', 'quote_title', 'quote_covers'}: the shop's translation of the
    quoted clauses when it has one, else the clauses as written (the reply then says they are
    quoted in the original); `quote_covers` "no" when no clause speaks to the shopper's case and
    the quote is only the closest thing the policies say."""
    covers = {"quote_covers": "yes" if covered else "no"}
    translated = translated_quote(quoted, language, lookup)
    if translated:
        return {"quote": translated["quote"], "quote_language": language, "quote_title": translated["title"], **covers}
    first = quoted[0] if quoted else None
    said = [c.text for c in quoted if first and c.section == first.section]
    return {"quote": " ".join(said), "quote_language": "en", "quote_title": first.section if first else "", **covers}


def translated_quote(quoted: list[Clause], language: str, lookup: Lookup) -> dict[str, str] | None:
    """{'quote', 'title'}: the translation of the quoted clauses of the first clause's section
    (`title`: that section's translated title), or None when the shop has no translation for it
    or its clauses cannot be found in it."""
    if not quoted:
        return None
    first = quoted[0]
    stored = lookup(language, first.source, first.section)
    if not stored:
        return None
    found = [counterpart(c.text, stored["original"], stored["text"]) for c in quoted if c.section == first.section]
    if not found or None in found:
        return None
    return {"quote": "".join(dict.fromkeys(f for f in found if f)), "title": stored["title"]}


def counterpart(clause: str, original: str, translated: str) -> str | None:
    """The part of `translated` that says what `clause` of `original` says."""
    ours, theirs = blocks(original), blocks(translated)
    if len(ours) != len(theirs):
        return None
    at = next((i for i, block in enumerate(ours) if _holds(block, clause)), None)
    if at is None:
        return None
    ours_block, theirs_block = ours[at], theirs[at]
    if theirs_block[0].startswith("|"):
        return _table(theirs_block)
    if len(ours_block) == 1:  # a paragraph or one item: the sentences the clause is
        sentences = [s for s in SENTENCE_END.split(_line(ours_block[0])) if s.strip()]
        translated_sentences = [s for s in CJK_SENTENCE_END.split(_line(theirs_block[0])) if s.strip()]
        if len(sentences) == len(translated_sentences) > 1:
            said = [i for i, s in enumerate(sentences) if _overlaps(s, clause)]
            if said:
                return full_width("".join(translated_sentences[said[0] : said[-1] + 1]).strip())
    if NUMBERED.match(theirs_block[0]):
        return " ".join(f"{n}. {full_width(_line(line))}" for n, line in enumerate(theirs_block, 1))
    return "".join(full_width(_line(line)) for line in theirs_block).strip()


def blocks(text: str) -> list[list[str]]:
    """A section's blocks, each its lines: a table; a line that introduces a list (ends with a
    colon) with the list's items; a list item; a paragraph."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    out: list[list[str]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            j = i
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            out.append(lines[i:j])
            i = j
        elif line.endswith((":", "：")) and i + 1 < len(lines) and LIST_ITEM.match(lines[i + 1]):
            j = i + 1
            while j < len(lines) and LIST_ITEM.match(lines[j]):
                j += 1
            out.append(lines[i:j])
            i = j
        elif NUMBERED.match(line):  # numbered steps: one procedure, one clause (policy_answer.clauses)
            j = i
            while j < len(lines) and NUMBERED.match(lines[j]):
                j += 1
            out.append(lines[i:j])
            i = j
        else:
            out.append([line])
            i += 1
    return out


def full_width(text: str) -> str:
    """Chinese text with its punctuation full-width again where it sits beside Chinese, and at
    the end of a Chinese line ("Discover;" closing a list item)."""
    text = re.sub(
        r"(?<=[\u3400-\u9fff])\s*([,:;!?()])\s*|\s*([,:;!?()])\s*(?=[\u3400-\u9fff])",
        lambda m: FULL_WIDTH[m.group(1) or m.group(2)],
        text,
    )
    if re.search(r"[\u3400-\u9fff]", text) and text[-1:] in FULL_WIDTH:
        text = text[:-1] + FULL_WIDTH[text[-1]]
    return text


def _table(block: list[str]) -> str:
    """A translated table read row by row with its header's names, as the original's clause is."""
    rows = [[plain(c) for c in line.strip("|").split("|")] for line in block]
    rows = [r for r in rows if not all(re.fullmatch(r"\s*:?-+:?\s*", c) for c in r)]
    head, body = rows[0], rows[1:]
    read = ["；".join(f"{h.strip()}：{c.strip()}" for h, c in zip(head, row, strict=False)) for row in body]
    return full_width("。".join(read) + "。")


def _line(line: str) -> str:
    return plain(LIST_ITEM.sub("", line))


def _holds(block: list[str], clause: str) -> bool:
    """Whether a block holds the clause: its opening words, in order (a table: its words, read
    with the header's names before each cell)."""
    opening = tokenize(LIST_ITEM.sub("", clause))[:OPENING_WORDS]
    if block[0].startswith("|"):
        return set(tokenize(clause)) <= set(tokenize(" ".join(block)))
    words = tokenize(" ".join(_line(line) for line in block))
    n = len(opening)
    return bool(n) and any(words[i : i + n] == opening for i in range(len(words) - n + 1))


def _overlaps(sentence: str, clause: str) -> bool:
    """Whether a sentence is part of the clause (a clause may be a question with its answer)."""
    words = tokenize(sentence)
    said = tokenize(clause)
    n = min(len(words), OPENING_WORDS)
    return bool(n) and any(said[i : i + n] == words[:n] for i in range(len(said) - n + 1))
