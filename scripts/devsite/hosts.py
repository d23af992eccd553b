"""Host pages for the browser tests: a block embedded the way each Open edX host embeds it.

Written from the platform's source (openedx/edx-platform, openedx/frontend-app-*), each page reproduces
what a block's JavaScript sees there:

- ``studio``: Studio's edit modal (``cms/static/js/views/modals/edit_xblock.js``, the runtime in
  ``cms/static/cms/js/xblock/cms.runtime.v1.js``): ``handlerUrl`` from the element's usage id,
  ``notify('save' | 'cancel' | 'error')`` handled as Studio does, the modal's own Save/Cancel bar shown
  unless the editor holds ``.editor-with-buttons`` (and then, with no ``save``/``collectFieldData``, the
  stray "Close").
- ``library``: the libraries v2 editor (``common/templates/xblock_v2/xblock_iframe.html``, served at
  ``/xblocks/v2/<key>/embed/<view>/`` and iframed by the authoring MFE): ``<base target="_blank">``,
  ``studio_view`` gets a jQuery-wrapped element and the handler URL is kept on that object,
  ``notify`` goes to the parent as ``postMessage({type: 'xblock-event', eventName, data})``, the
  height as ``plugin.resize``.
- ``lms``: the Learning MFE's unit (``src/courseware/course/sequence/Unit/ContentIFrame.jsx`` and
  ``hooks/useIFrameBehavior.ts``, the LMS's ``courseware-chromeless.html``): one iframe per unit with
  ``scrolling="no"`` whose height follows ``plugin.resize``, ``<base target="_parent">``, jQuery, a tall
  unit, and the fragment's HTML passed through the ``replace_urls`` service as the LMS's
  ``replace_urls_wrapper`` does.

The blocks run in the workbench's runtime (real fields, handlers and database); only the page around
them and the client-side runtime differ. jQuery is the copy xblock-sdk ships (no CDN).
"""
import json
import os

from django.http import Http404, HttpResponse
from django.template import Context, Engine
from django.urls import re_path, reverse
from django.views.decorators.csrf import ensure_csrf_cookie
from web_fragments.fragment import Fragment
from workbench.runtime import WorkbenchRuntime
from workbench.scenarios import get_scenarios

#: The workbench adds its own client runtime to every fragment; each host page brings its own instead.
WORKBENCH_RUNTIME_JS = "/js/runtime/"
#: The host pages' templates (an engine of its own: the site's settings need no template folder).
ENGINE = Engine(dirs=[os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")], autoescape=True)
#: Height of the HTML around the block in the LMS unit (an intro above, more material below).
UNIT_ABOVE_PX, UNIT_BELOW_PX = 1800, 2600


def render(_request, template, context):
    """The host page ``template`` (fragment HTML in the context is passed with ``|safe``)."""
    return HttpResponse(ENGINE.get_template(template).render(Context(context)))


def _block(request, scenario_id):
    try:
        scenario = get_scenarios()[scenario_id]
    except KeyError as exc:
        raise Http404("no such scenario") from exc
    student = request.GET.get("student", "host-student")
    runtime = WorkbenchRuntime(student)
    return runtime.get_block(scenario.usage_id), student


def _without_workbench_runtime(frag, content=None):
    """``frag`` minus the workbench's client runtime (the host page provides the runtime)."""
    clean = Fragment(frag.content if content is None else content)
    for resource in frag.resources:
        if resource.kind == "url" and WORKBENCH_RUNTIME_JS in resource.data:
            continue
        if resource.kind == "url":
            clean.add_resource_url(resource.data, resource.mimetype, resource.placement)
        else:
            clean.add_resource(resource.data, resource.mimetype, resource.placement)
    return clean


def _context(block, student, frag, **extra):
    usage = str(block.scope_ids.usage_id)
    return dict(extra, head_html=frag.head_html(), body_html=frag.body_html(), foot_html=frag.foot_html(),
                usage=usage, student=student,
                handler_base=reverse("handler", args=(usage, "handler_name", "")) + "?student=" + student)


@ensure_csrf_cookie
def studio_modal(request, scenario_id):
    """Studio's unit page with the edit modal open on the block's ``studio_view``."""
    block, student = _block(request, scenario_id)
    frag = _without_workbench_runtime(block.render("studio_view", {}))
    return render(request, "hosts/studio_modal.html", _context(block, student, frag, scenario=scenario_id))


@ensure_csrf_cookie
def library_mfe(request, scenario_id, view_name):
    """The authoring MFE's page around the libraries v2 iframe (it records what the iframe posts)."""
    _block(request, scenario_id)  # 404 for unknown scenarios
    src = reverse("host_library_embed", args=(scenario_id, view_name)) + "?student=" + request.GET.get(
        "student", "host-student")
    return render(request, "hosts/library_mfe.html", {"src": src, "view_name": view_name})


@ensure_csrf_cookie
def library_embed(request, scenario_id, view_name):
    """``/xblocks/v2/<key>/embed/<view>/``: the block alone in the v2 runtime's iframe page."""
    block, student = _block(request, scenario_id)
    frag = _without_workbench_runtime(block.render(view_name, {}))
    usage = str(block.scope_ids.usage_id)
    handler_url = reverse("handler", args=(usage, "handler_name", "")) + "?student=" + student
    return render(request, "hosts/library_embed.html", _context(
        block, student, frag, view_name=view_name, handler_urls_json=json.dumps({usage: handler_url})))


@ensure_csrf_cookie
def learning_mfe(request, scenario_id):
    """The Learning MFE's sequence page: a header and the unit's auto-height iframe."""
    _block(request, scenario_id)
    src = reverse("host_lms_unit", args=(scenario_id,)) + "?student=" + request.GET.get("student", "host-student")
    return render(request, "hosts/learning_mfe.html", {"src": src})


@ensure_csrf_cookie
def lms_unit(request, scenario_id):
    """The LMS's chromeless unit page that the Learning MFE iframes (``/xblock/<usage_id>``)."""
    block, student = _block(request, scenario_id)
    frag = block.render("student_view", {})
    service = block.runtime.service(block, "replace_urls")  # what the LMS's replace_urls_wrapper does
    frag = _without_workbench_runtime(frag, service.replace_urls(frag.content) if service else None)
    return render(request, "hosts/lms_unit.html", _context(
        block, student, frag, above_px=UNIT_ABOVE_PX, below_px=UNIT_BELOW_PX))


urlpatterns = [
    re_path(r"^studio/(?P<scenario_id>[\w.-]+)/$", studio_modal, name="host_studio"),
    re_path(r"^library/(?P<scenario_id>[\w.-]+)/(?P<view_name>studio_view|student_view)/$", library_mfe,
            name="host_library"),
    re_path(r"^library/(?P<scenario_id>[\w.-]+)/embed/(?P<view_name>studio_view|student_view)/$", library_embed,
            name="host_library_embed"),
    re_path(r"^lms/(?P<scenario_id>[\w.-]+)/$", learning_mfe, name="host_lms"),
    re_path(r"^lms/(?P<scenario_id>[\w.-]+)/unit/$", lms_unit, name="host_lms_unit"),
]

#: A lesson for the host pages: author links (one to a course file under /static/) in the question and
#: the guidance, a required point early in the test clip and an optional one after it.
HOST_LESSON = """<video_lesson display_name="Värdtest: lektion" completion_percent="50">
  <source src="/media/test/clip.webm" type="video/webm"/>
  <track kind="captions" srclang="sv" label="Svenska" src="/media/test/clip.sv.vtt" default="true"/>
  <reflection id="forsta" time="3" required="true" min_words="2">
    <prompt>Läs <a href="/static/handouts/stod.pdf">stödmaterialet</a>. Vad tar du med dig?</prompt>
    <guidance>Läs också <a href="https://example.org/kalla">källan</a>
      och <a href="/static/handouts/svar.pdf">svaret</a>.</guidance>
  </reflection>
  <reflection id="valfri" time="6" required="false"><prompt>En valfri fråga.</prompt></reflection>
</video_lesson>"""
HOST_SCENARIOS = {"host_lesson.0": ("Värdtest: lektion med länkar", HOST_LESSON)}


def register():
    """Add the host pages' own scenarios to the workbench (idempotent; after migrations only)."""
    from django.db import connection  # pylint: disable=import-outside-toplevel
    from workbench.scenarios import SCENARIOS, add_xml_scenario  # pylint: disable=import-outside-toplevel

    if "workbench_xblockstate" not in connection.introspection.table_names():
        return
    get_scenarios()
    for name, (description, xml) in HOST_SCENARIOS.items():
        if name not in SCENARIOS:
            add_xml_scenario(name, description, xml)
