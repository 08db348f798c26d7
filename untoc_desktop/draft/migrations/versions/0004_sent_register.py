"""Schema 4: the register of what was sent (submissions exported or signed, letters sent).

Revision ID: 0004
Revises: 0002 (the coordinator relinks it after 0003 when both are merged)
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration.
schema_version = 4


def upgrade() -> None:
    """Add the sent_entry table."""
    op.create_table(
        "sent_entry",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("entry_uuid", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("recorded_at", sa.String(32), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("format", sa.String(10), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("signatories", sa.Text(), nullable=False),
        sa.Column("recipient", sa.Text(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sent_entry"),
        sa.UniqueConstraint("entry_uuid", name="uq_sent_entry_entry_uuid"),
    )
