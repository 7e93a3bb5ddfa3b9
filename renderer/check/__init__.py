"""`mintrender check`: every problem a build would meet, found without building the site."""
