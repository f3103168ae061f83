"""Races for real: two or more threads, each with its own PostgreSQL transaction, doing the same thing at once."""

import threading
import time

from django.db import connection
from django.db.models.signals import post_save

import pytest

# SQLite serialises writers, so these tests need PostgreSQL; they run on it in CI.
needs_two_transactions = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs two transactions at once (PostgreSQL)"
)


def at_once(action, arguments, linger_on, signal=post_save, seconds=0.3):
    """Call `action(*args)` for each tuple in `arguments`, in threads released together; their results and errors.

    While they run, each `signal` sent for the model `linger_on` sleeps `seconds`, so the transactions overlap for
    certain instead of by luck.
    """
    barrier = threading.Barrier(len(arguments))
    results, errors = [], []

    def linger(sender, **kwargs):
        time.sleep(seconds)

    def run(args):
        try:
            barrier.wait(timeout=10)
            results.append(action(*args))
        except Exception as error:  # returned to the test
            errors.append(error)
        finally:
            connection.close()

    signal.connect(linger, sender=linger_on, dispatch_uid="races.linger")
    try:
        threads = [threading.Thread(target=run, args=(args,)) for args in arguments]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        signal.disconnect(sender=linger_on, dispatch_uid="races.linger")
    return results, errors
