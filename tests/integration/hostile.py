"""Helpers for the hostile-input tests: every handler of a block, a snapshot of its state, views."""
import copy
import json

from xblock.fields import Scope

from xblocks.asylum_timeline.scenarios import SMALL

LESSON = """<video_lesson completion_percent="10">
  <source src="/media/test/clip.webm"/><track srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt"/>
  <reflection id="req" time="5" required="true" min_words="1" max_chars="400"><prompt>Fråga</prompt></reflection>
</video_lesson>"""
TIMELINE = SMALL
SURROGATES = ["\ud800", "a\udc00b", "x\ud83d", "\udfff"]
SCOPES = (Scope.content, Scope.settings, Scope.user_state)


def handlers_of(block):
    """Names of every XBlock handler of ``block`` (so a handler added later is covered too)."""
    names = []
    for name in dir(type(block)):
        if getattr(getattr(type(block), name, None), "_is_xblock_handler", False):
            names.append(name)
    return sorted(names)


def post_handlers(block):
    """The handlers that take a POST (all but the GET state handler): at least the 11 of issue 9."""
    names = [name for name in handlers_of(block) if name != "student_view_user_state"]
    assert len(names) >= 5, names
    return names


def snapshot(block):
    """Every authored and learner field of ``block`` as JSON text (compared before and after)."""
    found = {}
    for name, field in block.fields.items():
        if field.scope in SCOPES:
            found[name] = json.dumps(field.to_json(copy.deepcopy(field.read_from(block))), sort_keys=True,
                                     ensure_ascii=True)
    return found


def deep_json(depth, key="x"):
    """A JSON object body whose ``key`` holds lists nested ``depth`` deep (a few KB)."""
    return ('{"%s": ' % key + "[" * depth + "]" * depth + "}").encode("ascii")


def render_everything(block):
    """Every view, the state handler and the report of ``block``; returns their text (must not raise).

    The first three texts are HTML (the views); the rest are JSON.
    """
    from .runtime import BlockHarness  # noqa: PLC0415  (Django must be set up first)
    out = []
    for view in ("student_view", "author_view", "studio_view"):
        out.append(block.runtime.render(block, view, {}).body_html())
    status, state = BlockHarness.call(block, "student_view_user_state", method="GET")
    assert status == 200, state
    out.append(json.dumps(state, ensure_ascii=True))
    out.append(json.dumps(block.student_view_data(), ensure_ascii=True))

    field_data = block._field_data  # pylint: disable=protected-access

    class UserState:  # what edx-platform's user state client yields: the stored JSON, as it is
        username = "someone"
        state = {name: field_data.get(block, name) for name, field in block.fields.items()
                 if field.scope == Scope.user_state and field_data.has(block, name)}

    out.extend(json.dumps(row, ensure_ascii=True) for row in block.generate_report_data(iter([UserState()])))
    for text in out:
        text.encode("utf-8")  # what the runtime does with every page and reply
    return out
