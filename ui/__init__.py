"""The Gradio web app (Shop, Copilot and Evaluation tabs) will live here.

It is not built yet: no issue has asked for it so far. Everything it will call already exists
behind `assistant.core.Assistant` (respond for shoppers, copilot for agents) and the HTTP API.
"""
