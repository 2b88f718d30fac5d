"""The schema revision this build of the app expects.

Kept as a constant so start-up can check a database without importing Alembic (a test asserts it
equals the head of ``migrations/versions``). Bump it with every new migration.
"""

HEAD_REVISION = "0002_search_index"

# Every revision this build knows, oldest first (a test keeps it in step with migrations/versions).
KNOWN_REVISIONS = ("0001_initial", "0002_search_index")
