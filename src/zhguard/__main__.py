"""``python -m zhguard`` is the command-line tool."""

import sys

from zhguard.cli import main

sys.exit(main())
