"""Helpers for the web-app tests: a small crafted catalog, the app served on 127.0.0.1, a browser.

The app runs in-process (uvicorn in a thread) exactly as `shopassist serve` builds it: the HTTP
API with the Gradio app mounted at /, on one `Assistant` and one session store.
"""

from __future__ import annotations

import csv
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from assistant.core import Assistant
from assistant.session import SessionStore
from common.settings import Settings
from common.vllm_server import free_port
from tests.conftest import DEMO_CATALOG, REPO
from ui.api import create_app
from ui.web.app import mount_web
from ui.web.context import WebContext

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless"]
SCREENSHOTS = REPO / ".test-artifacts" / "web"  # gitignored; the tests print where

# Products whose text is hostile: markup in the title, a script URL as the image.
HOSTILE_TITLE = "<img src=x onerror=alert(1)> Enamel Camping Mug"
HOSTILE_ROWS = [
    {
        "id": "SA-XSS01",
        "title": HOSTILE_TITLE,
        "description": "An enamel mug for camping trips. <script>alert(2)</script>",
        "category": "Home & Kitchen > Drinkware > Mugs",
        "brand": "Trailcraft",
        "price": "12.00",
        "currency": "USD",
        "colour": "blue",
        "audience": "unisex",
        "rating": "4.1",
        "stock": "9",
        "image_url": "javascript:alert(3)",
    },
]


def write_catalog(path: Path, extra_rows: list[dict[str, str]]) -> Path:
    """The demo catalog plus `extra_rows`, as one CSV."""
    with DEMO_CATALOG.open(newline="", encoding="utf-8") as src:
        reader = csv.DictReader(src)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
        writer.writerows({k: row.get(k, "") for k in fields} for row in extra_rows)
    return path


@contextmanager
def serve(settings: Settings, assistant: Assistant) -> Iterator[str]:
    """The API + web app on a free 127.0.0.1 port; yields the base URL, stops the server after."""
    store = SessionStore(settings.data_dir / "sessions")
    app = create_app(settings, assistant=assistant, sessions=store)
    mount_web(app, WebContext.create(settings, assistant, store))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the web app did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@contextmanager
def browser() -> Iterator:
    """Debian's chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", "0")  # never look for a downloaded browser
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(f"screenshot: {path}")
    return path
