"""Inputs and outputs: reading reports in their formats, source ratings, writing files, shipped resources.

Nothing here knows about claims: this layer turns bytes into `Source` objects and back into
files. It imports only the foundation (`briefing.schema`, `briefing.errors`, `briefing.config`).
"""
