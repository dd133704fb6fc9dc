"""The large parts a view is built from: a role's profile, the plan's people, gap and history, the route charts."""
