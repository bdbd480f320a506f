"""Replay dialogue logs through the serving code and score every turn.

Shopping dialogues go through `Assistant.reply` (which drains `Assistant.respond`, the path the
UI, the API and the CLI stream) turn by turn with one `Session`, so follow-ups see the state a
shopper's would. Copilot dialogues (`meta.mode: copilot`) call `Assistant.copilot` at each
customer turn with the logged conversation so far. Each user turn becomes one `TurnRow`: what
was said and shown, the checks that failed, and the counts the metrics are made of.

`run_evaluation` runs dialogues on worker threads sharing one `Assistant` (with an HTTP backend
such as `vllm serve`, turns of different dialogues then generate concurrently), appends each
finished dialogue's rows to `turns.jsonl` in one write, and on a rerun skips the dialogues the
file already holds, so an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from assistant.constraints import Constraints
from assistant.core import Assistant
from assistant.evaluation import answer_checks
from assistant.evaluation.checks import (
    CatalogScan,
    Spec,
    accumulate,
    check_constraints,
    check_refinement,
    follow_up_kind,
)
from assistant.evaluation.faithfulness import Context, Faithfulness, FaithfulnessChecker, money_values
from assistant.evaluation.labels import ConstraintLabel
from assistant.evaluation.logs import AnswerLabel, Dialogue
from assistant.evaluation.policy import PolicyIndex, PolicyResult
from assistant.evaluation.results import TurnRow, finished_dialogues
from assistant.evaluation.retrieval import constraint_precision, ndcg, recall
from assistant.evaluation.similarity import Similarity
from assistant.reply import ProductCard, Reply
from assistant.session import Session
from assistant.understand import Query
from common.errors import ShopAssistError
from common.redact import redact

log = logging.getLogger(__name__)

SHOPPING_INTENTS = {"search", "refine", "clarify"}
RANKED_DEPTH = 50  # Recall@50: the shown cards, then the active request's top 50


def _cards(cards: list[ProductCard]) -> list[dict[str, Any]]:
    return [{"id": c.id, "title": c.title, "price": c.price, "currency": c.currency} for c in cards]


def _faithfulness_counts(faith: Faithfulness) -> dict[str, float]:
    return {
        "hallucinated_products": faith.count("hallucinated_product"),
        "wrong_prices": faith.count("wrong_price"),
        "wrong_attributes": faith.count("wrong_attribute"),
        "unsupported_sentences": faith.unsupported_sentences,
        "faithful_replies": float(not faith.failures),
        "products_named": faith.products_named,
        "prices_stated": faith.prices_stated,
    }


def _failed(faith: Faithfulness) -> list[dict[str, str]]:
    return [{"check": f.check, "detail": redact(f.detail), "sentence": redact(f.sentence)} for f in faith.failures]


def _policy_counts(result: PolicyResult) -> dict[str, float]:
    return {
        "citations": result.citations,
        "citations_valid": result.citations_valid,
        "policy_claims": result.claims,
        "policy_claims_supported": result.claims_supported,
    }


class Evaluator:
    """Scores dialogues against one loaded `Assistant`; safe to call from several threads."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        if assistant.writer.gate is not None:
            log.warning(
                "evaluating an Assistant with capacity control: generations may be shed or cut by load; "
                "load it with Assistant.load(settings, capacity=False)"
            )
        catalog = assistant.engine.catalog
        self.records = {p.id: p for p in catalog.products}
        self.faithfulness = FaithfulnessChecker(catalog.products)
        self.scan = CatalogScan(catalog.products)
        self.policies = PolicyIndex.from_collection(assistant.policies.collection)
        self.similarity = Similarity(assistant.engine.retriever.embed)
        # One search first, so the first dialogue's latency does not carry the one-off loading
        # of torch and the indexes.
        assistant.engine.search("warm up", k=1)

    def dialogue(self, dialogue: Dialogue, on_turn: Callable[[], None] = lambda: None) -> list[TurnRow]:
        replay = self._copilot if dialogue.mode == "copilot" else self._shop
        return replay(dialogue, on_turn)

    # -- shopping ------------------------------------------------------------------------------
    def _shop(self, dialogue: Dialogue, on_turn: Callable[[], None]) -> list[TurnRow]:
        messages = dialogue.user_texts()
        labels, intents = dialogue.constraint_labels(), dialogue.intent_labels()
        answer_labels = dialogue.answer_labels()
        kinds, references = dialogue.follow_up_kinds(), dialogue.reference_replies()
        final_labels = dialogue.labels
        session = Session(id=f"eval-{hashlib.sha1(dialogue.id.encode()).hexdigest()[:12]}")
        parsed = Constraints()
        spec: Spec | None = None  # the request in force after the previous turn
        last_list: list[ProductCard] = []  # the cards on screen: what "compare 1 and 2" points at
        last_products: list[ProductCard] = []  # the last results that fit: what "cheaper" moves from
        earlier_prices: set[float] = set()
        # Price bounds and rating minimums the request has had: a reply may say what changed
        # ("replaced under $29.98 (was under $29.99)"), and an earlier bound derived from a
        # "cheaper" turn is neither a card's price nor a number the shopper wrote.
        earlier_bounds: set[float] = set()
        shopper_text = ""
        rows = []
        for i, message in enumerate(messages):
            last = i == len(messages) - 1
            shopper_text += " " + message
            detected = follow_up_kind(message)
            row = TurnRow(
                dialogue_id=dialogue.id,
                turn=i,
                of=len(messages),
                mode="shop",
                message=redact(message),
                intent_label=intents[i],
                follow_up_kind=kinds[i] or detected or ("opening" if i == 0 else "other"),
                reference=redact(references[i]) if references[i] else None,
            )
            try:
                reply = self.assistant.reply(session, message)
            except Exception as exc:  # a turn that fails is a result, not the end of the run
                log.warning("dialogue %s turn %d failed: %r", dialogue.id, i, exc)
                row.error = f"{type(exc).__name__}: {exc}"
                row.counts = {"turns": 1, "errors": 1}
                rows.append(row)
                on_turn()
                continue
            row.intent, row.text, row.cards = reply.intent, redact(reply.text), _cards(reply.products)
            row.timings_ms = reply.timings_ms
            counts: dict[str, float] = {
                "turns": 1,
                "replies": 1,
                "sentences_removed": reply.sentences_removed,
                "fallbacks": float(reply.used_fallback),
                "total_ms": reply.timings_ms.get("total", 0.0),
            }
            intent = intents[i] or reply.intent
            prior = spec
            if intent in SHOPPING_INTENTS:
                parsed = accumulate(parsed, self.assistant.engine.parse(message).constraints, message)
                spec = labels[i] or (parsed if not parsed.is_empty() else None)
            elif labels[i] is not None:
                spec = labels[i]

            shown = reply.products + [a.card for a in reply.alternatives]
            bounds = _bounds(reply, spec)
            context = Context(
                shopper_text, bounds | earlier_bounds, set(earlier_prices), self._passage_amounts(reply.citations)
            )
            faith = self.faithfulness.check(reply.text, shown, context)
            counts |= _faithfulness_counts(faith)
            row.failed += _failed(faith)
            self._what_it_says(row, counts, reply, shown, answer_labels[i])

            if intent in SHOPPING_INTENTS and spec is not None and detected not in ("compare", "reference"):
                unsatisfiable = final_labels.unsatisfiable if last and final_labels else None
                result = check_constraints(reply, spec, self.records, self.scan, unsatisfiable)
                counts |= {"cards_checked": result.cards_checked, "cards_satisfying": result.cards_satisfying}
                if result.unsatisfiable:
                    counts |= {"unsatisfiable_turns": 1, "honest_empty": float(bool(result.honest_empty))}
                row.failed += [{"check": "constraint", "detail": d} for d in result.failures]

            base = last_products if detected in ("cheaper", "pricier") else last_list
            refinement = check_refinement(detected, message, reply, base, prior, self.records, self.scan)
            if refinement is not None:
                counts |= {"refinements": 1, "refinements_ok": float(refinement.ok)}
                row.failed += [{"check": f"refinement:{refinement.kind}", "detail": d} for d in refinement.failures]

            self._answer_checks(row, counts, reply.text, reply.citations, reply.intent, intents[i], references[i])

            if last and final_labels and final_labels.relevant_products is not None and not final_labels.unsatisfiable:
                grades = final_labels.relevant_products
                scores = _ranking_scores(self._ranking(session, reply), grades)
                counts |= {"ranked": 1, **scores}
                row.values |= scores
                query = dialogue.meta.get("query")
                if query and len(messages) > 1:
                    row.one_shot, one_shot_scores = self._one_shot(str(query), grades)
                    counts |= {"one_shot_ranked": 1, **{f"one_shot_{k}": v for k, v in one_shot_scores.items()}}

            # The cards on screen after this turn: the products, else the labelled alternatives
            # offered instead ("compare 1 and 2" may point at those); a turn that only looked
            # at earlier cards, or showed none, leaves the list as it was. "Cheaper" moves from
            # the last products only: each alternative breaks the request, some on price.
            on_screen = list(reply.products) or [a.card for a in reply.alternatives]
            if on_screen and detected not in ("compare", "reference"):
                last_list = on_screen
            if reply.products and detected not in ("compare", "reference"):
                last_products = list(reply.products)
            earlier_prices |= {c.price for c in reply.products if c.price is not None}
            earlier_bounds |= bounds
            row.counts = counts
            rows.append(row)
            on_turn()
        return rows

    def _what_it_says(
        self, row: TurnRow, counts: dict[str, float], reply: Reply, shown: list[ProductCard], label: AnswerLabel | None
    ) -> None:
        """Answer correctness where labelled, false comparatives, repeated sentences, and policy
        quotes against the sections cited (see assistant/evaluation/answer_checks.py)."""
        records = [self.records[c.id] for c in shown if c.id in self.records]
        false = answer_checks.false_comparatives(reply.text, records)
        repeats = answer_checks.repeated_sentences(reply.text)
        counts |= {"false_comparatives": len(false), "repeated_sentences": len(repeats)}
        row.failed += [{"check": "false comparative", "detail": s} for s in false]
        row.failed += [{"check": "repeated sentence", "detail": s} for s in repeats]
        if reply.citations:
            quotes = answer_checks.citation_matches(reply.text, reply.citations, self.policies.resolve)
            counts |= {"policy_quotes": quotes.quotes, "policy_quotes_matched": quotes.matched}
            row.failed += [{"check": "policy citation", "detail": d} for d in quotes.failures or []]
        if label is not None:
            right, error = answer_checks.answer_right(label.gold, label.accept, reply.text)
            counts |= {"answers_labelled": 1, "answers_correct": float(right)}
            if not right:
                row.failed.append({"check": "answer", "detail": f"gold {label.gold!r}{f' ({error})' if error else ''}"})

    def _ranking(self, session: Session, reply: Reply) -> list[str]:
        """The shown cards, then the rest of the active request's top 50 (empty: abstained)."""
        shown = [c.id for c in reply.products]
        text = session.request.text
        if not shown or not text:
            return shown
        query = Query(text, text, session.constraints)
        deeper = self.assistant.engine.retriever.search(query, k=RANKED_DEPTH).hits
        return shown + [h.product.id for h in deeper if h.product.id not in shown]

    def _one_shot(self, query: str, grades: dict[str, int]) -> tuple[dict[str, Any], dict[str, float]]:
        session = Session(id=f"eval-one-shot-{hashlib.sha1(query.encode()).hexdigest()[:10]}")
        reply = self.assistant.reply(session, query)
        scores = _ranking_scores(self._ranking(session, reply), grades)
        return {"message": redact(query), "cards": _cards(reply.products), **scores}, scores

    def _passage_amounts(self, citations: list[dict[str, str]]) -> set[float]:
        """Amounts of money in the full text of the cited policy passages."""
        passages = [self.policies.resolve(c) for c in citations]
        return {value for text in passages if text for value, _ in money_values(text)}

    def _answer_checks(
        self,
        row: TurnRow,
        counts: dict[str, float],
        text: str,
        citations: list[dict[str, str]],
        intent: str,
        labelled_intent: str | None,
        reference: str | None,
        always_policy: bool = False,
    ) -> None:
        """The checks every answer gets, shopper or copilot: policy claims against the cited
        passages, the intent where labelled, similarity to a logged reply where there is one."""
        if citations or always_policy:
            policy = self.policies.check(text, citations)
            counts |= _policy_counts(policy)
            row.failed += [{"check": "policy", "detail": d} for d in policy.failures]
        if labelled_intent:
            counts |= {"intents_labelled": 1, "intents_correct": float(intent == labelled_intent)}
        if reference:
            row.values |= self._similarity(reference, text, counts)

    def _similarity(self, reference: str, text: str, counts: dict[str, float]) -> dict[str, float]:
        """ROUGE-L and cosine to the logged reply; adds them to the turn's counts."""
        scores = {
            "rouge_l": self.similarity.rouge_l(reference, text),
            "cosine": self.similarity.cosine(reference, text),
        }
        counts.update({"references": 1, **scores})
        return scores

    # -- copilot -------------------------------------------------------------------------------
    def _copilot(self, dialogue: Dialogue, on_turn: Callable[[], None]) -> list[TurnRow]:
        intents, references = dialogue.intent_labels(), dialogue.reference_replies()
        n = len(dialogue.user_texts())
        conversation: list[dict[str, str]] = []
        rows: list[TurnRow] = []
        for turn in dialogue.turns:
            conversation.append({"role": "customer" if turn.role == "user" else "agent", "content": turn.text})
            if turn.role != "user":
                continue
            i = len(rows)
            row = TurnRow(
                dialogue_id=dialogue.id,
                turn=i,
                of=n,
                mode="copilot",
                message=redact(turn.text),
                intent_label=intents[i],
                follow_up_kind="opening" if i == 0 else "other",
                reference=redact(references[i]) if references[i] else None,
            )
            started = time.perf_counter()
            try:
                suggestion = self.assistant.copilot(list(conversation))
            except Exception as exc:
                log.warning("dialogue %s turn %d failed: %r", dialogue.id, i, exc)
                row.error = f"{type(exc).__name__}: {exc}"
                row.counts = {"turns": 1, "errors": 1}
                rows.append(row)
                on_turn()
                continue
            total = round((time.perf_counter() - started) * 1000, 1)
            row.intent, row.text = suggestion.intent, redact(suggestion.suggested_reply)
            row.cards, row.timings_ms = _cards(suggestion.products), {"total": total}
            counts: dict[str, float] = {
                "turns": 1,
                "replies": 1,
                "sentences_removed": suggestion.sentences_removed,
                "fallbacks": float(suggestion.used_fallback),
                "total_ms": total,
            }
            said = " ".join(t["content"] for t in conversation)
            context = Context(said, passage_amounts=self._passage_amounts(suggestion.policies))
            faith = self.faithfulness.check(suggestion.suggested_reply, suggestion.products, context)
            counts |= _faithfulness_counts(faith)
            row.failed += _failed(faith)
            self._answer_checks(
                row,
                counts,
                suggestion.suggested_reply,
                suggestion.policies,
                suggestion.intent,
                intents[i],
                references[i],
                always_policy=True,
            )
            row.counts = counts
            rows.append(row)
            on_turn()
        return rows


def _bounds(reply: Reply, spec: Spec | None) -> set[float]:
    """Price bounds and rating minimum of the request: numbers a reply may quote."""
    values = [reply.constraints.get(k) for k in ("price_min", "price_max", "min_rating")]
    if isinstance(spec, ConstraintLabel | Constraints):
        values += [getattr(spec, k, None) for k in ("price_min", "price_max", "min_rating", "rating_min")]
    return {float(v) for v in values if isinstance(v, int | float)}


def _ranking_scores(ranked: list[str], grades: dict[str, int]) -> dict[str, float]:
    return {
        "ndcg@10": ndcg(ranked, grades, 10),
        "cp@5": constraint_precision(ranked, grades, 5) if ranked else 0.0,
        "recall@50": recall(ranked, grades, RANKED_DEPTH),
    }


# --------------------------------------------------------------------------------------------
# running, with resume


@dataclass
class RunSummary:
    dialogues: int  # in the log
    skipped: int  # already finished in turns.jsonl
    evaluated: int  # evaluated by this run
    turns: int  # user turns evaluated by this run
    seconds: float


def run_evaluation(
    evaluator: Evaluator,
    dialogues: list[Dialogue],
    out_dir: Path,
    workers: int = 1,
    progress: bool = True,
) -> RunSummary:
    """Evaluate the dialogues not yet in out_dir/turns.jsonl, `workers` at a time."""
    if workers < 1:
        raise ShopAssistError(f"--workers must be at least 1, got {workers}")
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "turns.jsonl"
    done = finished_dialogues(path)
    todo = [d for d in dialogues if d.id not in done]
    started = time.perf_counter()
    total_turns = sum(len(d.user_texts()) for d in todo)
    bar = tqdm(total=total_turns, unit="turn", desc="evaluating", disable=not progress, dynamic_ncols=True)
    lock = threading.Lock()

    def tick() -> None:
        with lock:
            bar.update(1)

    with path.open("a", encoding="utf-8") as handle:

        def work(dialogue: Dialogue) -> None:
            rows = evaluator.dialogue(dialogue, tick)
            block = "".join(r.model_dump_json() + "\n" for r in rows)
            with lock:  # one write per dialogue: a crash never leaves half of one behind
                handle.write(block)
                handle.flush()
                os.fsync(handle.fileno())

        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="eval")
        try:
            for future in as_completed([pool.submit(work, d) for d in todo]):
                future.result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    bar.close()
    return RunSummary(len(dialogues), len(dialogues) - len(todo), len(todo), total_turns, time.perf_counter() - started)
