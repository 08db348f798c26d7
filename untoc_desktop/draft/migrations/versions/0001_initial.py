"""Schema 1: the draft, its answers and the history of changes.

Revision ID: 0001
Revises:
Create Date: 2026-11-30
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration.
schema_version = 1


def upgrade() -> None:
    """Create the schema 1 tables."""
    op.create_table(
        "draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_uuid", sa.String(36), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("organization", sa.Text(), nullable=False),
        sa.Column("country", sa.Text(), nullable=False),
        sa.Column("country_code", sa.String(3), nullable=False),
        sa.Column("cluster", sa.Integer(), nullable=False),
        sa.Column("protocols", sa.Text(), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("definition_id", sa.String(100), nullable=False),
        sa.Column("definition_version", sa.String(20), nullable=False),
        sa.Column("app_version", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_draft"),
        sa.UniqueConstraint("draft_uuid", name="uq_draft_draft_uuid"),
    )
    op.create_table(
        "answer",
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("updated_by", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("question_id", name="pk_answer"),
    )
    op.create_table(
        "answer_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("change_uuid", sa.String(36), nullable=False),
        sa.Column("draft_uuid", sa.String(36), nullable=False),
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("changed_at", sa.String(32), nullable=False),
        sa.Column("previous_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["draft_uuid"], ["draft.draft_uuid"], name="fk_answer_change_draft_uuid_draft"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_answer_change"),
        sa.UniqueConstraint("change_uuid", name="uq_answer_change_change_uuid"),
    )
    op.create_index("ix_answer_change_question", "answer_change", ["question_id", "changed_at"])
