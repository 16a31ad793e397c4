"""Users, their role, and the one agency or association whose data a partner user may see."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in to the portal, with one role."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        STAFF = "staff", _("Department officer")
        LEADER = "leader", _("Leader")
        AGENCY_FOCAL = "agency_focal", _("Agency focal point")
        ASSOCIATION_REP = "association_rep", _("Association representative")

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.STAFF)
    # Focal points belong to one agency; association representatives to one association. The domain apps read
    # these two links in their `for_user` querysets: that is where scope is decided.
    agency = models.ForeignKey(
        "partners.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    association = models.ForeignKey(
        "partners.FriendshipAssociation",
        verbose_name=_("friendship association"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=~Q(role="agency_focal") | Q(agency__isnull=False),
                name="focal_point_has_agency",
                violation_error_message=_("An agency focal point must be linked to an agency."),
            ),
            models.CheckConstraint(
                condition=~Q(role="association_rep") | Q(association__isnull=False),
                name="association_rep_has_association",
                violation_error_message=_("An association representative must be linked to an association."),
            ),
        ]

    @property
    def sees_everything(self) -> bool:
        """Admins, department officers and leaders read every record."""
        return self.is_active and (self.is_superuser or self.role in {self.Role.ADMIN, self.Role.STAFF, self.Role.LEADER})

    @property
    def can_edit_records(self) -> bool:
        """Department officers and admins create and edit records; leaders only read and approve."""
        return self.is_active and (self.is_superuser or self.role in {self.Role.ADMIN, self.Role.STAFF})

    @property
    def can_approve(self) -> bool:
        return self.is_active and (self.is_superuser or self.role in {self.Role.ADMIN, self.Role.LEADER})

    @property
    def is_partner_user(self) -> bool:
        """Focal points and association representatives: they see only their own organisation's data."""
        return self.role in {self.Role.AGENCY_FOCAL, self.Role.ASSOCIATION_REP} and not self.is_superuser

    @property
    def scope_agency_id(self) -> int | None:
        """The agency whose activities this user may see: their own, or their association's."""
        if self.role == self.Role.AGENCY_FOCAL:
            return self.agency_id
        if self.role == self.Role.ASSOCIATION_REP and self.association_id:
            return self.association.agency_id
        return None
