"""The ``video_lesson`` XBlock: fields, views and handlers (glue between the runtime and the model).

Rules live in :mod:`.lesson` (content, validation, completion) and :mod:`.progress` (learner
state transitions); OLX in :mod:`.olx`; view models in :mod:`.views`; the Studio form in
:mod:`.studio`. Each handler reads the learner's state once, passes it to a pure function and
writes the result once; a refused request raises before anything is written.
"""
import os
import time
from datetime import UTC, datetime

from xblock.completable import CompletableXBlockMixin
from xblock.core import XBlock
from xblock.fields import Boolean, Dict, Float, Integer, List, Scope, String
from xblock.validation import ValidationMessage

from ..common.errors import N_, InputError
from ..common.fragments import HTTP_JS
from ..common.authoring import SERVICE as PERMISSIONS_SERVICE
from ..common.authoring import save_editor_form
from ..common.handlers import json_api, require_number, require_string
from ..common.mixins import BlockHelpersMixin
from ..common.sanitize import sanitize_html
from ..common.stored import read_field
from ..common.static_urls import SERVICE as URLS_SERVICE
from ..common.static_urls import rewrite_html, rewrite_url
from ..common.xmlsafe import resolve_pointer
from . import olx, progress, report, scenarios, views
from .lesson import (
    DEFAULT_COMPLETION_PERCENT,
    MAX_DURATION,
    Lesson,
    count_chars,
    count_words,
    parse_watched,
    plain_text,
    validate,
)
from .lesson import warnings as lesson_warnings
from .transcripts import transcript_for_index
from .studio import form_from_lesson, lesson_from_form

_ = N_
EVENT_PREFIX = "edx.bemotande.video_lesson."
#: Events the browser may ask the server to publish (never with learner text).
CLIENT_EVENTS = ("played", "paused", "paused_for_reflection", "reflection_dismissed", "seek_blocked",
                 "speed_changed", "captions_changed", "transcript_used", "recap_downloaded")
STUDIO_MAX_BYTES = 512 * 1024
#: Fields that hold the lesson (written to OLX by :mod:`.olx`, not as plain attributes).
LESSON_FIELDS = ("display_name", "sources", "youtube_id", "tracks", "completion_percent", "duration",
                 "reflections")
STATE_FIELDS = ("position", "watched", "reported_duration", "drafts", "answers", "completed", "progress_clock")
CSS = ["static/css/video_lesson.css"]
JS = [HTTP_JS, "static/js/vl_core.js", "static/js/vl_player.js", "static/js/vl_answer.js",
      "static/js/vl_transcript.js", "static/js/vl_recap.js", "static/js/vl_main.js"]


def _readable_parts(data):
    """``data`` (the lesson's stored fields) without the rows and values that cannot be read."""
    def readable(part):
        try:
            Lesson.from_dict(part)
        except (TypeError, ValueError, AttributeError):
            return False
        return True
    clean = {name: value for name, value in data.items() if readable({name: value})}
    for name in ("sources", "tracks", "reflections"):
        rows = data.get(name)
        if isinstance(rows, list) and name not in clean:
            clean[name] = [row for row in rows if isinstance(row, dict) and readable({name: [row]})]
    return clean


@XBlock.wants("i18n")
@XBlock.wants(URLS_SERVICE)
@XBlock.wants(PERMISSIONS_SERVICE)
class VideoLessonBlock(BlockHelpersMixin, CompletableXBlockMixin, XBlock):
    """A filmed lesson with reflection questions that pause the video."""

    BLOCK_DIR = os.path.dirname(__file__)
    has_score = True
    icon_class = "video"
    has_author_view = True

    display_name = String(display_name=_("Display name"), default=_("Video lesson"), scope=Scope.settings)
    sources = List(display_name=_("Video files"), default=[], scope=Scope.content)
    youtube_id = String(display_name=_("YouTube id"), default="", scope=Scope.content)
    tracks = List(display_name=_("Caption tracks"), default=[], scope=Scope.content)
    reflections = List(display_name=_("Reflection points"), default=[], scope=Scope.content)
    completion_percent = Integer(display_name=_("Completion percentage"), default=DEFAULT_COMPLETION_PERCENT,
                                 scope=Scope.settings)
    duration = Float(display_name=_("Length of the video (seconds)"), default=None, scope=Scope.settings)
    weight = Float(display_name=_("Weight"), default=1.0, scope=Scope.settings, values={"min": 0})

    position = Float(default=0.0, scope=Scope.user_state)
    watched = List(default=[], scope=Scope.user_state)
    reported_duration = Float(default=None, scope=Scope.user_state)
    drafts = Dict(default={}, scope=Scope.user_state)
    answers = Dict(default={}, scope=Scope.user_state)
    completed = Boolean(default=False, scope=Scope.user_state)
    progress_clock = Float(default=None, scope=Scope.user_state)  # see progress.record_progress

    #: Wall time in seconds; the watched-time credit is measured against it (tests set a controllable clock).
    wall_clock = staticmethod(time.time)

    # -- model <-> fields -------------------------------------------------------------------------

    def lesson(self):
        """The lesson as a :class:`Lesson` built from the content and settings fields."""
        data = {name: read_field(self, name) for name in LESSON_FIELDS}
        try:
            return Lesson.from_dict(data)
        except (TypeError, ValueError, AttributeError):  # a stored row no version of ours wrote
            return Lesson.from_dict(_readable_parts(data))

    def _store_lesson(self, lesson):
        for name, value in lesson.to_dict().items():
            setattr(self, name, value)

    def _read_state(self):
        return progress.LearnerState.from_stored(**{name: read_field(self, name) for name in STATE_FIELDS})

    def _write_state(self, old, new):
        before = old.to_stored()
        for name, value in new.to_stored().items():
            if value != before[name]:
                setattr(self, name, value)

    def _commit(self, lesson, old, new):
        """Settle completion, write the state once, then publish what changed."""
        new, newly_completed = progress.settle_completion(lesson, new)
        self._write_state(old, new)
        if newly_completed:
            self.emit_completion(1.0)
            self.runtime.publish(self, "grade", {"value": 1.0, "max_value": 1.0})
            self.runtime.publish(self, EVENT_PREFIX + "completed", {
                "watched_fraction": progress.summary(lesson, new)["watched_fraction"],
                "answered": len(new.answers)})
        return new

    def _title(self, t):
        name = read_field(self, "display_name")
        return t.gettext(name) if name else t.gettext(_("Video lesson"))

    # -- views ------------------------------------------------------------------------------------

    @XBlock.supports("multi_device")
    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner view: player, reflection points, transcript, progress and recap."""
        t = self.translator()
        lesson = self.lesson()
        state = progress.user_state(lesson, self._read_state(), self._guidance)
        dom = self.dom_id("vl")
        ctx, data = views.learner_context(lesson, state, t, dom, t.language, self._title(t))
        ctx["data_json"] = views.json_for_script(data)
        return self.fragment("student_view.html", ctx, css=CSS, js=JS if ctx["ready"] else (),
                             js_class="BemotandeVideoLesson" if ctx["ready"] else None, init={})

    def author_view(self, context=None):  # pylint: disable=unused-argument
        """Studio's preview: the reflection points as a list with times (no player overlay)."""
        t = self.translator()
        return self.fragment("author_view.html", views.author_context(self.lesson(), t, self.dom_id("vla"),
                                                                        self._title(t)), css=CSS)

    def studio_view(self, context=None):  # pylint: disable=unused-argument
        """The editor: a form with a row per video file, caption track and reflection point."""
        t = self.translator()
        dom = self.dom_id("vle")
        ctx, data = views.studio_context(form_from_lesson(self.lesson(), read_field(self, "weight")), t, dom)
        ctx["data_json"] = views.json_for_script(data)
        return self.fragment("studio_view.html", ctx, css=["static/css/video_lesson_studio.css"],
                             js=[HTTP_JS, "static/js/vl_studio.js"], js_class="BemotandeVideoLessonStudio", init={})

    def _guidance(self, reflection):
        """The guidance to reveal: sanitised, ``/static/`` URLs rewritten (it travels in handler replies too)."""
        return rewrite_html(self, sanitize_html(reflection.guidance))

    # -- learner handlers (DESIGN.md) -------------------------------------------------------------

    @json_api()
    def save_progress(self, data):
        """``{"position", "watched": [[start, end], ...], "duration"}`` -> progress summary."""
        lesson = self.lesson()
        position = require_number(data, "position", minimum=0, maximum=MAX_DURATION)
        watched = parse_watched(data.get("watched", []))
        duration = None
        if data.get("duration") is not None:
            duration = require_number(data, "duration", minimum=0, maximum=MAX_DURATION)
        old = self._read_state()
        new = self._commit(lesson, old, progress.record_progress(lesson, old, position, watched, duration,
                                                                 now=self.wall_clock()))
        return progress.summary(lesson, new)

    @json_api()
    def save_draft(self, data):
        """``{"reflection_id", "text"}`` -> stores a draft; counts nothing."""
        lesson = self.lesson()
        reflection_id, text = require_string(data, "reflection_id"), require_string(data, "text")
        old = self._read_state()
        self._write_state(old, progress.record_draft(lesson, old, reflection_id, text))
        return {"saved": True, "reflection_id": reflection_id}

    @json_api()
    def submit_reflection(self, data):
        """``{"reflection_id", "text"}`` -> ``submitted``, the guidance, progress and ``completed``."""
        lesson = self.lesson()
        reflection_id, text = require_string(data, "reflection_id"), require_string(data, "text")
        old = self._read_state()
        now = datetime.now(UTC).isoformat(timespec="seconds")
        new = self._commit(lesson, old, progress.record_submission(lesson, old, reflection_id, text, now))
        item = lesson.reflection(reflection_id)
        self.runtime.publish(self, EVENT_PREFIX + "reflection_submitted", {
            "reflection_id": item.id, "required": item.required, "resubmission": item.id in old.answers,
            "words": count_words(text), "characters": count_chars(text)})
        return dict(progress.summary(lesson, new), submitted=True, reflection_id=item.id, submitted_at=now,
                    guidance=self._guidance(item))

    @json_api()
    def delete_reflection(self, data):
        """``{"reflection_id"}`` -> deletes the learner's submitted answer and draft (docs/PRIVACY.md)."""
        lesson = self.lesson()
        reflection_id = require_string(data, "reflection_id")
        answers, drafts, deleted = progress.forget_reflection(lesson, self.answers, self.drafts, reflection_id)
        if deleted["answer"]:
            self.answers = answers
        if deleted["draft"]:
            self.drafts = drafts
        if deleted["answer"] or deleted["draft"]:
            self.runtime.publish(self, EVENT_PREFIX + "reflection_deleted", dict(deleted, reflection_id=reflection_id))
        return dict(progress.summary(lesson, self._read_state()), reflection_id=reflection_id, deleted=deleted)

    @json_api(method="GET")
    def student_view_user_state(self, data):  # pylint: disable=unused-argument
        """The learner's state (position, watched ranges, drafts, answers, completed) for the mobile app."""
        return progress.user_state(self.lesson(), self._read_state(), self._guidance)

    @json_api()
    def log_event(self, data):
        """Publish an allow-listed analytics event from the browser (positions and ids only)."""
        name = require_string(data, "event")
        if name not in CLIENT_EVENTS:
            raise InputError(N_("Unknown event."))
        payload = {}
        if data.get("position") is not None:
            payload["position"] = round(require_number(data, "position", minimum=0, maximum=MAX_DURATION), 3)
        if data.get("speed") is not None:
            payload["speed"] = require_number(data, "speed", minimum=0.25, maximum=4)
        if data.get("reflection_id") is not None:
            item = self.lesson().reflection(require_string(data, "reflection_id"))
            if item is None:
                raise InputError(N_("There is no such reflection question in this lesson."))
            payload["reflection_id"] = item.id
        if data.get("language") is not None:
            language = require_string(data, "language")
            if language != "off" and language not in {t.srclang for t in self.lesson().tracks}:
                raise InputError(N_("Unknown event."))
            payload["language"] = language
        self.runtime.publish(self, EVENT_PREFIX + name, payload)
        return {"logged": True}

    # -- Studio -----------------------------------------------------------------------------------

    @XBlock.handler
    def studio_submit(self, request, suffix=""):  # pylint: disable=unused-argument
        """Save the editor's form; 400 with every problem (naming its row) and nothing saved."""
        def apply(data):
            lesson, weight, errors = lesson_from_form(data, self.lesson())
            if errors:
                return errors, None
            self._store_lesson(lesson)
            self.weight = weight
            return [], {"saved": True, "form": form_from_lesson(lesson, weight)}
        return save_editor_form(self, request, STUDIO_MAX_BYTES, apply, views.translate_error)

    def validate(self):
        """Studio's validation panel: every content problem, translated."""
        result = super().validate()
        gettext = self.translator().gettext
        for error in validate(self.lesson()):
            result.add(ValidationMessage(ValidationMessage.ERROR, views.translate_error(error, gettext)))
        for warning in lesson_warnings(self.lesson()):
            result.add(ValidationMessage(ValidationMessage.WARNING, views.translate_error(warning, gettext)))
        return result

    # -- OLX --------------------------------------------------------------------------------------

    @classmethod
    def parse_xml(cls, node, runtime, keys, *args, **kwargs):  # pylint: disable=unused-argument
        """Read the DESIGN.md shape with :func:`olx.parse`; other attributes become fields."""
        node, filename = resolve_pointer(node, runtime)
        lesson = olx.parse(node, filename=filename)
        block = runtime.construct_xblock_from_class(cls, keys)
        block._store_lesson(lesson)  # pylint: disable=protected-access
        for name, value in node.items():
            if name not in olx.ROOT_ATTRIBUTES and name not in ("url_name", "xblock-family"):
                cls._set_field_if_present(block, name, value, {})
        return block

    def add_xml_to_node(self, node):
        """Write the DESIGN.md shape with :func:`olx.export`, plus other set settings (e.g. weight)."""
        node.tag = self.xml_element_name()
        node.set("xblock-family", self.entry_point)
        olx.export(self.lesson(), node)
        for name, field in self.fields.items():
            if name in LESSON_FIELDS or name in ("parent", "children") or \
                    field.scope not in (Scope.settings, Scope.content):
                continue
            if field.is_set_on(self) or field.force_export:
                self._add_field(node, name, field)

    # -- platform APIs ----------------------------------------------------------------------------

    def max_score(self):
        """One point for a completed lesson (scaled by ``weight`` in the gradebook)."""
        return 1.0

    def student_view_data(self, context=None):  # pylint: disable=unused-argument
        """For the mobile app: media and reflection points, never learner data or guidance."""
        lesson = self.lesson()
        return {
            "display_name": lesson.display_name, "youtube_id": lesson.youtube_id,
            "sources": [{"src": rewrite_url(self, s.src), "type": s.type} for s in lesson.sources],
            "tracks": [{"kind": t.kind, "srclang": t.srclang, "label": t.label, "src": rewrite_url(self, t.src),
                        "default": t.default} for t in lesson.tracks],
            "duration": lesson.duration, "completion_percent": lesson.completion_percent,
            "reflections": [{"id": r.id, "time": r.time, "required": r.required, "min_words": r.min_words,
                             "max_chars": r.max_chars,
                             "prompt": rewrite_html(self, sanitize_html(r.prompt))}
                            for r in lesson.in_time_order()],
        }

    def index_dictionary(self):
        """Search index: title, every question and, where the caption files are readable, the transcript."""
        base = super().index_dictionary() if hasattr(super(), "index_dictionary") else {}
        lesson = self.lesson()
        content = dict(base.get("content") or {}, display_name=lesson.display_name,
                       reflections=" ".join(plain_text(r.prompt) for r in lesson.in_time_order()))
        transcript = transcript_for_index(self, lesson)
        if transcript:
            content["transcript"] = transcript
        return dict(base, content=content, content_type="Video lesson")

    def generate_report_data(self, user_state_iterator, limit_responses=None):
        """Problem Responses report: one row per learner and answered question (streamed)."""
        return report.report_rows(self.lesson(), user_state_iterator, limit_responses)

    @staticmethod
    def workbench_scenarios():
        """Scenarios shown in the XBlock workbench (index 0: the lesson with several points)."""
        return list(scenarios.SCENARIOS)

