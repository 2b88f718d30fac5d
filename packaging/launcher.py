"""The bundle's entry point (``build.spec``): ``python -m curator_console``, after the set-up a
frozen app needs (``curator_console.paths.prepare_frozen_environment``)."""

from curator_console import paths

paths.prepare_frozen_environment()

from curator_console.cli import main  # noqa: E402

raise SystemExit(main())
