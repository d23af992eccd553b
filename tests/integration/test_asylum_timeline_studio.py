"""Studio handlers: validate everything, save all or nothing, preview and OLX conversion."""
import copy
import json
import re

from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xblocks.asylum_timeline import content, olx
from xblocks.asylum_timeline.scenarios import SMALL


def draft_of(block):
    frag = block.studio_view()
    found = re.search(r'<script id="{}" type="application/json">(.*?)</script>'.format(frag.json_init_args["draft"]),
                      frag.body_html(), re.S)
    return json.loads(found.group(1))


def snapshot(block):
    return (copy.deepcopy(block.timeline_data), block.display_name, block.weight, block.quiz_only)


def test_saving_a_valid_draft(harness):
    block = harness.load(SMALL)
    draft = draft_of(block)
    draft["display_name"] = "Nytt namn"
    draft["actors"].append({"id": "skola", "name": "Skolan", "color": "#335577", "description": "Undervisar<br>barn"})
    draft["phases"][1]["steps"][0]["actors"].append("skola")
    draft["phases"][1]["steps"][0]["description"] = "<p>Första<br>raden"
    status, reply = harness.call(block, "studio_submit", {"timeline": draft, "weight": 2, "quiz_only": False})
    assert status == 200 and reply == {"saved": True}
    assert block.display_name == "Nytt namn" and block.weight == 2.0
    saved = block.load_timeline()
    assert saved.actors[-1].description == "Undervisar<br/>barn"  # HTML made well-formed for OLX
    assert saved.steps()[2].actors == ["kommun", "skola"]
    assert saved.steps()[2].description == "<p>Första<br/>raden</p>"
    assert "timeline_data" not in block.export_olx() and 'name="Skolan"' in block.export_olx()


def test_any_problem_saves_nothing_and_names_every_row(harness):
    block = harness.load(SMALL)
    before = snapshot(block)
    draft = draft_of(block)
    draft["display_name"] = "Ska inte sparas"
    draft["phases"][0]["steps"][1]["actors"] = ["okand"]
    draft["phases"][0]["steps"][0]["sources"][0]["href"] = "javascript:alert(1)"
    draft["actors"].append({"id": "", "name": "Utan id"})
    draft["quizzes"][0]["steps"].append("saknas")
    with translation.override("en"):
        status, reply = harness.call(block, "studio_submit", {"timeline": draft, "weight": 5})
    assert status == 400
    assert reply["error"] == "The content was not saved: fix the problems listed."
    messages = [e["message"] for e in reply["errors"]]
    assert 'step "godman" @actors: unknown actor “okand”' in messages
    assert any(m.startswith('step "ansokan" @source[1] @href') for m in messages)
    assert "actor #5 @id: an id is required" in messages
    assert 'quiz "order-1" @steps: unknown step “saknas”' in messages
    located = {(e["kind"], e["id"], e["field"]) for e in reply["errors"]}
    assert ("step", "godman", "actors") in located and ("actor", "", "id") in located
    assert snapshot(block) == before
    assert snapshot(harness.as_user(block, harness.new_user())) == before


def test_messages_in_swedish(harness):
    block = harness.load(SMALL)
    draft = draft_of(block)
    draft["phases"][0]["steps"][1]["actors"] = ["okand"]
    with translation.override("sv"):
        status, reply = harness.call(block, "studio_submit", {"timeline": draft})
    assert status == 400 and reply["error"].startswith("Innehållet sparades inte")
    assert reply["errors"][0]["message"] == 'step "godman" @actors: okänd aktör ”okand”'


def test_bad_settings_and_bad_shapes_save_nothing(harness):
    block = harness.load(SMALL)
    before = snapshot(block)
    draft = draft_of(block)
    for body in ({"timeline": draft, "weight": -1}, {"timeline": draft, "weight": "x"},
                 {"timeline": draft, "quiz_only": "yes"}, {"timeline": "nope"}, {},
                 {"timeline": {"phases": [{"id": "p", "title": 3}]}},
                 {"olx": "<asylum_timeline><x/></asylum_timeline>"}, {"olx": "<asylum_timeline"},
                 {"timeline": {"display_name": "Tom"}}, {"display_name": 5, "timeline": draft}):
        status, reply = harness.call(block, "studio_submit", body)
        assert status == 400 and reply["error"], body
    assert snapshot(block) == before


def test_saving_olx_and_switching_to_the_default_content(harness):
    block = harness.load(SMALL)
    text = olx.to_string(block.load_timeline()).replace("Barnet söker asyl", "Barnet ansöker")
    status, _reply = harness.call(block, "studio_submit", {"olx": text})
    assert status == 200 and block.load_timeline().steps()[0].title == "Barnet ansöker"
    status, _reply = harness.call(block, "studio_submit", {"use_default": True, "display_name": ""})
    assert status == 200 and block.uses_default_content()
    assert block.load_timeline() == content.default_timeline()
    assert block.export_olx() == "<asylum_timeline/>"


def test_preview_renders_a_draft_without_saving(harness):
    block = harness.load(SMALL)
    before = snapshot(block)
    draft = draft_of(block)
    draft["phases"][0]["steps"][0]["title"] = "Förhandsvisat steg"
    status, reply = harness.call(block, "studio_preview", {"timeline": draft})
    assert status == 200 and reply["errors"] == []
    # init holds only the data pointer and the request-queue key, never the data itself
    assert "Förhandsvisat steg" in reply["html"] and sorted(reply["init"]) == ["client", "data"]
    draft["phases"][0]["steps"][0]["actors"] = []
    status, reply = harness.call(block, "studio_preview", {"timeline": draft})
    assert status == 200 and reply["html"] and reply["errors"][0]["field"] == "actors"
    status, reply = harness.call(block, "studio_preview", {"timeline": {"phases": "x"}})
    assert status == 200 and "html" not in reply and reply["errors"]
    status, reply = harness.call(block, "studio_preview", {"use_default": True})
    assert status == 200 and reply["html"]
    assert snapshot(block) == before


def test_convert_between_draft_and_olx(harness):
    block = harness.load(SMALL)
    draft = draft_of(block)
    status, reply = harness.call(block, "studio_convert", {"timeline": draft})
    assert status == 200 and reply["olx"].startswith("<asylum_timeline")
    status, back = harness.call(block, "studio_convert", {"olx": reply["olx"]})
    assert status == 200 and back["errors"] == [] and back["timeline"] == draft
    broken = "<asylum_timeline><phase id='p'/><oops/></asylum_timeline>"
    status, bad = harness.call(block, "studio_convert", {"olx": broken})
    assert status == 200 and "timeline" not in bad and "unknown element" in bad["errors"][0]["message"]


def test_studio_handlers_are_post_only(harness):
    block = harness.load(SMALL)
    status, _reply = harness.call(block, "studio_submit", method="GET")
    assert status == 405


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25)
ROW_KEYS = st.sampled_from(["id", "name", "title", "color", "actors", "steps", "sources", "outcomes", "href", "to",
                            "kind", "paths", "description", "phases", "quizzes"])
DRAFTS = st.recursive(JSON, lambda children: st.dictionaries(ROW_KEYS, children, max_size=5), max_leaves=30)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(handler=st.sampled_from(["studio_submit", "studio_preview", "studio_convert"]),
       body=st.fixed_dictionaries({"timeline": DRAFTS}) | st.fixed_dictionaries({"olx": st.text(max_size=80)})
       | st.dictionaries(st.sampled_from(["weight", "quiz_only", "use_default", "display_name", "olx"]), JSON))
def test_fuzzed_editor_requests_never_fail_on_the_server(harness, handler, body):
    block = harness.load(SMALL)
    before = snapshot(block)
    status, reply = harness.call(block, handler, body)
    assert status in (200, 400), reply
    if status == 400 or handler != "studio_submit":
        assert snapshot(block) == before


REF = st.sampled_from(["a", "b", "c", "p", "q", "", "a b", "<x>"])
TEXT = st.sampled_from(["", "Titel", "<p>ok</p>", "<p>öppen", "<script>x</script>", "a & b", "2026-02-30", "odaterad"])
STEP = st.fixed_dictionaries({
    "id": REF, "title": TEXT, "actors": st.lists(REF, max_size=3), "paths": st.lists(REF, max_size=2),
    "since": TEXT, "when": TEXT, "description": TEXT, "seeker": TEXT, "review": TEXT,
    "sources": st.lists(st.fixed_dictionaries({"href": st.sampled_from(["https://x.se/", "javascript:x", "", "/rel"]),
                                               "title": TEXT, "checked": TEXT}), max_size=2),
    "outcomes": st.lists(st.fixed_dictionaries({"to": REF, "label": TEXT}), max_size=2)})
TYPED_DRAFTS = st.fixed_dictionaries({
    "display_name": TEXT, "reviewed": TEXT, "lang": st.sampled_from(["", "sv", "en"]), "review": TEXT,
    "actors": st.lists(st.fixed_dictionaries({"id": REF, "name": TEXT, "color": st.sampled_from(["", "#abc", "red"]),
                                              "description": TEXT}), max_size=3),
    "paths": st.lists(st.fixed_dictionaries({"id": REF, "title": TEXT}), max_size=2),
    "phases": st.lists(st.fixed_dictionaries({"id": REF, "title": TEXT, "steps": st.lists(STEP, max_size=3)}),
                       max_size=3),
    "quizzes": st.lists(st.fixed_dictionaries({"kind": st.sampled_from(["order", "match", "sort"]),
                                               "steps": st.lists(REF, max_size=4), "prompt": TEXT, "id": REF}),
                        max_size=3)})


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(draft=TYPED_DRAFTS)
def test_well_typed_drafts_with_any_references_never_fail(harness, draft):
    block = harness.load(SMALL)
    status, preview = harness.call(block, "studio_preview", {"timeline": draft})
    assert status == 200 and "html" in preview
    status, converted = harness.call(block, "studio_convert", {"timeline": draft})
    assert status == 200 and converted["olx"].startswith("<asylum_timeline")
    status, reply = harness.call(block, "studio_submit", {"timeline": draft})
    assert status in (200, 400), reply
    if status == 200:  # saved content is valid and works for learners
        assert block.validate().messages == []
        block.student_view()
        assert harness.call(block, "student_view_user_state", method="GET")[0] == 200
