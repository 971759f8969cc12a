"""Microsoft Teams: the bot's host, activities, Adaptive Cards, proactive posts and the digest
poster (``bot.teams.digest``)."""
