"""Maintainer tool: (re)build ``untoc_desktop/forms/cluster<N>.yaml`` from the reference facts.

Usage: python tools/make_definitions.py ../shared/reference/provisions.yaml

Treaty facts (articles, titles, paragraph structure, obligation levels, sources,
what is unverified) come from the reference file; question sets and per-paragraph
questions come from ``tools/definition_texts.yaml`` (the project's own words).
The output files are data and may be edited by hand afterwards; re-running this
tool overwrites them, so keep ``definition_texts.yaml`` the place of record.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FORMS = HERE.parent / "untoc_desktop" / "forms"

WHOLE_ARTICLE = {
    "ref": "all",
    "label": "The article as a whole (paragraph detail not yet in the reference)",
    "obligation": "unclassified",
    "unverified": True,
}


def build(reference: dict, texts: dict, cluster: dict) -> dict:
    """The definition data of one cluster."""
    number = cluster["id"]
    extras = texts.get("extra_questions", {})
    used_sources: set[str] = set()
    instruments = []
    for code, articles in cluster["instruments"].items():
        built_articles = []
        for article in articles:
            entry = {"number": article["number"], "title": article["title"]}
            if article.get("unverified"):
                entry["unverified"] = True
            sources = [s for s in (article.get("title_source"), article.get("paragraph_source"), article.get("cluster_evidence")) if s]
            if sources:
                entry["sources"] = sources
                used_sources.update(sources)
            paragraphs = []
            for paragraph in article.get("paragraphs") or [WHOLE_ARTICLE]:
                item = {"ref": paragraph["ref"], "label": paragraph["label"], "obligation": paragraph["obligation"]}
                for key in ("unverified", "note"):
                    if paragraph.get(key):
                        item[key] = paragraph[key]
                if paragraph.get("source"):
                    item["sources"] = [paragraph["source"]]
                    used_sources.add(paragraph["source"])
                extra = extras.get(f"{code}.{article['number']}.{paragraph['ref']}")
                if extra:
                    item["extra_questions"] = extra
                paragraphs.append(item)
            entry["paragraphs"] = paragraphs
            built_articles.append(entry)
        if built_articles:
            instruments.append({"code": code, "title": reference["instruments"][code]["title"], "articles": built_articles})
    for key in ("name_source",):
        if cluster.get(key):
            used_sources.add(cluster[key])
    used_sources.update(cluster.get("articles_source") or [])
    if cluster.get("evidence"):
        used_sources.update(k for k in reference["sources"] if k in cluster["evidence"])
    provisional = bool(cluster.get("unverified"))
    data = {
        "format": 1,
        "id": f"untoc-cluster-{number}",
        "version": texts["versions"][number],
        "cluster": number,
        "title": cluster["name"],
        "provisional": provisional,
    }
    if provisional:
        data["provisional_note"] = texts["provisional_note"] + (f" Evidence: {cluster['evidence']}" if cluster.get("evidence") else "")
    data.update(
        {
            "source_date": texts["source_date"],
            "sources": {k: v for k, v in reference["sources"].items() if k in used_sources},
            "question_sets": texts["question_sets"],
            "instruments": instruments,
        }
    )
    return data


def main(reference_path: str) -> None:
    """Write every cluster's definition file."""
    reference = yaml.safe_load(Path(reference_path).read_text("utf-8"))
    texts = yaml.safe_load((HERE / "definition_texts.yaml").read_text("utf-8"))
    for cluster in reference["clusters"]:
        data = build(reference, texts, cluster)
        header = texts["header"].format(number=cluster["id"], name=cluster["name"])
        text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
        (FORMS / f"cluster{cluster['id']}.yaml").write_text(header + text, encoding="utf-8")
        print(f"cluster{cluster['id']}.yaml: {sum(len(a['paragraphs']) for i in data['instruments'] for a in i['articles'])} provisions")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parent.parent / "shared" / "reference" / "provisions.yaml"))
