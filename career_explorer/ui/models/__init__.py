"""Qt item models over domain results, for the tables and the role picker."""
