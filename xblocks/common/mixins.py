"""A small mixin our blocks use for translations, fragments and OLX text (glue only, no rules)."""
from lxml import etree

from .fragments import build_fragment, client_key, dom_id
from .i18n import translator_for


class BlockHelpersMixin:
    """Gives a block ``translator()`` and ``fragment()``; the block sets ``BLOCK_DIR``."""

    #: Folder of the block's package (templates/, static/, translations/ live there).
    BLOCK_DIR = None

    def translator(self):
        """A translator for the current learner's or author's language."""
        return translator_for(self, self.BLOCK_DIR)

    def dom_id(self, prefix):
        """An HTML id prefix unique to this block instance."""
        return dom_id(self, prefix)

    def fragment(self, template, context, css=(), js=(), js_class=None, init=None):
        """Build a view's fragment from this block's template (None: ``context`` is the finished HTML), CSS and JS."""
        return build_fragment(self.BLOCK_DIR, template, context, css=css, js=js,
                              js_class=js_class, init=init, client_key=client_key(self))

    def export_olx(self):
        """This block as OLX text, written by its ``add_xml_to_node`` (tests and the Studio editors)."""
        node = etree.Element(self.xml_element_name())
        self.add_xml_to_node(node)
        return etree.tostring(node, encoding="unicode")
