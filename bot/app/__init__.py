"""The application layer over the answer core: what every surface runs.

``services`` wires the index, the answer engine and the state from the settings; ``commands``
is /trials, questions and fact sheets as every surface runs them; ``factsheet`` reads a trial's
facts; ``feedback`` keeps users' ratings; ``evaluation`` scores answers against a questions file
(``trialbot eval``); ``health`` is the liveness and readiness check of the HTTP surfaces."""
