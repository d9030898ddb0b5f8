"""``python -m zhguard`` is the command-line tool."""

from zhguard.cli import run

run()
