"""Alembic migrations of the draft file schema (scripts inside the package, run at open)."""
