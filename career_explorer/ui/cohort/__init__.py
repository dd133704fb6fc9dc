"""The coach's cohort in My plan: the people x competencies table, shared gaps and the cohort pack."""
