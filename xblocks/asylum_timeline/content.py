"""The package's default content: ``default_content.xml`` (the Swedish asylum process).

An empty ``<asylum_timeline/>`` shows it. Parsed once per file version (path and modification time).
"""
import functools
import os

from . import olx

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_FILE = os.path.join(HERE, "default_content.xml")
#: The default content is written in Swedish (used when its root has no ``lang``).
DEFAULT_LANGUAGE = "sv"


def default_path():
    """The file that holds the default content now."""
    return DEFAULT_FILE


def default_timeline():
    """The default :class:`~.timeline.Timeline`, shared and read-only (copy it before changing it)."""
    path = default_path()
    return _load(path, os.path.getmtime(path))


def default_version():
    """Changes whenever the default content file does."""
    path = default_path()
    return "default:{}:{}".format(path, os.path.getmtime(path))


@functools.lru_cache(maxsize=4)
def _load(path, _mtime):
    with open(path, "rb") as handle:
        timeline = olx.parse_string(handle.read(), os.path.basename(path))
    if not timeline.lang:
        timeline.lang = DEFAULT_LANGUAGE
    return timeline
