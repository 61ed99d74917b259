"""The text rules of the offline reader: segmentation, cue lexicons, ICD 203 likelihood,
attribution, entities, dates, quantities, and grounding (finding a quote in its report).

Pure functions over strings. This layer imports only the foundation; every backend and the
brief assembly build on it.
"""
