"""Entry point of the frozen application: the window or the ``untoc`` command, by program name.

On Linux and macOS the bundle holds one executable, ``untoc-desktop``, and a symbolic link to
it named ``untoc``; on Windows two executables (window and console) are built from this file.
Started as ``untoc`` (or ``untoc.exe``) it runs the command line, otherwise the window.
"""

import os
import sys


def _program_name() -> str:
    return os.path.splitext(os.path.basename(sys.argv[0] if sys.argv and sys.argv[0] else sys.executable))[0].lower()


if __name__ == "__main__":
    # Alembic loads the migration scripts from files: never leave a __pycache__ in the program folder.
    sys.dont_write_bytecode = True
    if _program_name() == "untoc":
        from untoc_desktop.cli import main
    else:
        from untoc_desktop.launcher import main  # the window, its start-up without garbage collection
    sys.exit(main())
