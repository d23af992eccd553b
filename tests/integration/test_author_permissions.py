"""Issue 9 §4: the Studio handlers (save, preview, OLX conversion) refuse anyone the runtime does not
call an author with 403, before touching any field; never a 500.

The LMS-like runtime below is the real WorkbenchRuntime with the LMS's arrangement of field data:
authored fields (content, settings) behind xblock's ``ReadOnlyFieldData`` (as ``LmsFieldData`` does),
learner fields writable, a learner from the platform's user service and no Studio permission service.
"""
import json

import pytest
from django.test import override_settings
from workbench.runtime import WORKBENCH_KVS
from xblock.exceptions import InvalidScopeError
from xblock.field_data import FieldData, ReadOnlyFieldData, SplitFieldData
from xblock.fields import Scope
from xblock.reference.user_service import UserService, XBlockUser
from xblock.runtime import KvsFieldData

from .hostile import LESSON, TIMELINE, snapshot

VIDEO_FORM = {"display_name": "Ändrad av en deltagare", "sources": [{"src": "/media/test/clip.webm"}],
              "tracks": [{"srclang": "sv", "label": "Svenska", "src": "/media/test/clip.sv.vtt"}],
              "reflections": [], "completion_percent": "50"}
AUTHOR_CALLS = {
    "video_lesson": [("studio_submit", VIDEO_FORM)],
    "asylum_timeline": [("studio_submit", {"use_default": True, "display_name": "Ändrad av en deltagare"}),
                        ("studio_preview", {"use_default": True}),
                        ("studio_convert", {"olx": "<asylum_timeline/>"})],
    "self_assessment": [("studio_submit", {"display_name": "Ändrad av en deltagare", "role": "after",
                                           "series": "kursen", "intro": "", "levels": ["a", "b"],
                                           "statements": [{"key": "", "text": "Nytt", "guidance": ""}]})],
}
SELF_ASSESSMENT = '<self_assessment display_name="Självskattning"/>'
AUTHORED = (Scope.content, Scope.settings, Scope.parent, Scope.children)


class Learner(UserService):
    """The platform's user service for a learner (``DjangoXBlockUserService`` attributes)."""

    def get_current_user(self):
        user = XBlockUser(is_current_user=True)
        user.opt_attrs.update({"edx-platform.user_id": 7, "edx-platform.username": "deltagare",
                               "edx-platform.user_is_staff": False, "edx-platform.user_role": "student"})
        return user


class Permissions:
    """A ``studio_user_permissions`` service with a fixed answer (old ``can_write`` or new API)."""

    def __init__(self, allowed, new_api=False):
        self.asked = []
        self.allowed = allowed
        if new_api:
            self.can_edit_content = self._answer
        else:
            self.can_write = self._answer

    def _answer(self, context_key):
        self.asked.append(context_key)
        return self.allowed


class RaisesOnAuthoredWrites(FieldData):
    """Learner fields writable; content and settings raise InvalidScopeError on set and delete."""

    def __init__(self, source):
        self._source = source

    def get(self, block, name):
        return self._source.get(block, name)

    def has(self, block, name):
        return self._source.has(block, name)

    def set(self, block, name, value):
        if block.fields[name].scope in AUTHORED:
            raise InvalidScopeError("{} is authored".format(name))
        self._source.set(block, name, value)

    def delete(self, block, name):
        if block.fields[name].scope in AUTHORED:
            raise InvalidScopeError("{} is authored".format(name))
        self._source.delete(block, name)

    def default(self, block, name):
        return self._source.default(block, name)


def lms_like(harness, block, permissions=None, field_data="read-only"):
    """``block`` as a learner sees it in a runtime arranged like the LMS's."""
    runtime = harness.runtime("lms-learner")
    store = KvsFieldData(WORKBENCH_KVS)
    if field_data == "read-only":
        authored = ReadOnlyFieldData(store)
        runtime._services["field-data"] = SplitFieldData(  # pylint: disable=protected-access
            {scope: authored if scope in AUTHORED else store for scope in Scope.scopes()})
    else:
        runtime._services["field-data"] = RaisesOnAuthoredWrites(store)  # pylint: disable=protected-access
    runtime._services["user"] = Learner()  # pylint: disable=protected-access
    runtime._services.pop("studio_user_permissions", None)  # pylint: disable=protected-access
    if permissions is not None:
        runtime._services["studio_user_permissions"] = permissions  # pylint: disable=protected-access
    return runtime.get_block(block.scope_ids.usage_id)


@pytest.fixture(params=sorted(AUTHOR_CALLS))
def authored(request, harness):
    olx = {"video_lesson": LESSON, "self_assessment": SELF_ASSESSMENT}.get(request.param, TIMELINE)
    block = harness.load(olx)
    return request.param, block


def _assert_refused(harness, block, handler, body):
    before = snapshot(block)
    status, reply = harness.call(block, handler, body)
    assert status == 403, (handler, status, reply)
    assert reply["error"] and "authors" in reply["error"] or "författare" in reply["error"]
    assert snapshot(block) == before
    return reply


@pytest.mark.parametrize("field_data", ["read-only", "raises"])
def test_a_learner_in_an_lms_like_runtime_gets_403_and_nothing_changes(harness, authored, field_data):
    kind, block = authored
    learner_block = lms_like(harness, block, field_data=field_data)
    for handler, body in AUTHOR_CALLS[kind]:
        _assert_refused(harness, learner_block, handler, body)
    fresh = harness.as_user(block, harness.new_user())
    assert "deltagare" not in json.dumps(snapshot(fresh))


def test_permission_without_writable_fields_is_403_not_500(harness, authored):
    """Course staff in the LMS: Studio's service would say yes, but the LMS cannot save authored fields."""
    kind, block = authored
    staff_block = lms_like(harness, block, permissions=Permissions(True))
    for handler, body in AUTHOR_CALLS[kind]:
        _assert_refused(harness, staff_block, handler, body)


@pytest.mark.parametrize("new_api", [False, True])
def test_the_runtimes_permission_service_decides(harness, authored, new_api):
    kind, block = authored
    refusing = Permissions(False, new_api)
    block.runtime._services["studio_user_permissions"] = refusing  # pylint: disable=protected-access
    for handler, body in AUTHOR_CALLS[kind]:
        _assert_refused(harness, block, handler, body)
    assert refusing.asked  # it was asked, about this block's learning context
    block.runtime._services["studio_user_permissions"] = Permissions(True, new_api)  # pylint: disable=protected-access
    for handler, body in AUTHOR_CALLS[kind]:
        status, reply = harness.call(block, handler, body)
        assert status == 200, (handler, reply)


def test_in_the_workbench_the_configured_authors_may_edit_and_others_may_not(harness, authored):
    kind, block = authored
    with override_settings(BEMOTANDE_WORKBENCH_AUTHORS=["redaktor"]):
        learner = harness.as_user(block, "deltagare-1")
        for handler, body in AUTHOR_CALLS[kind]:
            _assert_refused(harness, learner, handler, body)
        author = harness.as_user(block, "redaktor")
        for handler, body in AUTHOR_CALLS[kind]:
            status, reply = harness.call(author, handler, body)
            assert status == 200, (handler, reply)
    assert harness.as_user(block, "x").display_name == "Ändrad av en deltagare"


def test_a_runtime_without_any_permission_service_refuses(harness, authored):
    kind, block = authored
    block.runtime._services.pop("studio_user_permissions")  # pylint: disable=protected-access
    for handler, body in AUTHOR_CALLS[kind]:
        _assert_refused(harness, block, handler, body)
