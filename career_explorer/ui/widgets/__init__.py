"""Small reusable widgets: labels, pickers, step cards, the one chart widget and its export."""
