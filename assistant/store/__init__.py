"""The shop's orders and customers (`Store`) and the actions an agent can confirm (`Action`)."""

from assistant.store.actions import Action, PolicyRefusal
from assistant.store.db import ActionResult, Store

__all__ = ["Action", "ActionResult", "PolicyRefusal", "Store"]
