"""walkthrough: a calm, step-by-step guide to a first ketamine infusion, in the terminal."""

__version__ = "0.1.0"
