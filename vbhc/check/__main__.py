"""``python -m vbhc.check FILE [--format text|json] [--fix OUT.docx]``."""

import sys

from vbhc.check.cli import main

sys.exit(main())
