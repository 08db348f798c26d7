"""The PySide6 desktop interface: windows, widgets, Qt item models and background workers.

Only this package imports PySide6; it uses the Qt-free core (questionnaire,
draft, validation, answers, documents) through its public API. Services are
built in :func:`untoc_desktop.ui.app.main`, the composition root.
"""
