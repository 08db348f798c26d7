"""The spelling dictionary is read on a worker thread after the draft is shown; the underlines follow."""

from __future__ import annotations

import threading

import pytest
from helpers import NoDictionaries
from PySide6.QtWidgets import QApplication
from ui_helpers import underlined_words

from untoc_desktop.draft import Draft
from untoc_desktop.spelling import SpellChecker
from untoc_desktop.ui.editor.spelling import SpellingSupport

PRACTICE = "UNTOC.5.1(a).practice"


def text_editor_of(view, question_id):
    view.focus_question(question_id)
    return view.current_page().blocks[question_id].field.editor


class RecordingChecker(SpellChecker):
    """A real checker that notes on which thread the dictionary is read and when it may finish."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared_on: list[threading.Thread] = []
        self.release = threading.Event()

    def prepare(self):
        self.prepared_on.append(threading.current_thread())
        assert self.release.wait(10)
        super().prepare()


@pytest.fixture
def misspelled_draft(tmp_path, draft_info):
    path = tmp_path / "misspelled.untoc"
    with Draft.create(path, draft_info) as draft:
        draft.set_answers({PRACTICE: "Prosecutors recieve teh evidence."})
    return path


@pytest.fixture
def recording(monkeypatch, tmp_path):
    """Every SpellChecker the window makes is a RecordingChecker (personal words in tmp_path)."""
    made: list[RecordingChecker] = []

    def make(language, personal_words=None, enchant_module=...):
        checker = RecordingChecker(language, personal_words or tmp_path / "words.txt", enchant_module)
        made.append(checker)
        return checker

    monkeypatch.setattr("untoc_desktop.ui.editor.draft_view.SpellChecker", make)
    return made


def test_the_text_is_shown_first_and_underlined_once_the_dictionary_is_read_on_a_worker(
    qtbot, window, misspelled_draft, recording
):
    assert window.open_draft(misspelled_draft)
    view = window.draft_view
    editor = text_editor_of(view, PRACTICE)
    assert editor.toPlainText() == "Prosecutors recieve teh evidence."
    QApplication.processEvents()  # the first paint, and the zero timer that starts the reading
    checker = recording[-1]
    qtbot.waitUntil(lambda: bool(checker.prepared_on), timeout=3000)
    assert checker.prepared_on[0] is not threading.main_thread()  # never on the GUI thread
    QApplication.processEvents()
    assert not view.spelling.ready and underlined_words(editor) == []  # shown, not yet checked
    checker.release.set()
    qtbot.waitUntil(lambda: underlined_words(editor) == ["recieve", "teh"], timeout=5000)
    assert view.spelling.ready


def test_a_new_empty_draft_reads_the_dictionary_only_when_the_user_writes(qtbot, window, recording, draft_path):
    checker = recording[-1]
    checker.release.set()
    for _ in range(5):
        QApplication.processEvents()
    assert checker.prepared_on == [] and not window.draft_view.spelling.ready
    editor = text_editor_of(window.draft_view, PRACTICE)
    editor.setFocus()
    qtbot.keyClicks(editor, "Recieve")
    qtbot.waitUntil(lambda: underlined_words(editor) == ["Recieve"], timeout=5000)
    assert len(checker.prepared_on) == 1


def test_turned_off_spelling_reads_no_dictionary_until_turned_on(qtbot, window, misspelled_draft, recording):
    window.desk.spelling_action.setChecked(False)
    assert window.open_draft(misspelled_draft)
    checker = recording[-1]
    checker.release.set()
    for _ in range(5):
        QApplication.processEvents()
    assert checker.prepared_on == []
    window.desk.spelling_action.setChecked(True)
    editor = text_editor_of(window.draft_view, PRACTICE)
    qtbot.waitUntil(lambda: underlined_words(editor) == ["recieve", "teh"], timeout=5000)


def test_a_notice_said_while_reading_on_the_worker_reaches_the_gui_thread(qtbot, tmp_path):
    checker = SpellChecker("fr", tmp_path / "words.txt", enchant_module=NoDictionaries)
    support = SpellingSupport(checker)
    heard: list[tuple[str, bool]] = []
    support.notice.connect(
        lambda message: heard.append((message, threading.current_thread() is threading.main_thread()))
    )
    support.load_dictionary()
    qtbot.waitUntil(lambda: support.ready and bool(heard), timeout=5000)
    assert len(heard) == 1 and "hunspell-fr" in heard[0][0] and heard[0][1]


def test_the_dictionary_is_read_only_once_the_view_has_been_painted(qtbot, tmp_path):
    """Not on the next turn of the event loop: a window's first paint comes a turn after it is shown."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

    checker = RecordingChecker("en", tmp_path / "words.txt")
    checker.release.set()
    support = SpellingSupport(checker)
    view = QWidget()
    field = QPlainTextEdit("Prosecutors recieve teh evidence.")
    QVBoxLayout(view).addWidget(field)
    qtbot.addWidget(view)
    support.wait_for_first_paint(view)  # as the draft view does
    support.attach(field)
    for _turn in range(5):
        QApplication.processEvents()
    assert checker.prepared_on == []  # attached, not yet painted: nothing read

    class PaintSeen(QObject):
        painted = False

        def eventFilter(self, _watched, event):  # noqa: N802 (Qt override)
            if event.type() == QEvent.Type.Paint:
                PaintSeen.painted = True
            return False

    seen = PaintSeen()
    view.installEventFilter(seen)
    painted_before_reading: list[bool] = []
    original = checker.prepare
    checker.prepare = lambda: (painted_before_reading.append(PaintSeen.painted), original())  # type: ignore[method-assign]
    view.show()
    qtbot.waitUntil(lambda: support.ready, timeout=5000)
    assert painted_before_reading == [True]
    # Qt draws the underlines on the turn of the event loop after the highlighter starts.
    qtbot.waitUntil(lambda: underlined_words(field) == ["recieve", "teh"], timeout=5000)

    # A field attached after the first paint is read for at once (here: the dictionary is there).
    later = QPlainTextEdit("Another feild.")
    qtbot.addWidget(later)
    support.attach(later)
    qtbot.waitUntil(lambda: underlined_words(later) == ["feild"], timeout=5000)
