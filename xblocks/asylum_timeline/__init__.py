"""The ``asylum_timeline`` XBlock: the Swedish asylum process, explorable and quizzable."""
from .block import AsylumTimelineBlock

__all__ = ["AsylumTimelineBlock"]
