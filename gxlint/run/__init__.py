"""A whole run: finding the files, linting them (in parallel), pairing years, baselines, progress, and the library API."""
