"""The preview server: on-demand pages, incremental rebuilds, live reload."""
