"""Run the desktop application: ``python -m untoc_desktop.ui [DRAFT]``."""

from .app import main

raise SystemExit(main())
