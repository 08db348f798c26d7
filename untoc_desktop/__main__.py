"""``python -m untoc_desktop``: the ``untoc`` command line (see :mod:`untoc_desktop.cli`)."""

import sys

from .cli import main

sys.exit(main())
