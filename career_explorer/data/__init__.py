"""Data layer: the only place that holds SQL. Rows leave it as domain models."""
