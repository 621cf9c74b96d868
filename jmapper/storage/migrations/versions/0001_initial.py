"""Initial library schema: every entity table, snapshots and library_meta.

Frozen: later schema changes go in new revisions, never here.

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-23
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('library_meta',
    sa.Column('key', sa.String(), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_library_meta'))
    )
    op.create_table('map',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('map_type', sa.Text(), nullable=False),
    sa.Column('scenario', sa.Text(), nullable=False),
    sa.Column('expectations', sa.Text(), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('scope_start', sa.Text(), nullable=False),
    sa.Column('scope_end', sa.Text(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('version_label', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('organisation', sa.Text(), nullable=False),
    sa.Column('last_reviewed', sa.Text(), nullable=True),
    sa.Column('next_review', sa.Text(), nullable=True),
    sa.Column('derived_from_id', sa.String(), nullable=True),
    sa.Column('primary_persona_id', sa.String(), nullable=True),
    sa.Column('overlay_persona_ids', sa.Text(), nullable=False),
    sa.Column('emotion_scale', sa.Text(), nullable=False),
    sa.Column('created', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_map'))
    )
    op.create_table('persona',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.Column('needs', sa.Text(), nullable=False),
    sa.Column('pain_points', sa.Text(), nullable=False),
    sa.Column('preferred_channels', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('photo', sa.Text(), nullable=False),
    sa.Column('colour', sa.Text(), nullable=False),
    sa.Column('research_based', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persona'))
    )
    op.create_table('blueprint_line',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_blueprint_line_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_blueprint_line'))
    )
    with op.batch_alter_table('blueprint_line', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_blueprint_line_map_id'), ['map_id'], unique=False)

    op.create_table('comment',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('target_kind', sa.Text(), nullable=False),
    sa.Column('target_id', sa.String(), nullable=True),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created', sa.Text(), nullable=False),
    sa.Column('resolved', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_comment_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comment'))
    )
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_map_id'), ['map_id'], unique=False)

    op.create_table('evidence_item',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('url', sa.Text(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('collected', sa.Text(), nullable=True),
    sa.Column('target_kind', sa.Text(), nullable=False),
    sa.Column('target_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_evidence_item_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_item'))
    )
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_item_map_id'), ['map_id'], unique=False)

    op.create_table('lane',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('zone', sa.Text(), nullable=False),
    sa.Column('visible', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_lane_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lane'))
    )
    with op.batch_alter_table('lane', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lane_map_id'), ['map_id'], unique=False)

    op.create_table('metric_definition',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('csat_mode', sa.Text(), nullable=True),
    sa.Column('repeat_window_days', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_metric_definition_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric_definition'))
    )
    with op.batch_alter_table('metric_definition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metric_definition_map_id'), ['map_id'], unique=False)

    op.create_table('moment_of_truth',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('stage_id', sa.String(), nullable=False),
    sa.Column('step_id', sa.String(), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_moment_of_truth_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moment_of_truth'))
    )
    with op.batch_alter_table('moment_of_truth', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moment_of_truth_map_id'), ['map_id'], unique=False)

    op.create_table('opportunity',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('lane_id', sa.String(), nullable=True),
    sa.Column('stage_id', sa.String(), nullable=True),
    sa.Column('step_id', sa.String(), nullable=True),
    sa.Column('pain_card_ids', sa.Text(), nullable=False),
    sa.Column('step_ids', sa.Text(), nullable=False),
    sa.Column('impact', sa.Integer(), nullable=True),
    sa.Column('feasibility', sa.Integer(), nullable=True),
    sa.Column('effort', sa.Float(), nullable=True),
    sa.Column('volume', sa.Integer(), nullable=True),
    sa.Column('severity', sa.Integer(), nullable=True),
    sa.Column('reach', sa.Integer(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.Column('metric', sa.Text(), nullable=False),
    sa.Column('baseline', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('due_date', sa.Text(), nullable=True),
    sa.Column('status', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_opportunity_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_opportunity'))
    )
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_opportunity_map_id'), ['map_id'], unique=False)

    op.create_table('snapshot',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('created', sa.Text(), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_snapshot_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_snapshot'))
    )
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_snapshot_map_id'), ['map_id'], unique=False)

    op.create_table('stage',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('data_sources', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_stage_map_id_map'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stage'))
    )
    with op.batch_alter_table('stage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stage_map_id'), ['map_id'], unique=False)

    op.create_table('metric_value',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('metric_id', sa.String(), nullable=False),
    sa.Column('scope', sa.Text(), nullable=False),
    sa.Column('scope_id', sa.String(), nullable=True),
    sa.Column('period', sa.Text(), nullable=False),
    sa.Column('sample_size', sa.Integer(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('raw_counts', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_metric_value_map_id_map'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['metric_id'], ['metric_definition.id'], name=op.f('fk_metric_value_metric_id_metric_definition')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric_value'))
    )
    with op.batch_alter_table('metric_value', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metric_value_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_metric_value_metric_id'), ['metric_id'], unique=False)

    op.create_table('step',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('stage_id', sa.String(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('duration', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_step_map_id_map'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], name=op.f('fk_step_stage_id_stage')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_step'))
    )
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_stage_id'), ['stage_id'], unique=False)

    op.create_table('card',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('lane_id', sa.String(), nullable=False),
    sa.Column('stage_id', sa.String(), nullable=False),
    sa.Column('step_id', sa.String(), nullable=True),
    sa.Column('span', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('channel', sa.Text(), nullable=True),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.Column('evidence_level', sa.Text(), nullable=True),
    sa.Column('data_source', sa.Text(), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('failure_point', sa.Integer(), nullable=False),
    sa.Column('pain_severity', sa.Integer(), nullable=True),
    sa.Column('pain_volume', sa.Integer(), nullable=True),
    sa.Column('pain_volume_period', sa.Text(), nullable=False),
    sa.Column('pain_persistence', sa.Text(), nullable=True),
    sa.Column('colour', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['lane_id'], ['lane.id'], name=op.f('fk_card_lane_id_lane')),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_card_map_id_map'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], name=op.f('fk_card_stage_id_stage')),
    sa.ForeignKeyConstraint(['step_id'], ['step.id'], name=op.f('fk_card_step_id_step')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card'))
    )
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_lane_id'), ['lane_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_stage_id'), ['stage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_step_id'), ['step_id'], unique=False)

    op.create_table('emotion_point',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('stage_id', sa.String(), nullable=False),
    sa.Column('step_id', sa.String(), nullable=True),
    sa.Column('persona_id', sa.String(), nullable=True),
    sa.Column('series', sa.Text(), nullable=False),
    sa.Column('value', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_emotion_point_map_id_map'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stage_id'], ['stage.id'], name=op.f('fk_emotion_point_stage_id_stage')),
    sa.ForeignKeyConstraint(['step_id'], ['step.id'], name=op.f('fk_emotion_point_step_id_step')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_emotion_point'))
    )
    with op.batch_alter_table('emotion_point', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_emotion_point_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_emotion_point_stage_id'), ['stage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_emotion_point_step_id'), ['step_id'], unique=False)

    op.create_table('card_link',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('map_id', sa.String(), nullable=False),
    sa.Column('source_card_id', sa.String(), nullable=False),
    sa.Column('target_card_id', sa.String(), nullable=False),
    sa.Column('direction', sa.Text(), nullable=False),
    sa.Column('link_type', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['map.id'], name=op.f('fk_card_link_map_id_map'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_card_id'], ['card.id'], name=op.f('fk_card_link_source_card_id_card')),
    sa.ForeignKeyConstraint(['target_card_id'], ['card.id'], name=op.f('fk_card_link_target_card_id_card')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_card_link'))
    )
    with op.batch_alter_table('card_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_card_link_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_link_source_card_id'), ['source_card_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_card_link_target_card_id'), ['target_card_id'], unique=False)

    meta = sa.table("library_meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    op.bulk_insert(
        meta,
        [
            {"key": "format", "value": "jmapper-library"},
            {"key": "library_id", "value": uuid.uuid4().hex},
            {"key": "created_by", "value": "jmapper migration 0001"},
        ],
    )
    op.execute("PRAGMA application_id = 1246576976")
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    with op.batch_alter_table('card_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_link_target_card_id'))
        batch_op.drop_index(batch_op.f('ix_card_link_source_card_id'))
        batch_op.drop_index(batch_op.f('ix_card_link_map_id'))

    op.drop_table('card_link')
    with op.batch_alter_table('emotion_point', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_emotion_point_step_id'))
        batch_op.drop_index(batch_op.f('ix_emotion_point_stage_id'))
        batch_op.drop_index(batch_op.f('ix_emotion_point_map_id'))

    op.drop_table('emotion_point')
    with op.batch_alter_table('card', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_card_step_id'))
        batch_op.drop_index(batch_op.f('ix_card_stage_id'))
        batch_op.drop_index(batch_op.f('ix_card_map_id'))
        batch_op.drop_index(batch_op.f('ix_card_lane_id'))

    op.drop_table('card')
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_stage_id'))
        batch_op.drop_index(batch_op.f('ix_step_map_id'))

    op.drop_table('step')
    with op.batch_alter_table('metric_value', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_metric_value_metric_id'))
        batch_op.drop_index(batch_op.f('ix_metric_value_map_id'))

    op.drop_table('metric_value')
    with op.batch_alter_table('stage', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stage_map_id'))

    op.drop_table('stage')
    with op.batch_alter_table('snapshot', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_snapshot_map_id'))

    op.drop_table('snapshot')
    with op.batch_alter_table('opportunity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_opportunity_map_id'))

    op.drop_table('opportunity')
    with op.batch_alter_table('moment_of_truth', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moment_of_truth_map_id'))

    op.drop_table('moment_of_truth')
    with op.batch_alter_table('metric_definition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_metric_definition_map_id'))

    op.drop_table('metric_definition')
    with op.batch_alter_table('lane', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lane_map_id'))

    op.drop_table('lane')
    with op.batch_alter_table('evidence_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_item_map_id'))

    op.drop_table('evidence_item')
    with op.batch_alter_table('comment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_map_id'))

    op.drop_table('comment')
    with op.batch_alter_table('blueprint_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_blueprint_line_map_id'))

    op.drop_table('blueprint_line')
    op.drop_table('persona')
    op.drop_table('map')
    op.drop_table('library_meta')
    op.execute("PRAGMA user_version = 0")
    op.execute("PRAGMA application_id = 0")
