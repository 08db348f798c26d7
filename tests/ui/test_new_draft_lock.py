"""A draft made with File > New draft is locked like an opened one: a second copy shows it read-only (issue 9)."""

import subprocess
import sys

from untoc_desktop.draft.safety import lock_path, read_lock
from untoc_desktop.ui.app import build_main_window

SECOND_COPY = """
import sys
from untoc_desktop.opening import open_draft
opened = open_draft(sys.argv[1], lock=True)
print(opened.read_only, flush=True)
opened.draft.close()
"""


def test_a_new_draft_has_the_lock_note_and_a_second_copy_opens_it_read_only(qtbot, settings, tmp_path, draft_info):
    first = build_main_window([], settings)
    qtbot.addWidget(first)
    path = tmp_path / "new.untoc"

    assert first.create_draft(path, draft_info)

    assert lock_path(path).exists()
    holder = read_lock(path)
    assert holder is not None and holder.is_alive_here()
    other_process = subprocess.run(
        [sys.executable, "-c", SECOND_COPY, str(path)], capture_output=True, text=True, timeout=60
    )
    assert other_process.stdout.strip() == "True", other_process.stderr
    second = build_main_window([], settings)
    qtbot.addWidget(second)
    assert second.open_draft(path)
    assert second.session.draft.read_only and second.draft_view.read_only
    assert "already open" in second.draft_view.notice.message.text()

    second.close_draft()
    assert lock_path(path).exists()  # the second copy never took nor removed the first one's lock
    assert first.close_draft()
    assert not lock_path(path).exists()
