"""Answer inputs of every question type: values in and out, and problems said in words."""

import pytest

from untoc_desktop.errors import InvalidAnswerError
from untoc_desktop.questionnaire.model import Article, Option, Paragraph, Question
from untoc_desktop.questionnaire.rules import parse_rule
from untoc_desktop.sharing.values import with_row_ids
from untoc_desktop.ui.editor.answer_fields import answer_field_for
from untoc_desktop.ui.editor.answer_widgets import (
    ChoiceField,
    DateField,
    MultiChoiceField,
    NumberField,
    TextField,
    parse_number,
)
from untoc_desktop.ui.editor.article_page import ArticlePage
from untoc_desktop.ui.editor.record_table import RecordListField


def question(qtype, key="q", **extra):
    return Question(
        id=f"UNTOC.5.1.{key}", key=key, type=qtype, label=f"{key}?", help="help", paragraph_id="UNTOC.5.1", **extra
    )


@pytest.mark.parametrize(
    "qtype, widget",
    [
        ("status", ChoiceField),
        ("yes_no", ChoiceField),
        ("choice", ChoiceField),
        ("multi_choice", MultiChoiceField),
        ("text", TextField),
        ("number", NumberField),
        ("date", DateField),
        ("citations", RecordListField),
        ("sources", RecordListField),
        ("cases", RecordListField),
        ("statistics", RecordListField),
    ],
)
def test_every_question_type_has_an_input(qtbot, qtype, widget):
    field = answer_field_for(question(qtype))
    qtbot.addWidget(field)
    assert isinstance(field, widget)
    assert field.value() is None


def test_program_set_values_do_not_count_as_edits(qtbot):
    field = answer_field_for(question("status"))
    qtbot.addWidget(field)
    with qtbot.assertNotEmitted(field.edited):
        field.set_value("partly")
    assert field.value() == "partly"
    with qtbot.waitSignal(field.edited):
        field.combo.setCurrentIndex(0)
    assert field.value() is None


def test_number_field_reads_numbers_and_explains_bounds(qtbot):
    field = NumberField(question("number", minimum=0, unit="requests per year"))
    qtbot.addWidget(field)
    field.line.setText("1 200")
    assert field.value() == 1200
    field.line.setText("12,5")
    assert field.value() == 12.5
    field.line.setText("-3")
    with pytest.raises(InvalidAnswerError, match="at least 0"):
        field.value()
    field.line.setText("many")
    with pytest.raises(InvalidAnswerError, match="not a number"):
        field.value()
    assert parse_number("2015", integer=True) == 2015 and parse_number("20l5", integer=True) is None


def test_date_field_accepts_iso_dates_only(qtbot):
    field = DateField(question("date"))
    qtbot.addWidget(field)
    field.line.setText("2024-03-31")
    assert field.value() == "2024-03-31"
    field.line.setText("31/03/2024")
    with pytest.raises(InvalidAnswerError, match="YYYY-MM-DD"):
        field.value()


def test_multi_choice_keeps_declared_order(qtbot):
    options = (Option("police", "Police"), Option("courts", "Courts"), Option("ngo", "NGOs"))
    field = MultiChoiceField(question("multi_choice", options=options))
    qtbot.addWidget(field)
    field.set_value(["ngo", "police"])
    assert field.value() == ["police", "ngo"]


def test_statistics_table_converts_years_and_figures(qtbot):
    field = RecordListField(question("statistics"))
    qtbot.addWidget(field)
    field.set_value([{"year": 2022, "figure": 14, "unit": "convictions", "source": "Ministry of Justice"}])
    record = {"year": 2022, "figure": 14, "unit": "convictions", "source": "Ministry of Justice"}
    assert field.value() == with_row_ids([record])  # each record keeps an identity for merging copies
    field.add_row()
    field.table.item(1, 1).setText("3")
    with pytest.raises(InvalidAnswerError, match="Row 2: enter the “Year”"):
        field.value()


def test_questions_not_relevant_are_hidden_until_their_rule_holds(qtbot):
    status = question("status", key="status", required=True)
    detail = question("text", key="detail", relevant_when=parse_rule('status == "partly"'), required=True)
    paragraph = Paragraph(
        id="UNTOC.5.1",
        instrument="UNTOC",
        article=5,
        ref="1",
        label="conspiracy",
        obligation="mandatory",
        questions=(status, detail),
    )
    article = Article(instrument="UNTOC", number=5, title="Criminalization", paragraphs=(paragraph,))
    page = ArticlePage(article, "Convention", True, {})
    qtbot.addWidget(page)
    page.show()
    assert not page.blocks[detail.id].isVisible()
    page.update_requirements({status.id: "partly"})
    assert page.blocks[detail.id].isVisible()
    assert page.blocks[detail.id].marker.isVisible()


def test_a_text_answer_starting_in_arabic_is_laid_out_right_to_left(qtbot, cluster1):
    from PySide6.QtCore import Qt

    from untoc_desktop.ui.editor.answer_widgets import TextField

    field = TextField(cluster1.question("UNTOC.5.1(b).practice"))
    qtbot.addWidget(field)
    field.editor.setPlainText("12 قضية أحيلت إلى المحكمة في عام 2023")
    option = field.editor.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    field.editor.setPlainText("English text")
    assert field.editor.document().defaultTextOption().textDirection() == Qt.LayoutDirection.LeftToRight
