"""Passwords: a forgotten one reset with an emailed code (every session of the account ends), and
the first one an invited member of staff sets with the code of their invitation."""

from __future__ import annotations

from panacea.identity import accounts, codes, contact, dal
from panacea.identity.accounts import Origin
from panacea.identity.codes import Purpose, WrongCode
from panacea.identity.commands import ForgottenPassword, NewPassword
from panacea.identity.models import AccountReady, CodeSent, StaffJoined, UserPasswordChanged
from panacea.identity.vocabulary import AuditAction, Channel, UserStatus
from panacea.platform import clock, directory
from panacea.platform.errors import FieldError, Unprocessable
from panacea.platform.transaction import unit_of_work


def set_password(user_id: str, password: str) -> None:
    """The password in the user directory; 422 on `password` if the directory's policy refuses it."""
    try:
        directory.set_password(user_id, password)
    except directory.PasswordRejected as rejected:
        raise Unprocessable(str(rejected), errors=[FieldError("password", "weak_password")]) from None


def forgot_password(cmd: ForgottenPassword) -> CodeSent:
    """Email a code to reset the password (the answer is the same for any address)."""
    login = str(cmd.email).lower()
    tenant, holder = accounts.open_tenant(cmd.tenant, email=login)
    item = dal.user(tenant.id, holder) if holder else None
    if item is not None and item.current_status in {UserStatus.ACTIVE, UserStatus.INVITED}:
        code = codes.issue(tenant.id, Purpose.PASSWORD_RESET, codes.email_subject(login), user_id=item.user_id)
        text = contact.code_text(code, Purpose.PASSWORD_RESET, "to reset your password")
        contact.email(tenant, login, "reset your password", text)
    return contact.code_sent(Channel.EMAIL, login, Purpose.PASSWORD_RESET)


def reset_password(cmd: NewPassword, origin: Origin) -> AccountReady:
    """A new password with the emailed code; every session of the account ends."""
    return _new_password(cmd, origin, Purpose.PASSWORD_RESET, {UserStatus.ACTIVE, UserStatus.INVITED})


def accept_invitation(cmd: NewPassword, origin: Origin) -> AccountReady:
    """Invited staff set their password with the code of their invitation."""
    return _new_password(cmd, origin, Purpose.INVITATION, {UserStatus.INVITED})


def _new_password(cmd: NewPassword, origin: Origin, purpose: Purpose, allowed: set[UserStatus]) -> AccountReady:
    login = str(cmd.email).lower()
    tenant, _ = accounts.open_tenant(cmd.tenant)
    subject = codes.email_subject(login)
    codes.count_attempt(tenant.id, subject)
    code = codes.check(tenant.id, purpose, subject, cmd.code)
    item = dal.user(tenant.id, code.user_id) if code.user_id else None
    if item is None or item.current_status not in allowed:
        raise WrongCode()
    joining = item.current_status == UserStatus.INVITED
    directory.create_user(  # in case the invitation's own call did not get that far
        user_id=item.user_id,
        tenant_id=tenant.id,
        email=item.email,
        phone=item.phone,
        name=item.name,
        groups=sorted(item.roles),
        enabled=True,
    )
    set_password(item.user_id, cmd.password)
    at = clock.now()
    item.has_password = True
    if joining:  # a first password: there is no session to end
        item.move_to(UserStatus.ACTIVE, at=at)
    else:
        directory.sign_out(item.user_id)
        item.tokens_valid_after = accounts.valid_after(at)
    with unit_of_work(tenant.id) as uow:
        codes.spend(uow, code)
        codes.clear_attempts(uow, tenant.id, subject)
        accounts.save_user(uow, item)
        action = AuditAction.INVITATION_ACCEPTED if purpose == Purpose.INVITATION else AuditAction.PASSWORD_RESET
        accounts.audit(uow, tenant.id, action, origin, actor_id=item.user_id, subject_id=item.user_id, login=login)
        uow.emit(UserPasswordChanged(tenant_id=tenant.id, user_id=item.user_id))
        if joining:
            uow.emit(StaffJoined(tenant_id=tenant.id, user_id=item.user_id))
    return AccountReady(user_id=item.user_id, status=item.current_status, detail="your password is set: sign in")
