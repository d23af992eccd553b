"""Who may change a block's authored content (Studio's save, preview and OLX handlers).

The block never decides this itself: it asks the runtime, the way the platform's own blocks do
(``LegacyLibraryContentBlock`` and ``lti_consumer`` ask Studio's ``studio_user_permissions``
service, whose ``can_write`` / ``can_edit_content`` wrap ``has_studio_write_access`` or, for v2
libraries, the library permissions):

- **Studio** (the edit modal's runtime ``load_services_for_studio`` and the unit page's preview
  runtime in ``cms/djangoapps/contentstore``) offers ``studio_user_permissions``: we ask it about the
  block's course or library (``usage_id.context_key``).
- **Content libraries v2** (``openedx/core/djangoapps/xblock/runtime``): where the runtime offers no
  such service it still holds the Django user (``runtime.user``), and the platform's own
  ``StudioPermissionsService`` is asked about that user (imported late: only the platform has it).
- **The LMS** offers neither: refused. Its authored fields are read-only as well (a write would fail
  with ``InvalidScopeError`` when the runtime saves the block, a 500): :func:`authored_fields_writable`
  checks that too, so a runtime that grants permission but cannot save also answers 403.
- **The XBlock workbench** has no users or roles (the learner is the ``?student=`` URL parameter).
  It is the author's own tool, so the demo site (``scripts/devsite``) registers a
  ``studio_user_permissions`` service that decides from the setting ``BEMOTANDE_WORKBENCH_AUTHORS``
  (every workbench user by default); a bare workbench without that service refuses like the LMS.
"""
import importlib

from xblock.exceptions import InvalidScopeError

from .errors import N_, InputError
from .handlers import error_status, json_response, parse_json_body

SERVICE = "studio_user_permissions"


class NotAnAuthor(InputError):
    """The current user may not change this block: HTTP 403, nothing touched."""

    status = 403

    def __init__(self):
        super().__init__(N_("Only the course's authors can change this content."))


def _platform_permissions(runtime):
    """The platform's permission service for a runtime that holds a Django user (libraries v2), or None."""
    user = getattr(runtime, "user", None)
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    for module in ("openedx.core.djangoapps.content.services", "cms.djangoapps.contentstore.utils"):
        try:  # pragma: no cover - only inside edx-platform
            service_class = importlib.import_module(module).StudioPermissionsService
        except (ImportError, AttributeError):
            continue
        return service_class(user)  # pragma: no cover
    return None


def may_edit(block):
    """True only when the runtime says the current user may edit ``block`` (see the module docstring)."""
    try:
        service = block.runtime.service(block, SERVICE)
    except Exception:  # pylint: disable=broad-exception-caught  (undeclared or failing service: no)
        service = None
    if service is None:
        service = _platform_permissions(block.runtime)
    if service is None:
        return False
    context_key = getattr(block.scope_ids.usage_id, "context_key", None)
    check = getattr(service, "can_edit_content", None) or getattr(service, "can_write", None)
    try:
        return bool(check and check(context_key))
    except Exception:  # pylint: disable=broad-exception-caught  (a key the service cannot judge: no)
        return False


def authored_fields_writable(block):
    """False when the runtime keeps the authored fields read-only (the LMS's ``ReadOnlyFieldData``).

    Probes one settings field by writing back what is stored (or writing its default and deleting
    it again), so nothing changes; a read-only store raises ``InvalidScopeError`` on the first write.
    """
    field_data = block._field_data  # pylint: disable=protected-access
    field = block.fields["display_name"]
    try:
        if field_data.has(block, field.name):
            field_data.set(block, field.name, field_data.get(block, field.name))
        else:
            field_data.set(block, field.name, field.to_json(field.default))
            field_data.delete(block, field.name)
    except InvalidScopeError:
        return False
    return True


def require_author(block):
    """Raise :class:`NotAnAuthor` unless :func:`may_edit` and the authored fields can be written.

    Call it first in every handler that changes or previews authored content, before the request
    is read: a refused request then touches no field and is answered 403, never 500.
    """
    if not may_edit(block) or not authored_fields_writable(block):
        raise NotAnAuthor()


def save_editor_form(block, request, max_bytes, apply, translate):
    """The body of an editor's ``studio_submit`` handler: POST only, authors only, all or nothing.

    ``apply(data)`` checks the parsed form and, when it is valid, stores it: it returns
    ``(errors, reply)``, where ``errors`` are content problems (then nothing may have been stored)
    and ``reply`` is what a successful save answers. ``translate(error, gettext)`` words an error.
    Bad input is answered 400 (403 for a non-author, 405 for another method) with a translated message.
    """
    gettext = block.translator().gettext
    if request.method != "POST":
        return json_response({"error": gettext(N_("This action only accepts {method} requests."))
                              .format(method="POST")}, status=405)
    try:
        require_author(block)  # before reading anything: a learner's request touches nothing
        errors, reply = apply(parse_json_body(request, max_bytes))
        if errors:
            return json_response({
                "error": gettext(N_("Nothing was saved. Fix these problems first:")),
                "messages": [{"message": translate(e, gettext), "location": e.location} for e in errors]},
                status=400)
    except InputError as exc:
        message = exc.translate(gettext)
        return json_response({"error": message, "messages": [{"message": message, "location": ""}]},
                             error_status(exc))
    return json_response(reply)
