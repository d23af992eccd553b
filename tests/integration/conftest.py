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


class Clock:
    """A wall clock that moves only when a test says so (no sleeping in tests)."""

    def __init__(self, start=1_800_000_000.0):
        self.now = start

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    """The video lesson's wall clock, under the test's control (``clock.advance(seconds)``)."""
    from xblocks.video_lesson.block import VideoLessonBlock  # noqa: PLC0415  (Django set up above)
    fake = Clock()
    monkeypatch.setattr(VideoLessonBlock, "wall_clock", staticmethod(fake))
    return fake
