"""Qt widgets. Thin: they call services and render the domain models that come back."""
