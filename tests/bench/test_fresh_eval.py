"""bench/fresh_eval.sh, behind `make eval-fresh` and `make eval-unread`: parts joined with their texts and
scored; a group whose source is not set is left out with a note, never scored as empty."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.fixtures.paths import ROOT, requires_shared

SCRIPT = ROOT / "bench" / "fresh_eval.sh"
RUN = str(Path(sys.executable).parent)


def _run(*parts: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"REUTERS21578", "AGNEWS_CSV"}}
    return subprocess.run(
        ["bash", str(SCRIPT), RUN, *parts], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_parts_without_their_source_are_left_out_with_a_note():
    requires_shared("bench/real-news-6k.jsonl.gz")
    done = _run("", "dev1987z", "devagb", "heldout100")
    assert done.returncode == 0, done.stderr
    assert "dev1987z left out: set REUTERS21578=" in done.stdout
    assert "devagb left out: set AGNEWS_CSV=" in done.stdout
    # the one part scored is the last (alone, `diplowatch eval` prints its detailed report)
    assert "heldout100.jsonl  items: 100" in done.stdout
    assert "dev1987z.jsonl" not in done.stdout and "devagb.jsonl" not in done.stdout


def test_an_unknown_part_fails():
    done = _run("no-such-part", "", "", "heldout100")
    assert done.returncode != 0
