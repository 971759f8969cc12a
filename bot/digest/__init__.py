"""Digests of new articles: ``build`` (which articles are new, their trials and key figures,
cited), ``render`` and ``slack`` (pure renderers), ``post`` (the ``DigestPoster`` interface and
targets), ``ledger`` (exactly once per target, in the state DB), ``run`` (one run: retry what is
pending, post what is new) and ``schedule`` (poll then digest on a cron, in ``trialbot serve``)."""
