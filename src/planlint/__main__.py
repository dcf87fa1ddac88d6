"""Entry point for ``python -m planlint``."""

from planlint.cli import main

if __name__ == "__main__":
    main()
