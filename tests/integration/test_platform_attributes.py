"""What the LMS does to every block that the workbench does not: collect named attributes into the
pickled block-structure cache, call a few methods, and mix its own mixins into the block's class.

A method or property of ours with a collected name breaks the course outline, the progress page, the
grades and the Blocks API for the whole course (issue 8: ``AsylumTimelineBlock.title()`` was a method and
``OpenAssessmentDateTransformer`` collects ``title``: ``PicklingError`` in ``block_structure/store.py``).

The names below were read in openedx/edx-platform (master, 2025-2026) on 2026-12-01:

- ``openedx/core/djangoapps/content/block_structure/block_structure.py``: ``_collect_requested_xblock_fields``
  stores ``getattr(xblock, name, None)`` for every requested name; ``store.py`` pickles the result.
- ``lms/djangoapps/courseware/transformers.py`` (OpenAssessmentDateTransformer)
- ``lms/djangoapps/grades/transformer.py`` (GradesTransformer: FIELDS_TO_COLLECT, ``max_score()``)
- ``lms/djangoapps/course_blocks/transformers/``: ``start_date.py``, ``hidden_content.py``, ``visibility.py``,
  ``user_partitions.py``, ``split_test.py``, ``library_content.py``, ``proctored_exams.py``,
  ``load_override_data.py``, ``utils.py`` (``get_field_on_block``)
- ``lms/djangoapps/course_api/blocks/transformers/``: ``blocks_api.py``, ``student_view.py``
  (``student_view_data()`` stored in the cache, ``has_support``), ``block_completion.py``, ``milestones.py``,
  ``navigation.py``, ``block_counts.py``, ``extra_fields.py``, ``__init__.py`` (SUPPORTED_FIELDS)
- ``openedx/features/content_type_gating/block_transformers.py`` (ContentTypeGateTransformer)
- ``openedx/features/effort_estimation/block_transformers.py`` (EffortEstimationTransformer)
- mixins: ``xmodule/x_module.py`` (XModuleFields, XModuleMixin), ``lms/djangoapps/lms_xblock/mixin.py``
  (LmsBlockMixin), ``xmodule/modulestore/inheritance.py`` (InheritanceMixin / InheritableFieldsMixin),
  ``openedx/core/lib/license/mixin.py`` (LicenseMixin), ``xmodule/modulestore/edit_info.py``
  (EditInfoMixin), ``cms/lib/xblock/authoring_mixin.py`` and ``cms/lib/xblock/upstream_sync.py``
  (AuthoringMixin, UpstreamSyncMixin).
"""
import inspect
import pickle

import pytest
from xblock.core import XBlock
from xblock.fields import Field

from xblocks.asylum_timeline import AsylumTimelineBlock
from xblocks.self_assessment import SelfAssessmentBlock
from xblocks.video_lesson import VideoLessonBlock

BLOCKS = [VideoLessonBlock, AsylumTimelineBlock, SelfAssessmentBlock]

# Names the block-structure transformers read with getattr and pickle into the cache.
COLLECTED = {
    # OpenAssessmentDateTransformer
    "valid_assessments", "submission_start", "submission_due", "title", "graded", "format", "has_score",
    # GradesTransformer
    "due", "weight", "course_version", "subtree_edited_on", "show_correctness",
    # BlocksAPITransformer, StudentViewTransformer, BlockCounts, Navigation, ExtraFields
    "display_name", "category", "hide_from_toc",
    # StartDate, HiddenContent, Visibility, UserPartitions, SplitTest, LibraryContent, LoadOverrideData
    "start", "days_early_for_beta", "hide_after_due", "self_paced", "end", "visible_to_staff_only",
    "group_access", "user_partitions", "split_test_partition", "max_count", "mode", "children",
    # Milestones / special exams / proctoring
    "is_proctored_enabled", "is_practice_exam", "is_timed_exam", "entrance_exam_id", "is_onboarding_exam",
    "is_time_limited", "default_time_limit_minutes", "exam_review_rules", "hide_after_due",
    # BlockCompletionTransformer and completion's aggregation
    "completion_mode", "has_custom_completion",
    # ContentTypeGateTransformer
    # ("group_access", "graded", "has_score", "weight" above)
    # EffortEstimationTransformer
    "global_speed", "only_on_web", "effort_time", "effort_activities",
    # what the outline / Blocks API / course_home serialise as block fields
    "icon_class", "has_scheduled_content", "special_exam_info", "other_course_settings",
}

# Names the platform *calls* (so they must be methods): GradesTransformer._collect_max_score,
# StudentViewTransformer.collect (the reply is pickled into the cache too), the Problem Responses report.
CALLED = {"max_score", "student_view_data", "generate_report_data"}

# Every attribute the platform's XBlock mixins define (fields, properties, methods).
MIXIN_NAMES = {
    # XModuleFields, XModuleMixin
    "display_name", "has_score", "show_in_read_only_mode", "always_recalculate_grades", "icon_class",
    "xmodule_runtime", "runtime", "system", "course_id", "category", "location", "url_name",
    "display_name_with_default", "display_name_with_default_escaped", "tooltip_title", "xblock_kvs",
    "add_aside", "get_asides", "get_explicitly_set_fields_by_scope", "has_children_at_depth",
    "get_content_titles", "get_children", "get_child", "get_required_block_descriptors", "get_child_by",
    "get_icon_class", "has_dynamic_children", "get_score", "max_score", "get_progress", "bind_for_student",
    "non_editable_metadata_fields", "editable_metadata_fields", "public_view",
    # LmsBlockMixin
    "hide_from_toc", "format", "chrome", "default_tab", "source_file", "visible_to_staff_only",
    "group_access", "merged_group_access", "user_partitions", "validate",
    # InheritanceMixin (inheritable fields: a course-level value flows into a block field of the same name)
    "graded", "start", "due", "relative_weeks_due", "course_edit_method", "giturl", "xqa_key",
    "graceperiod", "showanswer", "show_correctness", "rerandomize", "days_early_for_beta",
    "static_asset_path", "use_latex_compiler", "max_attempts", "matlab_api_key", "video_speed_optimizations",
    "video_auto_advance", "video_bumper", "show_reset_button", "edxnotes", "edxnotes_visibility",
    "in_entrance_exam", "self_paced", "close_date", "course_end_date", "is_past_due", "has_deadline_passed",
    # LicenseMixin
    "license", "parse_license_from_xml", "add_license_to_xml",
    # EditInfoMixin
    "edited_by", "edited_on", "subtree_edited_by", "subtree_edited_on", "published_by", "published_on",
    # AuthoringMixin, UpstreamSyncMixin (libraries)
    "visibility_view", "copied_from_block", "upstream", "upstream_version", "upstream_version_declined",
    "upstream_display_name", "upstream_display_name_declined", "downstream_customized",
    "top_level_downstream_parent_key",
}

# Names of ours that the mixins also define, on purpose. Each with the reason.
ON_PURPOSE = {
    "display_name": "a String field with our own default, as every block overrides XModuleFields'",
    "has_score": "class flag True: both blocks publish a grade (XModuleMixin's default is False)",
    "icon_class": "class constant the outline reads ('video', 'problem'), exactly its purpose",
    "max_score": "ScorableXBlockMixin / grades API: the platform calls it",
    "get_score": "ScorableXBlockMixin's contract (timeline): the platform's rescoring calls it",
    "validate": "Studio validation messages; calls super() so LmsBlockMixin's access checks still run",
    "max_attempts": "the timeline quiz's attempt limit: an inheritable platform setting on purpose, so a "
                    "course-wide 'Maximum Attempts' applies to our quizzes as it does to problems",
}


def _owner(cls, name):
    """The class in ``cls``'s MRO whose own namespace defines ``name`` (or None)."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass
    return None


def _ours(klass):
    return klass is not None and klass.__module__.startswith("xblocks.")


@pytest.mark.parametrize("cls", BLOCKS, ids=lambda c: c.__name__)
def test_no_collected_name_is_a_method_or_property_of_ours(cls):
    bad = []
    for name in sorted(COLLECTED):
        owner = _owner(cls, name)
        if not _ours(owner):
            continue
        value = inspect.getattr_static(owner, name)
        if isinstance(value, Field):
            continue
        if callable(value) or isinstance(value, (property, staticmethod, classmethod)) or hasattr(value, "__get__"):
            bad.append("{}.{} ({})".format(owner.__name__, name, type(value).__name__))
    assert bad == [], "the LMS collects these names with getattr and pickles them: " + ", ".join(bad)


@pytest.mark.parametrize("cls", BLOCKS, ids=lambda c: c.__name__)
def test_called_names_are_methods(cls):
    for name in CALLED & set(dir(cls)):
        assert callable(getattr(cls, name)), name


@pytest.mark.parametrize("cls", BLOCKS, ids=lambda c: c.__name__)
def test_no_attribute_of_ours_shadows_a_platform_mixin_by_accident(cls):
    ours = set()
    for klass in cls.__mro__:
        if _ours(klass):
            ours |= set(vars(klass))
    shadowing = sorted((ours & MIXIN_NAMES) - set(ON_PURPOSE))
    assert shadowing == [], "these names are defined by the platform's XBlock mixins: " + ", ".join(shadowing)


OLX = {
    "video_lesson (course-like)": """
        <video_lesson display_name="Kulturmöten" completion_percent="90" duration="40">
          <source src="/static/video/clip.webm" type="video/webm"/>
          <track kind="captions" srclang="sv" label="Svenska" src="/static/video/clip.sv.vtt" default="true"/>
          <reflection id="forsta" time="0:10" required="true" min_words="2">
            <prompt>Tänk på ett första möte.</prompt><guidance>Bra.</guidance>
          </reflection>
        </video_lesson>""",
    "video_lesson (empty)": "<video_lesson/>",
    "asylum_timeline (default content)": "<asylum_timeline/>",
    "asylum_timeline (display name set)": '<asylum_timeline display_name="Asylprocessen"/>',
    "self_assessment (empty)": "<self_assessment/>",
    "self_assessment (after, course-like)": """
        <self_assessment display_name="Självskattning vid kursslut" series="kursen" role="after">
          <level value="1">Osäker</level><level value="2">Trygg</level>
          <statement key="tolk"><text>Att tala med tolk.</text><guidance>Se modul 5.</guidance></statement>
        </self_assessment>""",
}


def _collect_like_the_lms(block):
    """What ``BlockStructureBlockData`` holds for one block, plus the transformer fields it stores."""
    collected = {name: getattr(block, name, None) for name in sorted(COLLECTED)}
    if getattr(block, "has_score", False):
        collected["<max_score()>"] = block.max_score()
    if getattr(block, "student_view_data", None):
        collected["<student_view_data()>"] = block.student_view_data()
    student_view = getattr(block.__class__, "student_view", None)
    collected["<multi_device>"] = block.has_support(student_view, "multi_device")
    return collected


@pytest.mark.parametrize("olx", list(OLX.values()), ids=list(OLX))
def test_what_the_lms_collects_pickles(harness, olx):
    block = harness.load(olx)
    collected = _collect_like_the_lms(block)
    unpicklable = []
    for name, value in collected.items():
        try:
            pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001  (any failure here is the crash the LMS logs)
            unpicklable.append("{}: {!r} ({})".format(name, value, exc))
    assert unpicklable == []
    # the whole structure, as store.py pickles it
    assert pickle.loads(pickle.dumps(collected)) == collected


@pytest.mark.parametrize("olx", list(OLX.values()), ids=list(OLX))
def test_collected_values_are_plain_data(harness, olx):
    """No bound method or block instance travels into the cache (it could not be unpickled elsewhere)."""
    block = harness.load(olx)
    for name, value in _collect_like_the_lms(block).items():
        assert not inspect.ismethod(value) and not isinstance(value, XBlock), name
