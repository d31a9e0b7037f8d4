from __future__ import annotations

from medialens.core.identity import BLOCK, content_id


def test_identity_ignores_the_name_and_follows_the_content(tmp_path):
    data = bytes(range(256)) * 2000  # larger than three blocks
    a, b = tmp_path / "a.mp3", tmp_path / "sub_b.mp3"
    a.write_bytes(data)
    b.write_bytes(data)
    assert content_id(a) == content_id(b)
    changed = bytearray(data)
    changed[len(data) // 2] ^= 0xFF  # inside the middle block
    b.write_bytes(bytes(changed))
    assert content_id(a) != content_id(b)


def test_small_files_hash_everything(tmp_path):
    a = tmp_path / "a"
    a.write_bytes(b"x" * (BLOCK + 10))
    first = content_id(a)
    a.write_bytes(b"x" * (BLOCK + 9) + b"y")
    assert content_id(a) != first
