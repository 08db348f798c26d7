"""Shared helpers of the signing tests: the passphrase, NSS databases and pdfsig's report."""

import subprocess
from pathlib import Path

PASSPHRASE = "correct horse battery"


def nss_database(folder: Path, *root_pems: Path) -> str:
    """An NSS database trusting the given roots, as poppler's pdfsig reads it."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["certutil", "-N", "-d", f"sql:{folder}", "--empty-password"], check=True, capture_output=True)
    for number, pem in enumerate(root_pems):
        subprocess.run(
            ["certutil", "-A", "-d", f"sql:{folder}", "-n", f"root{number}", "-t", "CT,C,C", "-i", str(pem)],
            check=True,
            capture_output=True,
        )
    return f"sql:{folder}"


def pdfsig(path: Path, nssdir: str) -> list[dict[str, str]]:
    """pdfsig's report, one dict per signature ('valid': signature line, 'certificate': certificate line)."""
    output = subprocess.run(["pdfsig", "-nssdir", nssdir, str(path)], capture_output=True, text=True).stdout
    signatures = []
    for line in output.splitlines():
        line = line.strip()
        if line.startswith("Signature #"):
            signatures.append({})
        elif line.startswith("- Signature Validation:"):
            signatures[-1]["valid"] = line.split(":", 1)[1].strip()
        elif line.startswith("- Certificate Validation:"):
            signatures[-1]["certificate"] = line.split(":", 1)[1].strip()
        elif line.startswith("- Signer Certificate Common Name:"):
            signatures[-1]["signer"] = line.split(":", 1)[1].strip()
    return signatures
