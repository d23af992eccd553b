"""The ``self_assessment`` XBlock: fields, views, handlers and OLX (glue; the rules are in :mod:`.assessment`).

The learner's answers live in ``Scope.user_state`` (the primary copy). A copy of every submitted
measurement goes to the ``measurements`` preference (``Scope.preferences``: one value per learner and
block type, across courses), keyed ``"<course key>|<series>|<role>"``, where an ``after`` block of the
same series and course reads the ``before`` answers. Two blocks may write that one preference at the
same time (the last write wins), so every view and handler call re-publishes this block's answers when
the preference copy is missing or differs (:func:`.assessment.needs_publishing`).
"""
import logging
import os
from datetime import UTC, datetime

from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.exceptions import InvalidScopeError
from xblock.fields import Boolean, Dict, List, Scope, String
from xblock.validation import ValidationMessage

from ..common.authoring import SERVICE as PERMISSIONS_SERVICE
from ..common.errors import N_, InputError, TranslatableError
from ..common.handlers import json_api
from ..common.mixins import BlockHelpersMixin
from ..common.sanitize import sanitize_html
from ..common.static_urls import SERVICE as URLS_SERVICE
from ..common.static_urls import rewrite_html
from ..common.stored import read_field
from ..common.xmlsafe import resolve_pointer
from . import assessment as rules
from . import olx, report, scenarios, views
from .studio import StudioMixin

_ = N_
log = logging.getLogger(__name__)
EVENT_PREFIX = "edx.bemotande.self_assessment."
CONTENT_FIELDS = ("display_name", "series", "role", "intro", "levels", "statements")


@XBlock.wants("i18n")
@XBlock.wants(URLS_SERVICE)
@XBlock.wants(PERMISSIONS_SERVICE)
class SelfAssessmentBlock(StudioMixin, BlockHelpersMixin, XBlock):
    """A self-assessment: the learner rates statements; an ``after`` block shows the change since ``before``."""

    BLOCK_DIR = os.path.dirname(__file__)
    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    has_score = False
    icon_class = "problem"
    has_author_view = True

    display_name = String(display_name=_("Display name"), default=_("Self-assessment"), scope=Scope.settings)
    series = String(display_name=_("Series"), default=rules.DEFAULT_SERIES, scope=Scope.settings,
                    help=_("Self-assessments with the same series name in a course are compared."))
    role = String(display_name=_("Role"), default=rules.DEFAULT_ROLE, scope=Scope.settings,
                  values=[{"value": "before", "display_name": _("First assessment")},
                          {"value": "after", "display_name": _("Compare with the first")}])
    intro = String(display_name=_("Introduction"), default="", scope=Scope.content)
    levels = List(display_name=_("Levels"), default=[], scope=Scope.content, help=_("Empty: the default levels."))
    statements = List(display_name=_("Statements"), default=[], scope=Scope.content,
                      help=_("Empty: the default statements."))

    answers = Dict(default={}, scope=Scope.user_state, help="The learner's level per statement key.")
    submitted_at = String(default="", scope=Scope.user_state, help="When the answers were last submitted.")
    completed = Boolean(default=False, scope=Scope.user_state, help="Completion was published.")
    measurements = Dict(default={}, scope=Scope.preferences,
                        help="Copies of submitted answers: '<course>|<series>|<role>' -> {answers, at}.")

    # -- content and state ------------------------------------------------------------------------

    def assessment(self):
        """The content as an :class:`~.assessment.Assessment` (stored junk skipped, never raises)."""
        return rules.Assessment.from_fields(**{name: read_field(self, name) for name in CONTENT_FIELDS})

    def store_assessment(self, model):
        for name, value in model.to_fields().items():
            setattr(self, name, value)

    def course_key(self):
        """The course (or library) of this block as text; "" where usage ids have none (the workbench)."""
        context = getattr(self.scope_ids.usage_id, "context_key", None)
        return str(context) if context is not None else ""

    def _key(self, model, role=None):
        return rules.measurement_key(self.course_key(), model.series, role or model.role)

    def _measurements(self):
        return read_field(self, "measurements")

    def _own_answers(self, model):
        return rules.clean_answers(model, read_field(self, "answers"))

    def _before_answers(self, model):
        """For an ``after`` block: the ``before`` answers of the same series in this course ({} if none)."""
        return rules.stored_measurement(model, self._measurements(), self._key(model, "before"))

    def _publish_measurement(self, model, answers, at):
        stored = self._measurements()
        measurements = dict(stored) if isinstance(stored, dict) else {}
        key = self._key(model)
        if answers:
            measurements[key] = rules.measurement(answers, at)
        else:
            measurements.pop(key, None)
        self.measurements = measurements

    def heal(self, model, save=False):
        """Re-publish this block's answers where the preference copy is missing or differs.

        ``save``: write at once (views; handlers are saved by the runtime). A runtime that keeps
        preferences read-only (Studio's preview) is left alone.
        """
        answers = self._own_answers(model)
        if not rules.needs_publishing(self._measurements(), self._key(model), answers):
            return False
        try:
            self._publish_measurement(model, answers, read_field(self, "submitted_at"))
            if save:
                self.save()
        except (InvalidScopeError, NotImplementedError, TypeError, ValueError):
            log.warning("self_assessment %s: could not re-publish the measurement", self.scope_ids.usage_id)
            return False
        return True

    def state_reply(self, model, answers=None):
        """The learner's state as handlers answer it: answers, submitted_at, comparison, completed, ..."""
        t = self.translator()
        answers = self._own_answers(model) if answers is None else answers
        reply = {"answers": answers, "submitted_at": read_field(self, "submitted_at") if answers else "",
                 "completed": bool(read_field(self, "completed")), "role": model.role,
                 "guidance": {s.key: self.guidance_html(s) for s in model.effective_statements() if s.guidance}}
        if model.role == "after":
            before = self._before_answers(model)
            rows = rules.comparison(model, before, answers) if answers else []
            for row in rows:
                row["change_text"] = rules.change_text(row["change"], t.ngettext, t.gettext)
            reply.update(comparison=rows, earlier_found=bool(before),
                         summary=rules.summary_text(rows, t.ngettext, t.gettext))
        return reply

    def guidance_html(self, statement):
        return rewrite_html(self, sanitize_html(statement.guidance))

    # -- views ----------------------------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner view: a radio group per statement; after submitting, answers or the comparison."""
        model = self.assessment()
        self.heal(model, save=True)
        return self._view(model, preview=False)

    def author_view(self, context=None):  # pylint: disable=unused-argument
        """Studio's preview: the statements and levels, saving nothing."""
        return self._view(self.assessment(), preview=True)

    def _view(self, model, preview):
        t = self.translator()
        state = {"answers": {}, "role": model.role} if preview else self.state_reply(model)
        before = self._before_answers(model) if model.role == "after" and not preview else {}
        context, data_id = views.learner_context(model, state, before, t, self.dom_id("sa"), self.heading(t),
                                              rewrite_html(self, sanitize_html(model.intro)), preview)
        return self.fragment("student_view.html", context, css=views.CSS, js=views.JS,
                             js_class="BemotandeSelfAssessment", init={"data": data_id})

    def heading(self, t):
        name = read_field(self, "display_name")
        return t.gettext(name) if name else t.gettext(_("Self-assessment"))

    # -- learner handlers -------------------------------------------------------------------------

    @json_api()
    def submit_assessment(self, data):
        """``{"answers": {key: level}}`` -> the state (``answers``, ``submitted_at``, ``comparison``, ``completed``)."""
        model = self.assessment()
        answers = rules.check_answers(model, data.get("answers"))  # raises before anything is written
        first = not read_field(self, "completed")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self.answers, self.submitted_at = answers, now
        self._publish_measurement(model, answers, now)
        if first:
            self.completed = True
            self.runtime.publish(self, "completion", {"completion": 1.0})
        self.runtime.publish(self, EVENT_PREFIX + "submitted", {
            "role": model.role, "series": model.series, "statements": len(answers), "first": first})
        return dict(self.state_reply(model, answers), completed=True)

    @json_api()
    def delete_assessment(self, data):  # pylint: disable=unused-argument
        """``{}`` -> removes this block's answers and its preference copy (completion is kept)."""
        model = self.assessment()
        if data:
            raise InputError(N_("This action takes no parameters."))
        had = bool(self._own_answers(model)) or bool(read_field(self, "answers"))
        self.answers, self.submitted_at = {}, ""
        self._publish_measurement(model, {}, "")
        if had:
            self.runtime.publish(self, EVENT_PREFIX + "deleted", {"role": model.role, "series": model.series})
        return dict(self.state_reply(model, {}), deleted=had)

    @json_api(method="GET")
    def student_view_user_state(self, data):  # pylint: disable=unused-argument
        """The current state, in the shape ``submit_assessment`` answers."""
        model = self.assessment()
        self.heal(model)
        return self.state_reply(model)

    # -- platform ---------------------------------------------------------------------------------

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Problem Responses report: one row per learner and answered statement (streamed)."""
        return report.report_rows(self.assessment(), user_state_iterator, limit_responses)

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        """For the mobile apps: levels, statements, role and series (no learner data, no guidance)."""
        model = self.assessment()
        return {"display_name": read_field(self, "display_name"), "role": model.role, "series": model.series,
                "levels": [{"value": i, "label": label} for i, label in enumerate(model.effective_levels(), 1)],
                "statements": [{"key": s.key, "text": s.text} for s in model.effective_statements()]}

    def validate(self):
        """Studio's validation panel: every content problem, translated."""
        result = super().validate()
        gettext = self.translator().gettext
        for error in rules.validate(self.assessment()):
            result.add(ValidationMessage(ValidationMessage.ERROR, TranslatableError.translate(error, gettext)))
        return result

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):  # pylint: disable=unused-argument
        """Read the shape with :func:`olx.parse`; other settings attributes become fields."""
        node, filename = resolve_pointer(node, runtime)
        model = olx.parse(node, filename=filename or keys.block_type)
        block = runtime.construct_xblock_from_class(cls, keys)
        block.store_assessment(model)
        if model.display_name:
            block.display_name = model.display_name
        for name, value in node.items():
            field = block.fields.get(name)
            if name not in olx.ROOT_ATTRIBUTES and field is not None and field.scope in (Scope.settings,
                                                                                         Scope.content):
                setattr(block, name, field.from_string(value))
        return block

    def add_xml_to_node(self, node):
        """Write the same shape back, plus other settings that are set."""
        node.tag = self.xml_element_name()
        model = self.assessment()
        name = read_field(self, "display_name") if self.fields["display_name"].is_set_on(self) else ""
        olx.export(rules.Assessment(**dict(model.__dict__, display_name=name)), node)
        for field_name, field in self.fields.items():
            if field_name in CONTENT_FIELDS or field_name in ("parent", "children") or \
                    field.scope not in (Scope.settings, Scope.content):
                continue
            if field.is_set_on(self):
                node.set(field_name, field.to_string(field.read_from(self)))

    @staticmethod
    def workbench_scenarios():
        """Scenarios shown in the XBlock workbench (0 course start, 1 before + after on one page, 2 course end)."""
        return list(scenarios.SCENARIOS)
