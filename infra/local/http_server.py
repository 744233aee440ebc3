"""The HTTP server the local gateway and the Stripe sandbox listen with."""

from __future__ import annotations

from http.server import ThreadingHTTPServer


class LocalHttpServer(ThreadingHTTPServer):
    """A thread per connection, and a listen backlog the kernel can queue a burst of clients in
    (http.server's is 5: the sixth client connecting at once has its handshake dropped and retried
    a second later, and under a larger burst connections are lost)."""

    request_queue_size = 1024  # the kernel caps it at net.core.somaxconn
    daemon_threads = True
