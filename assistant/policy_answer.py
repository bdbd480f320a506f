"""Policy answers from the clause that applies: whole sentences or whole lists, each with the
section it comes from, and a plain "the policies don't cover that" when no clause speaks to the
shopper's case.

The retrieved passages are cut into clauses (a sentence, a numbered step, or a line that
introduces a list together with all its items: a list is never cut), scored by the shopper's
case words (`data/policy_cases.yaml`: "opened" also finds "unused", "fee" finds "deducted"), and
the best clauses are quoted, each naming its section, in plain text: no file names, no markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assistant import vocabulary
from assistant.answers import knowledge
from common.settings import read_yaml_config
from common.text import STOPWORDS, singular, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "policy_cases.yaml"
LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`#]+|<[^>]+>")
FILE_NAME = re.compile(r"\s*\(?\b[\w-]+\.(?:md|markdown|txt|html?)\b\)?")


@dataclass(frozen=True)
class Cases:
    expand: dict[str, frozenset[str]]
    generic: frozenset[str]
    max_quotes: int
    min_cover: float


@cache
def cases(path: Path = DATA_FILE) -> Cases:
    data: dict[str, Any] = read_yaml_config(path, what="policy cases data file")
    expand = {singular(k): frozenset(singular(w) for w in v) for k, v in data["cases"].items()}
    generic = frozenset(singular(w) for w in data["generic"].split())
    return Cases(expand, generic, int(data["max_quotes"]), float(data["min_cover"]))


@dataclass(frozen=True)
class Clause:
    text: str  # plain, whole: a sentence, a step, or a list with its introduction
    section: str  # "Returns and Refunds Policy > What you can return"
    source: str  # the file it came from: cited in `Reply.citations`, never in the text


@dataclass
class PolicyAnswer:
    text: str
    quoted: list[Clause] = field(default_factory=list)
    covered: bool = True  # some clause speaks to the shopper's case


def plain(text: str) -> str:
    """A policy's text as a shopper reads it: links as their words, no markup, no file names."""
    return FILE_NAME.sub("", MARKUP.sub("", LINK.sub(r"\1", text))).strip()


def clauses(passage: dict) -> list[Clause]:
    """The whole clauses of one retrieved passage ({'text', 'section', 'source'})."""
    out: list[Clause] = []
    lines = [line.rstrip() for line in passage["text"].splitlines()]
    i = 0
    section, source = passage["section"], passage["source"]
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if line.startswith("|"):  # a table: one clause, each row read with its header's names
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [plain(c) for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c.strip()) for c in cells):
                    rows.append(cells)
                i += 1
            head, body = rows[0], rows[1:]
            read = ["; ".join(f"{h}: {c}" for h, c in zip(head, row, strict=False)) for row in body]
            if read:
                out.append(Clause(". ".join(read) + ".", section, source))
            continue
        if LIST_ITEM.match(line) and re.match(r"^\s*[-*•]", line):
            items = []
            while i < len(lines) and LIST_ITEM.match(lines[i].strip() or "x"):
                items.append(_item(lines[i]))
                i += 1
            if out and out[-1].text.endswith(":") and out[-1].section == section:
                intro = out.pop().text
                out.append(Clause(f"{intro} {'; '.join(items)}.", section, source))
            else:
                out.extend(Clause(_capital(item) + ".", section, source) for item in items)
            continue
        text = plain(LIST_ITEM.sub("", line))
        pieces = [text] if line.rstrip().endswith(":") else SENTENCE_END.split(text)
        out.extend(Clause(p.strip(), section, source) for p in pieces if len(tokenize(p)) >= 3)
        i += 1
    return out


def _item(line: str) -> str:
    return plain(LIST_ITEM.sub("", line)).rstrip(";,.")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def case_words(question: str) -> list[str]:
    """What the shopper's case is about, without the words every policy question uses."""
    c = cases()
    words = [singular(w) for w in tokenize(question.replace("'", ""))]
    # The kind of product ("earbuds") is not the case: a clause listing earbuds as examples of
    # something else does not apply because of it.
    kinds = vocabulary.type_words()
    filler = c.generic | STOPWORDS | knowledge().filler
    words = [w for w in words if w in c.expand or (w not in filler and w not in kinds)]
    return list(dict.fromkeys(w for w in words if len(w) > 2 and not w.isdigit()))


def _stem(word: str) -> str:
    """ "returned", "returning", "returns" -> "return"; "changed" -> "chang" (so does "change"):
    enough to match a clause's forms of a word."""
    word = singular(word)
    for suffix in ("ing", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in tokenize(text)}


def _score(clause: Clause, asked: list[str]) -> set[str]:
    """The case words a clause speaks to (directly or through `cases`)."""
    words = _words(clause.text)
    return {a for a in asked if _stem(a) in words or {_stem(w) for w in cases().expand.get(a, ())} & words}


def answer(passages: list[dict], question: str, search: Callable[[str], list[dict]] | None = None) -> PolicyAnswer:
    """The clauses that apply to the question, quoted whole with their sections. With `search`,
    a part of the case no retrieved clause speaks to ("he doesn't like them": a change of mind)
    is looked up on its own, and the passages it finds join the ones retrieved (in `passages`)."""
    found = _answer(passages, question)
    asked = case_words(question)
    missing = [a for a in asked if not any(a in _score(c, [a]) for c in found.quoted)] if found.covered else asked
    if search is None or not missing:
        return found
    expanded = [w for a in missing for w in dict.fromkeys([a, *sorted(cases().expand.get(a, ()))])]
    noise = STOPWORDS | knowledge().filler
    topic = [w for w in tokenize(question) if singular(w) in cases().generic and w not in noise]
    known = {(p["section"], p["text"]) for p in passages}
    extra = [p for p in search(" ".join([*expanded, *topic])) if (p["section"], p["text"]) not in known]
    if not extra:
        return found
    passages.extend(extra)
    return _answer(passages, question)


def _answer(passages: list[dict], question: str) -> PolicyAnswer:
    every = [c for p in passages for c in clauses(p)]
    if not every:
        return PolicyAnswer("", covered=False)
    asked = case_words(question)
    topic = {_stem(w) for w in tokenize(question) if singular(w) in cases().generic}
    # Most case words first, then the question's topic words ("return"), then a section whose
    # heading names the case ("Damaged, faulty or wrong items", "Holiday returns" for a gift),
    # then passage order (the retrieval's ranking).
    scored = []
    for i, c in enumerate(every):
        heading = Clause(c.section.split(" > ")[-1], c.section, c.source)
        words = _words(c.text)
        scored.append((_score(c, asked), len(topic & words), len(_score(heading, asked)), -i, c))
    scored.sort(key=lambda s: (-len(s[0]), -s[1], -s[2], -s[3]))
    best, top = scored[0][0], scored[0][4]
    quoted, seen = [top], set(best)
    for words, *_, clause in scored[1:]:
        if len(quoted) >= cases().max_quotes:
            break
        same_document = clause.section.split(" > ")[0] == top.section.split(" > ")[0]
        # adds a part of the case the clauses before did not speak to, from the same policy
        # unless it speaks to more than one word of the case
        if words - seen and (same_document or len(words) >= 2):
            quoted.append(clause)
            seen |= words
    if asked and len(seen) / len(asked) < cases().min_cover:
        # Nothing speaks to the case: say so plainly, then what the closest passage does say.
        # (the first passage may hold no clause at all: everything in it was filtered out)
        closest = top if best else every[0]
        missing = " ".join(a for a in asked if a not in seen)
        text = f"Our policies don't cover {missing} directly. The closest they say: {_quoted(closest, None)}"
        return PolicyAnswer(text, [closest], covered=False)
    text, previous = [], None
    for clause in quoted:
        text.append(_quoted(clause, previous))
        previous = clause
    return PolicyAnswer(" ".join(text), quoted)


def _quoted(clause: Clause, previous: Clause | None) -> str:
    """'From our Returns and Refunds Policy ("What you can return"): <clause>' ."""
    parts = [p.strip() for p in clause.section.split(" > ")]
    document, heading = parts[0], parts[-1]
    if previous is not None and previous.section.split(" > ")[0].strip() == document:
        where = f"Under “{heading}”" if heading != document else "It also says"
    else:
        where = f"From our {document}" + (f", under “{heading}”" if heading != document else "")
    text = clause.text if clause.text.endswith((".", "!", "?", ":")) else clause.text + "."
    return f"{where}: {text}"


def cited(quoted: list[Clause], passages: list[dict]) -> list[dict]:
    """The passages the quotes come from first (in quote order), then the rest retrieved: the
    first citation is always the section of the first quote."""
    order = []
    for clause in quoted:
        for p in passages:
            if p["section"] == clause.section and p["source"] == clause.source and p not in order:
                order.append(p)
                break
    return order + [p for p in passages if p not in order]
