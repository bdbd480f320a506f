"""A turn that answers a store-policy question: the clauses that apply quoted whole with their
sections at once (`policy_answer`), then, in English with a model, sentences each supported by
those passages. Kept apart from `assistant/core.py`, which only decides which branch a turn takes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from assistant import intent as intents
from assistant import policy_answer
from assistant.generation import Generation, Writer, citations
from assistant.intent import Intent
from assistant.interpret import Interpretation
from assistant.passage_grounding import PassageGrounder
from assistant.policy_search import UNAVAILABLE_REPLY, PolicyIndexUnavailable, PolicySearch
from assistant.policy_translation import quote_for
from assistant.prompting import policy_messages
from assistant.reply import Event, EventKind
from assistant.session import Session
from assistant.turn import Branch, Outcome, Timings
from assistant.wording import HANDOFF_ASKED_REPLY, HANDOFF_REPLY, NO_POLICIES_REPLY
from common.schema import Product
from common.untrusted import ShopperText

# The model's sentences as the turn's events (`Assistant.model_text`).
ModelText = Callable[[Iterator[str], Session], Iterator[Event]]


@dataclass
class PolicyTurn:
    policies: PolicySearch
    writer: Writer
    model_text: ModelText
    budget_s: float  # the shopper's wait for model text (`Settings.shopper_model_budget_s`)

    def run(
        self, session: Session, message: str, meant: Interpretation, about: list[Product], timings: Timings
    ) -> Branch:
        """Answer the question; `about`: the shown products it points at ("does the first one
        come with a warranty?"), answered from the policy for their kind and named first."""
        kinds = " ".join(p.category[-1] for p in about if p.category)
        if not kinds and session.shown and intents.points_back(message):  # "can she return them if..."
            kinds = session.request.product_type or ""
        asked = f"{message} {kinds}".strip()
        try:
            passages = self.policies.search(asked, k=4)
        except PolicyIndexUnavailable:  # degraded, not broken: say so and offer a human
            yield Event(type=EventKind.TEXT, data=UNAVAILABLE_REPLY)
            return Outcome(meant.intent, handoff=True, used_fallback=True)
        cited = citations(passages)
        if meant.handoff:
            trouble = intents.SUPPORT_CUE.search(message) or intents.COMPLAINT_CUE.search(message)
            yield Event(type=EventKind.TEXT, data=HANDOFF_REPLY if trouble else HANDOFF_ASKED_REPLY)
            return Outcome(meant.intent, handoff=True, citations=cited)
        if not passages:
            yield Event(type=EventKind.TEXT, data=NO_POLICIES_REPLY)
            return Outcome(meant.intent, handoff=meant.intent == Intent.SUPPORT)
        started = time.perf_counter()
        # The clauses that apply, quoted whole with their sections, stream at once; the model's
        # sentences may follow, each supported by those passages and none repeating the quote.
        found = policy_answer.answer(
            passages,
            asked,
            lambda text: self.policies.search(text, k=2),
            self.policies.embed,
            self.policies.section,
            of_product=bool(about),
        )
        if about:
            yield Event(type=EventKind.TEXT, data=f"About the {' and the '.join(p.title for p in about)}: ")
        yield Event(type=EventKind.TEXT, data=found.text + " ")
        quoted = policy_answer.cited(found.quoted, passages)[:2]
        run = Generation()
        grounder = PassageGrounder([p["text"] for p in quoted], already=[found.text])
        writes = session.language == "en" and self.budget_s > 0
        if writes:
            messages = policy_messages(message, quoted, session.history())
            written = self.writer.write(messages, grounder, run, guard=ShopperText(), budget_s=self.budget_s)
            yield from self.model_text(written, session)
        timings.took("generate", started)
        cited = citations(policy_answer.cited(found.quoted, passages))
        if session.language == "zh" and cited and found.quoted:  # the shop's Chinese clause, when it has one
            cited[0] = {**cited[0], **quote_for("zh", found.quoted, self.policies.translation, found.covered)}
        return Outcome(
            meant.intent,
            citations=cited,
            run=run,
            grounder=grounder,
            used_fallback=run.failed or run.kept == 0,
            handoff=meant.intent == Intent.SUPPORT and not found.covered,
        )
