"""trialbot: answers questions about clinical-trial news with exact, cited figures."""

__version__ = "0.1.0"
