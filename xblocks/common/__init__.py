"""Helpers shared by both blocks: fragments, i18n, handler errors, time parsing, safe XML, sanitising.

Nothing block-specific lives here.
"""
