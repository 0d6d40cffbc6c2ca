"""Response bodies: decoded in bounded steps, counted after decoding, within one deadline (a local
server on 127.0.0.1, never the internet)."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from http.server import BaseHTTPRequestHandler

import pytest
from localserver import serving

from newsprism.errors import InputError
from newsprism.ingest import ReadSettings, read_inputs
from newsprism.ingest.download import Deadline, read_body

PAGE = (b"<html><head><title>Kremlin: it takes two to tango</title></head><body><article>"
        b"<p>The deteriorating relationship between the United States and Russia is one of the biggest "
        b"disappointments of 2017, Russian President Vladimir Putin's spokesman told reporters today.</p>"
        b"<p>Russia would like to rebuild relations, but it takes two to tango, Dmitry Peskov said.</p>"
        b"</article></body></html>")


def _gzip_of_zeros(size: int) -> bytes:
    """gzip of ``size`` zero bytes, built in pieces (never ``size`` bytes in memory)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    return b"".join([*(packer.compress(block) for _ in range(size >> 20)), packer.flush()])


BOMB = gzip.compress(_gzip_of_zeros(1 << 28), 9)  # 256 MB of zeros in two gzip layers: a few kilobytes


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        try:
            self._respond()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _respond(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == "/bomb":
            self.send_header("Content-Encoding", "gzip, gzip")
            self.end_headers()
            self.wfile.write(BOMB)
        elif self.path == "/gzip-twice":
            self.send_header("Content-Encoding", "gzip, gzip")
            self.end_headers()
            self.wfile.write(gzip.compress(gzip.compress(PAGE)))
        elif self.path == "/deflate":
            self.send_header("Content-Encoding", "deflate")
            self.end_headers()
            self.wfile.write(zlib.compress(PAGE)[2:-4])  # raw deflate, as many servers send it
        elif self.path == "/brotli":
            self.send_header("Content-Encoding", "br")
            self.end_headers()
            self.wfile.write(b"\x0b\x02\x80hello\x03")
        elif self.path == "/drip":
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)


@pytest.fixture(scope="module")
def server():
    with serving(_Handler) as httpd:
        yield f"http://127.0.0.1:{httpd.server_port}"


def _read(url, **settings):
    return read_inputs([url], allow_private=True, settings=ReadSettings(**settings))


def test_a_response_of_a_few_kilobytes_never_decodes_past_the_size_cap(server):
    assert len(BOMB) < 10_000
    tracemalloc.start()
    try:
        result = _read(f"{server}/bomb")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (error,) = result.errors
    assert error.reason == "response decodes to over 10,000,000 bytes (the limit); download stopped"
    assert peak < 60_000_000


def test_a_body_compressed_twice_is_decoded_twice(server):
    (article,) = _read(f"{server}/gzip-twice").articles
    assert "it takes two to tango" in article.text


def test_a_raw_deflate_body_is_decoded(server):
    (article,) = _read(f"{server}/deflate").articles
    assert "it takes two to tango" in article.text


def test_an_unsupported_content_encoding_is_an_error_naming_it(server):
    (error,) = _read(f"{server}/brotli").errors
    assert error.reason == "unsupported content encoding 'br' (expected gzip or deflate)"


def test_a_server_that_drips_bytes_is_stopped_at_the_fetch_deadline(server):
    started = time.monotonic()
    (error,) = _read(f"{server}/drip", fetch_deadline=1.0, read_timeout=2.0).errors
    assert error.reason == "took longer than 1 s in all (fetch_deadline); stopped"
    assert time.monotonic() - started < 3.0


def test_a_corrupt_gzip_body_is_an_error_naming_the_url():
    with pytest.raises(InputError, match="corrupt gzip response"):
        read_body([b"\x1f\x8b\x08\x00" + b"\xff" * 50], "gzip", url="u", limit=1000, deadline=Deadline("u", 5))


def test_undecoded_bytes_are_counted_against_the_cap_too():
    with pytest.raises(InputError, match="passed the 100-byte limit"):
        read_body([b"x" * 60, b"x" * 60], "", url="u", limit=100, deadline=Deadline("u", 5))
