"""`python -m kbm_tui.cli` runs the command line (the tests and the benchmark use it)."""

import sys

from kbm_tui.cli.main import main

sys.exit(main())
