"""``sanitize_html`` skips the cleaner for plain author text (bare p/em/strong/ul/ol/li, no entities): the
result must be exactly what the cleaner returns, for plain and for hostile or odd input alike."""
import glob
import os
import random

import pytest

from xblocks.asylum_timeline import content, olx
from xblocks.common import sanitize
from xblocks.common.sanitize import is_plain_markup, sanitize_html

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CLEAN = sanitize._default_cleaner().clean  # the cleaner itself, never the shortcut

#: Pieces to build texts from: plain ones, and everything the shortcut must leave to the cleaner.
PIECES = (["<p>", "</p>", "<em>", "</em>", "<strong>", "</strong>", "<ul>", "</ul>", "<ol>", "</ol>", "<li>",
           "</li>"] * 4 + ["Asyl ", "åäö text ", "  ", "\n", "\t", "a", "1–2 ", "\"citat\" ", "'x' "] * 4 +
          ["<P>", "<br>", "<br/>", "<b>", "<a href=\"javascript:alert(1)\">", "</a>", "<script>", "</script>",
           "<img src=x onerror=alert(1)>", "<!-- c -->", "&amp;", "&lt;", "&", "<", ">", "\xa0", "\r", "\x00",
           "\x0b", "\u2028", "<p class=x>", "<li >", "</ p>", "<h3>", "</h3>", "<span lang=sv>",
           "<blockquote>", "</blockquote>", "<code>", "\u200b", "\ufffe"])


def author_texts(timeline):
    texts = [timeline.review] + [a.description for a in timeline.actors]
    for step in timeline.steps():
        texts += [step.description, step.seeker, step.review]
    return [t for t in texts if t]


def course_texts():
    found = author_texts(content.default_timeline())
    for path in glob.glob(os.path.join(REPO, "course_export", "asylum_timeline", "*.xml")):
        with open(path, "rb") as handle:
            found += author_texts(olx.parse_string(handle.read(), os.path.basename(path)))
    return found


def test_the_shipped_author_texts_are_plain_and_come_back_unchanged():
    texts = course_texts()
    assert len(texts) > 90
    plain = [t for t in texts if is_plain_markup(t)]
    assert len(plain) > 0.9 * len(texts)  # the shortcut is what the usual text takes
    for text in texts:
        assert sanitize_html(text) == CLEAN(text)


@pytest.mark.parametrize("seed", range(4))
def test_random_texts_give_exactly_what_the_cleaner_gives(seed):
    rng = random.Random(seed)
    plain = 0
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        if is_plain_markup(text):
            plain += 1
            assert CLEAN(text) == text, repr(text)
        assert sanitize_html(text) == CLEAN(text), repr(text)
    assert plain > 20  # the property was exercised on plain texts too


@pytest.mark.parametrize("text", [
    "<p>a<ul><li>b</li></ul></p>",         # a list inside p: the parser closes the p
    "<li>b</li>",                          # an item outside a list
    "<ul>text<li>b</li></ul>",             # text directly in a list
    "<p>a",                                # not closed
    "<em><p>a</p></em>",                   # a paragraph inside emphasis
    "<em><em><em><em>a</em></em></em></em>",  # deeper than the parser's list of formatting elements allows
    "<p>a &amp; b</p>", "<p>a\xa0b</p>", "a\r\nb", "a < b", "a > b",
    "<p onclick=x>a</p>", "<P>a</P>", "<script>alert(1)</script>", "<a href=\"https://x\">x</a>", "<br>",
])
def test_what_is_not_plain_goes_to_the_cleaner(text):
    assert not is_plain_markup(text)
    assert sanitize_html(text) == CLEAN(text)


@pytest.mark.parametrize("text", ["", "Bara text", "<p>Ett <em>steg</em>.</p>\n<ul>\n  <li>a</li>\n</ul>",
                                  "<ol><li><p>x</p><ul><li><strong>y</strong></li></ul></li></ol>"])
def test_plain_texts(text):
    assert text == "" or is_plain_markup(text)
    assert sanitize_html(text) == CLEAN(text) == text


def test_a_lone_surrogate_is_refused_as_the_cleaner_refuses_it():
    """(Stored fields are scrubbed of them before they get here, see common.stored.)"""
    for clean in (CLEAN, sanitize_html):
        with pytest.raises(UnicodeEncodeError):
            clean("<p>\ud800</p>")


def _tree(rng, depth):
    """A random well-nested plain text: paragraphs, emphasis and (nested) lists with text and white space."""
    words = ["ord", " ", "\n  ", "åäö", '"citat"', "'x'", "\U0001F600"]

    def text():
        return "".join(rng.choice(words) for _ in range(rng.randint(0, 3)))

    def inline(d):
        if d == 0 or rng.random() < 0.4:
            return text()
        tag = rng.choice(["em", "strong"])
        return "{}<{t}>{}</{t}>{}".format(text(), "".join(inline(d - 1) for _ in range(rng.randint(0, 2))), text(),
                                          t=tag)

    def para():
        return "<p>{}</p>".format("".join(inline(3) for _ in range(rng.randint(0, 3))))

    def lst(d):
        tag, items = rng.choice(["ul", "ol"]), []
        for _ in range(rng.randint(0, 3)):
            kinds = [lambda: inline(3), para] + ([lambda: lst(d - 1)] if d > 1 else [])
            items.append(rng.choice(["", "\n", "  "]) + "<li>{}</li>".format(
                "".join(rng.choice(kinds)() for _ in range(rng.randint(0, 3)))))
        return "<{t}>{}</{t}>".format("".join(items), t=tag)
    return "".join(rng.choice([lambda: inline(3), para, lambda: lst(depth), text])() for _ in range(rng.randint(1, 5)))


def test_nested_plain_texts_come_back_from_the_cleaner_unchanged():
    rng = random.Random(11)
    for _ in range(3000):
        text = _tree(rng, 2)
        assert not text or is_plain_markup(text), repr(text)
        assert CLEAN(text) == text, repr(text)
