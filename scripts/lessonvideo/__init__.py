"""Building blocks for ``scripts/lesson_video.py``.

The modules are split by concern so each stays small and testable on its own:

* :mod:`lessonvideo.manuscript` – parse and validate lesson manuscripts (FORMAT.md).
* :mod:`lessonvideo.cues` – split narration into caption cues, write WebVTT.
* :mod:`lessonvideo.slides` – draw slide images with Pillow.
* :mod:`lessonvideo.render` – speech synthesis, timeline, ffmpeg, output files.
"""

# Bump whenever a change alters rendered output (layout, voice, encoder settings, timing):
# it is hashed together with the manuscript, so a bump invalidates every cached video.
PIPELINE_VERSION = "lesson-video-2"
