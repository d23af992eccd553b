"""Issue 9 §5: OLX with a DOCTYPE or entities is refused even when the *runtime* parsed it first.

The runtime's parser (the workbench's here, Open edX's in Studio's import) expands internal entities
before the block's ``parse_xml`` sees the node; the DOCTYPE is still in the document's docinfo.
"""
import pytest
from lxml import etree

from xblocks.common.errors import OlxError

DOCTYPES = [
    '<!DOCTYPE {tag} [<!ENTITY x "Infört">]>',
    '<!DOCTYPE {tag} [<!ENTITY x SYSTEM "file:///etc/hostname">]>',
    '<!DOCTYPE {tag}>',
]
BODIES = {
    "asylum_timeline": '<asylum_timeline display_name="T"><actor id="a" name="A"/><phase id="p" title="P">'
                       '<step id="s" actors="a"><title>{ref}</title></step></phase></asylum_timeline>',
    "video_lesson": '<video_lesson display_name="V"><source src="/a.webm"/>'
                    '<reflection id="r" time="1"><prompt>{ref}</prompt></reflection></video_lesson>',
}


@pytest.mark.parametrize("tag", sorted(BODIES))
@pytest.mark.parametrize("doctype", DOCTYPES)
def test_a_doctype_reaching_the_block_through_the_runtime_is_refused(harness, tag, doctype):
    ref = "&x;" if "ENTITY" in doctype else "Text"
    with pytest.raises((OlxError, etree.XMLSyntaxError)) as refused:
        harness.load(doctype.format(tag=tag) + BODIES[tag].format(ref=ref))
    if isinstance(refused.value, etree.XMLSyntaxError):  # the runtime's own parser already refused it
        assert "SYSTEM" in doctype
        return
    assert refused.value.element == tag and refused.value.attribute == "DOCTYPE"
    assert "DTD" in str(refused.value)


@pytest.mark.parametrize("tag", sorted(BODIES))
def test_the_same_olx_without_a_doctype_loads(harness, tag):
    block = harness.load(BODIES[tag].format(ref="Text"))
    assert block.display_name in ("T", "V")
