"""The write stage: the theme around every page, assets, redirects, sitemap, llms.txt."""
