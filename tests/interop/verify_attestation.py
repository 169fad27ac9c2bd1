"""Verifies a Galaxie label attestation with bovine, an independent FEP-8b32 implementation.

    python verify_attestation.py <attestation.json> <assertionMethod entry.json>

Prints one JSON line: the controller bovine returns for the document as given (the
network's actor when the proof verifies, else null), and for a copy whose endTime was
changed (null expected). Run by tests/e2e/labels.rs.
"""

import json
import sys

from bovine.crypto.types import CryptographicIdentifier

with open(sys.argv[1], encoding="utf-8") as f:
    document = json.load(f)
with open(sys.argv[2], encoding="utf-8") as f:
    multikey = json.load(f)

identifier = CryptographicIdentifier.from_multikey(multikey)
tampered = dict(document)
tampered["endTime"] = "2099-12-31T23:59:59Z"
print(
    json.dumps(
        {
            "controller": identifier.verify_document(document),
            "tampered": identifier.verify_document(tampered),
        }
    )
)
