"""The ways a comparison leaves claimdiff: the text report, JSON, an HTML report and a Markdown note (see registry)."""
