"""The ``video_lesson`` XBlock: a filmed lesson with reflection questions."""
from .block import VideoLessonBlock

__all__ = ["VideoLessonBlock"]
