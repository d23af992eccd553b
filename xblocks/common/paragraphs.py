"""Author HTML as an editor shows it: plain paragraphs where the HTML is only that (pure).

Authors edit introductions and guidance in a plain textarea. HTML made only of ``<p>`` paragraphs
of text (or text with no tags at all) is shown as plain text, paragraphs separated by a blank line;
what the author saves without any tag is turned back into ``<p>`` paragraphs, the text escaped. HTML
with other markup (links, lists, emphasis) is shown and saved as HTML, sanitised when rendered.
``editable_to_html(html_to_editable(x))`` keeps what ``x`` shows.
"""
import html
import re

#: Something that looks like an HTML tag (``a < b`` does not).
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_PARAGRAPHS = re.compile(r"^\s*(?:<p>[^<>]*</p>\s*)+$")
_PARAGRAPH = re.compile(r"<p>([^<>]*)</p>")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: A character reference: text holding one was shown as HTML (see html_to_editable), so it is HTML.
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def html_to_editable(markup):
    """What the textarea shows for stored author HTML ``markup``."""
    markup = markup or ""
    if not markup.strip():
        return ""
    if _PARAGRAPHS.match(markup):
        text = "\n\n".join(html.unescape(p).strip() for p in _PARAGRAPH.findall(markup))
    elif not _TAG.search(markup):
        text = html.unescape(markup).strip()
    else:
        return markup
    # Escaped text that reads like a tag ("&lt;b&gt;") would become one when saved: keep it as HTML.
    return markup if _TAG.search(text) else text


def editable_to_html(text):
    """Author HTML to store for what the author typed: paragraphs when ``text`` has no tag."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text or _TAG.search(text) or _ENTITY.search(text):
        return text
    paragraphs = [p.strip() for p in _BLANK_LINE.split(text) if p.strip()]
    return "".join("<p>{}</p>".format(html.escape(p, quote=False).replace("\n", "<br>")) for p in paragraphs)
