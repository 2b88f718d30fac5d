"""initial schema

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-26
"""
from alembic import op
import sqlalchemy as sa
import curator_console.persistence.types


revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('connection',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('platform', sa.String(length=40), nullable=False),
    sa.Column('base_url', sa.String(length=2000), nullable=False),
    sa.Column('room', sa.String(length=500), nullable=False),
    sa.Column('token_env', sa.String(length=200), nullable=False),
    sa.Column('allow_insecure_http', sa.Boolean(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_connection')),
    sa.UniqueConstraint('name', name=op.f('uq_connection_name'))
    )
    op.create_table('import_mapping',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_mapping')),
    sa.UniqueConstraint('kind', 'name', name='uq_import_mapping_kind_name')
    )
    op.create_table('museum',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('alt_name', sa.String(length=300), nullable=False),
    sa.Column('city', sa.String(length=200), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('alt_description', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_museum')),
    sa.UniqueConstraint('code', name=op.f('uq_museum_code'))
    )
    op.create_table('collection_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('museum_id', sa.Integer(), nullable=False),
    sa.Column('object_number', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=1000), nullable=False),
    sa.Column('alt_title', sa.String(length=1000), nullable=False),
    sa.Column('maker', sa.String(length=500), nullable=False),
    sa.Column('culture', sa.String(length=200), nullable=False),
    sa.Column('period', sa.String(length=200), nullable=False),
    sa.Column('date_text', sa.String(length=200), nullable=False),
    sa.Column('begin_year', sa.Integer(), nullable=True),
    sa.Column('end_year', sa.Integer(), nullable=True),
    sa.Column('medium', sa.String(length=1000), nullable=False),
    sa.Column('dimensions', sa.String(length=1000), nullable=False),
    sa.Column('classification', sa.String(length=200), nullable=False),
    sa.Column('credit_line', sa.String(length=1000), nullable=False),
    sa.Column('provenance', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('alt_description', sa.Text(), nullable=False),
    sa.Column('rights', sa.String(length=500), nullable=False),
    sa.Column('source', sa.String(length=100), nullable=False),
    sa.Column('source_ref', sa.String(length=1000), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['museum_id'], ['museum.id'], name=op.f('fk_collection_item_museum_id_museum'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_collection_item')),
    sa.UniqueConstraint('museum_id', 'object_number', name='uq_collection_item_museum_object_number')
    )
    with op.batch_alter_table('collection_item', schema=None) as batch_op:
        batch_op.create_index('ix_collection_item_classification', ['classification'], unique=False)
        batch_op.create_index('ix_collection_item_museum_title', ['museum_id', 'title'], unique=False)
        batch_op.create_index('ix_collection_item_period', ['period'], unique=False)

    op.create_table('product',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=100), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('alt_title', sa.String(length=500), nullable=False),
    sa.Column('price', curator_console.persistence.types.Money(precision=18, scale=4), nullable=True),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('stock', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=False),
    sa.Column('image_sha256', sa.String(length=64), nullable=False),
    sa.Column('image_url', sa.String(length=2000), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=True),
    sa.Column('external_id', sa.String(length=200), nullable=False),
    sa.Column('synced_at', curator_console.persistence.types.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.CheckConstraint('stock IS NULL OR stock >= 0', name=op.f('ck_product_stock_not_negative')),
    sa.ForeignKeyConstraint(['connection_id'], ['connection.id'], name=op.f('fk_product_connection_id_connection'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_product')),
    sa.UniqueConstraint('sku', name=op.f('uq_product_sku'))
    )
    op.create_table('store_order',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('connection_id', sa.Integer(), nullable=False),
    sa.Column('platform_order_id', sa.String(length=200), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('ingested_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connection.id'], name=op.f('fk_store_order_connection_id_connection'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_store_order')),
    sa.UniqueConstraint('connection_id', 'platform_order_id', name='uq_store_order_connection_platform_id')
    )
    with op.batch_alter_table('store_order', schema=None) as batch_op:
        batch_op.create_index('ix_store_order_created', ['created_at'], unique=False)

    op.create_table('tour',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('museum_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('host', sa.String(length=300), nullable=False),
    sa.Column('planned_start', curator_console.persistence.types.UTCDateTime(), nullable=True),
    sa.Column('slot_seconds', sa.Integer(), nullable=True),
    sa.Column('language', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('is_template', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['museum_id'], ['museum.id'], name=op.f('fk_tour_museum_id_museum'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tour'))
    )
    op.create_table('item_image',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('width', sa.Integer(), nullable=True),
    sa.Column('height', sa.Integer(), nullable=True),
    sa.Column('byte_size', sa.Integer(), nullable=True),
    sa.Column('original_name', sa.String(length=500), nullable=False),
    sa.Column('source_url', sa.String(length=2000), nullable=False),
    sa.Column('caption', sa.String(length=1000), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['collection_item.id'], name=op.f('fk_item_image_item_id_collection_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item_image'))
    )
    with op.batch_alter_table('item_image', schema=None) as batch_op:
        batch_op.create_index('ix_item_image_item', ['item_id', 'position'], unique=False)

    op.create_table('item_tag',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('tag', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['collection_item.id'], name=op.f('fk_item_tag_item_id_collection_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'tag', name=op.f('pk_item_tag'))
    )
    with op.batch_alter_table('item_tag', schema=None) as batch_op:
        batch_op.create_index('ix_item_tag_tag', ['tag'], unique=False)

    op.create_table('live_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tour_id', sa.Integer(), nullable=True),
    sa.Column('connection_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('tour_snapshot', sa.JSON(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('room', sa.String(length=500), nullable=False),
    sa.Column('started_at', curator_console.persistence.types.UTCDateTime(), nullable=True),
    sa.Column('ended_at', curator_console.persistence.types.UTCDateTime(), nullable=True),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['connection_id'], ['connection.id'], name=op.f('fk_live_session_connection_id_connection'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['tour_id'], ['tour.id'], name=op.f('fk_live_session_tour_id_tour'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_live_session'))
    )
    with op.batch_alter_table('live_session', schema=None) as batch_op:
        batch_op.create_index('ix_live_session_started', ['started_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_live_session_tour_id'), ['tour_id'], unique=False)

    op.create_table('order_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('line_no', sa.Integer(), nullable=False),
    sa.Column('sku', sa.String(length=100), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=True),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', curator_console.persistence.types.Money(precision=18, scale=4), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.CheckConstraint('quantity > 0', name=op.f('ck_order_line_quantity_positive')),
    sa.ForeignKeyConstraint(['order_id'], ['store_order.id'], name=op.f('fk_order_line_order_id_store_order'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_order_line_product_id_product'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_line')),
    sa.UniqueConstraint('order_id', 'line_no', name='uq_order_line_order_line_no')
    )
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.create_index('ix_order_line_sku', ['sku'], unique=False)

    op.create_table('product_item',
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['collection_item.id'], name=op.f('fk_product_item_item_id_collection_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_product_item_product_id_product'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('product_id', 'item_id', name=op.f('pk_product_item'))
    )
    with op.batch_alter_table('product_item', schema=None) as batch_op:
        batch_op.create_index('ix_product_item_item', ['item_id'], unique=False)

    op.create_table('segment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tour_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('planned_seconds', sa.Integer(), nullable=False),
    sa.Column('script', sa.Text(), nullable=False),
    sa.Column('script_alt', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.CheckConstraint('planned_seconds >= 0', name=op.f('ck_segment_planned_not_negative')),
    sa.ForeignKeyConstraint(['tour_id'], ['tour.id'], name=op.f('fk_segment_tour_id_tour'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segment'))
    )
    with op.batch_alter_table('segment', schema=None) as batch_op:
        batch_op.create_index('ix_segment_tour_position', ['tour_id', 'position'], unique=False)

    op.create_table('tour_version',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('tour_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('created_at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['tour_id'], ['tour.id'], name=op.f('fk_tour_version_tour_id_tour'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tour_version'))
    )
    with op.batch_alter_table('tour_version', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tour_version_tour_id'), ['tour_id'], unique=False)

    op.create_table('cue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['segment_id'], ['segment.id'], name=op.f('fk_cue_segment_id_segment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cue'))
    )
    with op.batch_alter_table('cue', schema=None) as batch_op:
        batch_op.create_index('ix_cue_segment', ['segment_id', 'position'], unique=False)

    op.create_table('segment_item',
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['collection_item.id'], name=op.f('fk_segment_item_item_id_collection_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['segment_id'], ['segment.id'], name=op.f('fk_segment_item_segment_id_segment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('segment_id', 'item_id', name=op.f('pk_segment_item'))
    )
    op.create_table('segment_product',
    sa.Column('segment_id', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('pitch', sa.String(length=1000), nullable=False),
    sa.Column('live_price', curator_console.persistence.types.Money(precision=18, scale=4), nullable=True),
    sa.Column('auto_feature', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['product_id'], ['product.id'], name=op.f('fk_segment_product_product_id_product'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['segment_id'], ['segment.id'], name=op.f('fk_segment_product_segment_id_segment'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('segment_id', 'product_id', name=op.f('pk_segment_product'))
    )
    op.create_table('session_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=40), nullable=False),
    sa.Column('at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['live_session.id'], name=op.f('fk_session_event_session_id_live_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_session_event'))
    )
    with op.batch_alter_table('session_event', schema=None) as batch_op:
        batch_op.create_index('ix_session_event_session_at', ['session_id', 'at'], unique=False)

    op.create_table('viewer_sample',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('at', curator_console.persistence.types.UTCDateTime(), nullable=False),
    sa.Column('viewers', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['session_id'], ['live_session.id'], name=op.f('fk_viewer_sample_session_id_live_session'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_viewer_sample'))
    )
    with op.batch_alter_table('viewer_sample', schema=None) as batch_op:
        batch_op.create_index('ix_viewer_sample_session_at', ['session_id', 'at'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('viewer_sample', schema=None) as batch_op:
        batch_op.drop_index('ix_viewer_sample_session_at')

    op.drop_table('viewer_sample')
    with op.batch_alter_table('session_event', schema=None) as batch_op:
        batch_op.drop_index('ix_session_event_session_at')

    op.drop_table('session_event')
    op.drop_table('segment_product')
    op.drop_table('segment_item')
    with op.batch_alter_table('cue', schema=None) as batch_op:
        batch_op.drop_index('ix_cue_segment')

    op.drop_table('cue')
    with op.batch_alter_table('tour_version', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tour_version_tour_id'))

    op.drop_table('tour_version')
    with op.batch_alter_table('segment', schema=None) as batch_op:
        batch_op.drop_index('ix_segment_tour_position')

    op.drop_table('segment')
    with op.batch_alter_table('product_item', schema=None) as batch_op:
        batch_op.drop_index('ix_product_item_item')

    op.drop_table('product_item')
    with op.batch_alter_table('order_line', schema=None) as batch_op:
        batch_op.drop_index('ix_order_line_sku')

    op.drop_table('order_line')
    with op.batch_alter_table('live_session', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_live_session_tour_id'))
        batch_op.drop_index('ix_live_session_started')

    op.drop_table('live_session')
    with op.batch_alter_table('item_tag', schema=None) as batch_op:
        batch_op.drop_index('ix_item_tag_tag')

    op.drop_table('item_tag')
    with op.batch_alter_table('item_image', schema=None) as batch_op:
        batch_op.drop_index('ix_item_image_item')

    op.drop_table('item_image')
    op.drop_table('tour')
    with op.batch_alter_table('store_order', schema=None) as batch_op:
        batch_op.drop_index('ix_store_order_created')

    op.drop_table('store_order')
    op.drop_table('product')
    with op.batch_alter_table('collection_item', schema=None) as batch_op:
        batch_op.drop_index('ix_collection_item_period')
        batch_op.drop_index('ix_collection_item_museum_title')
        batch_op.drop_index('ix_collection_item_classification')

    op.drop_table('collection_item')
    op.drop_table('museum')
    op.drop_table('import_mapping')
    op.drop_table('connection')
    
