"""One way to drive the platform, shared by the integration and e2e tests, the seed of `make dev`
(`infra/local/seed.py`) and the bench (`bench/`).

- `transport`: the interface (`Api.request(method, path, *, as_, body, headers, raw_body) -> Answer`)
  and `Http`, to a running runtime (e2e, seed).
- `in_process`: `Handlers` (each route's function invoked with the authorizer's claims) and
  `ThroughGateway` (the local gateway's code path), on the platform running in this process
  (integration tests, bench); the authorizer's claims (`staff`, `PLATFORM_ADMIN`).
- `builders`: tenant, member, address, shop, order, pay and `eventually` (the one wait), each
  taking the transport, so the same `shop(api, …)` serves everywhere.

Where it lives, and why it can be imported outside pytest: `tests` is not an installed package,
but everything that uses this package runs with the repository's root on `sys.path`, the way
`infra` itself is found: pytest (`pythonpath = ["."]` in pyproject), `python -m infra.local`
(`make dev`) and `python -m bench` (`make bench`), which make runs from the root (`-m` puts the
working directory first), and the e2e suite's runtime process (`PYTHONPATH` set to the root).
Nothing here imports pytest (fixtures stay in the conftest files), and the names below load on
first use (`panacea.platform.faces`), so the seed and the e2e suite importing `builders` or
`transport` do not load the in-process machinery.
"""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from tests.support.builders import eventually, new_tenant_body
    from tests.support.in_process import (
        PLATFORM_ADMIN,
        call,
        code_sent_to,
        gateway_request,
        onboard,
        outbox,
        resources,
        signed_get,
        signed_up_member,
        staff,
    )
    from tests.support.transport import Answer, bearer, signed_headers

__all__ = [
    "PLATFORM_ADMIN",
    "Answer",
    "bearer",
    "call",
    "code_sent_to",
    "eventually",
    "gateway_request",
    "new_tenant_body",
    "onboard",
    "outbox",
    "resources",
    "signed_get",
    "signed_headers",
    "signed_up_member",
    "staff",
]
__getattr__ = face(
    __name__,
    {
        **dict.fromkeys(["eventually", "new_tenant_body"], "tests.support.builders"),
        **dict.fromkeys(["Answer", "bearer", "signed_headers"], "tests.support.transport"),
        **dict.fromkeys(
            [
                "PLATFORM_ADMIN",
                "call",
                "code_sent_to",
                "gateway_request",
                "onboard",
                "outbox",
                "resources",
                "signed_get",
                "signed_up_member",
                "staff",
            ],
            "tests.support.in_process",
        ),
    },
)
