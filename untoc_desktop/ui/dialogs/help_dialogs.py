"""Help: the offline user guide, help on one question (F1), and the About box."""

from __future__ import annotations

import html
from pathlib import Path

import platformdirs
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ... import __version__
from ...help import guide_html
from ...i18n import _
from ...questionnaire import display
from ...questionnaire.model import Definition, Question


class HelpDialog(QDialog):
    """A window showing help text (HTML); links inside it stay inside it, nothing is fetched.

    Args:
        title: window title.
        body: HTML to show.
        parent: the main window.
    """

    def __init__(self, title: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("helpDialog")
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        self.browser.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)


def guide_dialog(language: str, parent: QWidget | None = None) -> HelpDialog:
    """The user guide in the interface language."""
    return HelpDialog(_("User guide"), guide_html(language), parent)


def question_help_html(definition: Definition, question: Question) -> str:
    """Help on one question: its paragraph, the question and its guidance, as HTML."""
    paragraph = definition.paragraph(question.paragraph_id)
    where = display.paragraph_where(paragraph, paragraph.instrument)
    return (
        f"<h2>{html.escape(display.question_label(question))}</h2>"
        f"<p><i>{html.escape(where)}: {html.escape(display.paragraph_label(paragraph))}</i></p>"
        f"<p>{html.escape(display.question_help(question)).replace(chr(10), '<br>')}</p>"
        f"<p>{html.escape(_('Press F1 again outside a question for the user guide.'))}</p>"
    )


def fonts_folder() -> Path | None:
    """The folder of the bundled fonts and their licences, when present."""
    try:
        from ...installed import fonts_folder

        return fonts_folder()
    except Exception:  # noqa: BLE001 (the About box must open even without the fonts)
        return None


def about_html(settings: QSettings | None = None) -> str:
    """The About box: version, licence, the fonts' licences and where the data lives."""
    data = Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False))
    fonts = fonts_folder()
    licences = (
        sorted(p.name for p in fonts.iterdir() if "licen" in p.name.lower() or p.suffix == ".txt")
        if fonts is not None and fonts.is_dir()
        else []
    )
    e = html.escape
    purpose = _(
        "Offline drafting of civil-society submissions to the review of the United Nations "
        "Convention against Transnational Organized Crime and its Protocols."
    )
    fonts_note = _(
        "Noto fonts and Droid Sans Fallback, under the SIL Open Font License and the Apache "
        "License; their licence files are in:"
    )
    data_note = _("Drafts are where you save them. Backups, imported definitions and your dictionary:")
    rows = [
        f"<h2>untoc_desktop {e(__version__)}</h2>",
        f"<p>{e(purpose)}</p>",
        f"<p>{e(_('Licence: GNU General Public License, version 3 or later.'))}</p>",
        f"<p>{e(_('The application never connects to the internet.'))}</p>",
        f"<h3>{e(_('Fonts'))}</h3>",
        f"<p>{e(fonts_note)}<br><code>{e(str(fonts or '—'))}</code><br>{e(', '.join(licences))}</p>",
        f"<h3>{e(_('Where your data lives'))}</h3>",
        f"<p>{e(data_note)}<br><code>{e(str(data))}</code></p>",
    ]
    if settings is not None:
        rows.append(f"<p>{html.escape(_('Settings:'))}<br><code>{html.escape(settings.fileName())}</code></p>")
    return "".join(rows)
