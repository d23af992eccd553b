"""bemotande-xblocks: Open edX XBlocks for the Swedish course "Bättre bemötande"."""

__version__ = "0.1.0"
