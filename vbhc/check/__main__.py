"""``python -m vbhc.check FILE [--format text|json] [--fix OUT.docx]``."""

import sys

from vbhc.cli.check import main

sys.exit(main())
