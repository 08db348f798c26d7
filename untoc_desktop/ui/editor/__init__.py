"""The questionnaire page: answer fields, record tables, side panels and writing tools."""
