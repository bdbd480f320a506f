"""The Copilot tab for customer-service agents: paste a conversation, get a suggested reply.

The conversation is pasted as text, one turn per line starting with `customer:` or `agent:`
(lines without a role continue the turn above), or as the JSON list the API takes. The reply
is editable and has a copy button; beside it: the detected intent, whether to hand off, the
cited policy passages (source and section) and the products mentioned. With a store: the
customer, their orders, the policy clause, the facts, and the proposed actions; the agent runs
one once the customer said yes (the store checks the policy again) and the conversation gets
the result as the agent's turn.
"""

from __future__ import annotations

import json
import re
from functools import partial

import gradio as gr

from assistant.copilot import AGENT_ROLES, CUSTOMER_ROLES, Copilot
from assistant.order_copilot import ORDER_PATH, execute
from assistant.store import Action
from assistant.store.propose import Proposal
from common.errors import ShopAssistError
from ui.web.context import WebContext
from ui.web.render import cards_html, esc, policies_html

ROLE_LINE = re.compile(r"^\s*(" + "|".join(sorted(CUSTOMER_ROLES | AGENT_ROLES)) + r")\s*:\s*(.*)$", re.IGNORECASE)
BASE, ADAPTER = "Base model", "Fine-tuned adapter"
EXAMPLE = (
    "customer: Hi, the running shoes I ordered last week are too small.\n"
    "agent: Sorry to hear that! Have you worn them outdoors?\n"
    "customer: No. Can I return them and how long does the refund take?"
)


def parse_conversation(text: str) -> list[dict[str, str]]:
    """Pasted text (or a JSON list of {role, content}) as chat turns; one clear error otherwise."""
    text = (text or "").strip()
    if not text:
        raise ShopAssistError("paste a conversation: one turn per line, starting with 'customer:' or 'agent:'")
    if text.startswith("["):
        try:
            turns = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ShopAssistError(
                f"the conversation looks like JSON but is not ({exc.msg} at line {exc.lineno})"
            ) from None
        if not isinstance(turns, list) or not all(isinstance(t, dict) for t in turns):
            raise ShopAssistError('a JSON conversation is a list of {"role": ..., "content": ...}')
        return [{"role": str(t.get("role", "")), "content": str(t.get("content", ""))} for t in turns]
    turns: list[dict[str, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = ROLE_LINE.match(line)
        if match:
            turns.append({"role": match[1].lower(), "content": match[2].strip()})
        elif turns:
            turns[-1]["content"] += " " + line.strip()
        else:
            raise ShopAssistError(f"line {number}: start each turn with 'customer:' or 'agent:'")
    return turns


def model_text(result: Copilot) -> str:
    """Which model the reply came from: the agent compares the base model and the adapter, and
    a reply the model gave nothing usable for is the policy's text, whichever was asked."""
    if result.model.startswith(ORDER_PATH):
        return "Answered from the store's records by rules: no model was asked."
    asked = f"the fine-tuned adapter {result.adapter}" if result.adapter else "the base model"
    if result.model:
        asked += f" ({result.model})"
    if result.used_fallback:
        return f"Asked {asked}: it gave nothing usable, so this reply quotes the policy."
    return f"Answered by {asked}."


def intent_html(result: Copilot) -> str:
    badge = (
        '<span class="sa-badge sa-warn">Hand off to a person</span>'
        if result.handoff
        else '<span class="sa-badge sa-info">Copilot can answer</span>'
    )
    model = f'<div class="sa-cite" id="copilot-model">{esc(model_text(result))}</div>'
    return f"<div><b>Intent:</b> {esc(result.intent)} &nbsp; {badge}{model}</div>"


def suggest_reply(ctx: WebContext, text: str, model: str) -> tuple[str, str, str, str]:
    """The tab's outputs for a pasted conversation: reply, intent line, policies, products."""
    return _outputs(_suggest(ctx, text, model, []))


def _suggest(ctx: WebContext, text: str, model: str, done: list[dict]) -> Copilot:
    try:
        actions = [Action(**a) for a in done]
        return ctx.assistant.copilot(parse_conversation(text), use_adapter=model == ADAPTER, done=actions)
    except ShopAssistError as exc:
        raise gr.Error(str(exc)) from exc


def _outputs(result: Copilot) -> tuple[str, str, str, str]:
    return (
        result.suggested_reply,
        intent_html(result),
        policies_html(result.policies),
        cards_html(result.products),
    )


def suggest_with_order(ctx: WebContext, text: str, model: str, state: dict) -> tuple:
    """The reply's outputs, then the store's part: the customer, orders, facts, the proposed
    actions to choose from, and the state (proposed and done actions) the run button reads."""
    done = state.get("done", []) if state else []
    result = _suggest(ctx, text, model, done)
    proposal = result.order
    actions = [a.model_dump() for a in proposal.actions] if proposal else []
    choices = [(action_label(a), i) for i, a in enumerate(actions)]
    return (
        *_outputs(result),
        order_html(proposal),
        gr.update(choices=choices, value=0 if choices else None, visible=bool(choices)),
        gr.update(visible=bool(choices)),
        {"actions": actions, "done": done},
    )


def run_action(ctx: WebContext, text: str, choice: int | None, agent: str, state: dict) -> tuple:
    """Run the chosen action through the store (preconditions checked again); the conversation
    records the result as the agent's turn."""
    actions = (state or {}).get("actions", [])
    if choice is None or not 0 <= int(choice) < len(actions):
        raise gr.Error("choose one of the proposed actions first")
    if not (agent or "").strip():
        raise gr.Error("type your name in 'Confirmed by': every action is logged with who confirmed it")
    action = Action(**actions[int(choice)])
    try:
        executed = execute(ctx.settings.data_dir, parse_conversation(text), action, agent.strip())
    except ShopAssistError as exc:
        raise gr.Error(str(exc)) from exc
    done = state.get("done", []) + ([action.model_dump()] if executed.result.done else [])
    kind = "sa-info" if executed.result.done else "sa-warn"
    shown = f'<div class="sa-badge {kind}" id="copilot-action-result">{esc(executed.reply)}</div>'
    conversation = text.rstrip() + f"\nagent: {executed.reply}"
    return conversation, shown, {"actions": actions, "done": done}


def action_label(action: dict) -> str:
    args = ", ".join(f"{k}={v}" for k, v in action["arguments"].items())
    return f"{action['name']}({args})"


def order_html(proposal: Proposal | None) -> str:
    """The customer, their orders, the policy clause and the facts the proposal rests on."""
    if proposal is None:
        return '<div class="sa-cite">No store: import one with <code>shopassist store import DIR</code>.</div>'
    parts = []
    if proposal.customer is None:
        parts.append('<div class="sa-badge sa-warn">Customer not verified yet: e-mail, or name + zip</div>')
    else:
        c = proposal.customer
        parts.append(f"<div><b>{esc(c['name'])}</b> · {esc(c['email'])} · {esc(c['address'])}</div>")
        parts.append(f"<div class='sa-cite'>Payment methods: {esc('; '.join(c['payment_methods']))}</div>")
        rows = "".join(
            f"<tr><td>{esc(o.order_id)}</td><td>{esc(o.status)}</td><td>{esc('; '.join(o.items))}</td>"
            f"<td>${o.total:,.2f}</td></tr>"
            for o in proposal.orders
        )
        parts.append(
            f"<table class='sa-orders'><tr><th>Order</th><th>Status</th><th>Items</th><th>Total</th></tr>{rows}</table>"
        )
    parts.append(
        f"<div><b>Request:</b> {esc(proposal.request)}"
        + (f" · <b>ask for:</b> {esc(proposal.needs)}" if proposal.needs else "")
        + "</div>"
    )
    if proposal.handoff:
        parts.append(f'<div class="sa-badge sa-warn">Hand off: {esc(proposal.handoff_reason)}</div>')
    if proposal.clause:
        parts.append(
            f"<div class='sa-cite'><b>Policy ({esc(proposal.clause['section'])}):</b> {esc(proposal.clause['text'])}</div>"
        )
    for fact in proposal.facts:
        parts.append(f"<div class='sa-cite'>{esc(fact)}</div>")
    return "".join(parts)


def build_copilot_tab(ctx: WebContext) -> None:
    has_adapter = bool(ctx.settings.copilot_adapter)
    limit = ctx.settings.max_request_bytes  # the same bound as the API's request body
    with gr.Row(equal_height=False):
        with gr.Column(scale=1):
            conversation = gr.Textbox(
                label="Conversation",
                lines=12,
                max_length=limit,
                placeholder="customer: ...\nagent: ...\ncustomer: ...",
                elem_id="copilot-conversation",
            )
            model = gr.Radio(
                [BASE, ADAPTER],
                value=ADAPTER,
                label="Model",
                info=f"adapter: {ctx.settings.copilot_adapter}" if has_adapter else None,
                visible=has_adapter,
            )
            with gr.Row():
                suggest = gr.Button("Suggest reply", variant="primary", elem_id="copilot-suggest")
                example = gr.Button("Example conversation", size="sm")
        with gr.Column(scale=1):
            reply = gr.Textbox(
                label="Suggested reply (edit before sending)",
                lines=6,
                interactive=True,
                buttons=["copy"],
                elem_id="copilot-reply",
            )
            intent = gr.HTML(elem_id="copilot-intent")
            gr.Markdown("**Policy passages**")
            policies = gr.HTML(elem_id="copilot-policies")
            gr.Markdown("**Products mentioned**")
            products = gr.HTML(elem_id="copilot-products")
            gr.Markdown("**Customer and orders**")
            order = gr.HTML(elem_id="copilot-order")
            actions = gr.Radio(
                [],
                label="Proposed action (run it once the customer said yes)",
                visible=False,
                elem_id="copilot-actions",
            )
            with gr.Row(visible=False) as run_row:
                agent = gr.Textbox(label="Confirmed by", placeholder="your name", scale=2, elem_id="copilot-agent")
                run = gr.Button("Run action", variant="stop", scale=1, elem_id="copilot-run")
            result = gr.HTML(elem_id="copilot-result")
    state = gr.State({"actions": [], "done": []})

    suggest.click(
        partial(suggest_with_order, ctx),
        [conversation, model, state],
        [reply, intent, policies, products, order, actions, run_row, state],
        api_name="copilot",
        concurrency_id="model",
        concurrency_limit=ctx.settings.web_concurrency,
    )
    run.click(
        partial(run_action, ctx),
        [conversation, actions, agent, state],
        [conversation, result, state],
        api_visibility="private",
    )
    example.click(lambda: EXAMPLE, None, conversation, api_visibility="private")
