"""claimdiff: compare several articles about one story, sentence by sentence and claim by claim."""

__version__ = "0.1.0"
