"""Author HTML sanitised against an allow-list (tags, attributes, URL schemes)."""
import functools
from urllib.parse import urlsplit

import nh3

#: Tags authors may use in prompts, guidance and descriptions.
ALLOWED_TAGS = frozenset({
    "p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "blockquote", "code",
    "h3", "h4", "span", "abbr",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "span": {"lang"},
                      "p": {"lang"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize_html(html, tags=ALLOWED_TAGS, attributes=None):
    """Return ``html`` with everything outside the allow-list removed.

    Links keep only http, https and mailto URLs and get ``target="_blank"`` with
    ``rel="noopener noreferrer"``: the Learning MFE's unit iframe has ``<base target="_parent">``
    (and the library v2 embed ``<base target="_blank">``), so a link without its own target would
    replace the whole course page. Script and style elements are removed with their content.
    """
    if tags is ALLOWED_TAGS and attributes is None:
        return _default_cleaner().clean(html or "")
    return _cleaner(tags, attributes).clean(html or "")


def _cleaner(tags, attributes):
    options = dict(
        tags=set(tags),
        attributes={k: set(v) for k, v in (attributes or ALLOWED_ATTRIBUTES).items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )
    if hasattr(nh3, "Cleaner"):  # nh3 >= 0.2.18
        return nh3.Cleaner(**options)
    return _OneShot(options)


class _OneShot:
    """``nh3.clean`` with fixed options, for nh3 releases without ``Cleaner``."""

    def __init__(self, options):
        self.options = options

    def clean(self, html):
        return nh3.clean(html, **self.options)


@functools.lru_cache(maxsize=1)
def _default_cleaner():
    """One cleaner for the default allow-list: building it (the sets handed to the Rust side) cost
    more than cleaning a typical text, and a timeline cleans about 70 texts per render."""
    return _cleaner(ALLOWED_TAGS, None)


def is_safe_url(url, schemes=("http", "https"), allow_relative=False):
    """True when ``url`` uses one of ``schemes`` (or, if allowed, is a relative/static path)."""
    if not isinstance(url, str) or not url.strip() or any(c in url for c in "\r\n\t\x00 "):
        return False
    parts = urlsplit(url.strip())
    if parts.scheme:
        return parts.scheme.lower() in schemes and bool(parts.netloc)
    return allow_relative and url.startswith("/") and not url.startswith("//")
