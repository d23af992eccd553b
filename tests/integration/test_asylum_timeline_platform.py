"""Platform APIs, views and OLX import/export of asylum_timeline in the real WorkbenchRuntime."""
import json
import os
import re
from types import SimpleNamespace

from lxml import etree
from xblock.completable import XBlockCompletionMode

from xblocks.asylum_timeline import AsylumTimelineBlock, content, olx
from xblocks.asylum_timeline.scenarios import SMALL

FIXTURES = os.path.join(os.path.dirname(__file__), "..", "unit", "asylum_timeline", "fixtures")
with open(os.path.join(FIXTURES, "branching.xml"), encoding="utf-8") as _f:
    BRANCHING = _f.read()


def script_data(frag, element_id):
    """The JSON of a json_script element in a fragment (how the block passes its data to JS)."""
    found = re.search(r'<script id="{}" type="application/json">(.*?)</script>'.format(re.escape(element_id)),
                      frag.body_html(), re.S)
    return json.loads(found.group(1))


def test_class_declares_the_platform_contracts():
    assert AsylumTimelineBlock.completion_mode == XBlockCompletionMode.COMPLETABLE
    assert AsylumTimelineBlock.has_custom_completion is True
    assert AsylumTimelineBlock.has_score is True
    assert "multi_device" in AsylumTimelineBlock.student_view._supports


def test_empty_block_uses_the_default_content(harness):
    block = harness.load("<asylum_timeline/>")
    assert block.uses_default_content()
    assert block.load_timeline() == content.default_timeline()
    html = block.render("student_view").body_html()
    for step in content.default_timeline().steps()[:3]:
        assert 'data-step="{}"'.format(step.id) in html
    assert block.export_olx() == "<asylum_timeline/>"


def test_parse_and_export_keep_the_olx(harness):
    block = harness.load(BRANCHING)
    assert block.display_name == "Förgreningar & specialfall"
    exported = block.export_olx()
    assert olx.parse_string(exported) == olx.parse_string(BRANCHING)
    again = harness.load(exported)
    assert again.timeline_data == block.timeline_data and again.display_name == block.display_name


def test_settings_round_trip(harness):
    block = harness.load('<asylum_timeline quiz_only="true" weight="2.5" display_name="X"/>')
    assert (block.quiz_only, block.weight, block.uses_default_content()) == (True, 2.5, True)
    node = etree.fromstring(block.export_olx())
    assert (node.get("quiz_only"), node.get("weight"), node.get("display_name")) == ("true", "2.5", "X")


def test_student_view_markup(harness):
    block = harness.load(BRANCHING)
    html = block.render("student_view").body_html()
    assert html.count('<li class="at-step') == 3 and html.count("<ol") >= 3
    assert "Kontrollera datumet" not in html and "Allmän anteckning" not in html  # review notes hidden
    assert "New from 1 March 2025" in html and "Content last reviewed: June 2026" in html
    assert 'href="https://example.org/a"' in html and 'rel="noopener noreferrer"' in html
    frag = block.student_view()
    assert frag.js_init_fn == "AsylumTimelineBlock"
    init = script_data(frag, frag.json_init_args["data"])
    assert init["state"]["steps_total"] == 3
    assert set(init["strings"]) >= {"progress", "moved", "orderResult"}


def test_two_blocks_never_share_ids(harness):
    one, two = harness.load(SMALL), harness.load(SMALL)
    ids_one = set(re.findall(r' id="([^"]+)"', one.render("student_view").body_html()))
    ids_two = set(re.findall(r' id="([^"]+)"', two.render("student_view").body_html()))
    assert ids_one and not ids_one & ids_two


def test_author_view_shows_review_notes_and_saves_nothing(harness):
    block = harness.load(BRANCHING)
    frag = block.author_view()
    assert "Kontrollera datumet" in frag.body_html() and "Allmän anteckning" in frag.body_html()
    assert script_data(frag, frag.json_init_args["data"])["preview"] is True


def test_student_view_data_has_structure_but_no_learner_data_or_notes(harness):
    block = harness.load(BRANCHING)
    harness.call(block, "view_step", {"step_id": "a"})
    data = block.student_view_data()
    text = json.dumps(data, ensure_ascii=False)
    assert "Kontrollera datumet" not in text
    assert "Allmän anteckning" not in text
    assert '"viewed"' not in text
    assert [p["id"] for p in data["phases"]] == ["start", "slut"]
    assert data["phases"][0]["steps"][0]["sources"][0] == {"title": "Källa A", "href": "https://example.org/a",
                                                          "checked": "2026-06-25"}
    assert [q["id"] for q in data["quizzes"]] == ["order-1", "match-1", "kort"]
    assert sorted(data["quizzes"][0]["steps"]) == ["a", "b", "c"] and data["quizzes"][0]["steps"] != ["a", "b", "c"]
    assert json.loads(json.dumps(data)) == data


def test_index_dictionary_holds_titles_and_texts(harness):
    block = harness.load(BRANCHING)
    index = block.index_dictionary()
    assert index["content"]["display_name"] == "Förgreningar & specialfall"
    body = index["content"]["content"]
    for words in ("Ansökan", "Boende", "Första steget .", "Only text for the person.", "Start", "Dag 1"):
        assert words in body
    assert "<p>" not in body and "Kontrollera datumet" not in body
    assert index["content_type"]


def test_generate_report_data_per_learner(harness):
    block = harness.load(BRANCHING)
    rows = [SimpleNamespace(username="ann", state={"viewed": ["a", "c", "removed"],
                                                   "quiz_results": {"order-1": {"best": 0.5, "attempts": 2}},
                                                   "completed": False}),
            SimpleNamespace(username="bo", state={})]
    report = list(block.generate_report_data(iter(rows)))
    assert report[0] == ("ann", {"steps_seen": 2, "steps_total": 3, "steps_seen_ids": "a c", "completed": False,
                                 "quiz order-1 best": 0.5, "quiz order-1 attempts": 2,
                                 "quiz match-1 best": 0.0, "quiz match-1 attempts": 0,
                                 "quiz kort best": 0.0, "quiz kort attempts": 0})
    assert report[1][1]["steps_seen"] == 0
    assert len(list(block.generate_report_data(iter(rows), limit_responses=1))) == 1


def test_validate_reports_content_problems(harness):
    broken = BRANCHING.replace('actors="godman" paths="dublin"', 'actors="ingen" paths="dublin"')
    block = harness.load(broken)
    messages = [m.text for m in block.validate().messages]
    assert messages == ['step "c" @actors: unknown actor “ingen”']
    assert harness.load(BRANCHING).validate().messages == []


def test_rescoring_recalculates_from_stored_state(harness):
    block = harness.load(BRANCHING)
    harness.call(block, "submit_order", {"order": ["a", "b", "c"], "quiz": "order-1"})
    assert block.has_submitted_answer()
    assert tuple(block.calculate_score()) == (1.0, 3.0)
    assert tuple(block.get_score()) == (1.0, 3.0)


def test_studio_view_renders_the_editor(harness):
    block = harness.load(SMALL)
    frag = block.studio_view()
    assert frag.js_init_fn == "AsylumTimelineEditor"
    init = frag.json_init_args
    draft = script_data(frag, init["draft"])
    assert draft["display_name"] == "Ensamkommande barn: de första veckorna"
    assert [a["id"] for a in draft["actors"]][:2] == ["migrationsverket", "overformyndare"]
    assert init["usesDefault"] is False


def test_author_text_never_reaches_the_init_arguments(harness):
    """Runtimes write init arguments into a <script> unescaped; author text goes through json_script."""
    from xblocks.asylum_timeline.scenarios import xss_scenario
    bad_id = "s2&lt;/script&gt;&lt;b&gt;x"  # an invalid id: import does not validate, so it can arrive
    block = harness.load(xss_scenario().replace('id="s2"', 'id="{}"'.format(bad_id)).replace(
        'steps="s1 s2"', 'steps="s1 {}"'.format(bad_id)).replace('to="s2"', 'to="{}"'.format(bad_id)))
    status, _reply = harness.call(block, "view_step", {"step_id": "s2</script><b>x"})
    assert status == 200
    for frag in (block.student_view(), block.author_view(), block.studio_view()):
        assert "<" not in json.dumps(frag.json_init_args)
        assert "</script><b>" not in frag.body_html()


def test_cached_markup_follows_content_changes_and_learners_progress(harness):
    block = harness.load(SMALL)
    first = block.student_view().body_html()
    assert block.student_view().body_html() == first
    harness.call(block, "view_step", {"step_id": "ansokan"})
    frag = block.student_view()
    assert script_data(frag, frag.json_init_args["data"])["state"]["viewed"] == ["ansokan"]
    draft = block.load_timeline().to_dict()
    draft["phases"][0]["steps"][0]["title"] = "Ny titel efter redigering"
    status, _reply = harness.call(block, "studio_submit", {"timeline": draft})
    assert status == 200
    assert "Ny titel efter redigering" in block.student_view().body_html()
    assert "Ny titel efter redigering" not in harness.load(SMALL).student_view().body_html()


def test_pointer_tags_load_their_definition_file(harness, tmp_path):
    """``<asylum_timeline url_name="x"/>`` + ``asylum_timeline/x.xml``, as course imports write them."""
    from fs.osfs import OSFS
    (tmp_path / "asylum_timeline").mkdir()
    definition = SMALL.replace("<asylum_timeline ", '<asylum_timeline url_name="liten" ', 1)
    (tmp_path / "asylum_timeline" / "liten.xml").write_text(definition, encoding="utf-8")
    runtime = harness.runtime()
    runtime.resources_fs = OSFS(str(tmp_path))
    block = runtime.get_block(runtime.parse_xml_string('<asylum_timeline url_name="liten"/>'))
    assert block.display_name == "Ensamkommande barn: de första veckorna"
    assert [s.id for s in block.load_timeline().steps()] == ["ansokan", "godman", "placering"]
    missing = runtime.get_block(runtime.parse_xml_string('<asylum_timeline url_name="saknas"/>'))
    assert missing.uses_default_content()
