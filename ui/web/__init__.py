"""The Gradio web app: the Shop tab for shoppers, Copilot for agents, Insights for analysts.

`app.mount_web(fastapi_app, WebContext.create(settings, assistant, store))` mounts it beside
the HTTP API, so `shopassist serve` (and `shopassist ui`) serve both from one process on the
same `Assistant` and session store. Modules: `app` (the Blocks, safe defaults, mounting),
`shop`, `copilot_tab`, `insights` (one tab each), `render` (escaped HTML), `sessions` (the
browser's link to the session store), `context` (what the tabs share).
"""
