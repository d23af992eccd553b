"""The learner's JSON handlers (DESIGN.md): read the state once, apply a pure rule, write once.

Every rule raises :class:`InputError` before anything is written, so a refused request (HTTP 400
with a translated message) leaves the stored state exactly as it was.
"""
from ..common.handlers import json_api
from . import progress


class LearnerHandlersMixin:
    """``view_step``, ``submit_order``, ``submit_match`` and ``student_view_user_state``."""

    @json_api()
    def view_step(self, data):
        """``{"step_id": "..."}`` -> the viewed steps and ``completed``."""
        timeline = self.load_timeline()
        before = self.read_state()
        after = progress.view_step(before, timeline, data.get("step_id"))
        after, just_completed = progress.update_completion(after, timeline, self.quiz_only)
        if after != before:
            self.write_state(after)
            if len(after["viewed"]) != len(before["viewed"]):
                self.publish_analytics("step_viewed", {
                    "step_id": data["step_id"], "steps_seen": len(progress.steps_seen(after, timeline)),
                    "steps_total": len(timeline.step_map())})
            self.publish_progress(timeline, before, after, just_completed)
        return progress.summary(after, timeline, self.quiz_only)

    @json_api()
    def submit_order(self, data):
        """``{"order": [step ids], "quiz": optional id}`` -> per-position correctness and score."""
        timeline = self.load_timeline()
        order = data.get("order")
        quiz_id, quiz = progress.choose_quiz(timeline, "order", data.get("quiz"),
                                             order if isinstance(order, list) else [])
        correct = progress.grade_order(quiz, order)
        return self._record(timeline, quiz_id, "order", list(order), correct)

    @json_api()
    def submit_match(self, data):
        """``{"answers": {step id: actor id}, "quiz": optional id}`` -> per-step correctness and score."""
        timeline = self.load_timeline()
        answers = data.get("answers")
        quiz_id, quiz = progress.choose_quiz(timeline, "match", data.get("quiz"),
                                             list(answers) if isinstance(answers, dict) else [])
        correct = progress.grade_match(quiz, timeline, answers)
        return self._record(timeline, quiz_id, "match", dict(answers), correct)

    def _record(self, timeline, quiz_id, kind, answer, correct):
        before = self.read_state()
        progress.check_attempt_allowed(before, timeline, quiz_id)  # before anything is written
        after = progress.record_attempt(before, quiz_id, answer, correct)
        after, just_completed = progress.update_completion(after, timeline, self.quiz_only)
        self.write_state(after)
        entry = after["quizzes"][quiz_id]
        values = list(correct.values()) if isinstance(correct, dict) else list(correct)
        self.publish_analytics("quiz_submitted", {
            "quiz": quiz_id, "kind": kind, "right": sum(values), "total": len(values),
            "score": entry["last"], "best": entry["best"], "attempts": entry["attempts"]})
        self.publish_progress(timeline, before, after, just_completed)
        reply = progress.summary(after, timeline, self.quiz_only)
        # What the learner is told about this attempt follows the feedback mode (progress.quiz_view).
        reply.update(progress.quiz_view(timeline, entry), quiz=quiz_id, kind=kind)
        return reply

    @json_api(method="GET")
    def student_view_user_state(self, data):  # pylint: disable=unused-argument
        """The learner's state: viewed steps, quiz results (best, last answer), score, completed."""
        return progress.summary(self.read_state(), self.load_timeline(), self.quiz_only)
