"""Lexicons: TSV files → validated model → compiled automaton (cached)."""
