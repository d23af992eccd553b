"""Plain paragraphs in the editors' textareas (xblocks/common/paragraphs.py)."""
import pytest

from xblocks.common.paragraphs import editable_to_html, html_to_editable


@pytest.mark.parametrize("markup, shown", [
    ("", ""), ("   ", ""),
    ("<p>Ett stycke.</p>", "Ett stycke."),
    ("<p>Ett.</p>\n  <p>Två &amp; tre &lt; fyra.</p>", "Ett.\n\nTvå & tre < fyra."),
    ("Ingen tagg &amp; ett et-tecken", "Ingen tagg & ett et-tecken"),
    ("<p>Med <em>betoning</em></p>", "<p>Med <em>betoning</em></p>"),  # other markup: edited as HTML
    ("<ul><li>a</li></ul>", "<ul><li>a</li></ul>"),
    ("<p>Skriv &lt;b&gt; för fetstil</p>", "<p>Skriv &lt;b&gt; för fetstil</p>"),  # would become a tag
])
def test_html_to_editable(markup, shown):
    assert html_to_editable(markup) == shown


@pytest.mark.parametrize("typed, stored", [
    ("", ""), ("  \n ", ""),
    ("Ett stycke.", "<p>Ett stycke.</p>"),
    ("Ett.\n\nTvå\r\nrader", "<p>Ett.</p><p>Två<br>rader</p>"),
    ("a < b & c > d", "<p>a &lt; b &amp; c &gt; d</p>"),
    ("Se <a href=\"x\">länken</a>", "Se <a href=\"x\">länken</a>"),
])
def test_editable_to_html(typed, stored):
    assert editable_to_html(typed) == stored


@pytest.mark.parametrize("markup", ["<p>Ett.</p><p>Två &amp; tre.</p>", "Text &lt;b&gt;", "<p>a <b>b</b></p>"])
def test_round_trip_keeps_what_is_shown(markup):
    again = editable_to_html(html_to_editable(markup))
    assert html_to_editable(again) == html_to_editable(markup)
    assert again == markup or again.startswith("<p>")  # the same HTML, or the same text as paragraphs


def test_escaped_tag_text_is_not_escaped_twice():
    assert editable_to_html(html_to_editable("Text &lt;b&gt;")) == "Text &lt;b&gt;"
    assert editable_to_html(html_to_editable("<p>Skriv &lt;b&gt;</p>")) == "<p>Skriv &lt;b&gt;</p>"
