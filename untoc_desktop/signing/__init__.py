"""Signed submissions: signing identities, PAdES signatures on PDF, detached CMS on Word, verification.

Qt-free. Every cryptographic operation is done by a well-kept library: pyHanko (PDF
signatures, their validation and difference analysis, with fetching turned off) and
``cryptography`` (keys, certificates, PKCS#12, CMS). The application makes no network
connection: certificate chains are checked against the trust roots given explicitly.
"""
