"""Blocks in a real XBlock runtime (xblock-sdk's WorkbenchRuntime) with a real database."""
import django
import pytest
from django.core.management import call_command

django.setup()
call_command("migrate", run_syncdb=True, verbosity=0)

from .runtime import BlockHarness  # noqa: E402  (needs Django set up first)


@pytest.fixture
def harness():
    """A fresh :class:`BlockHarness`; learner state is isolated per test by unique user ids."""
    return BlockHarness()
