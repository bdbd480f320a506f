"""The faces: the `shopassist` command line (cli.py), the HTTP API (api.py) and the Gradio web app.

This is the top layer. It calls `assistant.core.Assistant` (and ingest/finetune for their
commands); nothing below imports it. See the README's Architecture section.
"""
