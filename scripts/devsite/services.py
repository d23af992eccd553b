"""A ``replace_urls`` service for the demo site, with the platform's interface.

The LMS and Studio give blocks ``ReplaceURLService.replace_urls(text, static_replace_only=False)``,
which rewrites every *quoted* ``/static/<file>`` in ``text`` to where the course's files are served
(URLs ending in ``?raw`` are left alone). Here the course's files are served by ``/course-static/``
(see settings.RANGE_MEDIA_ROOTS), so that is where ``/static/`` points.
"""
import re

# A quote (optionally backslash-escaped, as inside JSON), /static/, the rest up to the same quote.
_QUOTED_STATIC = re.compile(r"""(?P<quote>\\?["'])/static/(?P<rest>[^"'\\]*?)(?P=quote)""")
PREFIX = "/course-static/"


class CourseStaticUrls:
    """``replace_urls`` for the workbench runtime (it sets ``self.runtime`` after creating it)."""

    runtime = None

    def replace_urls(self, text, static_replace_only=False):  # pylint: disable=unused-argument
        """``text`` with quoted ``/static/x`` URLs pointing at the demo site's course files."""
        def swap(match):
            if match.group("rest").endswith("?raw"):
                return match.group(0)
            return "{q}{prefix}{rest}{q}".format(q=match.group("quote"), prefix=PREFIX, rest=match.group("rest"))
        return _QUOTED_STATIC.sub(swap, text or "")
