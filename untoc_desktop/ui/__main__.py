"""Run the desktop application: ``python -m untoc_desktop.ui [DRAFT]`` (as the ``untoc-desktop`` command)."""

from ..launcher import main

raise SystemExit(main())
