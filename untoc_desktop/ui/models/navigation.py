"""The navigation tree: instrument > article > paragraph, each with a completeness badge.

:class:`ProvisionTreeModel` is a read-only Qt item model over a questionnaire
definition. Column 0 names the provision; column 1 is its badge ("3/5", "✓" or
"n/a"). Protocols the State party is not party to are greyed and marked not
applicable; paragraphs creating no obligation (``saving``) are greyed with a
"—" badge and never count. Call :meth:`ProvisionTreeModel.set_report` when
answers change, and :meth:`ProvisionTreeModel.set_counted_class` when the
obligation filter changes (article and instrument badges then count only the
paragraphs shown).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from ...i18n import _, interface_language
from ...questionnaire import display
from ...questionnaire.model import INSTRUMENT_SHORT_NAMES, Article, Definition, Instrument, Paragraph
from ...questionnaire.obligations import OBLIGATION_EXPLANATIONS, obligation_label
from ...validation import CompletenessReport
from ..style import badge_colour, system_scheme

ModelIndex = QModelIndex | QPersistentModelIndex


class ProvisionRole(IntEnum):
    """Custom data roles of :class:`ProvisionTreeModel`."""

    KIND = Qt.ItemDataRole.UserRole + 1  # "instrument", "article" or "paragraph"
    ID = Qt.ItemDataRole.UserRole + 2  # instrument code, article id (TIP.5) or paragraph id
    APPLICABLE = Qt.ItemDataRole.UserRole + 3  # bool
    PROGRESS = Qt.ItemDataRole.UserRole + 4  # (answered, required)
    OBLIGATION = Qt.ItemDataRole.UserRole + 5  # a paragraph's obligation level, else None
    UNVERIFIED = Qt.ItemDataRole.UserRole + 6  # bool: article list or paragraph detail not yet verified


#: Above this many changed rows, :meth:`ProvisionTreeModel.set_report` announces the whole tree at once.
_FEW_ROWS = 24

#: The data roles :meth:`ProvisionTreeModel.data` answers; any other gives ``None`` at once.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.TextAlignmentRole,
        *ProvisionRole,
    )
)

#: Id of the "Archived answers" node (answers to questions no longer asked).
ARCHIVED_ID = "archived"


@dataclass(eq=False)
class _Node:
    kind: str
    provision: Instrument | Article | Paragraph | None
    parent: _Node | None
    row: int = 0
    children: list[_Node] = field(default_factory=list)
    paragraph_ids: tuple[str, ...] = ()


class ProvisionTreeModel(QAbstractItemModel):
    """Instruments, articles and paragraphs of a definition with their completeness.

    Args:
        definition: the questionnaire.
        protocols: codes of the Protocols the State party is party to.
        archived_count: number of archived answers; when not zero an "Archived answers"
            node (kind ``archived``) is added after the instruments.
    """

    COLUMNS = 2

    def __init__(
        self, definition: Definition, protocols: Collection[str], parent: Any = None, archived_count: int = 0
    ) -> None:
        super().__init__(parent)
        self._protocols = frozenset(protocols)
        self._root = _Node("root", None, None)
        self._by_id: dict[str, _Node] = {}
        self._progress: dict[str, tuple[int, int]] = {}
        #: id(node) -> (applicable, answered, required, context only), until the figures or the counted class change.
        self._figures_of: dict[int, tuple[bool, int, int, bool]] = {}
        self._icons: dict[str, QIcon] = {}
        self._counted_class = ""
        self._classes = {p.id: p.obligation for p in definition.paragraphs()}
        for row, instrument in enumerate(definition.instruments):
            node = self._add(self._root, "instrument", instrument, instrument.code, row)
            for article_row, article in enumerate(instrument.articles):
                article_node = self._add(node, "article", article, article.id, article_row)
                for paragraph_row, paragraph in enumerate(article.paragraphs):
                    self._add(article_node, "paragraph", paragraph, paragraph.id, paragraph_row)
                article_node.paragraph_ids = tuple(p.id for p in article.paragraphs)
            node.paragraph_ids = tuple(p for a in node.children for p in a.paragraph_ids)
        self.archived_count = archived_count
        if archived_count:
            self._add(self._root, "archived", None, ARCHIVED_ID, len(self._root.children))

    def _add(self, parent: _Node, kind: str, provision: Any, node_id: str, row: int) -> _Node:
        node = _Node(kind, provision, parent, row)
        if kind == "paragraph":
            node.paragraph_ids = (node_id,)
        parent.children.append(node)
        self._by_id[node_id] = node
        return node

    # -- updates ---------------------------------------------------------------------

    def set_report(self, report: CompletenessReport) -> None:
        """Take new completeness figures and repaint the badges whose figures changed.

        After one saved answer that is a paragraph, its article and its instrument: the views
        (and the obligation filter above this model) look again at those rows only, which keeps
        every save short. When many rows changed (the first report), the whole tree is announced.
        """
        progress = {p.paragraph.id: (p.answered, p.required) for p in report.paragraphs}
        changed = {
            pid for pid in progress.keys() | self._progress.keys() if progress.get(pid) != self._progress.get(pid)
        }
        self._progress = progress
        self._figures_of.clear()
        nodes: dict[int, _Node] = {}
        for paragraph_id in changed:
            node = self._by_id.get(paragraph_id)
            while node is not None and node is not self._root:
                nodes[id(node)] = node
                node = node.parent
        if len(nodes) > _FEW_ROWS:
            self._changed(self._root)
            return
        for node in nodes.values():
            self.dataChanged.emit(
                self.createIndex(node.row, 0, node), self.createIndex(node.row, self.COLUMNS - 1, node)
            )

    def badge_samples(self) -> list[ModelIndex]:
        """One "Answered" cell (column 1) for each different badge the tree shows now: what sizes that column.

        The view measures these few cells instead of every row (``ResizeToContents`` asked each of
        the 216 rows eight questions, several times while a draft opened).
        """
        samples: dict[str, ModelIndex] = {}
        pending = list(self._root.children)
        while pending:
            node = pending.pop()
            pending.extend(node.children)
            index = self.createIndex(node.row, 1, node)
            samples.setdefault(str(self.data(index, Qt.ItemDataRole.DisplayRole)), index)
        return list(samples.values())

    def _changed(self, node: _Node) -> None:
        if node.children:
            first = self.createIndex(0, 0, node.children[0])
            last = self.createIndex(len(node.children) - 1, self.COLUMNS - 1, node.children[-1])
            self.dataChanged.emit(first, last)
            for child in node.children:
                self._changed(child)

    def set_counted_class(self, obligation: str) -> None:
        """Count only paragraphs of one obligation class in article and instrument badges ("" counts all)."""
        if obligation != self._counted_class:
            self._counted_class = obligation
            self._figures_of.clear()
            self._changed(self._root)

    @property
    def counted_class(self) -> str:
        """The obligation class the badges count ("" for all)."""
        return self._counted_class

    def _figures(self, node: _Node) -> tuple[bool, int, int, bool]:
        """(applicable, answered, required, context only) of a node, computed once per report (views ask per role)."""
        found = self._figures_of.get(id(node))
        if found is None:
            found = (self.applicable(node), *self.progress(node), self._context_only(node))
            self._figures_of[id(node)] = found
        return found

    def _context_only(self, node: _Node) -> bool:
        """True when every paragraph a node counts creates no obligation (nothing to answer there)."""
        counted = [
            p
            for p in node.paragraph_ids
            if node.kind == "paragraph" or not self._counted_class or self._classes[p] == self._counted_class
        ]
        return bool(counted) and all(self._classes[p] == "saving" for p in counted)

    # -- lookup ----------------------------------------------------------------------

    def index_for(self, provision_id: str, column: int = 0) -> QModelIndex:
        """The index of an instrument code, article id (``TIP.5``) or paragraph id; invalid when unknown."""
        node = self._by_id.get(provision_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node)

    def applicable(self, node: _Node) -> bool:
        """Whether a node's provisions apply to the State party."""
        provision = node.provision
        if provision is None:
            return True
        code = provision.code if isinstance(provision, Instrument) else getattr(provision, "instrument", "UNTOC")
        return code == "UNTOC" or code in self._protocols

    def progress(self, node: _Node) -> tuple[int, int]:
        """(answered, required) summed over the node's paragraphs (only those of the counted class, if set)."""
        answered = required = 0
        for paragraph_id in node.paragraph_ids:
            if self._counted_class and node.kind != "paragraph" and self._classes[paragraph_id] != self._counted_class:
                continue
            done, needed = self._progress.get(paragraph_id, (0, 0))
            answered += done
            required += needed
        return answered, required

    # -- QAbstractItemModel ----------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Index of a child of ``parent`` (what ``hasIndex`` checks, without asking Qt: views call this often)."""
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < self.COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        """Index of the parent of ``index`` (column 0)."""
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Number of children (only column 0 has children)."""
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        """Two columns: provision and badge."""
        return self.COLUMNS

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Every node is selectable, including not-applicable ones (their page says why)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_("Provision"), _("Answered"))[section] if 0 <= section < self.COLUMNS else None
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, badge, colours, tooltips and the custom :class:`ProvisionRole` values."""
        if not index.isValid() or role not in _ROLES:
            return None  # fonts, backgrounds, check states, size hints: the view's own (asked for every row)
        node: _Node = index.internalPointer()
        column = index.column()
        if node.kind == "archived":
            return self._archived_data(role, column)
        applicable, answered, required, context_only = self._figures(node)
        if role == Qt.ItemDataRole.DisplayRole:
            title = self._title(node)
            if column == 0 and isinstance(node.provision, Paragraph) and node.provision.unverified:
                title += " †"  # the paragraph detail is provisional (article membership is said once, above)
            if column == 1 and context_only:
                return "—"
            return title if column == 0 else self._badge(applicable, answered, required)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, applicable, answered, required)
        if role == Qt.ItemDataRole.AccessibleTextRole and column == 1:  # "3/10" and "✓" said in words
            if context_only:
                return _("nothing to answer")
            if not applicable:
                return _("not applicable")
            return _("{answered} of {required} required answers given").format(answered=answered, required=required)
        if role == Qt.ItemDataRole.ForegroundRole and (not applicable or context_only):
            # Greyed: the palette's disabled text, which the window keeps readable (ui/style.py).
            return QBrush(QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.DecorationRole and column == 1 and not context_only:
            return self._icon(self._state(applicable, answered, required))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ProvisionRole.KIND:
            return node.kind
        if role == ProvisionRole.ID:
            provision = node.provision
            return provision.code if isinstance(provision, Instrument) else provision.id  # type: ignore[union-attr]
        if role == ProvisionRole.APPLICABLE:
            return applicable
        if role == ProvisionRole.PROGRESS:
            return (answered, required)
        if role == ProvisionRole.OBLIGATION:
            return node.provision.obligation if isinstance(node.provision, Paragraph) else None
        if role == ProvisionRole.UNVERIFIED:
            return bool(getattr(node.provision, "unverified", False))
        return None

    def _archived_data(self, role: int, column: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _("Archived answers") if column == 0 else str(self.archived_count)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _("Answers to questions this version of the questionnaire no longer asks; kept, never dropped.")
        if role == ProvisionRole.KIND:
            return "archived"
        if role == ProvisionRole.ID:
            return ARCHIVED_ID
        if role == ProvisionRole.APPLICABLE:
            return True
        if role == ProvisionRole.UNVERIFIED:
            return False
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _node(self, index: ModelIndex) -> _Node:
        return index.internalPointer() if index.isValid() else self._root

    @staticmethod
    def _title(node: _Node) -> str:
        provision = node.provision
        if isinstance(provision, Instrument):
            return _(INSTRUMENT_SHORT_NAMES.get(provision.code, provision.code))
        if isinstance(provision, Article):
            return _("Art. {number} {title}").format(number=provision.number, title=display.article_title(provision))
        assert isinstance(provision, Paragraph)
        label = display.paragraph_label(provision)
        return display.unnumbered_title(provision, label) or _("{ref} {label}").format(
            ref=display.paragraph_ref(provision), label=label
        )

    @staticmethod
    def _state(applicable: bool, answered: int, required: int) -> str:
        if not applicable:
            return "n/a"
        if answered >= required:
            return "complete"
        return "started" if answered else "empty"

    def _badge(self, applicable: bool, answered: int, required: int) -> str:
        if not applicable:
            return _("n/a")
        if answered >= required:
            return "✓"
        return f"{answered}/{required}"

    def _tooltip(self, node: _Node, applicable: bool, answered: int, required: int) -> str:
        provision = node.provision
        if isinstance(provision, Instrument):
            title = display.instrument_title(provision)
        elif isinstance(provision, Article):
            title = display.article_title(provision)
        else:
            title = self._title(node)
        if isinstance(provision, Paragraph):
            title += "\n" + _("Obligation: {label}").format(
                label=obligation_label(provision.obligation, interface_language())
            )
            if provision.unverified:
                title += "\n" + _("† Provisional: not yet verified against the treaty text.")
            if provision.context_only:
                return title + "\n" + _(OBLIGATION_EXPLANATIONS["saving"])
        elif self._counted_class:
            title += "\n" + _("Counting only: {label}").format(
                label=obligation_label(self._counted_class, interface_language())
            )
        if not applicable:
            return _("{title}\nNot applicable: the State party is not party to this Protocol.").format(title=title)
        return _("{title}\n{answered} of {required} required answers given").format(
            title=title, answered=answered, required=required
        )

    def _icon(self, state: str) -> QIcon:
        # Colours come from the palette (ui/style.py); its cache key changes when the palette does.
        key = f"{state}:{QGuiApplication.palette().cacheKey()}"
        icon = self._icons.get(key)
        if icon is None:
            pixmap = QPixmap(12, 12)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setBrush(badge_colour(state, system_scheme()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(1, 1, 10, 10)
            painter.end()
            icon = self._icons[key] = QIcon(pixmap)
        return icon
