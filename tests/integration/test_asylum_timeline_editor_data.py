"""Issue 9 §5: every OLX the parser accepts opens in the Studio editor.

The editor's form (``at_studio_form.js``, ``at_studio_steps.js``) indexes the lists and objects of its
draft without checking them (``d.phases.map(...)``, ``step.sources.length``, ``quiz.steps.indexOf``).
For many parser-accepted documents (empty and absent attributes, empty lists, phases without steps,
quizzes without steps, outcomes on any step, sources without text, any ``max_attempts`` the parser
takes), the draft the server hands the editor (``studio_view``, and the OLX tab's ``studio_convert``)
has every one of them with the type the JavaScript uses, and it survives the trip through JavaScript
(numbers become doubles there) and back unchanged.
"""
import json
import re
from xml.sax.saxutils import quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xblocks.asylum_timeline import olx
from xblocks.common.errors import OlxError

from .test_asylum_timeline_studio import draft_of

_SAFE = 2 ** 53  # JavaScript numbers are exact integers only below this
SCALARS = {
    "timeline": ("display_name", "reviewed", "lang", "review", "feedback"),
    "actor": ("id", "name", "color", "description"),
    "path": ("id", "title"),
    "phase": ("id", "title"),
    "step": ("id", "title", "when", "since", "description", "seeker", "review"),
    "source": ("href", "title", "checked"),
    "outcome": ("to", "label"),
    "quiz": ("kind", "prompt", "id"),
}


def js_number_text(value):
    """What ``String(x)`` gives in JavaScript for the JSON number ``value`` (the form does that)."""
    if isinstance(value, str):
        return value
    if abs(value) >= 10 ** 21:
        return "{:e}".format(float(value))  # exponent notation ("1e+21" there): no longer digits
    return str(int(float(value)))  # the nearest double's digits


def shape_problems(draft):
    """Everything the editor's JavaScript indexes that is missing or has another type."""
    problems = []

    def row(kind, data, where, lists=()):
        if not isinstance(data, dict):
            problems.append("{} is {!r}, not an object".format(where, data))
            return
        for name in SCALARS[kind]:
            if not isinstance(data.get(name), str):
                problems.append("{}.{} is {!r}".format(where, name, data.get(name)))
        for name, item_kind in lists:
            items = data.get(name)
            if not isinstance(items, list):
                problems.append("{}.{} is {!r}, not a list".format(where, name, items))
                continue
            for index, item in enumerate(items):
                if item_kind is str:
                    if not isinstance(item, str):
                        problems.append("{}.{}[{}] is {!r}".format(where, name, index, item))
                else:
                    row(item_kind[0], item, "{}.{}[{}]".format(where, name, index), item_kind[1])

    step = ("step", (("actors", str), ("paths", str), ("sources", ("source", ())), ("outcomes", ("outcome", ()))))
    row("timeline", draft, "draft", (("actors", ("actor", ())), ("paths", ("path", ())),
                                     ("phases", ("phase", (("steps", step),))),
                                     ("quizzes", ("quiz", (("steps", str),)))))
    attempts = draft.get("max_attempts")
    if not re.fullmatch(r"[0-9]+", js_number_text(attempts)) \
            or not (isinstance(attempts, str) or attempts < _SAFE):
        problems.append("max_attempts {!r} reads as {!r} in the form".format(attempts, js_number_text(attempts)))
    return problems


def through_javascript(draft):
    """The draft as the form sends it back (``quizRules`` writes ``String(d.max_attempts)``)."""
    data = json.loads(json.dumps(draft))
    data["max_attempts"] = js_number_text(data["max_attempts"])
    return data


# -- parser-accepted OLX documents --------------------------------------------------------------

ID = st.sampled_from(["a", "b", "s1", "p", "", " ", "a b", "x'y", "ö-1", "__proto__", "0"])
TEXT = st.sampled_from(["", " ", "T", "Titel & <mer>", "odaterad", "2026-02-30"])


def attrs(names, values=TEXT):
    """Each attribute absent, empty or set."""
    return st.fixed_dictionaries({}, optional={name: values for name in names}).map(
        lambda found: "".join(" {}={}".format(k, quoteattr(v)) for k, v in found.items()))


RICH = st.sampled_from(["", "<description/>", "<description><p>d</p></description>", "<seeker>s<br/>t</seeker>",
                        "<review>r</review>"])
SOURCE = st.builds("<source{}>{}</source>".format, attrs(["href", "checked"]), TEXT)
OUTCOME = st.builds("<outcome{}/>".format, attrs(["to", "label"], ID))
STEP = st.builds(lambda a, title, rich, kids: "<step{}>{}{}{}</step>".format(a, title, rich, "".join(kids)),
                 attrs(["id", "actors", "when", "since", "paths"], ID),
                 st.sampled_from(["<title/>", "<title>Steg</title>", "<title> </title>"]), RICH,
                 st.lists(SOURCE | OUTCOME, max_size=3))
PHASE = st.builds(lambda a, steps: "<phase{}>{}</phase>".format(a, "".join(steps)), attrs(["id", "title"], ID),
                  st.lists(STEP, max_size=3))
ACTOR = st.builds("<actor{}>{}</actor>".format, attrs(["id", "name", "color"], ID),
                  st.sampled_from(["", "<description/>", "<description><b>x</b></description>"]))
PATH = st.builds("<path{}/>".format, attrs(["id", "title"], ID))
QUIZ_ITEM = st.builds("<{}{}/>".format, st.sampled_from(["order", "match"]), attrs(["steps", "prompt", "id"], ID))
ATTEMPTS = st.sampled_from(["", "0", "3", "007", "100", "101", "9007199254740993", "1" + "0" * 21, "\u0663",
                            "\u00b2", "-1", "x", "9" * 4300, "9" * 4301])
QUIZ = st.builds(lambda n, f, items: "<quiz{}{}>{}</quiz>".format(n, f, "".join(items)),
                 st.sampled_from([""]) | ATTEMPTS.map(' max_attempts="{}"'.format),
                 st.sampled_from(["", ' feedback=""', ' feedback="per_item"', ' feedback="weird"']),
                 st.lists(QUIZ_ITEM, max_size=3))
DOCUMENT = st.builds(
    lambda a, actors, paths, phases, quiz, review: "<asylum_timeline{}>{}{}{}{}{}</asylum_timeline>".format(
        a, "".join(actors), "".join(paths), "".join(phases), quiz, review),
    attrs(["display_name", "reviewed", "lang"]), st.lists(ACTOR, max_size=2), st.lists(PATH, max_size=2),
    st.lists(PHASE, max_size=3), st.sampled_from(["", "<quiz/>"]) | QUIZ,
    st.sampled_from(["", "<review/>", "<review>r</review>", "<!-- c -->"]))
ODD = [
    '<asylum_timeline><quiz max_attempts="1000000000000000000000"/></asylum_timeline>',
    '<asylum_timeline><quiz max_attempts="9007199254740993"><order/></quiz></asylum_timeline>',
    "<asylum_timeline><phase/><quiz><match/></quiz></asylum_timeline>",
    "<asylum_timeline><phase><step><title/><outcome/><source/></step></phase></asylum_timeline>",
    "<asylum_timeline><actor/><path/><review/></asylum_timeline>",
]


def check_opens_in_the_editor(harness, document):
    try:
        parsed = olx.parse_string(document)
    except OlxError:
        return  # refused with a message the OLX tab shows (anything else would be a server error)
    block = harness.load(document)  # the runtime's parser: the stored content the editor opens
    draft = draft_of(block)
    assert shape_problems(draft) == [], document
    status, reply = harness.call(block, "studio_convert", {"olx": document})  # the OLX tab -> form
    assert status == 200 and shape_problems(reply["timeline"]) == [], (document, reply)
    if not block.uses_default_content():  # no element inside: the block shows the default content
        reply["timeline"]["display_name"] = draft["display_name"]  # the runtime keeps it in display_name
        assert reply["timeline"] == draft
    status, back = harness.call(block, "studio_convert", {"timeline": through_javascript(draft)})  # form -> OLX tab
    assert status == 200 and isinstance(back.get("olx"), str), (document, back)
    if not block.uses_default_content():
        assert olx.parse_string(back["olx"]).max_attempts == parsed.max_attempts


def test_odd_documents_open_in_the_editor(harness):
    for document in ODD:
        check_opens_in_the_editor(harness, document)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(document=DOCUMENT)
def test_every_parsed_document_gives_the_editor_what_it_indexes(harness, document):
    check_opens_in_the_editor(harness, document)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=ATTEMPTS | st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=3))
def test_max_attempts_is_a_number_or_a_message_never_a_server_error(harness, value):
    document = '<asylum_timeline><quiz max_attempts="{}"/></asylum_timeline>'.format(value)
    try:
        olx.parse_string(document)
    except OlxError:
        pass
    block = harness.load("<asylum_timeline/>")
    for handler in ("studio_convert", "studio_preview"):
        assert harness.call(block, handler, {"olx": document})[0] == 200
        assert harness.call(block, handler, {"timeline": {"max_attempts": value}})[0] in (200, 400)
