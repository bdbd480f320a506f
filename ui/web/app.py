"""The web app: Shop, Copilot and Insights tabs in one `gr.Blocks`, mounted on the API's FastAPI.

Safe by default: the caller binds 127.0.0.1 unless told otherwise; no share link, analytics,
run history, MCP server or monitoring; no file is served from the data dir (the session,
feedback and secret files live there) and no folder is added to `allowed_paths`; uploads are
capped (the app has none of its own); every text is escaped before it becomes HTML
(`ui.web.render`); messages are capped at `max_message_chars`; and turns queue: at most
`web_concurrency` generate at once and `web_queue_size` wait, beyond which Gradio refuses.
"""

from __future__ import annotations

import gradio as gr
from fastapi import FastAPI

from common.errors import ShopAssistError
from ui.web.context import WebContext
from ui.web.copilot_tab import build_copilot_tab
from ui.web.insights import build_insights_tab
from ui.web.render import CSS
from ui.web.sessions import browser_secret
from ui.web.shop import build_shop_tab, page_load

# System fonts: nothing for the browser to fetch, and text looks native.
THEME = gr.themes.Default(font=["ui-sans-serif", "system-ui", "sans-serif"], font_mono=["ui-monospace", "monospace"])
# Remote product images are fetched by the browser; send them no referrer (no session URL leaks).
HEAD = '<meta name="referrer" content="no-referrer">'
LIGHT_EVENTS_AT_ONCE = 8  # votes, page loads, insights: quick, no model


def parse_auth(value: str | None) -> tuple[str, str] | None:
    """`user:password` -> (user, password); None when no login is wanted."""
    if not value:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise ShopAssistError("the web login must be given as user:password (--auth or SHOPASSIST_WEB_AUTH)")
    return user, password


def build_blocks(ctx: WebContext) -> gr.Blocks:
    secret = browser_secret(ctx.settings.data_dir)
    # delete_cache: files Gradio serves (the feedback export) are removed after an hour.
    with gr.Blocks(title="shopassist", analytics_enabled=False, delete_cache=(3600, 3600)) as blocks:
        with gr.Tabs():
            with gr.Tab("Shop", id="shop"):
                shop = build_shop_tab(ctx, secret)
            with gr.Tab("Copilot", id="copilot"):
                build_copilot_tab(ctx)
            with gr.Tab("Insights", id="insights"):
                load_insights, insights_outputs = build_insights_tab(ctx)
        restore, inputs, outputs = page_load(shop)
        blocks.load(restore, inputs, outputs, api_name="restore")
        blocks.load(load_insights, None, insights_outputs, api_visibility="private")
    blocks.queue(max_size=ctx.settings.web_queue_size, default_concurrency_limit=LIGHT_EVENTS_AT_ONCE)
    return blocks


def mount_web(app: FastAPI, ctx: WebContext, path: str = "/") -> FastAPI:
    """Mount the web app on `app` (the HTTP API), at `path`; the API's routes keep precedence."""
    return gr.mount_gradio_app(
        app,
        build_blocks(ctx),
        path=path,
        auth=parse_auth(ctx.settings.web_auth),
        auth_message="shopassist: sign in to continue",
        footer_links=[],
        run_history=False,
        mcp_server=False,
        ssr_mode=False,
        enable_monitoring=False,
        pwa=False,
        allowed_paths=[],
        blocked_paths=[str(ctx.settings.data_dir.resolve())],
        max_file_size="1mb",
        theme=THEME,
        css=CSS,
        head=HEAD,
    )
