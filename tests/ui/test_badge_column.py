"""The tree's "Answered" column is as wide as its widest badge, measured on a few cells, not on every row."""

from PySide6.QtCore import QModelIndex

from untoc_desktop.ui.models.navigation import ProvisionTreeModel

PARAGRAPH = "UNTOC.5.1(a)"
STATUS = f"{PARAGRAPH}.status"


def widest_badge(view) -> int:
    """What ``ResizeToContents`` would give with every row open: the widest cell of column 1, or its title."""
    tree, model = view.tree, view.model
    widest = tree.header().sectionSizeHint(1)
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        for row in range(model.rowCount(parent)):
            widest = max(widest, tree.sizeHintForIndex(model.index(row, 1, parent)).width())
            pending.append(model.index(row, 0, parent))
    return widest


def badge_width(qtbot, view) -> int:
    qtbot.waitUntil(lambda: not view._badge_fit.isActive(), timeout=1000)  # sized once the burst of changes is over
    return view.tree.header().sectionSize(1)


def test_the_badge_column_fits_the_widest_badge_when_the_draft_opens(qtbot, window, draft_path):
    view = window.draft_view
    assert badge_width(qtbot, view) == widest_badge(view)


def test_the_badge_column_follows_new_badges_and_a_larger_text(qtbot, window, draft_path, qapp):
    view = window.draft_view
    before = view.model.index_for(PARAGRAPH, 1).data()
    view.select(PARAGRAPH)
    combo = view.current_page().blocks[STATUS].field.combo
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("partly"))  # 0/1 -> 1/3: other badges on three rows
    qtbot.waitUntil(lambda: view.model.index_for(PARAGRAPH, 1).data() != before, timeout=2000)
    assert badge_width(qtbot, view) == widest_badge(view)

    font = qapp.font()
    try:
        window.appearance.larger_action.trigger()
        window.appearance.larger_action.trigger()
        qtbot.waitUntil(lambda: view.tree.header().sectionSize(1) == widest_badge(view), timeout=2000)
    finally:
        window.appearance.reset_action.trigger()
        qapp.setFont(font)


def test_a_badge_sample_stands_for_each_different_badge(cluster1):
    model = ProvisionTreeModel(cluster1, {"TIP"})
    from untoc_desktop.validation import check_completeness

    model.set_report(check_completeness(cluster1, {"UNTOC.5.1(a).status": "fully"}, {"TIP"}))
    samples = model.badge_samples()
    texts = [index.data() for index in samples]
    assert len(texts) == len(set(texts))
    assert {"1/2", "0/1", "n/a"} <= set(texts)
    assert all(index.column() == 1 for index in samples)
