"""The one path from prompt to shown text: stream the LLM, check each sentence, count what went.

Shopper replies and the agents' copilot both write through `Writer.write`, so both get the same
grounding (products and prices from the records), the same echo and loop filters, and the same
behaviour when the backend fails: the stream ends, `Generation.failed` is set, and the caller
puts deterministic text from the records in its place. The same happens when the generation
queue is too long (`assistant.capacity.GenerationGate`); a generation that runs past the gate's
deadline is cut after its last complete sentence.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from assistant.backends import Backend, BackendError, Sampling
from assistant.capacity import GenerationGate
from assistant.grounding import Grounder
from assistant.passage_grounding import PassageGrounder
from assistant.sentence_text import degenerate, stream_sentences
from common.dependency import Dependency
from common.text import STOPWORDS, tokenize
from common.untrusted import ShopperText

log = logging.getLogger(__name__)

CITATION_CHARS = 300  # of a policy passage, quoted beside an answer
# A quoted data block: its tags on lines of their own (the rules name the tags mid-line).
DATA_BLOCK = re.compile(r"^<(\w+_data)>$.*?^</\1>$", re.S | re.M)
# The prompt's own markup copied into a reply: a passage header ("[returns.md - Returns > ...")
# a data tag, a template slot. Never an answer.
PROMPT_MARKUP = re.compile(
    r"\b[\w-]+\.(?:md|markdown|txt)\b|</?\w+_data>|</?shopper_message>"
    # a training set's unfilled slots ("{{Order Number}}"): a fine-tuned adapter copies them
    r"|\{\{[^{}]*\}\}"
    # the prompt's own words for its parts: a reply says "you" and "our policy"
    r"|\b(?:policy|catalog|product)[ _]data\b|\bthe shopper\b",
    re.I,
)


@dataclass
class Generation:
    """What happened while one reply was generated."""

    failed: bool = False  # the backend failed or was too busy; nothing (more) came
    busy: bool = False  # no generation slot in time: the deterministic text stands in
    cut: bool = False  # stopped at the generation deadline
    text: str = ""  # raw model output, before grounding
    kept: int = 0  # sentences that passed every check
    dropped: int = 0  # degenerate or prompt-echoing sentences
    first_token_at: float | None = None  # perf_counter() when the first token arrived


@dataclass
class Writer:
    backend: Backend
    sampling: Sampling
    gate: GenerationGate | None = None  # None: no capacity control (batch evaluation)
    # With a gate: the model as a dependency. A model that gives no text for its `timeout_s` (a
    # frozen server) ends the generation, and later turns skip it for its `retry_s`: a frozen
    # model costs one turn seconds, not every turn a slot (common/dependency.py).
    model: Dependency | None = None

    def write(
        self,
        messages: list[dict[str, str]],
        grounder: Grounder | PassageGrounder | None,
        run: Generation,
        adapter: str | None = None,
        guard: ShopperText | None = None,
        budget_s: float | None = None,
    ) -> Iterator[str]:
        """The model's reply, sentence by sentence as each completes, minus what fails a check.

        Without a grounder (policy answers: no products in play) only the loop and echo filters
        apply. With a guard, each sentence also passes the shopper's output filter here, so that
        `run.kept` counts only what the shopper will read and a reply the filter empties gets the
        deterministic text like any other empty one.
        """
        instructions = instruction_words(messages)
        deltas = self._deltas(messages, run, adapter, budget_s)
        sentences = grounder.stream(deltas) if grounder else stream_sentences(deltas)
        for sentence in sentences:
            # After a cut, the last piece is the unfinished sentence the deadline stopped.
            cut_short = run.cut and not sentence.rstrip().endswith((".", "!", "?"))
            if cut_short or degenerate(sentence) or echoes(sentence, instructions):
                run.dropped += 1
                continue
            if guard is not None:
                sentence = guard.clean(sentence)
                if not sentence.strip():
                    run.dropped += 1
                    continue
            run.kept += 1
            yield sentence.strip() + " "

    def budget_s(self, budget_s: float | None = None) -> float | None:
        """The longest the model may write for one reply while serving (None: no limit): the
        gate's deadline, or a shorter budget the caller gives (text that only adds to an answer)."""
        if self.gate is None:
            return None
        return min(self.gate.deadline_s, budget_s) if budget_s else self.gate.deadline_s

    def _deltas(
        self, messages: list[dict[str, str]], run: Generation, adapter: str | None, budget_s: float | None = None
    ) -> Iterator[str]:
        if self.gate is None:
            yield from self._generate(messages, run, adapter, deadline=None)
            return
        if self.model is not None and not self.model.available():
            log.info("the model is not answering; using the deterministic answer")
            run.failed = True
            return
        with self.gate.slot() as granted:
            if not granted:
                log.info("generation queue too long; using the deterministic answer")
                run.failed = run.busy = True
                return
            deadline = time.monotonic() + (self.budget_s(budget_s) or 0.0)
            if self.model is None:
                yield from self._generate(messages, run, adapter, deadline)
            else:
                yield from self._generate_watched(messages, run, adapter, deadline, self.model)

    def _generate_watched(
        self, messages: list[dict[str, str]], run: Generation, adapter: str | None, deadline: float, model: Dependency
    ) -> Iterator[str]:
        """`_generate` in a thread of its own, each piece of text awaited at most the model's
        `timeout_s` (and never past the deadline): a backend blocked on a socket read cannot
        block the turn. The abandoned thread ends when the backend's own timeout fires."""
        pieces: queue.Queue[tuple[str, str | None]] = queue.Queue()
        stop = threading.Event()
        inner = Generation()

        def pump() -> None:
            try:
                for delta in self._generate(messages, inner, adapter, deadline):
                    pieces.put(("text", delta))
                    if stop.is_set():
                        break
            finally:
                pieces.put(("end", None))

        threading.Thread(target=pump, name="generation", daemon=True).start()
        try:
            while True:
                wait = min(model.timeout_s, max(0.0, deadline - time.monotonic()) + 0.5)
                try:
                    kind, delta = pieces.get(timeout=wait)
                except queue.Empty:
                    if time.monotonic() < deadline:
                        model.trip(f"no text for {wait:g}s")
                    else:
                        log.info("generation cut at its deadline; keeping the sentences so far")
                    run.failed, run.cut = not run.text, True
                    return
                if kind == "end":
                    run.failed, run.cut = inner.failed, inner.cut
                    return
                model.recovered()
                if not run.text:
                    run.first_token_at = time.perf_counter()
                run.text += delta or ""
                yield delta or ""
        finally:
            stop.set()

    def _generate(
        self, messages: list[dict[str, str]], run: Generation, adapter: str | None, deadline: float | None
    ) -> Iterator[str]:
        stream = self.backend.stream(messages, self.sampling, adapter=adapter)
        try:
            for delta in stream:
                if not run.text:
                    run.first_token_at = time.perf_counter()
                run.text += delta
                yield delta
                if deadline is not None and time.monotonic() > deadline:
                    log.info("generation cut at its deadline; keeping the sentences so far")
                    run.cut = True
                    break
        except BackendError as exc:
            log.warning("LLM backend failed, using the deterministic answer: %s", exc)
            run.failed = True
        finally:
            close = getattr(stream, "close", None)  # generators: stop the backend now, not at GC
            if close is not None:
                close()


def instruction_words(messages: list[dict[str, str]]) -> set[str]:
    """Words of our own instructions (system rules and the task line after the data blocks).

    Data quoted in the system message (the copilot's policies and products) is not ours: a reply
    that quotes a policy is an answer, not an echo.
    """
    task = messages[-1]["content"].rsplit("</shopper_message>", 1)[-1]
    return set(tokenize(DATA_BLOCK.sub(" ", messages[0]["content"]) + " " + task))


def echoes(sentence: str, instructions: set[str]) -> bool:
    """A sentence made mostly of our instructions' words, or carrying the prompt's markup, is
    the model echoing the prompt."""
    if PROMPT_MARKUP.search(sentence):
        return True
    words = [w for w in tokenize(sentence) if w not in STOPWORDS]
    return bool(words) and sum(w in instructions for w in words) / len(words) >= 0.8


def citations(passages: list[dict]) -> list[dict[str, str]]:
    """Policy passages as cited beside an answer: source, section and the start of the text."""
    return [
        {"source": p["source"], "section": p["section"], "text": clipped(p["text"], CITATION_CHARS)} for p in passages
    ]


def clipped(text: str, limit: int) -> str:
    """`text` in at most `limit` characters: cut after a whole word and marked with "…" when it
    is longer (a quote cut mid-word, "should be tri", reads as a typo)."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    if " " in head and not text[limit - 1].isspace():
        head = head.rsplit(" ", 1)[0]
    return head.rstrip(" ,;:-") + "…"
