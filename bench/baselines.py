"""Baselines shared by the benches: the same question answered without the app's engine."""

# How many steps from :start to :goal, by SQL alone (related moves walk both ways, as in the engine).
SHORTEST_SQL = """
WITH RECURSIVE reach(id, depth) AS (
    SELECT :start, 0
    UNION
    SELECT t.to_role, r.depth + 1 FROM reach r JOIN transitions t ON t.from_role = r.id WHERE r.depth < :limit
    UNION
    SELECT t.from_role, r.depth + 1 FROM reach r JOIN transitions t ON t.to_role = r.id
     WHERE t.kind = 'related' AND r.depth < :limit
)
SELECT min(depth) FROM reach WHERE id = :goal
"""
