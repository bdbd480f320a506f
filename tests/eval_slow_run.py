"""A dialogue evaluation with a slow scripted model, run as a subprocess by the resume test.

`python -m tests.eval_slow_run DATA_DIR LOGS OUT DELAY_S` evaluates LOGS over the fake-indexed
demo catalog in DATA_DIR (built by the `fake_settings` fixture) and prints the run's summary as
JSON; each generation sleeps DELAY_S, so the test can kill it mid-run.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from assistant.backends import Sampling
from assistant.core import Assistant
from assistant.evaluation.run import evaluate_dialogues
from common.settings import Settings
from tests.fakes import FAKE_EMBEDDING, HashEmbedder, ScriptedBackend


class SlowBackend(ScriptedBackend):
    def __init__(self, delay: float):
        super().__init__()
        self.delay = delay

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        time.sleep(self.delay)
        yield from super().stream(messages, sampling, adapter)


def main() -> None:
    data_dir, logs, out, delay = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4])
    settings = Settings(data_dir=data_dir, embedding_model=FAKE_EMBEDDING)
    backend = SlowBackend(delay)
    assistant = Assistant.load(settings, backend=backend, embed=HashEmbedder())
    report = evaluate_dialogues(assistant, logs, out, workers=1, progress=False)
    print(json.dumps(report["meta"]["this_run"]))


if __name__ == "__main__":
    main()
