"""SQLAlchemy 2.0 models, engine set-up, migrations, repositories and the unit of work."""
