"""Which questionnaire definitions are available: shipped ones and those the user imported.

Imported definitions (a corrected list of articles for a provisional cluster,
or an organisation's own questionnaire) are copied into the user's data
folder (``platformdirs.user_data_dir("untoc_desktop")/definitions``) after
they pass the same checks as the shipped ones, so they are available to every
draft on this computer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ..errors import DefinitionError
from ..files import atomic_write_bytes
from ..i18n import _
from ..received_files import read_regular_file
from .loader import installed_definitions, load_definition_file, load_shipped_definition, shipped_definition_facts
from .model import Definition

#: Largest definition file accepted for import, in bytes.
MAX_DEFINITION_BYTES = 5 * 1024 * 1024


def version_key(version: str) -> tuple[int, ...]:
    """Sortable form of a ``MAJOR.MINOR.PATCH`` version string."""
    return tuple(int(part) for part in version.split("."))


def user_definitions_folder() -> Path:
    """Where imported definitions are kept (not created until something is imported)."""
    return Path(platformdirs.user_data_dir("untoc_desktop", appauthor=False)) / "definitions"


@dataclass(frozen=True)
class AvailableDefinition:
    """A definition and where it comes from (``shipped`` or ``imported``)."""

    definition: Definition
    origin: str


class DefinitionRegistry:
    """The definitions available on this computer.

    Args:
        user_folder: folder of imported definitions; defaults to
            :func:`user_definitions_folder`. Tests pass a temporary folder.
    """

    def __init__(self, user_folder: Path | None = None) -> None:
        self.user_folder = user_folder if user_folder is not None else user_definitions_folder()

    def available(self) -> list[AvailableDefinition]:
        """Every definition, shipped first, then imported, each sorted by cluster, id and version.

        An imported file that no longer loads is skipped (it was checked when imported).
        """
        found = [AvailableDefinition(d, "shipped") for d in installed_definitions()]
        found += [AvailableDefinition(d, "imported") for d in self._imported()]
        return sorted(found, key=lambda a: (a.definition.cluster, a.definition.id, version_key(a.definition.version)))

    def _imported(self) -> list[Definition]:
        """The imported definitions that still load (sorted by file name); one that no longer loads is skipped."""
        found = []
        if self.user_folder.is_dir():
            for path in sorted(self.user_folder.glob("*.yaml")):
                try:
                    found.append(load_definition_file(path))
                except DefinitionError:
                    continue
        return found

    def clusters(self) -> list[int]:
        """The review clusters that have a definition (shipped or imported), in order.

        Builds no shipped definition (see :func:`.loader.shipped_definition_facts`).
        """
        shipped = {cluster for _id, _version, cluster, _path in shipped_definition_facts()}
        return sorted(shipped | {d.cluster for d in self._imported()})

    def latest(self, definition_id: str) -> Definition:
        """The highest version of a definition id.

        Raises:
            DefinitionError: no definition has this id.
        """
        # Only the shipped files of this id are built (start-up needs one definition, not all of them);
        # the built definition's own id decides, in case a cached copy's facts were wrong.
        shipped = [
            load_shipped_definition(path)
            for shipped_id, _version, _cluster, path in shipped_definition_facts()
            if shipped_id == definition_id
        ]
        candidates = [d for d in shipped if d.id == definition_id]
        candidates += [d for d in self._imported() if d.id == definition_id]
        if not candidates:
            raise DefinitionError(
                _(
                    "The questionnaire definition '{definition_id}' is not available on this computer. "
                    "Import it with File > Import questionnaire definition."
                ).format(definition_id=definition_id)
            )
        return max(candidates, key=lambda d: version_key(d.version))

    def for_cluster(self, cluster: int) -> Definition:
        """The newest standard definition of a cluster (id ``untoc-cluster-N``).

        Raises:
            DefinitionError: none is available.
        """
        return self.latest(f"untoc-cluster-{cluster}")

    def for_draft(self, definition_id: str, cluster: int) -> Definition:
        """The definition a draft should be shown with: the newest of its own id, else its cluster's standard one."""
        try:
            return self.latest(definition_id)
        except DefinitionError:
            return self.for_cluster(cluster)

    def import_file(self, path: str | Path) -> Definition:
        """Check a definition file and keep a copy among the imported definitions.

        Args:
            path: a YAML or JSON definition file.

        Returns:
            The loaded definition.

        Raises:
            DefinitionError: the file is too large, unreadable or invalid (the report
                names the file and the first problem); nothing is copied.
        """
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise DefinitionError(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror)) from None
        if size > MAX_DEFINITION_BYTES:
            raise DefinitionError(_("{name} is too large to be a questionnaire definition.").format(name=path.name))
        definition = load_definition_file(path)
        target = self.user_folder / f"{definition.id}-{definition.version}.yaml"
        data = read_regular_file(path, MAX_DEFINITION_BYTES, DefinitionError)
        try:
            atomic_write_bytes(target, data)
        except OSError as exc:
            raise DefinitionError(
                _("Could not keep a copy of {name} in {user_folder}: {problem}.").format(
                    name=path.name, user_folder=self.user_folder, problem=exc.strerror
                )
            ) from None
        return load_definition_file(target)
