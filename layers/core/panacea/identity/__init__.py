"""Identity: the people who use Panacea (staff and members), their roles and how they sign in.

Other contexts use only what is named here (loaded on first use: `panacea.platform.faces`)."""

from typing import TYPE_CHECKING

from panacea.platform.faces import face

if TYPE_CHECKING:
    from panacea.identity.logic import address_of

__all__ = ["address_of"]
__getattr__ = face(__name__, {"address_of": "panacea.identity.logic"})
