"""video_lesson XBlock (foundation skeleton; completed in its own issue)."""
import os

from xblock.core import XBlock
from xblock.fields import Scope, String

from ..common.errors import N_
from ..common.mixins import BlockHelpersMixin

_ = N_


@XBlock.wants("i18n")
class VideoLessonBlock(BlockHelpersMixin, XBlock):
    """A filmed lesson with reflection questions that pause the video."""

    BLOCK_DIR = os.path.dirname(__file__)

    display_name = String(display_name=_("Display name"), default=_("Video lesson"),
                          scope=Scope.settings)

    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner view."""
        t = self.translator()
        return self.fragment("student_view.html", {
            "id": self.dom_id("vl"), "title": t.gettext(self.display_name),
        }, css=["static/css/video_lesson.css"])

    @staticmethod
    def workbench_scenarios():
        """Scenarios shown in the XBlock workbench."""
        return [("video_lesson: skeleton", '<video_lesson display_name="Kulturmöten i vardagen"/>')]
