"""Version of the plugin: always the version of bemotande-xblocks that it installs."""

__version__ = "0.1.0"
