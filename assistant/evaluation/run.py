"""`evaluate_dialogues`: one evaluation run, from a log file to turns.jsonl, report.json and report.html.

The run's identity (the log's hash and the settings) is kept in out/run.json: a rerun with the
same identity resumes, a different one is refused, so one results folder never mixes two runs.
The report's metadata says exactly what was measured: git commit, models and adapters, every
setting (secrets masked), and hashes of the log and of the catalog.
"""

from __future__ import annotations

import hashlib
import subprocess
import time
from pathlib import Path
from typing import Any

from assistant.core import Assistant
from assistant.evaluation.logs import read_dialogues
from assistant.evaluation.replay import Evaluator, run_evaluation
from assistant.evaluation.report import write_report
from assistant.evaluation.results import check_run_identity, read_rows
from common.settings import Settings

SECRETS = ("openai_api_key", "api_token")
REPO = Path(__file__).resolve().parents[2]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def public_settings(settings: Settings) -> dict[str, Any]:
    values = settings.model_dump(mode="json")
    return {k: ("***" if k in SECRETS and v else v) for k, v in values.items()}


def git_commit() -> str | None:
    """The checkout's commit, with '+dirty' when it has uncommitted changes; None outside git."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return commit + ("+dirty" if dirty else "")


def catalog_sha256(assistant: Assistant) -> str:
    digest = hashlib.sha256()
    for p in sorted(assistant.engine.catalog.products, key=lambda p: p.id):
        digest.update(f"{p.id}:{p.content_hash or p.compute_hash()}\n".encode())
    return digest.hexdigest()


def run_identity(settings: Settings, logs: Path) -> dict[str, Any]:
    return {"logs_sha256": file_sha256(logs), "settings": public_settings(settings)}


def run_metadata(settings: Settings, logs: Path, assistant: Assistant, workers: int) -> dict[str, Any]:
    return {
        "logs": str(logs),
        "logs_sha256": file_sha256(logs),
        "catalog_sha256": catalog_sha256(assistant),
        "catalog_products": len(assistant.engine.catalog.products),
        "git_commit": git_commit(),
        "llm_backend": settings.llm_backend,
        "backend": getattr(assistant.backend, "name", type(assistant.backend).__name__),
        "llm_model": settings.llm_model,
        "llm_adapter": settings.llm_adapter,
        "copilot_adapter": settings.copilot_adapter,
        "embedding_model": settings.embedding_model,
        "workers": workers,
        # True: the serving gate could shed generations or cut them at a deadline (load-dependent).
        "capacity_control": assistant.writer.gate is not None,
        "settings": public_settings(settings),
    }


def evaluate_dialogues(
    assistant: Assistant,
    logs: Path,
    out_dir: Path,
    workers: int = 1,
    progress: bool = True,
) -> dict[str, Any]:
    """Replay and score every dialogue of `logs` (resuming a cut run); returns report.json's content."""
    dialogues = read_dialogues(logs)
    settings = assistant.settings
    check_run_identity(out_dir, run_identity(settings, logs))
    started = time.time()
    summary = run_evaluation(Evaluator(assistant), dialogues, out_dir, workers=workers, progress=progress)
    rows = read_rows(out_dir, [d.id for d in dialogues])
    meta = run_metadata(settings, logs, assistant, workers) | {
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "this_run": {
            "evaluated_dialogues": summary.evaluated,
            "skipped_finished_dialogues": summary.skipped,
            "turns": summary.turns,
            "seconds": round(summary.seconds, 1),
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(started)),
        },
    }
    return write_report(out_dir, rows, meta)
