"""asylum_timeline XBlock (foundation skeleton; completed in its own issue)."""
import os

from xblock.core import XBlock
from xblock.fields import Scope, String

from ..common.errors import N_
from ..common.mixins import BlockHelpersMixin

_ = N_


@XBlock.wants("i18n")
class AsylumTimelineBlock(BlockHelpersMixin, XBlock):
    """The Swedish asylum process as an explorable, quizzable timeline."""

    BLOCK_DIR = os.path.dirname(__file__)

    display_name = String(display_name=_("Display name"), default=_("The asylum process"),
                          scope=Scope.settings)

    def student_view(self, context=None):  # pylint: disable=unused-argument
        """The learner view."""
        t = self.translator()
        return self.fragment("student_view.html", {
            "id": self.dom_id("at"), "title": t.gettext(self.display_name),
        }, css=["static/css/asylum_timeline.css"])

    @staticmethod
    def workbench_scenarios():
        """Scenarios shown in the XBlock workbench."""
        return [("asylum_timeline: skeleton", '<asylum_timeline display_name="Asylprocessen steg för steg"/>')]
