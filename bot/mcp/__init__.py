"""The MCP surface: the answer core as tools and resources for any MCP client.

``knowledge`` computes the results (plain models, the grounding rule checked); ``server`` exposes
them with the MCP SDK over stdio or streamable HTTP. Nothing here knows Slack or Teams.
"""
