"""No model, data set or telemetry is fetched at run time: the one place that says so.

Hugging Face libraries read these variables when they are imported, so entry points (the CLI,
the test suite, training, benchmarks) call `go_offline()` before importing them; model loading
calls it again in case a library entry point was skipped. Existing values win, so an operator
can still opt in to the hub deliberately.
"""

from __future__ import annotations

import os

OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "ANONYMIZED_TELEMETRY": "False",
    "GRADIO_ANALYTICS_ENABLED": "False",
}


def go_offline() -> None:
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
