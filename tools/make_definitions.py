"""Maintainer tool: (re)build ``untoc_desktop/forms/cluster<N>.yaml`` from the reference facts.

Usage: python tools/make_definitions.py [../shared/reference/provisions.yaml]

Treaty facts (articles, titles, paragraph structure, obligation classes, sources, what is
provisional) come from the reference file (schema_version 2). Question sets, per-paragraph
questions, plain-words label corrections and upgrade paths come from
``tools/definition_texts.yaml`` (the project's own words). The treaty's operative words
(``modal``) are never copied: they are treaty text, kept in the reference to check the class.
Research notes (``cluster_note``, ``cluster_confidence``, paragraph ``note``, the cluster's
``evidence``) are kept in the definition for the details pane, never for pages or exports.

Each paragraph uses the question set of its class (``obligation`` for mandatory and qualified,
``consider``, ``optional``, ``definition``); ``saving`` paragraphs ask nothing. Drafts answered
against the 1.0.0 definitions are carried over with ``moved_paragraphs``: a whole-article
placeholder (``UNTOC.24.all``) to the article's first paragraph asking the same question, and
the rows the reference renamed or split (``definition_texts.yaml`` ``moved_paragraphs``) to the
part that keeps the old meaning.

The output files are data and may be edited by hand afterwards; re-running this tool overwrites
them, so keep ``definition_texts.yaml`` the place of record.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FORMS = HERE.parent / "untoc_desktop" / "forms"

#: Reference schema versions this tool reads.
SUPPORTED_SCHEMAS = (2,)

#: Developer shorthand in the reference's labels and the plain words that replace it (applied in order).
PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    (r"\b(an|with) OCG\b", "\\1 organized criminal group"),
    (r"\bOCG\b", "organized criminal group"),
    (r"\barts (\d+), (\d+), (\d+), (\d+)\b", "articles \\1, \\2, \\3 and \\4"),
    (r"\barts (\d+), (\d+)\b", "articles \\1 and \\2"),
    (r"\barts\b", "articles"),
    (r"\bart (\d)", "article \\1"),
    (r"\bincl\.", "including"),
    (r"\be\.g\.", "for example"),
    (r"\bthe UN Secretary-General\b", "the Secretary-General of the United Nations"),
    (r"\bUN Secretary-General\b", "the Secretary-General of the United Nations"),
    (r"\bthe UN\b", "the United Nations"),
    (r"\s*/\s*", " or "),
    (r">=", "at least"),
)


def plain_label(label: str) -> str:
    """A reference label in plain words: shorthand spelled out, first letter capitalised."""
    for pattern, replacement in PLAIN_WORDS:
        label = re.sub(pattern, replacement, label)
    return label[:1].upper() + label[1:]


def build(reference: dict, texts: dict, cluster: dict) -> dict:
    """The definition data of one cluster (a dict following ``forms/definition.schema.json``)."""
    number = cluster["id"]
    extras = texts.get("extra_questions", {})
    overrides = texts.get("label_overrides", {})
    detailed_v1 = set(texts.get("v1_detailed_articles", []))
    question_sets = texts["question_sets"]
    used_sources: set[str] = set()
    instruments = []
    moved: dict[str, list[str]] = {}
    for code, articles in cluster["instruments"].items():
        built_articles = []
        for article in articles:
            article_id = f"{code}.{article['number']}"
            entry: dict = {"number": article["number"], "title": article["title"]}
            if article.get("unverified"):
                entry["unverified"] = True
            for key in ("cluster_confidence", "cluster_note"):
                if article.get(key):
                    entry[key] = article[key]
            sources = [
                s
                for s in (article.get("title_source"), article.get("paragraph_source"), article.get("text_source"))
                if s
            ]
            sources = list(dict.fromkeys(sources))
            if sources:
                entry["sources"] = sources
                used_sources.update(sources)
            paragraphs = []
            for paragraph in article["paragraphs"]:
                paragraph_id = f"{article_id}.{paragraph['ref']}"
                label = overrides.get(paragraph_id) or paragraph["label"]
                item = {"ref": paragraph["ref"], "label": plain_label(label), "obligation": paragraph["obligation"]}
                if paragraph.get("note"):
                    item["note"] = paragraph["note"]
                if paragraph.get("source"):
                    item["sources"] = [paragraph["source"]]
                    used_sources.add(paragraph["source"])
                extra = extras.get(paragraph_id)
                if extra:
                    item["extra_questions"] = extra
                paragraphs.append(item)
            entry["paragraphs"] = paragraphs
            built_articles.append(entry)
            if number != 1 and article_id not in detailed_v1:
                # 1.0.0 asked this article as a whole ("all"): its answers go to the first paragraph asking the key.
                moved[f"{article_id}.all"] = [
                    f"{article_id}.{p['ref']}"
                    for p in paragraphs
                    if p["obligation"] != "saving" or p.get("extra_questions")
                ]
        if built_articles:
            instruments.append(
                {"code": code, "title": reference["instruments"][code]["title"], "articles": built_articles}
            )
    paragraph_ids = {
        f"{i['code']}.{a['number']}.{p['ref']}" for i in instruments for a in i["articles"] for p in a["paragraphs"]
    }
    for old, new in (texts.get("moved_paragraphs") or {}).items():
        if all(target in paragraph_ids for target in new):
            moved[old] = list(new)
    moved = {old: new for old, new in moved.items() if new}
    used_sources.update(s for s in (cluster.get("name_source"),) if s)
    used_sources.update(cluster.get("articles_source") or [])
    if cluster.get("evidence"):
        used_sources.update(k for k in reference["sources"] if k in cluster["evidence"])
    provisional = bool(cluster.get("unverified"))
    data: dict = {
        "format": 1,
        "id": f"untoc-cluster-{number}",
        "version": texts["versions"][number],
        "cluster": number,
        "title": cluster["name"],
        "provisional": provisional,
    }
    if provisional:
        data["provisional_note"] = texts["provisional_note"]
        if cluster.get("evidence"):
            data["provisional_details"] = cluster["evidence"]
    data.update(
        {
            "source_date": texts["source_date"],
            "sources": {k: v for k, v in reference["sources"].items() if k in used_sources},
            "question_sets": question_sets,
        }
    )
    if moved:
        data["moved_paragraphs"] = moved
    data["instruments"] = instruments
    return data


def main(reference_path: str) -> None:
    """Write every cluster's definition file and print its paragraph count by class."""
    reference = yaml.safe_load(Path(reference_path).read_text("utf-8"))
    if reference.get("schema_version") not in SUPPORTED_SCHEMAS:
        raise SystemExit(
            f"{reference_path}: schema_version {reference.get('schema_version')} is not supported "
            f"(this tool reads {SUPPORTED_SCHEMAS})."
        )
    texts = yaml.safe_load((HERE / "definition_texts.yaml").read_text("utf-8"))
    for cluster in reference["clusters"]:
        data = build(reference, texts, cluster)
        header = texts["header"].format(number=cluster["id"], name=cluster["name"])
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
        (FORMS / f"cluster{cluster['id']}.yaml").write_text(header + text, encoding="utf-8")
        paragraphs = [p for i in data["instruments"] for a in i["articles"] for p in a["paragraphs"]]
        classes: dict[str, int] = {}
        for paragraph in paragraphs:
            classes[paragraph["obligation"]] = classes.get(paragraph["obligation"], 0) + 1
        print(
            f"cluster{cluster['id']}.yaml: {len(paragraphs)} paragraphs "
            + ", ".join(f"{k} {v}" for k, v in sorted(classes.items()))
        )


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parent.parent / "shared" / "reference" / "provisions.yaml"))
