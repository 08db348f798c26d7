"""Child process of the crash test: types into a draft the way the application saves it.

Usage: autosave_child.py DRAFT INTERVAL DEBOUNCE

Appends one character to an answer every INTERVAL seconds ("typing") and saves the
whole answer when DEBOUNCE seconds have passed since the last save, as the
application's autosave does, through the same store (one transaction per save).
Prints ``start <time.time()>`` when typing begins; character k (k = 1, 2, ...) is
typed at start + k * INTERVAL. It runs until it is killed.
"""

import sys
import time

from untoc_desktop.opening import open_draft

QUESTION = "UNTOC.5.1(b).practice"
ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def main() -> None:
    path, interval, debounce = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
    opened = open_draft(path, lock=True)
    draft = opened.draft
    text = draft.answer(QUESTION) or ""
    start = time.time()
    print(f"start {start!r}", flush=True)
    last_save = start
    typed = 0
    while True:
        typed += 1
        text += ALPHABET[typed % len(ALPHABET)]
        target = start + typed * interval
        now = time.time()
        if target > now:
            time.sleep(target - now)
        if time.time() - last_save >= debounce:
            draft.set_answer(QUESTION, text)
            last_save = time.time()


if __name__ == "__main__":
    main()
