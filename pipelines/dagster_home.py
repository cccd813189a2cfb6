"""The project's Dagster instance: DAGSTER_HOME (default `.dagster_home/`) with the project's dagster.yaml.

`prepare_dagster_home()` makes the folder and refreshes its `dagster.yaml` from the repository's on every
call, so the settings in git (writer pool of one, run queue, onboarding modal off, telemetry off) are the ones
the UI uses, never an older copy left from a previous checkout. A copy rather than a symlink: DAGSTER_HOME may
live outside the repository (it is overridable), and a link into a working tree breaks when the clone moves or
is deleted, taking the instance's settings with it. A copy that differs from the project's (an older version
or a hand edit) is kept beside it as `dagster.yaml.previous`, and the change is reported, so nothing is lost
silently: settings belong in the project's dagster.yaml.

`python -m pipelines.dagster_home [HOME]` prepares the folder and prints its absolute path (for `make ui`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
#: The instance settings kept in git.
PROJECT_CONFIG = PROJECT_ROOT / "dagster.yaml"
#: DAGSTER_HOME when the environment sets none.
DEFAULT_HOME = PROJECT_ROOT / ".dagster_home"
#: Where a replaced copy that differed from the project's is kept.
PREVIOUS_NAME = "dagster.yaml.previous"


def dagster_home(home: str | os.PathLike | None = None) -> Path:
    """The instance folder: `home`, else $DAGSTER_HOME, else `.dagster_home/` of the project; absolute
    (Dagster refuses a relative DAGSTER_HOME)."""
    chosen = home or os.environ.get("DAGSTER_HOME") or DEFAULT_HOME
    return Path(chosen).expanduser().resolve()


def prepare_dagster_home(
    home: str | os.PathLike | None = None, config: Path = PROJECT_CONFIG, report=None
) -> Path:
    """Create the instance folder and write the project's dagster.yaml into it when its copy differs.

    `report(message)` is told when a differing copy was replaced (default: stderr). Returns the folder.
    """
    folder = dagster_home(home)
    folder.mkdir(parents=True, exist_ok=True)
    wanted = config.read_bytes()
    target = folder / "dagster.yaml"
    current = target.read_bytes() if target.exists() else None
    if current == wanted:
        return folder
    if current is not None:
        (folder / PREVIOUS_NAME).write_bytes(current)
        (report or _stderr)(
            f"{target} differed from {config}: refreshed it (the old copy is {folder / PREVIOUS_NAME}; "
            f"put instance settings in {config.name} of the project)"
        )
    # Written beside the target, then renamed: a reader never sees half a file.
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".dagster.yaml.", delete=False) as tmp:
        tmp.write(wanted)
    os.replace(tmp.name, target)
    return folder


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    print(prepare_dagster_home(args[0] if args else None))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
