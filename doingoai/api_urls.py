"""The REST API: one router for every app's viewsets under /api/v1/, the OpenAPI schema and its documentation.

Mounted at /api/ by `doingoai.urls`. Routes are hyphenated plurals, as the HTML pages' URLs.
"""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from aid_projects.api import views as aid_projects
from delegations.api import views as delegations
from doingoai.api import views as auth
from partners.api import views as partners
from plans.api import views as plans


class Router(DefaultRouter):
    # The OpenAPI schema at /api/schema/ and its documentation describe the API: no browsable root view, and JSON
    # only (no ".json" suffixes).
    include_root_view = False
    include_format_suffixes = False


router = Router()
router.register("auth/tokens", auth.ApiTokenViewSet, basename="apitoken")
# plans
router.register("directives", plans.DirectiveViewSet, basename="directive")
router.register("plans", plans.PlanViewSet, basename="plan")
router.register("tasks", plans.TaskViewSet, basename="task")
router.register("activities", plans.ActivityViewSet, basename="activity")
router.register("progress-updates", plans.ProgressUpdateViewSet, basename="progressupdate")
router.register("reporting-periods", plans.ReportingPeriodViewSet, basename="reportingperiod")
# partners
router.register("countries", partners.CountryViewSet, basename="country")
router.register("administrative-units", partners.AdministrativeUnitViewSet, basename="administrativeunit")
router.register("agencies", partners.AgencyViewSet, basename="agency")
router.register("foreign-partners", partners.ForeignPartnerViewSet, basename="foreignpartner")
router.register("contacts", partners.ContactViewSet, basename="contact")
router.register("agreements", partners.AgreementViewSet, basename="agreement")
router.register("associations", partners.FriendshipAssociationViewSet, basename="friendshipassociation")
router.register("association-reports", partners.AssociationReportViewSet, basename="associationreport")
router.register("occasions", partners.OccasionViewSet, basename="occasion")
router.register("greetings", partners.GreetingViewSet, basename="greeting")
# delegations
router.register("delegations", delegations.DelegationViewSet, basename="delegation")
router.register("delegation-members", delegations.DelegationMemberViewSet, basename="delegationmember")
router.register("programme-items", delegations.ProgrammeItemViewSet, basename="programmeitem")
router.register("gifts", delegations.GiftViewSet, basename="gift")
# aid projects
router.register("aid-projects", aid_projects.AidProjectViewSet, basename="aidproject")
router.register("transactions", aid_projects.TransactionViewSet, basename="transaction")
router.register("aid-reports", aid_projects.AidReportViewSet, basename="aidreport")
router.register("sectors", aid_projects.SectorViewSet, basename="sector")
router.register("mobilisation-programmes", aid_projects.MobilisationProgrammeViewSet, basename="mobilisationprogramme")

app_name = "api"
urlpatterns = [
    path("v1/auth/token/", auth.TokenCreateView.as_view(), name="token_create"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    # Anything else under /api/ is a JSON 404, not the site's HTML page.
    re_path(r"^.*$", auth.NotFoundView.as_view(), name="not_found"),
]
