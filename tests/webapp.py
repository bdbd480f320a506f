"""Helpers for the web-app tests: a small crafted catalog, the app served on 127.0.0.1, a browser.

The app runs in-process (uvicorn in a thread) exactly as `shopassist serve` builds it: the HTTP
API with the Gradio app mounted at /, on one `Assistant` and one session store.
"""

from __future__ import annotations

import csv
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from assistant.core import Assistant
from assistant.reply import Reply
from assistant.session import Session
from assistant.session_store import SessionStore
from common.schema import Product
from common.settings import Settings
from tests.conftest import DEMO_CATALOG, DEMO_POLICIES, REPO
from tests.fakes import FAKE_EMBEDDING, ScriptedBackend
from tests.serving import running
from ui.api import create_app
from ui.web.app import mount_web
from ui.web.context import WebContext

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--headless"]
SCREENSHOTS = REPO / ".test-artifacts" / "web"  # gitignored; the tests print where
QUERY = "watch for men"  # 5 matches in the demo catalog, 3 when "cheaper"

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
    store = SessionStore.from_settings(settings)
    app = create_app(settings, assistant=assistant, sessions=store)
    mount_web(app, WebContext.create(settings, assistant, store))
    with running(app, timeout_s=60) as url:
        yield url + "/"


@contextmanager
def browser() -> Iterator:
    """Debian's chromium, headless, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).is_file():
        pytest.skip(f"{CHROMIUM} is missing; `make test` installs Debian's chromium")
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
    # Transitions finished: a component that just changed would otherwise show half faded.
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    print(f"screenshot: {path}")
    return path


# -- module fixtures: a test module imports them (one app server and one browser per module) --
class GatedBackend(ScriptedBackend):
    """A scripted backend that waits for `gate` before streaming: a test can hold the model back
    and look at the page in between (cards shown, model text not yet)."""

    def __init__(self) -> None:
        super().__init__(default="")
        self.gate = threading.Event()
        self.gate.set()

    def stream(self, messages, sampling, adapter=None):
        assert self.gate.wait(timeout=60), "the test never opened the gate"
        yield from super().stream(messages, sampling, adapter)


@pytest.fixture(scope="module")
def web_settings(tmp_path_factory, fake_embedder) -> Settings:
    from ingest.pipeline import ingest_catalog
    from ingest.policies import ingest_policies

    root = tmp_path_factory.mktemp("web")
    settings = Settings(data_dir=root / "data", embedding_model=FAKE_EMBEDDING, max_message_chars=300)
    ingest_catalog(settings, write_catalog(root / "catalog.csv", HOSTILE_ROWS), progress=False, embed=fake_embedder)
    ingest_policies(settings, [DEMO_POLICIES], embed=fake_embedder)
    return settings


@pytest.fixture(scope="module")
def backend() -> GatedBackend:
    return GatedBackend()


@pytest.fixture(scope="module")
def core(web_settings, backend, fake_embedder) -> Assistant:
    return Assistant.load(web_settings, backend=backend, embed=fake_embedder)


@pytest.fixture(scope="module")
def app_url(web_settings, core):
    with serve(web_settings, core) as url:
        yield url


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


def expected(core: Assistant, *messages: str) -> list[Reply]:
    """The replies the same assistant gives to these messages in a fresh session."""
    session = Session()
    return [core.reply(session, m) for m in messages]


def record(core: Assistant, product_id: str) -> Product:
    catalog = core.engine.catalog
    return catalog.products[catalog.row_of[product_id]]
