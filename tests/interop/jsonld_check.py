#!/usr/bin/env python3
"""Checks that JSON-LD documents drop no term when expanded.

Usage: jsonld_check.py CONTEXTS_DIR FILE.json [FILE.json ...]

Remote contexts are served from CONTEXTS_DIR (the offline copies of the ActivityStreams,
security and FEP-8a8e contexts); nothing is fetched from the network. Each document is expanded
with PyLD, then compacted back with its own context; every key of the original (at every level)
must survive the round trip — a key that JSON-LD does not define is silently dropped by
expansion. The ActivityStreams context also maps undefined terms to blank-node IRIs
(`"@vocab": "_:"`), which keeps them but gives them no meaning: those count as dropped too.
Prints one JSON line per file and exits 1 if any term was dropped.
"""
import json
import os
import sys

from pyld import jsonld

CONTEXT_FILES = {
    "https://www.w3.org/ns/activitystreams": "activitystreams.jsonld",
    "http://www.w3.org/ns/activitystreams": "activitystreams.jsonld",
    "https://w3id.org/security/v1": "w3id-security-v1.jsonld",
    "https://w3id.org/fep/8a8e": "fep-8a8e.jsonld",
}


def loader_for(directory):
    def load(url, options=None):
        key = url.rstrip("#")
        name = CONTEXT_FILES.get(key)
        if name is None:
            raise jsonld.JsonLdError(
                f"no offline copy of context {url}", "loading document failed"
            )
        with open(os.path.join(directory, name), encoding="utf-8") as f:
            document = json.load(f)
        return {"contextUrl": None, "documentUrl": url, "document": document}

    return load


def keys(value, path=""):
    found = set()
    if isinstance(value, dict):
        for k, v in value.items():
            if k == "@context":
                continue
            here = f"{path}/{k}"
            found.add(here)
            found |= keys(v, here)
    elif isinstance(value, list):
        for item in value:
            found |= keys(item, path)
    return found


def blank_predicates(value, path=""):
    found = set()
    if isinstance(value, dict):
        for k, v in value.items():
            here = f"{path}/{k}"
            if k.startswith("_:"):
                found.add(here)
            found |= blank_predicates(v, here)
    elif isinstance(value, list):
        for item in value:
            found |= blank_predicates(item, path)
    return found


def main():
    directory = sys.argv[1]
    jsonld.set_document_loader(loader_for(directory))
    failed = False
    for path in sys.argv[2:]:
        with open(path, encoding="utf-8") as f:
            original = json.load(f)
        expanded = jsonld.expand(original)
        compacted = jsonld.compact(expanded, {"@context": original["@context"]})
        dropped = sorted((keys(original) - keys(compacted)) | blank_predicates(expanded))
        ok = not dropped
        failed |= not ok
        print(json.dumps({"file": os.path.basename(path), "ok": ok, "dropped": dropped}))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
