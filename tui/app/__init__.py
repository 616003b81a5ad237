"""The Textual app of claimdiff: it receives documents or a finished comparison and shows them."""
