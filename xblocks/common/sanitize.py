"""Author HTML sanitised against an allow-list (tags, attributes, URL schemes)."""
import functools
import re
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
        if html and is_plain_markup(html):
            return html
        return _default_cleaner().clean(html or "")
    return _cleaner(tags, attributes).clean(html or "")


#: The bare tags of plain author text (see :func:`is_plain_markup`).
_PLAIN_TAG = re.compile(r"</?(?:p|em|strong|ul|ol|li)>")
#: Text directly inside a list (the parser keeps it, but it is not plain author text).
_PLAIN_LIST_TEXT = re.compile(r"(?:<[uo]l>|</li>)[ \t\n]*[^ \t\n<]")


def _plain_grammar():
    """The tags alone (text removed) of plain author text, as a regular expression: emphasis nested at most
    three deep, paragraphs of text and emphasis, lists (in lists up to two deep) of items. Nothing that makes
    the HTML parser imply an end tag (a ``p`` or a list inside ``p``, an ``li`` outside a list) or move a node."""
    inline = "(?!)"
    for _ in range(3):
        inline = "<em>(?:{0})*+</em>|<strong>(?:{0})*+</strong>".format(inline)
    para = "<p>(?:{})*+</p>".format(inline)
    lists = "(?!)"
    for _ in range(2):
        item = "<li>(?:{}|{}|{})*+</li>".format(inline, para, lists)
        lists = "<ul>(?:{0})*+</ul>|<ol>(?:{0})*+</ol>".format(item)
    return re.compile("(?:{}|{}|{})*+".format(inline, para, lists))


_PLAIN_TAGS = _plain_grammar()


def is_plain_markup(html):
    """True when ``html`` is text and well-nested bare ``p em strong ul ol li`` tags only (the usual author
    text), which the cleaner gives back exactly as it is: cleaning it is then skipped. Such a text has no
    attribute, URL, entity, comment or other tag, so it is safe as it stands; ``tests/unit/test_sanitize_plain.py``
    checks that the cleaner returns these texts unchanged and refuses what is not plain."""
    # No entity, and nothing the parser or serialiser would change: NUL, CR and the other control characters,
    # U+00A0 (written back as &nbsp;), other separators, lone surrogates (str.isprintable: none of Unicode's
    # "Other" and "Separator" categories but the space; newlines and tabs are fine).
    if "&" in html or not html.replace("\n", " ").replace("\t", " ").isprintable():
        return False
    if _PLAIN_LIST_TEXT.search(html):
        return False
    tags = _PLAIN_TAG.findall(html)
    # Every < and > belongs to one of these tags (none in the text), and the tags nest as the parser keeps them.
    return (html.count("<") == len(tags) == html.count(">")
            and _PLAIN_TAGS.fullmatch("".join(tags)) is not None)


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


_URL_BAD = re.compile("[\r\n\t\x00 ]")


def is_safe_url(url, schemes=("http", "https"), allow_relative=False):
    """True when ``url`` uses one of ``schemes`` (or, if allowed, is a relative/static path)."""
    if not isinstance(url, str) or not url.strip() or _URL_BAD.search(url):
        return False
    parts = urlsplit(url.strip())
    if parts.scheme:
        return parts.scheme.lower() in schemes and bool(parts.netloc)
    return allow_relative and url.startswith("/") and not url.startswith("//")
