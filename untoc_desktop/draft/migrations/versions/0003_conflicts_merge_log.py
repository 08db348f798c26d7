"""Schema 3: open conflicts left by merging a colleague's copy, and the merge log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None
#: PRAGMA user_version after this migration.
schema_version = 3


def upgrade() -> None:
    """Add the answer_conflict and merge_log tables."""
    op.create_table(
        "answer_conflict",
        sa.Column("question_id", sa.String(200), nullable=False),
        sa.Column("mine", sa.Text(), nullable=True),
        sa.Column("theirs", sa.Text(), nullable=True),
        sa.Column("ancestor", sa.Text(), nullable=True),
        sa.Column("both", sa.Text(), nullable=True),
        sa.Column("copy_name", sa.Text(), nullable=False),
        sa.Column("copy_fingerprint", sa.String(64), nullable=False),
        sa.Column("theirs_author", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.PrimaryKeyConstraint("question_id", name="pk_answer_conflict"),
    )
    op.create_table(
        "merge_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("merge_uuid", sa.String(36), nullable=False),
        sa.Column("merged_at", sa.String(32), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("copy_name", sa.Text(), nullable=False),
        sa.Column("copy_fingerprint", sa.String(64), nullable=False),
        sa.Column("copy_author", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_merge_log"),
        sa.UniqueConstraint("merge_uuid", name="uq_merge_log_merge_uuid"),
    )
