"""Errors that end a run with exit code 2 and a one-line message instead of a traceback."""


class PlanlintError(Exception):
    """A usage, config, pack, plugin or input error: reported in one line, exit code 2."""

    def __init__(self, message: str, path: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(PlanlintError):
    """A file that cannot be read as a document (missing, binary, undecodable, corrupt)."""


class ConfigError(PlanlintError):
    """A config file, option, rule id or rule pack that is wrong."""
