from domain.cli import main

raise SystemExit(main())
