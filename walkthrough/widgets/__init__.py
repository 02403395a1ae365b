"""Reusable pieces of the interface: progress dots, the nav bar, the drawn timeline and calendar."""
