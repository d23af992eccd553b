"""Author HTML sanitised against an allow-list (tags, attributes, URL schemes)."""
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
    return nh3.clean(
        html or "",
        tags=set(tags),
        attributes={k: set(v) for k, v in (attributes or ALLOWED_ATTRIBUTES).items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )


def is_safe_url(url, schemes=("http", "https"), allow_relative=False):
    """True when ``url`` uses one of ``schemes`` (or, if allowed, is a relative/static path)."""
    if not isinstance(url, str) or not url.strip() or any(c in url for c in "\r\n\t\x00 "):
        return False
    parts = urlsplit(url.strip())
    if parts.scheme:
        return parts.scheme.lower() in schemes and bool(parts.netloc)
    return allow_relative and url.startswith("/") and not url.startswith("//")
