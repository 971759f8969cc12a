"""Infrastructure every layer may use: ``settings`` (the ``TRIALBOT_*`` configuration),
``errors`` (trialbot's exceptions), ``fetch`` (bounded downloads of articles and feeds) and
``guarded_transport`` (the HTTP transport that refuses private and internal addresses)."""
