"""Qt item models over the provision list."""
