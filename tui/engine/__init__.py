"""The comparison engine: reading, segmenting, scoring, aligning and claim checking; no UI imports."""
