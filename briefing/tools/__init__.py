"""Tools on top of the brief: diffs between briefs, evaluation against gold annotations, batch runs.

Each uses the library as a caller would (sources, backends, assembly, rendering); nothing
below this layer imports it.
"""
