"""Screens and the pages they show: one module per kind of screen."""
