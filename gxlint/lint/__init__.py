"""Checking a report: what a rule is (Rule, Option, RuleContext), the engine that runs the rules, and the analyses rules share."""
