"""Ways out of a comparison: the JSON export and the text report."""
