from curator_console.cli import main

raise SystemExit(main())
