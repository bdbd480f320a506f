"""The evaluation report and the A/B page open in headless chromium with the network cut off,
and show their plots (every image decoded, naturalWidth > 0). Screenshots are saved beside the
report (tmp_path) for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.evaluation.compare import compare_runs, write_comparison
from assistant.evaluation.logs import Dialogue, write_dialogues
from assistant.evaluation.run import evaluate_dialogues

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture
def runs(make_assistant, tmp_path):
    logs = tmp_path / "logs.jsonl"
    dialogues = [
        {"id": "d1", "turns": [{"role": "user", "text": "running shoes"}, {"role": "user", "text": "cheaper"}]},
        {"id": "d2", "turns": [{"role": "user", "text": "how long do returns take?"}]},
        {"id": "d3", "turns": [{"role": "user", "text": "watch for men"}, {"role": "user", "text": "compare 1 and 2"}]},
    ]
    write_dialogues(logs, [Dialogue.model_validate(d) for d in dialogues])
    plain, _ = make_assistant()
    chatty, _ = make_assistant(default="It costs $13.37. The Apex Trail Runner Jacket is also great.")
    evaluate_dialogues(plain, logs, tmp_path / "a", progress=False)
    evaluate_dialogues(chatty, logs, tmp_path / "b", progress=False)
    write_comparison(tmp_path / "ab", compare_runs(tmp_path / "a", tmp_path / "b"), tmp_path / "a", tmp_path / "b")
    return tmp_path


def open_offline(page_path: Path, screenshot: Path) -> tuple[list, list[str], str]:
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_files(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu", "--headless"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", only_files)
            page.goto(page_path.as_uri())
            page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=15000)
            images = page.evaluate("Array.from(document.images).map(i => [i.naturalWidth, i.naturalHeight])")
            heading = page.inner_text("h1")
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    return images, blocked, heading


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_report_and_comparison_show_their_plots_offline(runs):
    images, blocked, heading = open_offline(runs / "b" / "report.html", runs / "b" / "report.png")
    assert heading.startswith("Evaluation") and len(images) >= 3
    assert all(w > 0 and h > 0 for w, h in images) and not blocked
    assert (runs / "b" / "report.png").stat().st_size > 10_000

    images, blocked, heading = open_offline(runs / "ab" / "compare.html", runs / "ab" / "compare.png")
    assert heading == "A/B comparison" and images and all(w > 0 for w, _ in images) and not blocked
