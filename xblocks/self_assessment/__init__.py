"""The ``self_assessment`` XBlock: the learner rates statements; a later block shows the change."""
from .block import SelfAssessmentBlock

__all__ = ["SelfAssessmentBlock"]
