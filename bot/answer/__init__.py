"""The answer core: question analysis, answer engines, grounding. Knows nothing of chat apps."""
