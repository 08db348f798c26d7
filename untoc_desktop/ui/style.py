"""The application's style sheet: emphasis for labels, help, markers and messages by object name."""

STYLE_SHEET = """
QLabel#instrumentTitle { color: palette(mid); font-size: 11pt; }
QLabel#articleTitle { font-size: 15pt; font-weight: 600; }
QLabel#paragraphHeading { font-size: 12pt; font-weight: 600; }
QLabel#paragraphFacts { color: #5f6368; font-style: italic; }
QLabel#questionLabel { font-weight: 600; }
QLabel#questionHelp { color: #5f6368; font-size: 9pt; }
QLabel#requiredMarker { color: #5f6368; font-size: 9pt; }
QLabel#answerCounts { color: #5f6368; font-size: 8pt; }
QLabel#requiredMarker[missing="true"] { color: #b3261e; font-weight: 600; }
QLabel#answerProblem { color: #b3261e; font-weight: 600; }
QLabel#notApplicable { color: #5f6368; background: #eeeeee; padding: 6px; border-radius: 4px; }
QLabel#provisionalNote { color: #5d4037; background: #fff4e5; border: 1px solid #f0c36d; padding: 6px;
    border-radius: 4px; }
QLabel#pleaseConfirm { color: #b3261e; font-weight: 600; }
QLabel#completenessSummary { font-weight: 600; padding: 2px 0; }
QFrame#paragraphSection { background: palette(base); border: 1px solid #d0d0d0; border-radius: 6px; }
QFrame#contextParagraph { background: #f1f1f1; border: 1px dashed #c4c4c4; border-radius: 6px; }
QFrame#contextParagraph QLabel { color: #80868b; }
QLabel#contextHeading { font-size: 12pt; font-weight: 400; }
QLabel#researchDetails { color: #5f6368; font-size: 9pt; background: #f7f7f7; padding: 6px; border-radius: 4px; }
QFrame#provisionalBanner { background: #fff4e5; border-bottom: 1px solid #f0c36d; }
QFrame#provisionalBanner QLabel { color: #5d4037; }
QWidget#articleBody { background: palette(window); }
QFrame#errorBanner { background: #fdecea; border-bottom: 2px solid #b3261e; }
QFrame#errorBanner QLabel { color: #8c1d18; font-weight: 600; }
"""
