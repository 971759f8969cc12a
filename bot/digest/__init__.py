"""Digests of new articles: ``build`` (which articles are new, their trials and key figures,
cited), ``render`` (pure renderers: the shared wording and the terminal), ``post`` (the
``DigestPoster`` interface and the registry of posters by target), ``ledger`` (exactly once per
target, in the state DB), ``run`` (one run: retry what is pending, post what is new) and
``schedule`` (poll then digest on a cron, started by ``trialbot serve``).

The digest core knows no chat surface: Slack and Teams own their renderer and poster
(``bot.slack.digest``, ``bot.teams.digest``) and register it by target kind (``bot.surfaces``)."""
