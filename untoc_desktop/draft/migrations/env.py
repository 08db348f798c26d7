"""Alembic environment for draft files: always run on a connection handed in by the store."""

from alembic import context

from untoc_desktop.draft.models import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables instead
)
with context.begin_transaction():
    context.run_migrations()
