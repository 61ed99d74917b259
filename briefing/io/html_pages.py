"""Web pages as the HTML parser should read them: attributes per tag bounded, nesting deeper
than the default parser reads handled, never read in part."""

from __future__ import annotations

import re
from typing import Any, Final

from briefing.errors import SourceError

#: Levels of nesting the HTML parser reads (libxml2 with its huge-tree option).
HTML_MAX_DEPTH: Final = 2048
_HTML_TAG: Final = re.compile(r"<[A-Za-z]")
#: Attributes one start tag keeps. Real pages use a few dozen; libxml2 and trafilatura take
#: time quadratic in a tag's attributes (300,000 of them in one 3.5 MB tag ran for hours, out
#: of reach of Ctrl-C inside the C parser), and attributes hold no article text.
MAX_ATTRIBUTES: Final = 1000
#: Start tags long enough to hold more than MAX_ATTRIBUTES attributes (each at least " a").
_LONG_TAG: Final = re.compile(rf"<([A-Za-z][^\s<>/]*)([^<>]{{{2 * MAX_ATTRIBUTES},}})>")
_ATTRIBUTE: Final = re.compile(r"""\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


def _keep_attributes(tag: re.Match[str]) -> str:
    attributes = _ATTRIBUTE.findall(tag.group(2))
    if len(attributes) <= MAX_ATTRIBUTES:
        return tag.group(0)
    return f"<{tag.group(1)}{''.join(attributes[:MAX_ATTRIBUTES])}>"


def bounded_attributes(text: str) -> str:
    """The page with every start tag cut to its first MAX_ATTRIBUTES attributes (text, tags
    and all other attributes as they are)."""
    return _LONG_TAG.sub(_keep_attributes, text)


def _too_deep(parser: Any) -> bool:
    """Whether an lxml parser stopped early because the page nests deeper than it reads."""
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def html_document(text: str, name: str) -> Any:
    """The page as trafilatura should read it: the text itself, or a tree parsed without the
    default depth limit (256) when the content nests deeper; a page deeper than even that
    parser reads (2048 levels) is refused, never read in part."""
    import lxml.etree
    import lxml.html

    if not _HTML_TAG.search(text):
        return text
    text = bounded_attributes(text)
    data = text.encode("utf-8", "surrogatepass")
    parser = lxml.html.HTMLParser(encoding="utf-8")
    try:
        lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.LxmlError, ValueError):  # trafilatura says what it makes of these
        return text
    if not _too_deep(parser):
        return text
    deep = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True)
    tree = lxml.html.document_fromstring(data, parser=deep)
    if _too_deep(deep):
        raise SourceError(f"{name} nests its content more than {HTML_MAX_DEPTH} levels deep, "
                          "deeper than the HTML parser reads; refusing to read it in part")
    return tree
