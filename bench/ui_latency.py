"""Web UI latency against the HTTP API, side by side, on CPU with the default model.

`shopassist serve` runs in its own process (API and web app on one `Assistant`, as a user runs
it) over the demo catalog with the transformers backend (bundled SmolLM2-135M-Instruct); the
clients run in this one. For each shopper message, in a fresh conversation each time:
- web UI: headless chromium types the message and presses Enter; in-page timers (performance.now)
  record when the first product card is visible and when the reply's text last changed;
- HTTP API: POST /v1/chat (server-sent events); the client records the `products` event and the
  last `text` event.
The two alternate (API first for even turns, UI first for odd), so load drift hits both alike.
Prints p50/p95 per face and the UI/API ratios.

Usage: python bench/ui_latency.py [--turns 10]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx  # noqa: E402
from playwright.sync_api import Page, expect, sync_playwright  # noqa: E402

from bench.common import BENCH_DIR, REPO, percentile  # noqa: E402
from common.offline import go_offline  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.vllm_server import free_port  # noqa: E402
from ingest.pipeline import ingest_catalog  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

MESSAGES = [
    "waterproof jacket for hiking under $120",
    "running shoes for women",
    "wireless earbuds",
    "yoga mat between 20 and 40 dollars",
    "coffee maker",
    "kids backpack for school",
    "bluetooth speaker",
    "dog shampoo",
    "camping tent",
    "watch for men",
]
TURN_TIMEOUT_MS = 300_000

# In-page timers: Enter starts a turn; the first visible card and the last change of the last
# reply's text are stamped by mutation observers.
TIMERS_JS = """
() => {
  const box = document.querySelector('#shop-message textarea');
  const panel = document.querySelector('#product-panel');
  const chat = document.querySelector('#shop-chat');
  window.__turn = null;
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') window.__turn = {start: performance.now(), card: null, text: null, last: null};
  }, true);
  new MutationObserver(() => {
    const t = window.__turn;
    const card = panel.querySelector('article.sa-card');
    if (t && t.card === null && card && card.offsetParent !== null) t.card = performance.now();
  }).observe(panel, {subtree: true, childList: true, attributes: true, characterData: true});
  new MutationObserver(() => {
    const t = window.__turn;
    const bots = chat.querySelectorAll('[data-testid=bot]');
    if (!t || !bots.length) return;
    const text = bots[bots.length - 1].innerText;
    if (text !== t.last) { t.last = text; t.text = performance.now(); }
  }).observe(chat, {subtree: true, childList: true, characterData: true});
}
"""


def serve(settings: Settings, log: Path) -> tuple[str, subprocess.Popen]:
    """`shopassist serve` on a free port, ready; returns its URL and process."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "ui.cli", "serve", "--port", str(port), "--data-dir", str(settings.data_dir)]
    with log.open("w") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while True:
        try:
            if httpx.get(base + "/readyz", timeout=2).status_code == 200:
                return base, proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"shopassist serve did not come up:\n{log.read_text()[-2000:]}")
        time.sleep(0.5)


def ui_turn(page: Page, base: str, message: str) -> tuple[float, float]:
    """(first card, last text) in ms from Enter, in a fresh conversation."""
    page.goto(base + "/")
    page.evaluate("localStorage.clear()")  # a fresh conversation
    page.reload()
    box = page.locator("#shop-message textarea")
    expect(box).to_be_enabled(timeout=60_000)
    page.evaluate(TIMERS_JS)
    box.fill(message)
    box.press("Enter")
    expect(page.locator("#shop-chat [data-testid=bot]")).to_have_count(1, timeout=TURN_TIMEOUT_MS)
    expect(box).to_be_enabled(timeout=TURN_TIMEOUT_MS)  # the turn is over
    t = page.evaluate("window.__turn")
    if t["card"] is None:
        raise SystemExit(f"no card appeared for {message!r}")
    return t["card"] - t["start"], t["text"] - t["start"]


def api_turn(client: httpx.Client, message: str) -> tuple[float, float]:
    session = client.post("/v1/sessions").json()
    body = {"session_id": session["session_id"], "session_token": session["session_token"], "message": message}
    start = time.perf_counter()
    card = text = None
    name = None
    with client.stream("POST", "/v1/chat", json=body) as response:
        for line in response.iter_lines():
            if line.startswith("event:"):
                name = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and name:
                now = (time.perf_counter() - start) * 1000
                if name == "products" and card is None and json.loads(line[5:]):
                    card = now
                elif name == "text":
                    text = now
    if card is None or text is None:
        raise SystemExit(f"the API gave no card or no text for {message!r}")
    return card, text


def row(name: str, cards: list[float], texts: list[float]) -> str:
    return (
        f"{name:<22} {percentile(cards, 50):>9.0f} {percentile(cards, 95):>9.0f}"
        f" {percentile(texts, 50):>11.0f} {percentile(texts, 95):>11.0f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=len(MESSAGES))
    args = parser.parse_args()
    go_offline()
    settings = Settings(data_dir=BENCH_DIR / "demo")
    ingest_catalog(settings, REPO / "data" / "catalog.csv", progress=False)
    ingest_policies(settings, [REPO / "data" / "policies"])
    base, server = serve(settings, BENCH_DIR / "ui_latency_server.log")
    messages = (MESSAGES * 3)[: args.turns]
    ui: dict[str, list[float]] = {"card": [], "text": []}
    api: dict[str, list[float]] = {"card": [], "text": []}
    try:
        with (
            sync_playwright() as p,
            httpx.Client(base_url=base, timeout=TURN_TIMEOUT_MS / 1000) as client,
        ):
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu", "--headless"]
            )
            page = browser.new_page()
            api_turn(client, "warm up: mugs")  # the model's first generation
            ui_turn(page, base, "warm up: mugs")  # the page's scripts, the queue's first join
            for i, message in enumerate(messages):
                order = [("api", api), ("ui", ui)] if i % 2 == 0 else [("ui", ui), ("api", api)]
                for face, into in order:
                    card, text = ui_turn(page, base, message) if face == "ui" else api_turn(client, message)
                    into["card"].append(card)
                    into["text"].append(text)
                    print(f"  {face:<3} {message[:40]:<40} first card {card:7.0f} ms  last text {text:7.0f} ms")
            browser.close()
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    print(
        f"\n{len(messages)} turns per face, fresh conversation each, CPU, backend {settings.llm_backend} "
        f"(bundled SmolLM2-135M-Instruct), max_new_tokens {settings.max_new_tokens}"
    )
    print(f"{'ms from Enter / request':<22} {'card p50':>9} {'card p95':>9} {'text p50':>11} {'text p95':>11}")
    print(row("HTTP API (SSE)", api["card"], api["text"]))
    print(row("web UI (chromium)", ui["card"], ui["text"]))
    ratio = [
        percentile(ui["card"], 50) / percentile(api["card"], 50),
        percentile(ui["card"], 95) / percentile(api["card"], 95),
        percentile(ui["text"], 50) / percentile(api["text"], 50),
        percentile(ui["text"], 95) / percentile(api["text"], 95),
    ]
    print(f"{'UI / API':<22} {ratio[0]:>9.2f} {ratio[1]:>9.2f} {ratio[2]:>11.2f} {ratio[3]:>11.2f}")


if __name__ == "__main__":
    main()
