"""Training data for fine-tuning: read JSONL files, clean them, split them into train/validation.

Three formats are recognised, per file, from its first valid row:

* chat: ``{"messages": [{"role": "system"|"user"|"assistant", "content": "..."}, ...]}``
  (the format of ``data/dialogues/*.jsonl``), kept as given.
* instruction pairs: ``{"instruction", "input", "output"}`` (Bitext-style support pairs) become
  system = instruction, user = input, assistant = output (user = instruction when input is empty).
  Their ``{{Placeholders}}`` (``{{Order Number}}``, ``{{Account Type}}``) are KEPT AS-IS by
  default (``placeholders="keep"``): they are the dataset's slot markers, the held-out references
  contain them too (so ROUGE compares like with like), and rewriting 60+ distinct slots into
  "neutral" prose gives ungrammatical text ("the order with order number your order number").
  ``placeholders="neutral"`` is available: a few common slots get a neutral phrase, any other
  ``{{Name}}`` just loses its braces.
* tau-bench trajectories: ``{"messages_display": "user: ...\\nassistant: ...\\ntool: ..."}``.
  User and assistant turns are kept. An ``assistant: None`` turn is a tool call with no text: it
  is dropped. A ``tool:`` result is turned into a compact context message (role ``system``,
  ``"Context: key=value; ..."``, at most ``TOOL_CONTEXT_CHARS`` characters) placed where the result
  arrived, so the assistant's next reply ("your gift card balance is $60") is grounded in what the
  agent saw instead of teaching the model to invent facts. Context messages are never trained on
  (loss is on assistant tokens only). The simulator's ``###STOP###`` marker is removed, and
  turns after the last assistant reply are dropped (nothing to learn from them).

Cleaning, in this order: whitespace is normalised (runs of spaces/tabs -> one space, lines
stripped, at most one blank line), every message is passed through ``common.redact.redact``
(e-mails, phones, cards, street addresses; numeric IDs of 7+ digits such as tau-bench item IDs
may be redacted as phones too: over-redaction is the safe side), then samples with no assistant
text are dropped as "empty", samples longer than ``max_chars`` as "too_long", and exact
duplicates (same messages after cleaning) as "duplicate". Each reason is counted.

Bad rows (invalid JSON, wrong shape, a row of another format) are reported with file and line
number in ``LoadedData.problems`` and skipped; ShopAssistError is raised only when a file is
missing or nothing usable remains.

The split is deterministic: a sample goes to validation when the hash of (seed, its content)
falls below ``val_fraction``, so it does not depend on file order and adding rows never moves
other rows between the splits.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from common.errors import ShopAssistError
from common.redact import redact

log = logging.getLogger(__name__)

ROLES = ("system", "user", "assistant")
TOOL_CONTEXT_CHARS = 400
# Tool-result keys left out of the compact context: postal addresses are PII and long.
TOOL_SKIP_KEYS = {"address"}
DEFAULT_MAX_CHARS = 6000
TAU_SYSTEM_PROMPT = (
    "You are a helpful retail customer support agent. Use the context from the store's systems "
    "to answer, and confirm before changing an order."
)
# Neutral wording for the most frequent Bitext slots (placeholders="neutral" only).
NEUTRAL_PLACEHOLDERS = {
    "Order Number": "your order number",
    "Account Type": "the new account type",
    "Account Category": "the chosen account type",
    "Customer Support Phone Number": "our customer support phone line",
    "Customer Support Email": "our customer support e-mail",
    "Customer Support Hours": "our support hours",
    "Customer Service Hours": "our support hours",
    "Website URL": "our website",
    "Client Name": "there",
}

Format = Literal["chat", "pairs", "tau"]
Message = dict[str, str]


@dataclass
class Sample:
    messages: list[Message]
    source: str  # "file:line"

    @property
    def key(self) -> str:
        """sha256 of the cleaned messages: the identity used for de-duplication and the split."""
        return hashlib.sha256(canonical(self.messages).encode()).hexdigest()


@dataclass
class LoadedData:
    train: list[Sample]
    validation: list[Sample]
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    formats: dict[str, str] = field(default_factory=dict)  # file -> detected format

    @property
    def sha256(self) -> str:
        """sha256 of the training split exactly as trained (canonical JSON lines, split order)."""
        digest = hashlib.sha256()
        for sample in self.train:
            digest.update(canonical(sample.messages).encode() + b"\n")
        return digest.hexdigest()


def canonical(messages: list[Message]) -> str:
    return json.dumps(messages, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# --- cleaning -------------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")
_PLACEHOLDER = re.compile(r"\{\{+\s*([^{}]*?)\s*\}\}")


def normalise(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def neutral_placeholders(text: str) -> str:
    """``{{Order Number}}`` -> "your order number"; other slots lose their braces."""
    return _PLACEHOLDER.sub(lambda m: NEUTRAL_PLACEHOLDERS.get(m.group(1), m.group(1)), text)


def clean_messages(messages: list[Message], placeholders: str = "keep") -> list[Message]:
    out = []
    for message in messages:
        content = message["content"]
        if placeholders == "neutral":
            content = neutral_placeholders(content)
        content = redact(normalise(content))
        if content:
            out.append({"role": message["role"], "content": content})
    return out


# --- formats --------------------------------------------------------------------------------


def detect_format(row: dict[str, Any]) -> Format | None:
    if "messages" in row:
        return "chat"
    if "messages_display" in row:
        return "tau"
    if "output" in row and ("instruction" in row or "input" in row):
        return "pairs"
    return None


def from_chat(row: dict[str, Any]) -> list[Message]:
    messages = row["messages"]
    if not isinstance(messages, list) or not messages:
        raise ValueError("'messages' must be a non-empty list")
    out = []
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            raise ValueError(f"message {i} is not an object")
        role, content = message.get("role"), message.get("content")
        if role not in ROLES:
            raise ValueError(f"message {i} has role {role!r}; expected one of {', '.join(ROLES)}")
        if not isinstance(content, str):
            raise ValueError(f"message {i} has no string 'content'")
        out.append({"role": role, "content": content})
    return out


def from_pairs(row: dict[str, Any]) -> list[Message]:
    instruction, prompt, output = (row.get(k, "") for k in ("instruction", "input", "output"))
    if not all(isinstance(v, str) for v in (instruction, prompt, output)):
        raise ValueError("'instruction', 'input' and 'output' must be strings")
    if not prompt.strip():  # no separate input: the instruction is the user's request
        instruction, prompt = "", instruction
    messages = [{"role": "system", "content": instruction}] if instruction.strip() else []
    return messages + [
        {"role": "user", "content": prompt},
        {"role": "assistant", "content": output},
    ]


_TAU_TURN = re.compile(r"^(user|assistant|tool): ?", re.MULTILINE)


def from_tau(row: dict[str, Any]) -> list[Message]:
    display = row["messages_display"]
    if not isinstance(display, str):
        raise ValueError("'messages_display' must be a string")
    parts = _TAU_TURN.split(display)  # ['', role, text, role, text, ...]
    if len(parts) < 3 or parts[0].strip():
        raise ValueError("'messages_display' does not start with a 'user:/assistant:/tool:' turn")
    messages: list[Message] = [{"role": "system", "content": TAU_SYSTEM_PROMPT}]
    for role, text in zip(parts[1::2], parts[2::2], strict=True):
        text = text.replace("###STOP###", "").strip()
        if role == "assistant" and text == "None":
            continue  # a tool call: no words to learn; its result follows as a tool turn
        if role == "tool":
            context = "Context: " + compact_tool_result(text)
            if messages[-1]["role"] == "system" and messages[-1]["content"].startswith("Context:"):
                messages[-1]["content"] += "\n" + context  # consecutive results: one message
            else:
                messages.append({"role": "system", "content": context})
            continue
        messages.append({"role": role, "content": text})
    while messages and messages[-1]["role"] != "assistant":
        messages.pop()  # turns after the last reply teach nothing
    return messages


def compact_tool_result(text: str, limit: int = TOOL_CONTEXT_CHARS) -> str:
    """A tool's JSON result as ``key=value; ...``, cut to ``limit`` chars.

    Nested keys keep only their last two parts (``gift_card_8245350.balance=60``), addresses
    are left out; that keeps the facts an answer cites inside the limit.
    """
    try:
        value = json.loads(text)
    except ValueError:
        flat = " ".join(text.split())
    else:
        pairs: list[str] = []
        _flatten(value, "", pairs)
        flat = "; ".join(pairs)
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _flatten(value: Any, prefix: str, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in TOOL_SKIP_KEYS:
                _flatten(item, ".".join((prefix.split(".")[-1:] if prefix else []) + [str(key)]), out)
    elif isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
        for i, item in enumerate(value):
            _flatten(item, f"{prefix}[{i}]", out)
    else:
        text = ", ".join(map(str, value)) if isinstance(value, list) else str(value)
        out.append(f"{prefix}={text}" if prefix else text)


PARSERS = {"chat": from_chat, "pairs": from_pairs, "tau": from_tau}


# --- loading --------------------------------------------------------------------------------


def read_file(
    path: Path,
    counts: Counter,
    problems: list[str],
    placeholders: str = "keep",
) -> tuple[Format | None, list[Sample]]:
    """Parse one JSONL file; bad rows go to `problems` as 'file:line: reason'."""
    if not path.is_file():
        raise ShopAssistError(f"training data file {path} does not exist; check the --data path")
    fmt: Format | None = None
    samples = []
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            counts["rows"] += 1
            where = f"{path}:{number}"
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("row is not a JSON object")
                row_format = detect_format(row)
                if row_format is None:
                    raise ValueError(
                        "unknown row format; expected 'messages', 'instruction'/'input'/'output' or 'messages_display'"
                    )
                fmt = fmt or row_format
                if row_format != fmt:
                    raise ValueError(f"row looks like '{row_format}' but the file is '{fmt}'")
                messages = PARSERS[fmt](row)
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                counts["bad"] += 1
                problems.append(f"{where}: {exc}")
                continue
            samples.append(Sample(clean_messages(messages, placeholders), where))
    return fmt, samples


def load_data(
    paths: list[Path] | list[str],
    val_fraction: float = 0.1,
    seed: int = 42,
    max_chars: int = DEFAULT_MAX_CHARS,
    placeholders: str = "keep",
) -> LoadedData:
    """Read, clean, de-duplicate and split the given JSONL files."""
    if not paths:
        raise ShopAssistError("no training data given; pass at least one --data FILE.jsonl")
    if not 0.0 <= val_fraction < 1.0:
        raise ShopAssistError(f"val_fraction must be in [0, 1), got {val_fraction}")
    if placeholders not in ("keep", "neutral"):
        raise ShopAssistError(f"placeholders must be 'keep' or 'neutral', got {placeholders!r}")
    counts: Counter = Counter()
    problems: list[str] = []
    formats: dict[str, str] = {}
    kept: list[Sample] = []
    seen: set[str] = set()
    for path in map(Path, paths):
        fmt, samples = read_file(path, counts, problems, placeholders)
        formats[str(path)] = fmt or "unknown"
        for sample in samples:
            if not any(m["role"] == "assistant" for m in sample.messages):
                counts["empty"] += 1
            elif sum(len(m["content"]) for m in sample.messages) > max_chars:
                counts["too_long"] += 1
            elif sample.key in seen:
                counts["duplicate"] += 1
            else:
                seen.add(sample.key)
                kept.append(sample)
    for problem in problems[:20]:
        log.warning("skipped %s", problem)
    if len(problems) > 20:
        log.warning("... and %d more bad rows", len(problems) - 20)
    if not kept:
        raise ShopAssistError(
            f"no usable training samples in {', '.join(map(str, paths))} "
            f"(rows={counts['rows']}, bad={counts['bad']}, empty={counts['empty']}, "
            f"too_long={counts['too_long']}, duplicate={counts['duplicate']}); first problem: "
            f"{problems[0] if problems else 'none'}. Each line must be one JSON object in the "
            "chat, instruction-pair or tau-bench format (see finetune/data.py)"
        )
    train, validation = split(kept, val_fraction, seed)
    counts.update(kept=len(kept), train=len(train), validation=len(validation))
    return LoadedData(train, validation, counts, problems, formats)


def split_score(sample: Sample, seed: int) -> float:
    digest = hashlib.sha256(f"{seed}:{sample.key}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def split(samples: list[Sample], val_fraction: float, seed: int) -> tuple[list[Sample], list[Sample]]:
    """Deterministic split by hash; keeps at least one sample on each side when possible."""
    scored = sorted(((split_score(s, seed), i, s) for i, s in enumerate(samples)), key=lambda x: x[:2])
    n_val = sum(score < val_fraction for score, _, _ in scored)
    if val_fraction > 0 and len(samples) > 1:
        n_val = min(max(n_val, 1), len(samples) - 1)
    val_ids = {i for _, i, _ in scored[:n_val]}
    train = [s for i, s in enumerate(samples) if i not in val_ids]  # file order
    validation = [s for _, i, s in scored[:n_val]]  # hash order: a fair sample for eval_samples
    return train, validation
