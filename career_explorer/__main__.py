from career_explorer.launcher import main

raise SystemExit(main())
