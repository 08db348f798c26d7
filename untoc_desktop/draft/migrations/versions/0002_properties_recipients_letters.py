"""Schema 2: draft properties, the address book and the letter log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration.
schema_version = 2


def upgrade() -> None:
    """Add the draft_property, recipient and letter tables."""
    op.create_table(
        "draft_property",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_draft_property"),
    )
    op.create_table(
        "recipient",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("recipient_uuid", sa.String(36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("agency", sa.Text(), nullable=False),
        sa.Column("postal_address", sa.Text(), nullable=False),
        sa.Column("email", sa.Text(), nullable=False),
        sa.Column("is_focal_point", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recipient"),
        sa.UniqueConstraint("recipient_uuid", name="uq_recipient_recipient_uuid"),
    )
    op.create_table(
        "letter",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("letter_uuid", sa.String(36), nullable=False),
        sa.Column("reference", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("recipient_uuid", sa.String(36), nullable=True),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("sent_on", sa.String(10), nullable=True),
        sa.Column("sent_channel", sa.Text(), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recipient_uuid"], ["recipient.recipient_uuid"], name="fk_letter_recipient_uuid_recipient"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_letter"),
        sa.UniqueConstraint("letter_uuid", name="uq_letter_letter_uuid"),
    )
