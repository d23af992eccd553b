"""Caption files read on the server, for the search index (``index_dictionary``).

Two places are tried, in order, and everything that fails is skipped quietly (the index then
holds the questions only):

1. In Open edX, a ``/static/<file>`` track is a course asset: it is read from the contentstore
   (platform modules are imported late, only here, so the block works without them).
2. Any runtime: the Django setting ``BEMOTANDE_TRANSCRIPT_ROOTS``, a dict mapping a URL prefix to
   a folder, e.g. ``{"/media/": "/srv/media/"}``. Only files inside the folder are read.
"""
import logging
import os

from .vtt import transcript_text

log = logging.getLogger(__name__)
#: Caption files larger than this are not read for the index.
MAX_BYTES = 2 * 1024 * 1024


def transcript_for_index(block, lesson):
    """Transcript text of the first readable caption track (the default one first), or ""."""
    tracks = sorted((t for t in lesson.tracks if t.kind in ("captions", "subtitles")),
                    key=lambda t: not t.default)
    for track in tracks:
        text = _from_contentstore(block, track.src) or _from_roots(track.src)
        if text:
            return transcript_text(text)
    return ""


def _from_roots(src):
    try:
        from django.conf import settings  # pylint: disable=import-outside-toplevel
        roots = getattr(settings, "BEMOTANDE_TRANSCRIPT_ROOTS", None) or {}
    except Exception:  # pylint: disable=broad-exception-caught
        return ""  # Django missing or not configured
    for prefix, folder in roots.items():
        if not src.startswith(prefix):
            continue
        root = os.path.realpath(folder)
        path = os.path.realpath(os.path.join(root, src[len(prefix):].split("?", 1)[0]))
        if path.startswith(root + os.sep) and os.path.isfile(path) and os.path.getsize(path) <= MAX_BYTES:
            with open(path, encoding="utf-8", errors="replace") as handle:
                return handle.read()
    return ""


def _from_contentstore(block, src):
    """A ``/static/...`` course asset in Open edX; "" anywhere else."""
    if not src.startswith("/static/"):
        return ""
    try:
        # pylint: disable=import-outside-toplevel,import-error
        from xmodule.contentstore.content import StaticContent
        from xmodule.contentstore.django import contentstore
    except ImportError:
        return ""
    try:
        course_key = block.scope_ids.usage_id.course_key
        location = StaticContent.compute_location(course_key, src[len("/static/"):])
        content = contentstore().find(location)
        data = content.data if len(content.data) <= MAX_BYTES else b""
        return data.decode("utf-8", errors="replace")
    except Exception:  # pylint: disable=broad-exception-caught
        log.info("video_lesson: caption file %s is not readable for the search index", src)
        return ""
