"""Offline batch evaluation: dialogue logs replayed through `Assistant`, checked, compared."""
