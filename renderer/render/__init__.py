"""The render stage: tokens into page HTML, code, icons, Tailwind CSS, navigation views."""
