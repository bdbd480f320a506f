"""The web app as a user starts it: `shopassist ui` in its own process, with the bundled models,
behind a login, driven in chromium. A shopper signs in, asks, gets cards and streamed text; an
agent toggles the copilot between the base model and a real LoRA adapter (trained for one step
with `shopassist finetune run`)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.wording import format_price
from tests.conftest import REPO, free_port
from tests.webapp import browser, screenshot

pytest.importorskip("playwright")
from playwright.sync_api import expect  # noqa: E402

pytestmark = [pytest.mark.model, pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")]
USER, PASSWORD = "agent", "s3cret-pass"
TOKEN = "api-token-for-machines"
TURN_MS = 180_000  # one turn with the real model on a busy 2-core machine


@pytest.fixture(scope="module")
def adapter(tmp_path_factory) -> Path:
    """A real LoRA adapter on the bundled model, from the project's own command: one small step
    (~20 s on 2 CPU cores; bf16 off, as this CPU has no bf16 instructions and it is ~15x slower)."""
    output = tmp_path_factory.mktemp("adapter") / "tiny"
    sets = {
        "max_steps": 1,
        "per_device_train_batch_size": 1,
        "max_length": 192,
        "save_steps": 1,
        "lora_r": 2,
        "target_modules": "[q_proj,v_proj]",
        "bf16": "false",
    }
    subprocess.run(
        [sys.executable, "-m", "ui.cli", "finetune", "run", "--data", str(REPO / "data/dialogues/support_demo.jsonl")]
        + ["--output", str(output), "--config", str(REPO / "finetune/configs/smollm2-cpu.yaml"), "--no-eval"]
        + [arg for key, value in sets.items() for arg in ("--set", f"{key}={value}")],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=600,
    )
    assert (output / "adapter_config.json").is_file()
    return output


@pytest.fixture(scope="module")
def app(demo_settings, adapter, tmp_path_factory):
    """`shopassist ui` on a free port, with the adapter for the copilot; yields (url, stdout so far)."""
    port = free_port()
    log = tmp_path_factory.mktemp("ui") / "ui.log"
    env = {**os.environ, "PYTHONPATH": str(REPO), "SHOPASSIST_MAX_NEW_TOKENS": "32", "SHOPASSIST_API_TOKEN": TOKEN}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.cli", "ui", "--port", str(port), "--data-dir", str(demo_settings.data_dir)]
            + ["--auth", f"{USER}:{PASSWORD}", "--copilot-adapter", str(adapter)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240
        while "running at" not in log.read_text():
            assert proc.poll() is None, f"shopassist ui exited:\n{log.read_text()[-2000:]}"
            assert time.monotonic() < deadline, "shopassist ui did not start"
            time.sleep(0.5)
        while True:  # the URL is printed just before the server binds
            try:
                httpx.get(url + "healthz", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "shopassist ui does not answer"
                time.sleep(0.2)
        yield url, log.read_text()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def test_ui_command_serves_the_app_behind_a_login_and_the_api_beside_it_behind_its_token(app):
    url, printed = app
    assert f"running at {url}" in printed
    assert httpx.get(url + "healthz").json() == {"status": "ok"}
    assert httpx.get(url + "readyz").json()["ready"]
    assert httpx.get(url + "config").status_code == 401  # the web app's config needs the login
    assert httpx.get(url).status_code == 200  # its login page needs no bearer token
    assert httpx.post(url + "v1/sessions").status_code == 401  # the API does
    assert httpx.post(url + "v1/sessions", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def sign_in(page, url: str) -> None:
    page.set_default_timeout(TURN_MS)
    page.goto(url)
    page.get_by_label("username").fill(USER)
    page.get_by_label("password").fill(PASSWORD)
    page.get_by_role("button", name="Login").click()


def test_a_shopper_signs_in_asks_and_gets_cards_then_text(app, demo_engine):
    url, _ = app
    with browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        sign_in(page, url)
        box = page.locator("#shop-message textarea")
        box.fill("running shoes for women")
        box.press("Enter")
        cards = page.locator("#product-panel article.sa-card")
        expect(cards.first).to_be_visible(timeout=TURN_MS)
        expect(box).to_be_enabled(timeout=TURN_MS)  # the turn is over
        reply = page.locator("#shop-chat [data-testid=bot]").last
        expect(reply).to_contain_text("running shoes")
        catalog = demo_engine.catalog
        for card in cards.all():
            product = catalog.products[catalog.row_of[card.get_attribute("data-product-id")]]
            assert "women" in product.audience
            expect(card.locator(".sa-price")).to_have_text(format_price(product.price, product.currency))
        screenshot(page, "20-real-model")


def test_the_copilot_answers_with_the_adapter_or_the_base_model_and_says_which(app, adapter):
    from ui.web.copilot_tab import ADAPTER, BASE, EXAMPLE

    url, _ = app
    with browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 1000})
        sign_in(page, url)
        page.get_by_role("tab", name="Copilot").click()
        page.get_by_role("button", name="Example conversation").click()
        expect(page.locator("#copilot-conversation textarea")).to_have_value(EXAMPLE)
        model_line = page.locator("#copilot-model")
        for choice, said in (
            (ADAPTER, f"the fine-tuned adapter {adapter} (transformers · bundled)"),
            (BASE, "the base model (transformers · bundled)"),
        ):
            page.get_by_label(choice).check()
            page.locator("#copilot-suggest").click()
            expect(model_line).to_contain_text(said, timeout=TURN_MS)  # from the model, or its failure named
            expect(page.locator("#copilot-reply textarea")).not_to_have_value("")
            expect(page.locator("#copilot-policies .sa-cite").first).to_contain_text("returns.md")
            screenshot(page, f"21-copilot-{'adapter' if choice == ADAPTER else 'base'}")
