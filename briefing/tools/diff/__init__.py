"""Brief diff: align the claims of two briefs and say what changed (BriefDiff, JSON, Markdown).

``model`` holds the BriefDiff schema, ``align`` pairs the claims of two briefs, ``numbers``
reads the numbers a pair compares, ``classify`` names each pair's changes and diffs whole
briefs, ``load`` reads each side (a brief or a report), ``render`` prints JSON or Markdown.
"""

from briefing.tools.diff.align import align
from briefing.tools.diff.classify import compare, diff_briefs
from briefing.tools.diff.load import BackendChoice, diff_files, load_brief_or_report
from briefing.tools.diff.model import (
    CHANGE_CLASSES,
    DIFF_SCHEMA_VERSION,
    BriefDiff,
    BriefRef,
    ChangeClass,
    ChangeCounts,
    ClaimChange,
    ClaimSide,
    HolderChange,
    KindChange,
    LikelihoodChange,
    NumberChange,
    SourceRef,
    diff_json_schema,
)
from briefing.tools.diff.render import (
    CLASS_TITLES,
    SECTION_ORDER,
    SUMMARY_LABELS,
    diff_json,
    render_diff,
)

__all__ = [
    "CHANGE_CLASSES",
    "CLASS_TITLES",
    "DIFF_SCHEMA_VERSION",
    "SECTION_ORDER",
    "SUMMARY_LABELS",
    "BackendChoice",
    "BriefDiff",
    "BriefRef",
    "ChangeClass",
    "ChangeCounts",
    "ClaimChange",
    "ClaimSide",
    "HolderChange",
    "KindChange",
    "LikelihoodChange",
    "NumberChange",
    "SourceRef",
    "align",
    "compare",
    "diff_briefs",
    "diff_files",
    "diff_json",
    "diff_json_schema",
    "load_brief_or_report",
    "render_diff",
]
