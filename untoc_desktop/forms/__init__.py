"""Questionnaire definitions shipped with the application (data files, schema-checked)."""
