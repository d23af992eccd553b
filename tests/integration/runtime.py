"""Drive blocks the way the LMS does: parse OLX, render views, call handlers, collect events."""
import itertools
import json

from webob import Request
from workbench.runtime import WorkbenchRuntime

from devsite.lms_store import LmsLikeFieldData

_USERS = itertools.count(1)


class BlockHarness:
    """Creates blocks from OLX for a learner and records what they publish.

    ``store="lms"`` keeps learner state as the LMS does (:mod:`devsite.lms_store`: one document per
    learner and block, read when a request starts, written whole when it ends); every
    :meth:`runtime` is then one request.
    """

    def __init__(self, store=None):
        self.events = []
        self.store = store

    def new_user(self):
        """A user id no other test uses."""
        return "learner-{}".format(next(_USERS))

    def runtime(self, user_id=None):
        """A WorkbenchRuntime whose ``publish`` also records (block, event_type, data)."""
        runtime = WorkbenchRuntime(user_id or self.new_user())
        original = runtime.publish

        def publish(block, event_type, event_data):
            self.events.append((str(block.scope_ids.usage_id), event_type, event_data))
            return original(block, event_type, event_data)

        runtime.publish = publish
        if self.store == "lms":
            runtime._services["field-data"] = LmsLikeFieldData(delay=0)  # pylint: disable=protected-access
        return runtime

    def request(self, block, user_id=None):
        """The block as a new request of its learner (or ``user_id``) sees it, its state read now."""
        runtime = self.runtime(user_id or block.scope_ids.user_id)
        fresh = runtime.get_block(block.scope_ids.usage_id)
        store = getattr(runtime.service(fresh, "field-data"), "store", None)
        if store is not None:
            store.prefetch(fresh)
        return fresh

    def load(self, olx, user_id=None):
        """Parse ``olx`` and return the block as seen by ``user_id`` (new user if None)."""
        runtime = self.runtime(user_id)
        usage_id = runtime.parse_xml_string(olx)
        return runtime.get_block(usage_id)

    def as_user(self, block, user_id):
        """The same block (same usage id) as seen by another learner."""
        runtime = self.runtime(user_id)
        return runtime.get_block(block.scope_ids.usage_id)

    @staticmethod
    def call(block, handler, body=None, method="POST", raw=None):
        """Call a JSON handler; returns (status, parsed JSON reply)."""
        if method == "GET":
            request = Request.blank("/", method="GET")
        else:
            payload = raw if raw is not None else json.dumps(body).encode("utf-8")
            request = Request.blank("/", method="POST", body=payload,
                                    content_type="application/json")
        response = block.runtime.handle(block, handler, request)
        return response.status_code, json.loads(response.body.decode("utf-8"))

    def events_of(self, block, event_type):
        """Events of ``event_type`` published by ``block``."""
        usage = str(block.scope_ids.usage_id)
        return [data for u, kind, data in self.events if u == usage and kind == event_type]
