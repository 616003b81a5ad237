"""The one error type that reaches the user as a single line and exit status 2."""


class InputError(Exception):
    """Input that cannot be compared: a missing, binary, undecodable or empty file, or bad usage."""
