"""Propose and execute over real HTTP (uvicorn on 127.0.0.1), with the fake models and a small store."""

from __future__ import annotations

import shutil

import httpx
import pytest

from assistant.core import Assistant
from tests.fakes import ScriptedBackend
from tests.serving import running
from tests.store_data import MUG_WHITE, make_store
from ui.api import create_app

pytestmark = pytest.mark.slow
TOKEN = "copilot-token"
CONVERSATION = [
    {"role": "customer", "content": "My mug from order #W0000002 arrived cracked, I want a refund."},
    {"role": "agent", "content": "Sorry about that! Could you give me your e-mail to verify your account?"},
    {"role": "customer", "content": "ann.lee@example.com"},
]


@pytest.fixture(scope="module")
def base_url(fake_settings, fake_embedder, tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("store-api") / "data"
    shutil.copytree(fake_settings.data_dir, data_dir)  # the fake index, plus a store beside it
    make_store(data_dir).close()
    settings = fake_settings.model_copy(update={"data_dir": data_dir, "api_token": TOKEN})
    assistant = Assistant.load(settings, backend=ScriptedBackend(default="unused"), embed=fake_embedder)
    with running(create_app(settings, assistant=assistant)) as url:
        yield url


def test_propose_then_execute_the_confirmed_action_and_refuse_it_again(base_url):
    with httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
        proposal = client.post("/v1/copilot", json={"conversation": CONVERSATION}).json()
        order = proposal["order"]
        assert order["customer"]["user_id"] == "ann_lee_1" and order["request"] == "return"
        assert proposal["suggested_reply"] == order["draft"] and "yes" in order["draft"]
        action = order["actions"][0]
        assert action == {
            "name": "return_delivered_order_items",
            "arguments": {"order_id": "#W0000002", "item_ids": [MUG_WHITE], "payment_method_id": "paypal_1"},
        }
        body = {"conversation": CONVERSATION, "action": action, "confirmed_by": "agent-7"}
        done = client.post("/v1/copilot/execute", json=body).json()
        assert done["result"]["done"] and done["result"]["order"]["status"] == "return requested"
        assert "return" in done["reply"]
        again = client.post("/v1/copilot/execute", json=body).json()
        assert not again["result"]["done"] and "status is 'delivered'" in again["result"]["rule"]
        after = client.post("/v1/copilot", json={"conversation": CONVERSATION, "done": [action]}).json()
        assert after["order"]["actions"] == []
        unverified = client.post("/v1/copilot/execute", json={**body, "conversation": CONVERSATION[:1]})
        assert unverified.status_code == 422 and "not verified" in unverified.text
    anonymous = httpx.post(f"{base_url}/v1/copilot/execute", json=body, timeout=30)
    assert anonymous.status_code == 401
