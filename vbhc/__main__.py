"""``python -m vbhc`` runs the command line."""

import sys

from vbhc.cli import main

sys.exit(main())
