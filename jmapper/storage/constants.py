"""Facts about the library format that opening a file needs, without SQLAlchemy.

The probe, the store and the package's public names read these on every
start-up, so they live here rather than in :mod:`jmapper.storage.schema`
(which builds SQLAlchemy tables and re-exports them).
"""

from __future__ import annotations

from jmapper.model.kinds import KINDS

#: The schema number: ``PRAGMA user_version`` of a library at head.
SCHEMA_VERSION = 5
#: The Alembic revision a library at head carries, and each revision's schema number.
HEAD_REVISION = "0005_opportunity_votes"
REVISIONS: dict[str, int] = {
    "0001_initial": 1,
    "0002_library_settings": 2,
    "0003_health_review": 3,
    "0004_evidence_level": 4,
    "0005_opportunity_votes": 5,
}
#: ``PRAGMA application_id``: "JMAP" in ASCII, so file(1) and we can recognise the file.
APPLICATION_ID = 0x4A4D4150
FORMAT_MARKER = "jmapper-library"

#: Structural references enforced by SQLite (deferred per transaction, so any order works):
#: (kind, attribute) -> "table.id", the ``foreign_key`` references of jmapper.model.kinds.
FOREIGN_KEYS: dict[tuple[str, str], str] = {
    (kind.name, ref.attribute): f"{ref.target}.id"
    for kind in KINDS.values()
    for ref in kind.references
    if ref.foreign_key
}

#: The file's own key/value facts (format marker, library id, creator).
META_TABLE_NAME = "library_meta"
#: Library-level settings (export branding per library, for example).
SETTING_TABLE_NAME = "library_setting"

#: Alembic's own version table, created by hand for new files so creating one
#: does not import Alembic; the DDL matches what Alembic itself emits.
ALEMBIC_VERSION_DDL = (
    "CREATE TABLE alembic_version (\n"
    "\tversion_num VARCHAR(32) NOT NULL, \n"
    "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n)"
)
