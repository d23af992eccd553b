"""video_lesson's platform APIs in the real runtime: OLX export, Studio, report, search, mobile."""
from types import SimpleNamespace

from django.test import override_settings
from django.utils import translation
from lxml import etree

from tests.conftest import REPO
from xblocks.common.xmlsafe import parse_xml
from xblocks.video_lesson import olx
from xblocks.video_lesson.scenarios import SCENARIOS, SEVERAL_POINTS

import os

MEDIA = os.path.join(REPO, "build", "media")


def export(block):
    node = etree.Element("unknown")
    block.add_xml_to_node(node)
    return node


def test_olx_through_the_runtime_round_trips_for_every_scenario(harness):
    for _, xml in SCENARIOS:
        block = harness.load(xml)
        node = export(block)
        assert node.tag == "video_lesson"
        assert olx.parse(node) == olx.parse(parse_xml(xml))
        again = harness.load(etree.tostring(node, encoding="unicode"))
        assert again.lesson() == block.lesson()


def test_runtime_attributes_survive_export_and_learner_state_is_never_exported(harness):
    user = harness.new_user()
    block = harness.load('<video_lesson url_name="k" weight="0.5" display_name="A"><source src="/a.webm"/>'
                         '<reflection id="r" time="1"><prompt>Q</prompt></reflection></video_lesson>', user)
    harness.call(block, "submit_reflection", {"reflection_id": "r", "text": "hemligt svar"})
    node = export(harness.as_user(block, user))
    assert node.get("weight") == "0.5" and block.weight == 0.5
    assert b"hemligt" not in etree.tostring(node) and node.get("answers") is None
    assert node.get("url_name") is None  # written by the platform's exporter, not by the block


def test_parse_errors_stop_an_import(harness):
    try:
        harness.load('<video_lesson><reflection id="r" time="soon"><prompt>Q</prompt></reflection></video_lesson>')
    except ValueError as error:
        assert "time" in error.attribute
    else:
        raise AssertionError("an unreadable time was imported")


def test_student_view_data_has_media_and_points_but_no_learner_data_or_guidance(harness):
    user = harness.new_user()
    block = harness.load(SEVERAL_POINTS, user)
    harness.call(block, "submit_reflection", {"reflection_id": "forsta-motet", "text": "mitt privata svar"})
    data = harness.as_user(block, user).student_view_data()
    assert [s["type"] for s in data["sources"]] == ["video/webm", "video/mp4"]
    assert [t["srclang"] for t in data["tracks"]] == ["sv", "en"]
    assert [(r["id"], r["time"], r["required"]) for r in data["reflections"]] == [
        ("forsta-motet", 4.0, True), ("egna-erfarenheter", 11.5, False), ("stod", 19.0, True)]
    text = repr(data)
    assert "mitt privata svar" not in text and "guidance" not in text and "Många beskriver" not in text
    assert block.has_support(block.student_view, "multi_device")


def test_index_dictionary_holds_the_questions_and_readable_transcripts(harness):
    block = harness.load(SEVERAL_POINTS)
    index = block.index_dictionary()
    assert index["content_type"] == "Video lesson"
    assert "första möte" in index["content"]["reflections"] and "<strong>" not in index["content"]["reflections"]
    assert "transcript" not in index["content"]
    with override_settings(BEMOTANDE_TRANSCRIPT_ROOTS={"/media/": MEDIA}):
        index = block.index_dictionary()
    assert index["content"]["transcript"].startswith("Välkommen till testfilmen.")
    with override_settings(BEMOTANDE_TRANSCRIPT_ROOTS={"/media/test/": os.path.join(MEDIA, "nowhere")}):
        assert "transcript" not in block.index_dictionary()["content"]


def test_report_rows_for_real_learners(harness):
    block = harness.load(SEVERAL_POINTS)
    users = [harness.new_user() for _ in range(3)]
    harness.call(harness.as_user(block, users[0]), "submit_reflection",
                 {"reflection_id": "stod", "text": "=1+1 handledning"})
    harness.call(harness.as_user(block, users[0]), "submit_reflection",
                 {"reflection_id": "forsta-motet", "text": "lugn och tid"})
    harness.call(harness.as_user(block, users[2]), "save_draft", {"reflection_id": "stod", "text": "utkast"})

    def states():  # what edx-platform's user state client yields: username and the stored fields
        for user in users:
            learner = harness.as_user(block, user)
            yield SimpleNamespace(username=user, state={"answers": learner.answers, "drafts": learner.drafts})

    rows = list(block.generate_report_data(states()))
    assert [(user, row["Question ID"], row["Answer"]) for user, row in rows] == [
        (users[0], "forsta-motet", "lugn och tid"), (users[0], "stod", "'=1+1 handledning")]
    assert rows[0][1]["Question"].startswith("Tänk på ett första möte") and rows[0][1]["Time"] == "0:04"
    assert list(block.generate_report_data(states(), limit_responses=1)) == rows[:1]


def test_author_view_lists_points_with_times_and_problems(harness):
    block = harness.load('<video_lesson display_name="A"><source src="javascript:alert(1)"/>'
                         '<reflection id="r" time="1:15" required="true"><prompt>Fråga?</prompt>'
                         '<guidance>Svar</guidance></reflection></video_lesson>')
    with translation.override("en"):
        html = block.render("author_view").body_html()
    assert "1:15" in html and "Fråga?" in html and "Required" in html and "Svar" in html
    assert "Video file 1: the address must start" in html and "<video" not in html
    assert 'src="javascript' not in html
    messages = [m.text for m in block.validate().messages]
    assert any("Add a caption track" in m for m in messages)


def test_the_learner_view_never_plays_unsafe_media(harness):
    block = harness.load('<video_lesson><source src="javascript:alert(1)"/>'
                         '<track srclang="sv" label="x" src="javascript:alert(2)"/></video_lesson>')
    with translation.override("en"):
        html = block.render("student_view").body_html()
    assert "javascript:" not in html and "<video" not in html and "not ready yet" in html


def _form(block):
    from xblocks.video_lesson.studio import form_from_lesson
    return form_from_lesson(block.lesson(), block.weight)


def test_studio_submit_saves_a_valid_form(harness):
    block = harness.load(SEVERAL_POINTS)
    form = _form(block)
    form["reflections"].append({"id": "", "time": "0:30", "prompt": "Ny fråga?", "guidance": "", "required": True,
                                "min_words": "0", "max_chars": "4000"})
    form["weight"] = "0"
    status, reply = harness.call(block, "studio_submit", form)
    assert status == 200 and reply["saved"] is True
    assert [r["id"] for r in reply["form"]["reflections"]][-1] == "ny-fraga"
    fresh = harness.as_user(block, harness.new_user())
    assert [r.time for r in fresh.lesson().reflections] == [4.0, 11.5, 19.0, 30.0]
    assert fresh.weight == 0.0


def test_studio_submit_refuses_a_bad_form_saving_nothing_and_names_rows(harness):
    block = harness.load(SEVERAL_POINTS)
    before = block.lesson()
    form = _form(block)
    form["display_name"] = "Ändrat"
    form["reflections"][1]["time"] = "0:04.5"
    form["reflections"][2]["prompt"] = " "
    form["sources"] = [{"src": "javascript:alert(1)"}]
    with translation.override("sv"):
        status, reply = harness.call(block, "studio_submit", form)
    assert status == 400
    assert reply["error"] == "Inget sparades. Åtgärda först de här problemen:"
    messages = {m["location"]: m["message"] for m in reply["messages"]}
    assert messages["source[1]/@src"].startswith("Videofil 1:")
    assert messages["reflection[3]/prompt"] == "Reflektionspunkt 3: frågan är tom."
    assert messages["reflection[2]/@time"].startswith("Reflektionspunkt 2: mindre än en sekund")
    fresh = harness.as_user(block, harness.new_user())
    assert fresh.lesson() == before and fresh.display_name == "Kulturmöten i vardagen"


def test_studio_submit_refuses_junk(harness):
    block = harness.load(SEVERAL_POINTS)
    before = block.lesson()
    for raw in (b"nope", b"[]", b'{"sources": NaN}', b"{" + b" " * (600 * 1024) + b"}"):
        status, reply = harness.call(block, "studio_submit", raw=raw)
        assert status == 400 and reply["messages"]
    assert harness.as_user(block, harness.new_user()).lesson() == before


def test_works_with_the_null_i18n_service_of_a_bare_runtime():
    from xblock.test.toy_runtime import ToyRuntime
    from webob import Request
    import json as json_module
    runtime = ToyRuntime("toy-learner")
    block = runtime.get_block(runtime.parse_xml_string(SEVERAL_POINTS))
    service = runtime.service(block, "i18n")
    assert service is None or not hasattr(service, "get_language")  # XBlock's NullI18nService
    html = block.render("student_view").body_html()
    assert "Kulturmöten i vardagen" in html and "data-vl-data" in html
    request = Request.blank("/", method="POST", body=json_module.dumps(
        {"reflection_id": "stod", "text": "handledning varje vecka"}).encode(), content_type="application/json")
    response = runtime.handle(block, "submit_reflection", request)
    assert response.status_code == 200 and block.answers["stod"]["text"] == "handledning varje vecka"


def test_a_course_export_pointer_is_read_from_its_own_file(harness):
    """Open edX's import runtime gives the course folder as resources_fs; units hold only pointers."""
    from fs.memoryfs import MemoryFS
    runtime = harness.runtime()
    runtime.resources_fs = MemoryFS()
    runtime.resources_fs.makedir("video_lesson")
    runtime.resources_fs.writebytes("video_lesson/kultur.xml", SEVERAL_POINTS.encode("utf-8"))
    block = runtime.get_block(runtime.parse_xml_string('<video_lesson url_name="kultur"/>'))
    assert block.lesson() == olx.parse(parse_xml(SEVERAL_POINTS))
    runtime.resources_fs.writebytes("video_lesson/trasig.xml",
                                    b'<video_lesson><reflection id="a" time="soon"><prompt>x</prompt></reflection>'
                                    b'</video_lesson>')
    try:
        runtime.parse_xml_string('<video_lesson url_name="trasig"/>')
    except ValueError as error:  # OlxError names the file it read
        assert error.filename == "video_lesson/trasig.xml" and error.attribute == "time"
    else:
        raise AssertionError("a broken definition file was imported")
