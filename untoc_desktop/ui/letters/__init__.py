"""Letters to focal points: the letters dialog, the letter log and the address book."""
