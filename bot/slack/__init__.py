"""The Slack surface: a Bolt app (``build_app``) over the answer core, run by ``serve``."""
