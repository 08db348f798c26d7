"""The PySide6 desktop interface: windows, widgets, Qt item models and background workers.

Only this package imports PySide6; it uses the Qt-free core (questionnaire,
draft, validation, answers, documents) through its public API. Services are
built in :func:`untoc_desktop.ui.app.main`, the composition root.

The core modules the window needs at start-up are imported here, before any module of this
package imports PySide6. Once loaded, PySide6 reads the source file of every module imported after
it, once per module name (looking for ``from __feature__ import``, its opt-in snake_case API).
Loading the core first leaves it 126 files to read at start-up instead of 210, about 10 ms.
``tests/ui/test_import_order.py`` holds this list to what starting the window really imports.
"""

from .. import (  # noqa: F401 (imported for their side effect: loaded before PySide6)
    applicability,
    cross_references,
    drafting_tools,
    forms,
    installed,
    opening,
    received_files,
    spelling,
    text_direction,
    validation,
    workspace,
)
from ..draft import backups, safety, save_as, schema_cache  # noqa: F401
from ..questionnaire import display, registry  # noqa: F401
from ..sharing import cloud, history, values  # noqa: F401
