"""Collect a library's logged warnings, to report them as problems instead of log lines."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected_warnings(logger_name: str, silence: bool = False) -> Iterator[list[str]]:
    """The warnings ``logger_name`` logs inside the block; ``silence`` keeps them from also
    reaching the logging handlers above it (the problems are reported once, by our reporter)."""
    logger = logging.getLogger(logger_name)
    collector = _Collector()
    logger.addHandler(collector)
    previous_propagate = logger.propagate
    if silence:
        logger.propagate = False
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)
        logger.propagate = previous_propagate
