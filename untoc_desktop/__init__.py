"""untoc_desktop: civil-society submissions to the UNTOC Review Mechanism.

The package root and every subpackage except :mod:`untoc_desktop.ui` form the
Qt-free core: they can be imported and scripted without PySide6.
"""

__version__ = "0.1.0"
