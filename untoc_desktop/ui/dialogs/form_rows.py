"""A form row whose field has buttons beside it, with the row's label still naming the field.

``QFormLayout.addRow(text, layout)`` makes a label that names nothing (its buddy is set only for a
single widget), so a screen reader would hear a nameless text box; :func:`add_field_row` sets it.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget


def add_field_row(form: QFormLayout, text: str, field: QWidget, *beside: QWidget) -> QLabel:
    """Add a row: a label naming ``field`` (its buddy), then ``field`` and the ``beside`` widgets in a line.

    Args:
        form: the form.
        text: the label's text (may hold a ``&`` shortcut, which then focuses ``field``).
        field: the input the label names; it takes the row's spare width when it is a line edit.
        beside: buttons after the field (give them accessible names that say what they do to it).

    Returns:
        The label.
    """
    label = QLabel(text, form.parentWidget())
    label.setBuddy(field)
    row = QHBoxLayout()
    row.addWidget(field, 1 if isinstance(field, QLineEdit) else 0)
    for widget in beside:
        row.addWidget(widget)
    form.addRow(label, row)
    return label
