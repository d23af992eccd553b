"""A key-value store that keeps learner state the way the LMS does, for tests and the demo site.

In the LMS (``lms/djangoapps/courseware/model_data.py``) a block's ``Scope.user_state`` fields live
in one ``StudentModule`` row per learner and block, its ``state`` column a JSON document.
``FieldDataCache`` reads that row when the request starts (when the block is loaded) and
``DjangoKeyValueStore.set_many`` writes the state back when the handler ends (``block.save()`` in
``Runtime.handle``). Two requests of one learner on one block that overlap therefore each work
on the document as it was when they started, and the one that writes last wins: the other's
acknowledged write is gone.

The workbench's own store (``WorkbenchDjangoKeyValueStore``) re-reads the row on every single field
read and write, which hides that. :class:`LmsLikeKeyValueStore` does what the LMS does instead:

- one instance per request (the workbench builds one runtime per request; see
  :class:`LmsLikeFieldData`);
- the whole ``user_state`` document of a learner and block is read once, on first access (or
  by :meth:`LmsLikeKeyValueStore.prefetch`, as ``FieldDataCache`` does when the block loads);
- ``set_many`` writes that whole document back (what this request started from plus its own
  changes), so the last writer wins;
- ``Scope.preferences`` fields are kept as the LMS keeps them (``XModuleStudentPrefsField``: one row
  per learner, block type and field, read by ``DjangoKeyValueStore``): each value is read once per
  request, on first access, and written per field when the request ends; of two requests that
  overlap, the one that writes last wins for that field;
- every other scope passes straight through to the workbench's store.

``delay`` (seconds, default ``$BEMOTANDE_STORE_DELAY`` or 0) waits before each write, standing in
for the rest of an LMS request (rendering, grading, tracking) so that overlaps are as likely as in
production. The demo site uses it with ``BEMOTANDE_STORE=lms`` (see ``scripts/devsite/settings.py``).
"""
import json
import os
import threading
import time

from workbench.models import XBlockState
from workbench.runtime import WORKBENCH_KVS
from xblock.fields import Scope
from xblock.runtime import KeyValueStore, KvsFieldData

# One process-wide lock around row creation only (the workbench model has no unique constraint,
# so two threads creating the same row would make two). Reads and writes are not serialised.
_CREATE_LOCK = threading.Lock()


def _row_key(key):
    return key.block_scope_id, key.user_id


def _record(key):
    with _CREATE_LOCK:
        return XBlockState.get_for_key(key)


#: ``XBlockState.scope`` of the per-field preference rows (the workbench's own rows use "type").
PREFS_SCOPE = "prefs-field"


def _prefs_record(key):
    """The row of one preference field of a learner and block type (``XModuleStudentPrefsField``)."""
    with _CREATE_LOCK:
        record, _ = XBlockState.objects.get_or_create(
            scope=PREFS_SCOPE, scope_id="{}.{}".format(key.block_scope_id, key.field_name),
            user_id=key.user_id, scenario=None, tag=str(key.block_scope_id))
    return record


class LmsLikeKeyValueStore(KeyValueStore):
    """Whole ``user_state`` document per learner and block: read at start, written whole at end."""

    def __init__(self, delay=None, backing=WORKBENCH_KVS):
        self.delay = float(os.environ.get("BEMOTANDE_STORE_DELAY", "0") if delay is None else delay)
        self.backing = backing
        self._documents = {}   # (usage id, user id) -> the state this request started from + its writes
        self._prefs = {}       # (block type, field, user id) -> {"value": ...} or {} as read at first access
        self.writes = 0        # whole-document writes made by this request (read by tests)

    def _document(self, key):
        row = _row_key(key)
        if row not in self._documents:
            self._documents[row] = json.loads(_record(key).state or "{}")
        return self._documents[row]

    def prefetch(self, block):
        """Read the block's learner state now, as the LMS does when it loads the block."""
        key = KeyValueStore.Key(Scope.user_state, block.scope_ids.user_id, block.scope_ids.usage_id,
                                "position", block.entry_point)
        self._document(key)

    def _pref(self, key):
        name = (key.block_scope_id, key.field_name, key.user_id)
        if name not in self._prefs:
            self._prefs[name] = json.loads(_prefs_record(key).state or "{}")
        return self._prefs[name]

    def get(self, key):
        if key.scope == Scope.preferences:
            return self._pref(key)["value"]
        if key.scope != Scope.user_state:
            return self.backing.get(key)
        return self._document(key)[key.field_name]

    def has(self, key):
        if key.scope == Scope.preferences:
            return "value" in self._pref(key)
        if key.scope != Scope.user_state:
            return self.backing.has(key)
        return key.field_name in self._document(key)

    def set(self, key, value):
        self.set_many({key: value})

    def delete(self, key):
        if key.scope == Scope.preferences:
            self._pref(key).pop("value", None)
            self._write_pref(key)
            return
        if key.scope != Scope.user_state:
            self.backing.delete(key)
            return
        del self._document(key)[key.field_name]
        self._write(key)

    def set_many(self, update_dict):
        touched, prefs = {}, []
        for key, value in update_dict.items():
            if key.scope == Scope.preferences:
                self._pref(key)["value"] = value
                prefs.append(key)
                continue
            if key.scope != Scope.user_state:
                self.backing.set(key, value)
                continue
            self._document(key)[key.field_name] = value
            touched[_row_key(key)] = key
        if (touched or prefs) and self.delay:
            time.sleep(self.delay)
        for key in touched.values():
            self._write(key)
        for key in prefs:
            self._write_pref(key)

    def _write_pref(self, key):
        record = _prefs_record(key)
        record.state = json.dumps(self._pref(key), sort_keys=True)
        record.save()
        self.writes += 1

    def _write(self, key):
        record = _record(key)
        record.state = json.dumps(self._document(key), sort_keys=True)
        record.save()
        self.writes += 1


class LmsLikeFieldData(KvsFieldData):
    """Field data over a fresh :class:`LmsLikeKeyValueStore`; one per runtime, i.e. per request.

    Usable as a workbench service (``WORKBENCH["services"]["field-data"]``): the workbench builds
    one runtime, hence one of these, per HTTP request.
    """

    def __init__(self, delay=None):
        super().__init__(LmsLikeKeyValueStore(delay=delay))

    @property
    def store(self):
        """The request's :class:`LmsLikeKeyValueStore`."""
        return self._kvs
