"""Route-finding defaults, in a module of their own so the CLI can show them without importing routes.

services.routes pulls in the domain models (pydantic); the `path` command's parser only needs this number.
"""

DEFAULT_ROUTES = 5
