"""The sandboxed fetcher: files inside the allowed folders only, no network."""

import pytest

from layout.fetcher import SandboxFetcher


@pytest.fixture
def folders(tmp_path):
    inside = tmp_path / "article"
    inside.mkdir()
    (inside / "pic.png").write_bytes(b"png")
    (tmp_path / "secret.txt").write_text("secret")
    (inside / "link.png").symlink_to(tmp_path / "secret.txt")
    return inside, tmp_path


def test_reads_a_file_inside(folders):
    inside, _ = folders
    fetcher = SandboxFetcher((inside,))
    response = fetcher.fetch((inside / "pic.png").as_uri())
    assert response.read() == b"png"
    response.close()
    assert fetcher.refused == []


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/x.png",
    "https://example.invalid/x.png",
    "ftp://example.invalid/x",
])
def test_refuses_the_network(folders, url):
    fetcher = SandboxFetcher((folders[0],))
    with pytest.raises(ValueError):
        fetcher.fetch(url)
    assert fetcher.refused == [url]


def test_refuses_files_outside_dotdot_escapes_and_symlinks(folders):
    inside, top = folders
    fetcher = SandboxFetcher((inside,))
    for url in [(top / "secret.txt").as_uri(), inside.as_uri() + "/../secret.txt",
                inside.as_uri() + "/%2e%2e/secret.txt", (inside / "link.png").as_uri(), "file:///etc/passwd"]:
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 5
