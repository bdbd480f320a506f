"""The Copilot tab for customer-service agents: paste a conversation, get a suggested reply.

The conversation is pasted as text, one turn per line starting with `customer:` or `agent:`
(lines without a role continue the turn above), or as the JSON list the API takes. The reply
is editable and has a copy button; beside it: the detected intent, whether to hand off, the
cited policy passages (source and section) and the products mentioned.
"""

from __future__ import annotations

import json
import re
from functools import partial

import gradio as gr

from assistant.copilot import AGENT_ROLES, CUSTOMER_ROLES, Copilot
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
    try:
        result = ctx.assistant.copilot(parse_conversation(text), use_adapter=model == ADAPTER)
    except ShopAssistError as exc:
        raise gr.Error(str(exc)) from exc
    return (
        result.suggested_reply,
        intent_html(result),
        policies_html(result.policies),
        cards_html(result.products),
    )


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

    suggest.click(
        partial(suggest_reply, ctx),
        [conversation, model],
        [reply, intent, policies, products],
        api_name="copilot",
        concurrency_id="model",
        concurrency_limit=ctx.settings.web_concurrency,
    )
    example.click(lambda: EXAMPLE, None, conversation, api_visibility="private")
