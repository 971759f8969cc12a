"""RSS/Atom subscriptions: ``store`` keeps them and the items already ingested (in the state DB
beside the index), ``fetch`` reads one feed (bounded, parsed with feedparser), ``poll`` ingests
the new items of every feed and reports the feeds and items that failed."""
