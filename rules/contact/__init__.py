"""GX3xx: can readers reach the office, and find the report's electronic version.

The contact details and the download statement are read by :mod:`gxlint.lint.analyses.contact`;
the labels, digit counts and download phrases are format facts kept in grammar/contact.json.
"""
