"""sideline: a ledger of diplomatic engagements read from news text."""
