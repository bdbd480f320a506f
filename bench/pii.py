"""Redaction measured both ways: personal data left in clear, and ordinary shop text destroyed.

The corpus is JSONL, one object a line: {"id", "text", "pii": [substrings that must not survive],
"keep": [ordinary substrings that must survive]}. `common.redact.redact` runs over each text.
A PII item survives when it is still in the output as written, or (with 7 digits or more) when
its digits still stand together once the separators between digits are taken out (a card
whose groups were only partly tagged is still a card). A keep item is destroyed when it is no
longer in the output as written.

Beside the corpus, ordinary text with no personal data (the demo catalog's titles and
descriptions, and the Flipkart catalog and WANDS queries when ../shared is there) is redacted
too: the share of its words that redaction changed (target: as near 0 as possible).
With --sessions, each corpus text is also sent as a shopper's message through the assistant
(demo catalog, deterministic embedder and scripted model from tests/fakes.py) and the saved
session file is searched for the PII items (a card read as a price bound, echoed in the reply,
is caught there).
Usage: python bench/pii.py --corpus bench/data/pii_dev.jsonl [--show] [--sessions]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import SHARED  # noqa: E402  (../shared/datasets, or SHOPASSIST_SHARED_DATASETS)
from common.redact import redact  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BETWEEN_DIGITS = re.compile(r"(?<=\d)[ .\-()/,]+(?=\d)")


def survives(item: str, output: str) -> bool:
    if item in output:
        return True
    digits = re.sub(r"\D", "", item)
    return len(digits) >= 7 and digits in BETWEEN_DIGITS.sub("", output)


def ordinary_texts() -> dict[str, list[str]]:
    """Shop text with no personal data in it, by source."""
    out: dict[str, list[str]] = {}
    with open(ROOT / "data" / "catalog.csv", encoding="utf-8") as f:
        out["demo catalog"] = [f"{r['title']}. {r['description']}" for r in csv.DictReader(f)]
    flipkart = SHARED / "flipkart" / "product.csv"
    if flipkart.exists():
        with open(flipkart, encoding="utf-8") as f:
            out["flipkart catalog"] = [
                f"{r['product_name']}. {r['description'][:600]} {r['product_specifications'][:600]}"
                for r in csv.DictReader(f)
            ]
    wands = SHARED / "wands" / "query.csv"
    if wands.exists():
        with open(wands, encoding="utf-8") as f:
            out["wands queries"] = [r["query"] for r in csv.DictReader(f, delimiter="\t")]
    return out


def session_leaks(rows: list[dict], show: bool) -> tuple[int, int]:
    """PII items found in the session file saved after each text was sent as a message."""
    import tempfile

    from assistant.core import Assistant
    from assistant.session_store import SessionStore
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog
    from tests.fakes import FAKE_EMBEDDING, HashEmbedder, ScriptedBackend

    embed = HashEmbedder()
    leaks = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=Path(tmp), embedding_model=FAKE_EMBEDDING, llm_backend="none")
        ingest_catalog(settings, ROOT / "data" / "catalog.csv", progress=False, embed=embed)
        assistant = Assistant.load(settings, backend=ScriptedBackend(default="Here you go."), embed=embed)
        store = SessionStore(Path(tmp) / "sessions")
        for row in rows:
            if not row.get("pii"):
                continue
            session, _ = store.create()
            assistant.reply(session, row["text"])
            store.save(session)
            saved = (store.root / f"{session.id}.json").read_text(encoding="utf-8")
            saved = json.dumps(json.loads(saved), ensure_ascii=False)
            for item in row["pii"]:
                total += 1
                if survives(item, saved):
                    leaks += 1
                    if show:
                        print(f"SESSION LEAK {row['id']:<12} {item!r}")
    return leaks, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument(
        "--show", action="store_true", help="print every leak, every destroyed token and every changed ordinary word"
    )
    parser.add_argument("--sessions", action="store_true", help="also send each text through the assistant")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    leaks, destroyed, pii_total, keep_total = [], [], 0, 0
    # The names lists and word frequencies load on the first name cue: once a process, not per text.
    start = time.perf_counter()
    redact("this is Priya Raghunathan")
    load_s = time.perf_counter() - start
    start = time.perf_counter()
    for row in rows:
        out = redact(row["text"])
        for item in row.get("pii", []):
            pii_total += 1
            if survives(item, out):
                leaks.append((row["id"], item, out))
        for item in row.get("keep", []):
            keep_total += 1
            if item not in out:
                destroyed.append((row["id"], item, out))
    per_text_ms = (time.perf_counter() - start) * 1000 / max(1, len(rows))
    if args.show:
        for rid, item, out in leaks:
            print(f"LEAK     {rid:<12} {item!r:<36} -> {out}")
        for rid, item, out in destroyed:
            print(f"DESTROYED {rid:<12} {item!r:<36} -> {out}")
    print(
        f"corpus {args.corpus.name}: {len(rows)} texts, {per_text_ms:.2f} ms per text (names data loaded once: {load_s:.1f} s)"
    )
    print(f"  PII left in clear:         {len(leaks):>4} / {pii_total:<5} (target 0)")
    print(
        f"  ordinary tokens destroyed: {len(destroyed):>4} / {keep_total:<5} = {100 * len(destroyed) / max(1, keep_total):.1f} % (target <= 1 %)"
    )
    if args.sessions:
        leaks_s, total_s = session_leaks(rows, args.show)
        print(f"  PII in saved session files: {leaks_s:>3} / {total_s:<5} (target 0)")
    for source, texts in ordinary_texts().items():
        words = changed = 0
        for text in texts:
            redacted = redact(text)
            before, after = text.split(), redacted.split()
            words += len(before)
            lost = len(before) - sum(1 for w in after if w in set(before))
            changed += lost
            if args.show and lost:
                kept = set(after)
                print(f"CHANGED  {source:<18} {[w for w in before if w not in kept]} -> {redacted[:160]}")
        print(
            f"  {source:<18} {len(texts):>6} texts: {changed} of {words} words changed ({100 * changed / max(1, words):.3f} %)"
        )


if __name__ == "__main__":
    main()
