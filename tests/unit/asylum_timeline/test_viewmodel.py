"""The prepared view model: sanitised HTML, safe links and colours, actor chips, translated dates; and the
step list's markup written from it (escaped, one chip per actor, details right after their card)."""
import os
import re
from html.parser import HTMLParser

from xblocks.asylum_timeline import olx, progress, rendering, scenarios, viewmodel
from xblocks.common.i18n import Translator

BLOCK_DIR = os.path.dirname(viewmodel.__file__)
TRANS_SV = Translator("sv", [os.path.join(BLOCK_DIR, "translations")])
TRANS_EN = Translator("en", [os.path.join(BLOCK_DIR, "translations")])
SV, EN = TRANS_SV.gettext, TRANS_EN.gettext


def view(timeline, author=False):
    summary = progress.summary(progress.empty_state(), timeline)
    context = viewmodel.learner_view(timeline, summary, EN, "at-x", title="T", author=author)
    context.update(viewmodel.steps_view(timeline, EN, "at-x", author=author))
    return context


def test_dates_in_both_languages():
    assert viewmodel.format_date("2026-06-12", SV) == "12 juni 2026"
    assert viewmodel.format_date("2026-06-12", EN) == "12 June 2026"
    assert viewmodel.format_date("2025-03", SV) == "mars 2025"
    assert viewmodel.format_date("2025", EN) == "2025"
    assert viewmodel.format_date("odaterad", SV) == "odaterad"
    assert viewmodel.format_date("odaterad", EN) == "undated"
    assert viewmodel.format_date("not a date", EN) == "not a date"


def test_author_html_is_sanitised_and_links_and_colours_are_safe():
    ctx = view(olx.parse_string(scenarios.xss_scenario()), author=True)
    step = ctx["phases"][0]["steps"][0]
    for html in (step["description"], step["seeker"]):
        assert "<script" not in html and "onerror" not in html and "javascript:" not in html
        assert "onclick" not in html and "style=" not in html
    # javascript: is dropped; an https URL with a quote stays (the template escapes it in the attribute)
    assert [s["href"][:8] for s in step["sources"]] == ["", "https://"]
    assert step["colour"] == "#123456"
    assert all(c["colour"].startswith("#") for c in step["chips"])


def branching():
    return olx.parse_string(open(os.path.join(os.path.dirname(__file__), "fixtures", "branching.xml"), "rb").read())


def test_chips_name_every_actor_of_a_step_main_actor_first():
    timeline = branching()
    assert viewmodel.used_actors(timeline) == ["mv", "kommun", "godman"]
    steps = [s for p in view(timeline)["phases"] for s in p["steps"]]
    a, b, c = steps
    assert [(x["name"], x["main"]) for x in a["chips"]] == [("Migrationsverket", True)]
    assert [(x["id"], x["main"]) for x in b["chips"]] == [("kommun", True), ("mv", False), ("godman", False)]
    assert b["colour"] == "#abc" and c["colour"] == viewmodel.DEFAULT_COLOUR
    assert b["outcomes"] == [{"label": "Till slutfasen", "title": "Sista steget", "button": "at-x-b3"},
                             {"label": "", "title": "Sista steget", "button": "at-x-b3"}]
    assert a["since"] == "New from 1 March 2025"
    assert a["sources"][1]["checked"] == "date missing"


def test_an_undated_source_says_the_date_is_missing_not_checked_undated():
    """Review 2026-12: "kontrollerad odaterad" read as if someone had checked it; it says "datum saknas"."""
    timeline = branching()
    sv = viewmodel.steps_view(timeline, SV, "at-x", author=False)
    checked = [src["checked"] for p in sv["phases"] for s in p["steps"] for src in s["sources"]]
    assert "datum saknas" in checked and not any("odaterad" in c for c in checked)


def test_phase_navigation_counts_steps_in_both_languages():
    timeline = branching()
    sv = viewmodel.steps_view(timeline, SV, "at-x", ngettext=TRANS_SV.ngettext)
    en = viewmodel.steps_view(timeline, EN, "at-x", ngettext=TRANS_EN.ngettext)
    assert [p["count"] for p in sv["phases"]] == ["2 steg", "1 steg"]
    assert [p["count"] for p in en["phases"]] == ["2 steps", "1 step"]


def test_step_markup_is_escaped_and_keeps_details_next_to_their_card():
    html = rendering.steps_markup(viewmodel.steps_view(branching(), EN, "at-x"))
    assert html.count('class="at-phase-link"') == 2 and html.count('class="at-step"') == 3
    # the quotes in the actor's name are escaped in text; every step's details follow its own card
    assert "Kommun &quot;socialtjänst&quot;" in html and 'Kommun "' not in html
    for number in (1, 2, 3):
        card = html.index('id="at-x-b{}"'.format(number))
        details = html.index('id="at-x-s{}-d"'.format(number))
        assert card < details and 'aria-labelledby="at-x-b{}"'.format(number) in html
    assert len(re.findall(r'class="at-chip( at-chip-main)?" data-actor=', html)) == 5
    assert html.count("at-branch") == 1  # only the step with outcomes says that the path branches
    xss = rendering.steps_markup(viewmodel.steps_view(olx.parse_string(scenarios.xss_scenario()), EN, "at-x"))
    parser = _Elements()
    parser.feed(xss)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not [name for name in parser.attributes if name.startswith("on")]
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in xss  # shown as text


class _Elements(HTMLParser):
    """Every element and attribute name in a piece of HTML (what a browser would build)."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def test_review_notes_only_in_the_author_view():
    timeline = branching()
    learner, author = view(timeline), view(timeline, author=True)
    assert learner["review"] == "" and learner["phases"][0]["steps"][0]["review"] == ""
    assert "Allmän anteckning" in author["review"]
    assert author["phases"][0]["steps"][0]["review"] == "Kontrollera datumet."


def test_plain_text_strips_markup():
    assert viewmodel.plain_text("<p>a &amp; <b>b</b></p>\n<ul><li>c</li></ul>") == "a & b c"


def test_quiz_markup_is_escaped_and_offers_every_actor():
    timeline = olx.parse_string(scenarios.xss_scenario())
    html = rendering.quizzes_markup(viewmodel.quiz_views(timeline, "at-x", EN))
    parser = _Elements()
    parser.feed(html)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not [name for name in parser.attributes if name.startswith("on")]
    match = [q for q in timeline.quizzes if q.kind == "match"]
    if match:
        assert html.count("<option value=") >= len(timeline.actors)
    assert rendering.quizzes_markup({"quizzes": [], "t": {}, "lang": ""}) == ""
