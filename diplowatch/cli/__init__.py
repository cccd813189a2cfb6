"""The `diplowatch` command line's core commands; `pipelines.console` adds `run`, which needs Dagster."""

# Importing a command module registers its commands on `app`.
from diplowatch.cli import extract, maintenance, queries  # noqa: F401
from diplowatch.cli.app import DbOpt, ModelOpt, RawOpt, app, console, err_console, fail, say
from diplowatch.cli.queries import summary_cmd

__all__ = ["DbOpt", "ModelOpt", "RawOpt", "app", "console", "err_console", "fail", "say", "summary_cmd"]
