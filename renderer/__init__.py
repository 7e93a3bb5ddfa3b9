"""mintrender: render Mintlify-format documentation into a static site."""

__version__ = "0.1.0"
