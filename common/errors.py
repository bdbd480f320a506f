"""The one exception type for errors a user can cause (bad file, unknown model, huge input)."""


class ShopAssistError(Exception):
    """Says what went wrong, where, and how to fix it. The CLI prints it without a traceback."""
