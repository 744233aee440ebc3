from enum import StrEnum


class AuditAction(StrEnum):
    EMAIL_CHANGED = "email.changed"
    INVITATION_ACCEPTED = "invitation.accepted"
    PASSWORD_RESET = "password.reset"
    PHONE_CHANGED = "phone.changed"
    RECORD_READ = "record.read"
    ROLES_CHANGED = "roles.changed"
    SIGNED_OUT = "signed_out"
    SIGN_IN_FAILED = "sign_in.failed"
    SIGN_IN_SUCCEEDED = "sign_in.succeeded"
    STAFF_INVITED = "staff.invited"
    USER_DISABLED = "user.disabled"
    USER_ENABLED = "user.enabled"

    def __str__(self) -> str:
        return str(self.value)
