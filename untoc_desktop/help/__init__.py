"""The offline user guide, one HTML page per interface language (see :func:`guide_html`)."""

from __future__ import annotations

from importlib import resources

#: Interface languages with a guide of their own; others are shown the English guide.
GUIDE_LANGUAGES = ("en", "fr")


def guide_html(language: str) -> str:
    """The user guide as HTML in ``language`` (``en`` when there is none in that language)."""
    code = language.split("_")[0].split("-")[0].lower()
    name = f"guide_{code if code in GUIDE_LANGUAGES else 'en'}.html"
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
