"""``/static/`` URLs in what the platform does not rewrite: handler replies and ``student_view_data``.

The LMS rewrites the HTML of every fragment; a handler reply or ``student_view_data`` reaches the
browser or the mobile app as the block wrote it. Both blocks pass those through the runtime's
``replace_urls`` service; the demo site's runtime offers one (devsite/services.py) with the
platform's interface, pointing ``/static/`` at ``/course-static/``.
"""
from xblocks.common.static_urls import rewrite_url

LESSON = """<video_lesson display_name="Statiskt">
  <source src="/static/video/kultur.webm"/>
  <track srclang="sv" label="Svenska" src="/static/video/kultur.sv.vtt"/>
  <reflection id="q" time="5" required="true">
    <prompt>Läs <a href="/static/handouts/fraga.pdf">stödet</a>.</prompt>
    <guidance>Se <a href="/static/handouts/svar.pdf">svaret</a>.</guidance>
  </reflection>
</video_lesson>"""

TIMELINE = """<asylum_timeline display_name="Statiskt">
  <actor id="mv" name="Migrationsverket"><description>Se <a href="/static/mv.pdf">broschyren</a>.</description></actor>
  <phase id="p" title="Fas">
    <step id="s" actors="mv"><title>Steg</title>
      <description>Läs <a href="/static/steg.pdf">mer</a>.</description><seeker>Hej.</seeker></step>
  </phase>
</asylum_timeline>"""


def test_video_lesson_student_view_data_has_rewritten_media_and_links(harness):
    data = harness.load(LESSON).student_view_data()
    assert data["sources"][0]["src"] == "/course-static/video/kultur.webm"
    assert data["tracks"][0]["src"] == "/course-static/video/kultur.sv.vtt"
    prompt = data["reflections"][0]["prompt"]
    assert 'href="/course-static/handouts/fraga.pdf"' in prompt and "/static/" not in prompt
    assert 'target="_blank"' in prompt and "noopener" in prompt


def test_video_lesson_guidance_in_handler_replies_is_rewritten(harness):
    block = harness.load(LESSON)
    status, reply = harness.call(block, "submit_reflection", {"reflection_id": "q", "text": "Ett svar"})
    assert status == 200
    assert 'href="/course-static/handouts/svar.pdf"' in reply["guidance"] and "/static/" not in reply["guidance"]
    status, state = harness.call(block, "student_view_user_state", method="GET")
    assert status == 200
    assert 'href="/course-static/handouts/svar.pdf"' in state["answers"]["q"]["guidance"]


def test_timeline_student_view_data_html_is_rewritten(harness):
    data = harness.load(TIMELINE).student_view_data()
    step = data["phases"][0]["steps"][0]
    assert 'href="/course-static/steg.pdf"' in step["description"]
    assert 'href="/course-static/mv.pdf"' in data["actors"][0]["description"]


def test_rewrite_url_leaves_other_urls_alone(harness):
    block = harness.load(LESSON)
    assert rewrite_url(block, "https://example.org/static/x.webm") == "https://example.org/static/x.webm"
    assert rewrite_url(block, "/static/x.webm?raw") == "/static/x.webm?raw"
    assert rewrite_url(block, "/static/a b.webm") == "/course-static/a b.webm"
    assert rewrite_url(block, "") == ""
