"""Issue 9 §1: text that would poison state is refused (400, nothing stored); stored junk never crashes.

Lone UTF-16 surrogates are valid JSON (``"\\ud800"``) but cannot be written as UTF-8, which every
page and reply is; JSON nested thousands deep exhausts the parser's stack; a form POST cannot be
read as JSON once Django has parsed it. All of them: a 400 (415 for forms) and no state change,
in every POST handler of both blocks.
"""
import json

import pytest
from django.test import Client

from .hostile import LESSON, SURROGATES, TIMELINE, deep_json, post_handlers, render_everything, snapshot

BLOCKS = {"video_lesson": LESSON, "asylum_timeline": TIMELINE}
#: Where learner or author text goes in each handler's body.
TEXT_BODIES = {
    "save_draft": lambda s: {"reflection_id": "req", "text": "utkast " + s},
    "submit_reflection": lambda s: {"reflection_id": "req", "text": "svar " + s},
    "log_event": lambda s: {"event": "played" + s},
    "view_step": lambda s: {"step_id": "ansokan" + s},
    "submit_order": lambda s: {"order": ["ansokan", "utredning" + s], "quiz": "q1"},
    "submit_match": lambda s: {"answers": {"ansokan" + s: "mv"}},
    "studio_convert": lambda s: {"olx": "<asylum_timeline><phase id='p' title='x{}'/></asylum_timeline>".format(s)},
    "studio_preview": lambda s: {"olx": "<asylum_timeline><phase id='p' title='x{}'/></asylum_timeline>".format(s)},
}


def _olx_with(text):
    return ("<asylum_timeline><actor id='a' name='A'/><phase id='p' title='Fas {}'>"
            "<step id='s' actors='a'><title>Steg</title></step></phase></asylum_timeline>").format(text)


def _studio_body(kind, text):
    if kind == "video_lesson":
        return {"display_name": "Lektion " + text, "sources": [{"src": "/media/test/clip.webm"}], "reflections": []}
    return {"olx": _olx_with(text)}


def _body(kind, handler, text):
    if handler == "studio_submit":
        return _studio_body(kind, text)
    maker = TEXT_BODIES.get(handler)
    return maker(text) if maker else {"text": text}


@pytest.fixture(params=sorted(BLOCKS))
def block(request, harness):
    loaded = harness.load(BLOCKS[request.param])
    loaded.kind = request.param
    return loaded


def _post(block, handler, body=None, raw=None):
    from .runtime import BlockHarness  # noqa: PLC0415
    return BlockHarness.call(block, handler, body, raw=raw)


def test_every_post_handler_refuses_lone_surrogates_and_stores_nothing(block):
    for handler in post_handlers(block):
        for text in SURROGATES:
            before = snapshot(block)
            status, reply = _post(block, handler, raw=json.dumps(_body(block.kind, handler, text)).encode("ascii"))
            assert status == 400, (handler, text, reply)
            assert reply["error"], reply
            assert snapshot(block) == before, (handler, text)
    render_everything(block)


def test_a_surrogate_in_a_key_or_deep_inside_is_refused_too(block):
    for handler in post_handlers(block):
        for raw in (b'{"\\ud800": 1}', b'{"x": [[{"y": ["ok", "\\udc00"]}]]}'):
            before = snapshot(block)
            status, _reply = _post(block, handler, raw=raw)
            assert status == 400, handler
            assert snapshot(block) == before


@pytest.mark.parametrize("depth", [40, 2000, 3000])
def test_deeply_nested_json_is_a_400_in_every_post_handler(block, depth):
    raw = deep_json(depth)
    assert len(raw) < 64 * 1024
    for handler in post_handlers(block):
        before = snapshot(block)
        status, reply = _post(block, handler, raw=raw)
        assert status == 400, (handler, reply)
        assert "nested" in reply["error"] or "nästlad" in reply["error"]
        assert snapshot(block) == before


def test_a_form_post_through_the_workbench_is_refused_not_a_server_error(block):
    """Through Django as a browser would send it: CSRF middleware reads the form before the handler."""
    client = Client(enforce_csrf_checks=True)
    client.get("/")  # the CSRF cookie
    token = client.cookies["csrftoken"].value
    for handler in post_handlers(block):
        url = block.runtime.handler_url(block, handler)
        before = snapshot(block)
        response = client.post(url, {"text": "hej", "file": ("a.txt", b"x")}, HTTP_X_CSRFTOKEN=token)
        assert response.status_code == 415, (handler, response.status_code)
        assert json.loads(response.content)["error"]
        assert snapshot(block) == before


def test_a_surrogate_in_the_timeline_editor_saves_nothing_for_anyone(harness):
    block = harness.load(TIMELINE)
    before = snapshot(block)
    for body in ({"olx": _olx_with("\ud800")}, {"timeline": {"phases": [{"id": "p", "title": "a\udc00b"}]}},
                 {"display_name": "x\ud83d", "use_default": True}):
        status, _reply = _post(block, "studio_submit", raw=json.dumps(body).encode("ascii"))
        assert status == 400
    assert snapshot(block) == before
    other = harness.as_user(block, harness.new_user())
    render_everything(other)
