from courtapp.cli import main

raise SystemExit(main())
