"""The main window and its controllers (menus, commands, the open draft session, workers)."""
