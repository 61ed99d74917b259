"""Brief assembly: grounded claims of each source become one Brief (dedupe, order, BLUF,
corroboration and conflicts across sources, entities, timeline).

Sits above the backends (it calls one to read each source) and below rendering and the tools.
"""
