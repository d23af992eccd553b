"""The ``asylum_timeline`` XBlock: fields, views and OLX. Glue only; the rules live in
:mod:`.timeline` (content) and :mod:`.progress` (learner state, scoring, completion)."""
import logging
import os

from xblock.completable import XBlockCompletionMode
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, List, Scope, String
from xblock.scorable import ScorableXBlockMixin, Score
from xblock.validation import ValidationMessage

from ..common.authoring import SERVICE as PERMISSIONS_SERVICE
from ..common.errors import N_, ContentError
from ..common.fragments import HTTP_JS
from ..common.mixins import BlockHelpersMixin
from ..common.stored import read_field
from ..common.static_urls import SERVICE as URLS_SERVICE
from ..common.xmlsafe import resolve_pointer
from . import content, olx, progress, rendering, viewmodel
from .apis import PlatformApisMixin
from .handlers import LearnerHandlersMixin
from .scenarios import scenarios
from .studio import StudioMixin
from .timeline import from_dict, validate

_ = N_
log = logging.getLogger(__name__)
CSS = ["static/css/asylum_timeline.css"]
JS = [HTTP_JS, "static/js/at_util.js", "static/js/at_explore.js", "static/js/at_quiz.js", "static/js/at_main.js"]


@XBlock.needs("i18n")
@XBlock.wants("user")
@XBlock.wants(URLS_SERVICE)
@XBlock.wants(PERMISSIONS_SERVICE)
class AsylumTimelineBlock(StudioMixin, LearnerHandlersMixin, PlatformApisMixin, ScorableXBlockMixin,
                          BlockHelpersMixin, XBlock):
    """The Swedish asylum process as an explorable, quizzable timeline."""

    BLOCK_DIR = os.path.dirname(__file__)
    completion_mode = XBlockCompletionMode.COMPLETABLE
    has_custom_completion = True
    has_score = True
    icon_class = "problem"
    #: Studio's unit page shows ``author_view`` (the timeline in preview mode, saving nothing, with the
    #: reviewers' notes) instead of the learner view, whose clicks would record steps for the author.
    has_author_view = True

    display_name = String(display_name=_("Display name"), default=_("The asylum process"),
                          scope=Scope.settings)
    timeline_data = Dict(display_name=_("Timeline"), default={}, scope=Scope.content,
                         help=_("The timeline; empty means the package's default content."))
    quiz_only = Boolean(display_name=_("Quizzes only"), default=False, scope=Scope.settings,
                        help=_("Show only the quizzes, not the timeline itself."))
    weight = Float(display_name=_("Problem weight"), default=1.0, values={"min": 0}, scope=Scope.settings)

    viewed = List(default=[], scope=Scope.user_state, help="Ids of the steps the learner opened.")
    quiz_results = Dict(default={}, scope=Scope.user_state, help="Best score and last answer per quiz.")
    completed = Boolean(default=False, scope=Scope.user_state, help="Completion was published.")
    raw_earned = Float(default=0.0, scope=Scope.user_state, help="Last published raw score.")

    # -- content --------------------------------------------------------------------------------

    def uses_default_content(self):
        return not read_field(self, "timeline_data")

    def stored_content(self):
        """(stored timeline data made safe, its version); (None, the default content's version) when empty.
        Read once per view: the data is copied by ``read_field`` and hashed for the version."""
        data = read_field(self, "timeline_data")
        if not data:
            return None, content.default_version()
        return data, rendering.content_key(data)

    def content_version(self):
        """A key that changes whenever the content does (cache key for models and markup)."""
        return self.stored_content()[1]

    def load_timeline(self, stored=None):
        """The content as a model (shared, read-only): the stored timeline, else the default content.
        ``stored``: :meth:`stored_content`'s answer, when the caller has it already."""
        data, version = stored or self.stored_content()
        if data is None:
            return content.default_timeline()
        try:
            return rendering.stored_timeline(data, version)
        except ContentError:
            # Stored content no version of ours wrote: show an empty timeline (Studio's validation and
            # the editor still open, so an author can repair it) rather than fail for every learner.
            log.warning("asylum_timeline %s: stored timeline_data cannot be read", self.scope_ids.usage_id)
            return from_dict({})

    def timeline_title(self, timeline):
        """The block's display name; the default content brings its own when none was set."""
        if timeline.display_name and not self.fields["display_name"].is_set_on(self):  # (is_set_on may ask storage)
            return timeline.display_name
        name = read_field(self, "display_name")
        return self.translator().gettext(name) if name else ""

    # -- learner state (read once, write once) --------------------------------------------------

    def read_state(self):
        return progress.normalise_state(*(read_field(self, name) for name in ("viewed", "quiz_results",
                                                                              "completed")))

    def write_state(self, state):
        self.viewed = list(state["viewed"])
        self.quiz_results = dict(state["quizzes"])
        self.completed = bool(state["completed"])

    # -- views ----------------------------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner view: swim lanes or a stepper, details, filters, progress and quizzes."""
        return self._learner_fragment(author=False)

    def author_view(self, context=None):  # pylint: disable=unused-argument
        """What authors see in Studio: the learner view plus the reviewers' notes, saving nothing."""
        return self._learner_fragment(author=True)

    def _learner_fragment(self, author):
        stored = self.stored_content()
        timeline = self.load_timeline(stored)
        summary = progress.summary(self.read_state(), timeline, self.quiz_only)
        return self.learner_fragment(timeline, summary, author=author, preview=author, version=stored[1])

    def learner_fragment(self, timeline, summary, author=False, preview=False, dom=None, title=None,
                         quiz_only=None, version=None):
        """The learner view of ``timeline`` (also the Studio editor's live preview of a draft).

        ``version`` (see :meth:`content_version`) lets the step list's markup be reused; None renders it anew.
        """
        translator = self.translator()
        dom = dom or self.dom_id("at")
        quiz_only = self.quiz_only if quiz_only is None else quiz_only
        context = viewmodel.learner_view(timeline, summary, translator.gettext, dom,
                                         title=title or self.timeline_title(timeline), author=author,
                                         quiz_only=quiz_only)
        # The step list and the quizzes are the same for every learner: rendered once per content
        # version, language and block (the learner's progress and answers are applied by the JavaScript).
        shared = (version, translator.language, dom, author)
        if not quiz_only:
            context["steps_html"] = rendering.shared_markup(
                "steps", *shared, lambda: viewmodel.steps_view(timeline, translator.gettext, dom, author,
                                                               translator.ngettext))
        context["quizzes_html"] = rendering.shared_markup(
            "quizzes", *shared, lambda: viewmodel.quiz_views(timeline, dom, translator.gettext))
        # The data travels in a json_script element (<, > and & escaped), not in the init arguments, which
        # runtimes write into a <script> with plain json.dumps: "</script>" in any id would break out.
        context["init"] = {"state": summary, "preview": preview, "strings": viewmodel.strings(translator.gettext),
                           "quizOnly": quiz_only}
        context["init_id"] = dom + "-data"
        return self.fragment(None, rendering.page_markup(context), css=CSS, js=JS,
                             js_class="AsylumTimelineBlock", init={"data": context["init_id"]})

    # -- scoring (ScorableXBlockMixin) and completion --------------------------------------------

    def max_score(self):
        return progress.score(progress.empty_state(), self.load_timeline())[1]

    def has_submitted_answer(self):
        return bool(self.quiz_results) or self.completed

    def get_score(self):
        return Score(raw_earned=self.raw_earned, raw_possible=self.max_score())

    def set_score(self, score):
        self.raw_earned = score.raw_earned

    def calculate_score(self):
        earned, possible = progress.score(self.read_state(), self.load_timeline())
        return Score(raw_earned=earned, raw_possible=possible)

    def publish_progress(self, timeline, before, after, just_completed):
        """Publish grade (never lower) and, once, completion; then the analytics event."""
        earned, possible = progress.score(after, timeline)
        if earned > self.raw_earned or (after["quizzes"] != before["quizzes"]):
            earned = max(earned, self.raw_earned)
            self.set_score(Score(raw_earned=earned, raw_possible=possible))
            self._publish_grade(Score(raw_earned=earned, raw_possible=possible))
        if just_completed:
            self.runtime.publish(self, "completion", {"completion": 1.0})
            self.publish_analytics("completed", {"steps_total": len(timeline.step_map())})

    def publish_analytics(self, name, data):
        """Namespaced analytics events: ``edx.bemotande.asylum_timeline.<name>``."""
        self.runtime.publish(self, "edx.bemotande.asylum_timeline." + name, data)

    # -- Studio validation ------------------------------------------------------------------------

    def validate(self):
        """Content problems shown by Studio (and the course build) before publishing."""
        result = super().validate()
        gettext = self.translator().gettext
        for error in validate(self.load_timeline()):
            result.add(ValidationMessage(ValidationMessage.ERROR, error.translate(gettext)))
        return result

    # -- OLX --------------------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):  # pylint: disable=unused-argument
        """Settings from the root's attributes; the timeline from its children (none: default content)."""
        block = runtime.construct_xblock_from_class(cls, keys)
        node, filename = resolve_pointer(node, runtime)
        for name, value in node.items():
            field = block.fields.get(name)
            if field is not None and field.scope in (Scope.settings, Scope.content) and name != "timeline_data":
                setattr(block, name, field.from_string(value))
        if any(isinstance(child.tag, str) for child in node):
            timeline = olx.parse(node, filename=filename or keys.block_type)
            timeline.display_name = ""  # kept in the display_name field
            block.timeline_data = timeline.to_dict()
        return block

    def add_xml_to_node(self, node):
        """Write the same shape back: settings as attributes, the timeline (if any) as children."""
        node.tag = self.xml_element_name()
        for name in ("display_name", "quiz_only", "weight"):
            field = self.fields[name]
            if field.is_set_on(self):
                node.set(name, field.to_string(field.read_from(self)))
        if not self.uses_default_content():
            olx.export(from_dict(self.timeline_data), root=node)

    @staticmethod
    def workbench_scenarios():
        """Scenarios shown in the XBlock workbench (index 0 default, 1 custom, 2 quizzes only)."""
        return scenarios()
