"""`Assistant`: the one core behind the CLI, the HTTP API, the web app and evaluation.

`respond(session, message)` reads top to bottom: check the message, understand it, run the one
branch its intent picks (chit-chat, policy, shown items, shopping), then close the turn. Each
branch streams public events (see `assistant.reply.EventKind`) and returns an `Outcome`; the
timings of the turn are recorded in one `Timings` passed in (both in `assistant.turn`).
Retrieval is the source of truth; the LLM only writes the language, and every sentence it writes
passes the grounding check before it is streamed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from functools import cached_property

from assistant import (
    answer_evidence,
    answers,
    chinese_text,
    dialogue,
    policy_answer,
    shopping,
)
from assistant.backends import Backend, Sampling, make_backend
from assistant.capacity import GenerationGate
from assistant.chinese import ChineseReader, Reading, carry_through, shop_reader
from assistant.compare import choice_text
from assistant.contractions import spelled_out
from assistant.copilot import Copilot, suggest_reply
from assistant.engine import SearchEngine
from assistant.generation import Generation, Writer
from assistant.grounding import Grounder
from assistant.intent import Intent
from assistant.interpret import Interpretation, NameResolver, interpret
from assistant.language import turn_language
from assistant.message_patterns import FUNCTION_WORDS
from assistant.named_products import NamedProducts
from assistant.naming import name_index
from assistant.order_copilot import answers_order, order_copilot, order_proposal
from assistant.policy_search import PolicyIndexUnavailable, PolicySearch
from assistant.policy_turn import PolicyTurn
from assistant.prompting import product_messages
from assistant.reply import ComparisonTable, Event, EventKind, ProductCard, Reply, RequestChip
from assistant.saved_vectors import VectorFile
from assistant.session import Session
from assistant.small_talk import small_talk, standing_empty, still_on_screen
from assistant.store import Action
from assistant.turn import Branch, Outcome, Relayed, Timings, observe, shopper_guard
from assistant.wording import (
    CLARIFY_REPLY,
    comparison_rows,
    comparison_table,
    detail_text,
    nothing_shown_text,
)
from common.dependency import Dependency
from common.errors import ShopAssistError
from common.language import CJK
from common.models import Embedder
from common.person_names import person_like_brands
from common.redact import redact, redact_keeping, without_tags
from common.schema import Product
from common.settings import Settings

log = logging.getLogger(__name__)
# The model's task line per kind of answer; the rules and the data come from `prompting`.
TASK_COMPARE = "In one or two sentences, say which of these suits the shopper better and why."
TASK_DETAIL = "In one or two sentences, answer the shopper about this product."

# Intents answered about shown or named products (the panel stays as it was).
ABOUT_PRODUCTS = (Intent.COMPARE, Intent.DETAIL, Intent.PRODUCT_QUESTION)
# What a record settles: a policy asked of a shown product is answered from it then, not the policy.
STATED = (answers.Verdict.YES, answers.Verdict.NO, answers.Verdict.VALUE)


class Assistant:
    def __init__(
        self,
        settings: Settings,
        engine: SearchEngine,
        backend: Backend,
        policies: PolicySearch,
        capacity: bool = True,
    ):
        self.settings = settings
        self.engine = engine
        self.backend = backend
        self.policies = policies
        self.gate = GenerationGate.for_backend(settings, backend.name)
        # Which products a question names and what their records answer.
        self.questions = NamedProducts(engine, settings.warm_answers_max_products)
        # Finds the products a message names ("the Pod Air Sport"); None: only on-screen references.
        self.name_products: NameResolver | None = self.questions.ids
        # Serving sheds a generation to the deterministic text when the queue is long and cuts it
        # at a deadline; batch evaluation (capacity=False) lets every generation run to its end,
        # or its results would depend on the machine's load and on --workers.
        model = Dependency(f"the {backend.name} model", settings.llm_stall_s, settings.dependency_retry_s)
        self.writer = Writer(backend, Sampling.from_settings(settings), self.gate if capacity else None, model)
        self.policy_turn = PolicyTurn(policies, self.writer, self.model_text, settings.shopper_model_budget_s)

    @classmethod
    def load(
        cls, settings: Settings, backend: Backend | None = None, embed: Embedder | None = None, capacity: bool = True
    ) -> Assistant:
        """Open the index and policies and build the backend; `embed` replaces the configured
        embedding model (tests pass a small deterministic one); `capacity=False` for batch
        evaluation (no shedding, no generation deadline)."""
        # The index first: a missing one is one clear error before any model is loaded.
        engine = SearchEngine.load(settings, embed)
        policies = PolicySearch.open(settings, engine.retriever.embed)
        # The clause vectors an earlier start saved, for the configured model only (a test's
        # embedder is another model under the same name).
        saved = (
            None if embed else VectorFile(settings.index_dir / "policy_clause_vectors.npz", settings.embedding_model)
        )
        try:  # the policy clauses' vectors now, not in the first policy question's time
            policy_answer.warm(policies.passages(), policies.embed, saved)
        except PolicyIndexUnavailable:  # answered as degraded when a policy question comes
            log.warning("policy clauses not prepared: the policy index is unavailable")
        return cls(settings, engine, backend or make_backend(settings), policies, capacity)

    def warm_answers(self) -> None:
        """Build what the first question about a product would otherwise build in its own time:
        the catalog's name index and its specification values. Measured on the busy 2-core dev
        machine: 2.0 s + 0.2 s for the 1,002 Flipkart products, 0.2 s + 0.02 s for tau's 591,
        growing with the catalog, so a server runs it in the background after loading, not
        `load` itself (a one-shot CLI search would pay it for nothing); a catalog over
        `warm_answers_max_products` is left to build it at the first question."""
        if len(self.engine.catalog.products) > self.settings.warm_answers_max_products:
            return
        name_index(self.engine.catalog)
        answer_evidence.catalog_values(self.engine.catalog)

    # -- entry points ------------------------------------------------------------------------
    def reply(self, session: Session, message: str) -> Reply:
        """The whole reply at once (CLI `ask`, evaluation)."""
        for event in self.respond(session, message):
            if event.type == EventKind.DONE:
                return event.data
        raise AssertionError("respond() ended without a done event")

    def respond(self, session: Session, message: str) -> Iterator[Event]:
        timings = Timings()
        message = self._checked(message)
        # A Chinese message is read into the interpreter's words (see assistant/chinese.py); the
        # shopper's own words are what the session records.
        earlier = [t.content for t in session.turns if t.role == "user"]
        session.language = turn_language(message, session.language, FUNCTION_WORDS.__contains__)
        reading = self.chinese.read(message, earlier) if session.language == "zh" and CJK.search(message) else None
        # The tags that stand for personal data are no words of a request ("[PHONE]" is no phone);
        # "she'd" is read as "she would", never as "shed".
        text = spelled_out(without_tags((reading.text if reading is not None else message) or message))
        meant = interpret(text or message, session, self.engine, self.shown_products(session), self.name_products)
        if reading is not None:
            carry_through(reading, meant.query, session.request)
        timings.took("understand", timings.start)
        yield Event(type=EventKind.INTENT, data=meant.intent)

        named = self.questions.for_policy(text, meant)
        if reading is not None and not reading.text and session.request.is_active():
            # A Chinese follow-up with nothing read ("今天好热啊", "实木的" unread) changes nothing: the
            # request stands and its cards come again, as the English path keeps them (set S d-08).
            same = dialogue.Update(session.request.model_copy(deep=True))
            branch = shopping.search_request(self, session, session.request.text, same, Intent.REFINE, timings)
        elif not text.strip() or (reading is not None and not reading.text):  # nothing to read: ask, never guess
            branch = self._say(CLARIFY_REPLY, Intent.CLARIFY)
        elif meant.unreadable:
            branch = self._say(meant.unreadable, Intent.CLARIFY)
        elif meant.intent == Intent.CHITCHAT:
            branch = small_talk(text, session, self.engine.catalog)
        elif named:
            branch = self._answer_named(session, text, named, meant, timings)
        elif meant.intent in (Intent.SUPPORT, Intent.POLICY):
            branch = self._policy(session, text, meant, timings)
        elif meant.intent in ABOUT_PRODUCTS:
            branch = self._about_shown(session, text, meant, timings)
        else:
            branch = shopping.shop(self, session, text, meant, timings)
        yield from self._close(session, message, branch, timings, reading)

    @cached_property
    def chinese(self) -> ChineseReader:
        """The reader of Chinese messages, against this shop's vocabulary (built on first use)."""
        return shop_reader(self.engine)

    def remove_from_request(self, session: Session, slot: str) -> Iterator[Event]:
        """Drop one chip's constraint from the active request (`RequestChip.slot`) and search
        again: the same events as a turn, recorded in the session as one."""
        timings = Timings()
        labels = {s.name: s.label for s in dialogue.slots(session.request, self.engine.catalog.currency)}
        update = dialogue.remove(session.request, slot, self.engine.catalog)
        timings.took("understand", timings.start)
        yield Event(type=EventKind.INTENT, data=Intent.REFINE)
        message = f"remove {labels[slot]}"
        branch = shopping.search_request(self, session, message, update, Intent.REFINE, timings)
        yield from self._close(session, message, branch, timings)

    def _close(
        self, session: Session, message: str, branch: Branch, timings: Timings, reading: Reading | None = None
    ) -> Iterator[Event]:
        """Relay a branch, then record the turn and send the final `Reply`. A Chinese turn's text
        is written in Chinese from the reply's records (the model writes English only)."""
        relayed = Relayed()
        chinese = session.language == "zh"
        outcome = yield from observe(branch, timings, relayed, text=not chinese)
        timings.took("total", timings.start)
        reply = self._reply(session, "".join(relayed.texts).strip(), outcome, timings)
        if chinese:
            unread, names = (reading.unread, reading.names) if reading else ([], {})
            reply.text = chinese_text.reply_text(reply, self.engine.catalog.currency, unread, names)
            if reading is not None and reading.deferred:
                reply.text += chinese_text.deferred(reading.deferred)
            reply.suggestions = chinese_text.suggestions(reply.suggestions)
            reply.alternatives = chinese_text.alternatives(reply.alternatives)
            reply.request = chinese_text.chips(reply.request, reply.constraints, self.engine.catalog.currency)
            timings.first("first_text")
            yield Event(type=EventKind.TEXT, data=reply.text)
        session.add_exchange(message, reply.text)
        # A turn about shown products leaves the panel as the shopper numbered it.
        session.remember(reply, relayed.showed_cards and outcome.intent not in ABOUT_PRODUCTS)
        log.info(
            "turn session=%s intent=%s products=%d corrections=%d fallback=%s message=%r",
            session.id,
            reply.intent,
            len(reply.products),
            reply.grounding_corrections,
            reply.used_fallback,
            redact(message)[:200],
        )
        yield Event(type=EventKind.DONE, data=reply)

    def copilot(
        self, conversation: list[dict[str, str]], use_adapter: bool = True, done: list[Action] | None = None
    ) -> Copilot:
        """`use_adapter=False` answers with the base model even when a copilot adapter is set.
        With a store, a conversation about an order is answered from it (`assistant.order_copilot`);
        `done`: the actions already run in this conversation."""
        proposal = order_proposal(self.settings.data_dir, conversation, done)
        if answers_order(proposal):
            return order_copilot(proposal)
        adapter = self.settings.copilot_adapter if use_adapter else None
        reply = suggest_reply(conversation, self.engine, self.policies, self.writer, adapter, self.model_name())
        return reply.model_copy(update={"order": proposal})

    def model_name(self) -> str:
        """The model replies are asked of, as configured: "backend · model"."""
        if self.backend.name == "openai":
            return f"openai · {self.settings.openai_model or 'the served model'}"
        if self.backend.name == "none":
            return "none (generation off)"
        return f"{self.backend.name} · {self.settings.llm_model}"

    # -- branches ----------------------------------------------------------------------------
    def _say(self, text: str, intent: Intent) -> Branch:
        yield Event(type=EventKind.TEXT, data=text)
        return Outcome(intent)

    def _policy(self, session: Session, message: str, meant: Interpretation, timings: Timings) -> Branch:
        # A question about a shown item ("does the first one come with a warranty?") is answered
        # from the policy for its kind of product, and says which item it is about.
        about = self._referenced(session, meant.references)
        # Its record first, where it states it ("Warranty Summary: 2 Years"); else the policy.
        found = self.questions.answers(about, message, None) if about else []
        if found and all(a.verdict in STATED for a in found):
            text = "\n".join(f"About the {p.title}: {a.text}" for p, a in zip(about, found, strict=True))
            yield Event(type=EventKind.TEXT, data=text)
            return Outcome(meant.intent, products=[ProductCard.of(p) for p in about])
        # A store question about no product ("do you deliver on sunday?") takes nothing off the
        # screen: the cards the shopper is looking at stay in the reply, as after small talk.
        cards = [] if about else still_on_screen(session, self.engine.catalog)
        if cards:
            yield Event(type=EventKind.PRODUCTS, data=cards)
        outcome = yield from self.policy_turn.run(session, message, meant, about, timings)
        if not about:
            outcome.products = outcome.products or cards
            outcome.empty_reason, outcome.not_carried = standing_empty(session)
        return outcome

    def _referenced(self, session: Session, positions: list[int]) -> list[Product]:
        """The shown products at these 1-based positions (those still in the catalog)."""
        catalog = self.engine.catalog
        ids = [session.shown[i - 1] for i in positions if 0 < i <= len(session.shown)]
        return [catalog.products[catalog.row_of[pid]] for pid in ids if pid in catalog.row_of]

    def _about_shown(self, session: Session, message: str, meant: Interpretation, timings: Timings) -> Branch:
        products = self._referenced(session, meant.references) + [self.product(pid) for pid in meant.named]
        if not products:  # nothing on screen to point at: say so, leave the request as it is
            yield Event(type=EventKind.TEXT, data=nothing_shown_text(len(session.shown)))
            return Outcome(meant.intent)
        chosen = self._referenced(session, [meant.picked]) if meant.picked else []
        # "which is cheaper? i'll take the cheaper one": the answer is about every card, the
        # reply leaves the card picked
        cards = [ProductCard.of(p) for p in chosen or products]
        yield Event(type=EventKind.PRODUCTS, data=cards)
        comparing = meant.intent == Intent.COMPARE
        answered = self.questions.about_cards(products, message, meant)
        if answered is not None:  # "which one is lighter?", "is the second one waterproof?"
            yield Event(type=EventKind.TEXT, data=answered)
            return Outcome(meant.intent, products=cards)
        table = comparison_table(products) if comparing else detail_text(products[0])
        if comparing:  # which suits what the shopper asked for, from the records
            table = f"{table}\n\n{choice_text(products, f'{session.request.text} {message}')}".rstrip()
        yield Event(type=EventKind.TEXT, data=table + "\n\n")
        started = time.perf_counter()
        grounder = self.grounder_for(products, session, message)
        run = Generation()
        task = TASK_COMPARE if comparing else TASK_DETAIL
        yield from self.model_text(self.write_about(products, session, message, task, grounder, run), session)
        timings.took("generate", started)
        comparison = ComparisonTable.of(products, comparison_rows(products))
        return Outcome(
            meant.intent,
            products=cards,
            comparison=comparison if comparing else None,
            run=run,
            grounder=grounder,
            used_fallback=run.failed,
        )

    # -- questions about named products (the answer is in assistant/answers.py) ---------------
    def answered_about(self, session: Session, message: str) -> list[str]:
        """Ids of the products a turn on this message would answer about (named in it or pointed
        at on screen), as `respond` routes it; empty for a search, a policy or support turn.
        Routing only, nothing is answered (bench/product_questions.py --naming measures it)."""
        meant = interpret(message, session, self.engine, self.shown_products(session), self.name_products)
        named = self.questions.for_policy(message, meant)
        if named:
            return [p.id for p in named]
        if meant.intent in ABOUT_PRODUCTS:
            return [p.id for p in self._referenced(session, meant.references)] + meant.named
        return []

    def _answer_named(
        self, session: Session, message: str, products: list[Product], meant: Interpretation, timings: Timings
    ) -> Branch:
        """Answer from the named products' records; a policy question the records do not answer
        ("what's the return window for the X?") goes to the policies."""
        naming = self.questions.naming(message)
        found = self.questions.answers(products, message, naming)
        if all(a.verdict == answers.Verdict.NOT_STATED for a in found):
            # The shopper asked about this product: say its listing is silent before the shop's
            # policy ("is there any warranty on the X?" where the record states none).
            yield Event(type=EventKind.TEXT, data=f"{found[0].text} ")
            return (yield from self._policy(session, message, meant, timings))
        cards = [ProductCard.of(p) for p in products]
        session.show([c.id for c in cards])
        yield Event(type=EventKind.PRODUCTS, data=cards)
        yield Event(type=EventKind.TEXT, data=self.questions.text(products, message, naming))
        return Outcome(Intent.DETAIL, products=cards)

    # -- helpers -----------------------------------------------------------------------------
    def model_text(self, sentences: Iterator[str], session: Session) -> Iterator[Event]:
        """The model's sentences as text events, between two `writing` events that tell a page
        more text is coming (and when it stopped): what the records give has streamed already.
        No model writes for generation off, a budget of 0 or a shopper writing another language."""
        if self.backend.name == "none" or session.language != "en" or not self.settings.shopper_model_budget_s:
            yield from (Event(type=EventKind.TEXT, data=s) for s in sentences)
            return
        budget = self.writer.budget_s(self.settings.shopper_model_budget_s)
        yield Event(type=EventKind.WRITING, data={"more": True, "budget_s": budget})
        for sentence in sentences:
            yield Event(type=EventKind.TEXT, data=sentence)
        yield Event(type=EventKind.WRITING, data={"more": False})

    def write_about(
        self, products: list[Product], session: Session, message: str, task: str, grounder: Grounder, run: Generation
    ) -> Iterator[str]:
        """The model's sentences about these products, grounded in their records and filtered; none
        for a shopper writing another language (the bundled model writes English only) or when the
        shopper's budget for model text is 0."""
        if session.language != "en" or not self.settings.shopper_model_budget_s:
            return iter(())
        messages = product_messages(message, products, session.history(), task)
        guard = shopper_guard(products)
        budget = self.settings.shopper_model_budget_s
        return self.writer.write(messages, grounder, run, self.settings.llm_adapter, guard=guard, budget_s=budget)

    def _checked(self, message: str) -> str:
        # its lines kept for redaction: a name alone on the last line, or under "thanks", signs
        # the message, and an e-mail's "From:" line heads it; joined into one line once redacted
        lines = "\n".join(line for line in (" ".join(part.split()) for part in message.splitlines()) if line)
        if not lines:
            raise ShopAssistError("the message is empty; say what you are looking for")
        if len(lines) > self.settings.max_message_chars:
            raise ShopAssistError(
                f"the message has {len(lines)} characters; the limit is {self.settings.max_message_chars}"
            )
        # Personal data means nothing to a search: tagged before anything reads the message, a
        # card number is never a price bound, never in a prompt, never echoed or saved. The shop's
        # brands that open with a title ("Dr Batra's") or read as a name ("Allen Solly") are no
        # person's name.
        return " ".join(redact_keeping(lines, self.person_like_brands).split())

    def _reply(self, session: Session, text: str, outcome: Outcome, timings: Timings) -> Reply:
        report = outcome.grounder.report if outcome.grounder else None
        return Reply(
            session_id=session.id,
            text=text,
            intent=outcome.intent,
            products=outcome.products,
            constraints=session.constraints.model_dump(exclude_defaults=True),
            constraints_text=session.constraints.describe(self.engine.catalog.currency),
            request=self.chips(session),
            changes=outcome.changes,
            not_carried=outcome.not_carried,
            alternatives=outcome.alternatives,
            suggestions=outcome.suggestions,
            comparison=outcome.comparison,
            empty_reason=outcome.empty_reason,
            citations=outcome.citations,
            handoff=outcome.handoff,
            grounding_corrections=report.corrections if report else 0,
            sentences_removed=(report.removed_sentences if report else 0) + (outcome.run.dropped if outcome.run else 0),
            used_fallback=outcome.used_fallback,
            degraded=outcome.degraded,
            timings_ms=timings.ms,
        )

    def chips(self, session: Session) -> list[RequestChip]:
        return [
            RequestChip(slot=s.name, label=s.label)
            for s in dialogue.slots(session.request, self.engine.catalog.currency)
        ]

    def grounder_for(
        self, products: list[Product], session: Session, message: str, counts: set[int] | None = None, read: str = ""
    ) -> Grounder:
        """The check for this turn's generated sentences: this turn's products, what the shopper
        has said (claims about them must be theirs), and earlier replies and `read`, the text of
        this turn already streamed (no repeats)."""
        said = " ".join(t.content for t in session.turns if t.role == "user") + " " + message
        earlier = [t.content for t in session.turns if t.role == "assistant"] + ([read] if read else [])
        return Grounder(
            products,
            self.engine.catalog.brand_names,
            self.engine.understander.type_words,
            shopper_said=said,
            earlier_replies=earlier,
            counts=counts or {len(products)},
        )

    @cached_property
    def person_like_brands(self) -> list[str]:
        return person_like_brands(self.engine.catalog.brand_names)

    def product(self, product_id: str) -> Product:
        catalog = self.engine.catalog
        return catalog.products[catalog.row_of[product_id]]

    def shown_products(self, session: Session) -> list[Product]:
        catalog = self.engine.catalog
        return [catalog.products[catalog.row_of[pid]] for pid in session.shown if pid in catalog.row_of]
