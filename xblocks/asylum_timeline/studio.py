"""Studio: the structured editor (``studio_view``) and its JSON handlers.

``studio_submit`` validates everything first and saves all or nothing: any problem answers
HTTP 400 with every message (each naming its row) and leaves every field untouched.
``studio_preview`` renders the learner view of a draft; ``studio_convert`` turns a draft into
OLX and back for the "Edit as OLX" tab.
"""
import copy
import functools
import math
import re

from xblock.core import XBlock

from ..common.errors import N_, ContentError, InputError, TranslatableError
from ..common.fragments import HTTP_JS
from ..common.authoring import require_author
from ..common.handlers import error_status, json_response, parse_json_body
from ..common.stored import read_field
from ..common.static_urls import rewrite_html
from . import content, olx, progress
from .studio_strings import editor_strings
from .timeline import from_dict, validate

#: Largest editor request (the default content as JSON is well below this).
MAX_STUDIO_BYTES = 2 * 1024 * 1024
STUDIO_CSS = ["static/css/asylum_timeline.css", "static/css/at_studio.css"]
STUDIO_JS = [HTTP_JS, "static/js/at_util.js", "static/js/at_explore.js", "static/js/at_quiz.js", "static/js/at_main.js",
             "static/js/at_studio_form.js", "static/js/at_studio_steps.js", "static/js/at_studio.js"]
#: ``step "beslut" @actors``, ``step #3``, or an element's own attribute such as ``quiz @max_attempts`` (index 0).
_LOCATION = re.compile(r'^(\w+)(?: (?:"([^"]*)"|#(\d+)))?(?: @(\S+))?')
_GENERAL = re.compile(r"^(?:asylum_timeline|quiz|timeline) @(\w+)$")  # the block's own settings
_RICH_FIELDS = ("description", "seeker", "review")


class ContentRejected(InputError):
    """The editor's draft has problems; carries every message."""

    def __init__(self, errors):
        super().__init__(N_("The content was not saved: fix the problems listed."))
        self.errors = errors


def studio_api(fn):
    """A POST JSON handler for the editor: 400 with ``error`` and ``errors`` on any problem.

    Only for authors (:func:`~xblocks.common.authoring.require_author`): anyone else gets 403 before
    the body is read or any field touched.
    """
    @XBlock.handler
    @functools.wraps(fn)
    def wrapper(self, request, suffix=""):  # pylint: disable=unused-argument
        gettext = self.translator().gettext
        if request.method != "POST":
            return json_response({"error": gettext(N_("This action only accepts {method} requests.")).format(
                method="POST")}, status=405)
        try:
            require_author(self)  # before reading anything: a learner's request touches nothing
            return json_response(fn(self, parse_json_body(request, MAX_STUDIO_BYTES)))
        except ContentRejected as exc:
            return json_response({"error": exc.translate(gettext),
                                  "errors": [describe_error(e, gettext) for e in exc.errors]}, status=400)
        except InputError as exc:
            return json_response({"error": exc.translate(gettext), "errors": []}, status=error_status(exc))
    return wrapper


def describe_error(error, gettext):
    """A translated message plus where it is, so the editor can mark the row and field."""
    location = getattr(error, "location", "") or ""
    found, general = _LOCATION.match(location), _GENERAL.match(location)
    where = {"kind": found.group(1), "id": found.group(2) or "", "index": int(found.group(3) or 0),
             "field": (found.group(4) or "")} if found else {"kind": "general", "field": general.group(1)} \
        if general else {}
    # "text" is the message without the location: the editor names the row as authors see it ("Step 3 (Placing)").
    return dict(where, message=error.translate(gettext), text=TranslatableError.translate(error, gettext))


def draft_timeline(data):
    """The :class:`Timeline` in an editor request (``timeline`` dict or ``olx`` text), normalised.

    Raises :class:`ContentRejected` with every problem found (structure first, then rules).
    """
    try:
        if isinstance(data.get("olx"), str):
            timeline = olx.parse_string(data["olx"], "OLX")
        elif isinstance(data.get("timeline"), dict):
            timeline = from_dict(data["timeline"])
            _normalise_rich(timeline)
        else:
            raise InputError(N_("The request must contain “timeline” or “olx”."))
    except ContentError as exc:
        raise ContentRejected([exc]) from exc
    return timeline


def editor_data(timeline):
    """The draft the editor's form edits: :meth:`Timeline.to_dict` with ``max_attempts`` as its digits.

    Every list and object the form indexes is present (``to_dict`` writes them all). The number travels
    as text because a JavaScript number turns 10**21 into "1e+21" and 2**53 + 1 into 2**53: the form
    could then neither show it as the OLX wrote it nor send it back (``from_dict`` reads digit strings).
    """
    data = timeline.to_dict()
    data["max_attempts"] = str(timeline.max_attempts)
    return data


def _normalise_rich(timeline):
    """Textareas may hold HTML such as ``<br>``: store it as well-formed XHTML."""
    timeline.review = olx.normalise_fragment(timeline.review)
    for actor in timeline.actors:
        actor.description = olx.normalise_fragment(actor.description)
    for step in timeline.steps():
        for name in _RICH_FIELDS:
            setattr(step, name, olx.normalise_fragment(getattr(step, name)))


def _settings(data):
    """Validated settings from the editor (raise before anything is saved)."""
    display_name = data.get("display_name", "")
    if not isinstance(display_name, str) or len(display_name) > 500:
        raise InputError(N_("“{key}” must be text."), key="display_name")
    weight = data.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or not math.isfinite(weight) \
            or weight < 0:
        raise InputError(N_("The weight must be a number of at least 0."))
    for key in ("quiz_only", "use_default"):
        if not isinstance(data.get(key, False), bool):
            raise InputError(N_("“{key}” must be true or false."), key=key)
    return display_name.strip(), float(weight), data.get("quiz_only", False), data.get("use_default", False)


class StudioMixin:
    """The structured editor and its handlers."""

    def studio_view(self, context=None):  # pylint: disable=unused-argument
        """The editor: actors, paths, phases and steps, quizzes, an OLX tab and a live preview."""
        translator = self.translator()
        timeline = copy.copy(self.load_timeline())  # shared model: change a copy
        if self.fields["display_name"].is_set_on(self) or not timeline.display_name:
            timeline.display_name = read_field(self, "display_name") or ""
        dom = self.dom_id("ated")
        # The draft holds author text, so it travels in a json_script element (which escapes <, > and &),
        # never in the init arguments: runtimes put those in a <script> with plain json.dumps.
        init = {"draft": dom + "-draft", "usesDefault": self.uses_default_content(), "quizOnly": self.quiz_only,
                "weight": self.weight, "strings": editor_strings(translator.gettext)}
        context = {"id": dom, "t": init["strings"], "draft": editor_data(timeline), "draft_id": init["draft"]}
        return self.fragment("studio_view.html", context, css=STUDIO_CSS, js=STUDIO_JS,
                             js_class="AsylumTimelineEditor", init=init)

    @studio_api
    def studio_submit(self, data):
        """Save the editor's draft (all fields or none)."""
        display_name, weight, quiz_only, use_default = _settings(data)
        timeline = None if use_default else draft_timeline(data)
        errors = validate(timeline) if timeline is not None else []
        if errors:
            raise ContentRejected(errors)
        if timeline is not None and timeline.is_empty():
            raise ContentRejected([ContentError(N_("add at least one phase with a step, or use the default content"),
                                                location="timeline")])
        # Everything is valid: now write.
        if timeline is not None and timeline.display_name:
            display_name = timeline.display_name
        if display_name:
            self.display_name = display_name
        else:
            del self.display_name
        # Only what changed is set, so untouched settings keep following their defaults (and OLX stays small).
        if weight != self.weight:
            self.weight = weight
        if quiz_only != self.quiz_only:
            self.quiz_only = quiz_only
        if timeline is None:
            self.timeline_data = {}
        else:
            timeline.display_name = ""
            self.timeline_data = timeline.to_dict()
        return {"saved": True}

    @studio_api
    def studio_preview(self, data):
        """The learner view of a draft (nothing saved) plus the draft's problems."""
        gettext = self.translator().gettext
        try:
            timeline = content.default_timeline() if data.get("use_default") else draft_timeline(data)
        except ContentRejected as exc:  # a draft with problems is normal while editing: report, don't fail
            return {"errors": [describe_error(e, gettext) for e in exc.errors]}
        # Shown even while rules are broken (a step without an actor yet): the view skips what does not resolve.
        quiz_only = data.get("quiz_only") is True
        summary = progress.summary(progress.empty_state(), timeline, quiz_only)
        frag = self.learner_fragment(timeline, summary, author=True, preview=True, dom=self.dom_id("atpv"),
                                     title=timeline.display_name or None, quiz_only=quiz_only)
        # The platform rewrites /static/ URLs in fragments, not in handler replies: done here.
        return {"errors": [describe_error(e, gettext) for e in validate(timeline)],
                "html": rewrite_html(self, frag.body_html()), "init": frag.json_init_args}

    @studio_api
    def studio_convert(self, data):
        """Draft -> OLX text (``timeline`` given), or OLX text -> draft (``olx`` given).

        OLX that cannot be read answers ``{"errors": [...]}`` without ``timeline``.
        """
        gettext = self.translator().gettext
        try:
            timeline = draft_timeline(data)
        except ContentRejected as exc:
            return {"errors": [describe_error(e, gettext) for e in exc.errors]}
        if "olx" in data:
            return {"timeline": editor_data(timeline),
                    "errors": [describe_error(e, gettext) for e in validate(timeline)]}
        return {"olx": olx.to_string(timeline)}
