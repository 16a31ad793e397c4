from django.urls import path

from .views import associations, foreign, occasions, reference


def record_urls(prefix: str, name: str, views, *, transition=None) -> list:
    """The pages of one model: list, new, detail, edit, delete, history (and workflow moves), named
    `<name>_list`, `<name>_create`, `<name>_detail`, `<name>_update`, `<name>_delete`, `<name>_history`."""
    list_view, create, detail, update, delete, history = views
    patterns = [
        path(f"{prefix}/", list_view.as_view(), name=f"{name}_list"),
        path(f"{prefix}/new/", create.as_view(), name=f"{name}_create"),
        path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"{name}_detail"),
        path(f"{prefix}/<int:pk>/edit/", update.as_view(), name=f"{name}_update"),
        path(f"{prefix}/<int:pk>/delete/", delete.as_view(), name=f"{name}_delete"),
        path(f"{prefix}/<int:pk>/history/", history.as_view(), name=f"{name}_history"),
    ]
    if transition is not None:
        patterns.append(path(f"{prefix}/<int:pk>/status/<str:status>/", transition.as_view(),
                             name=f"{name}_transition"))
    return patterns


app_name = "partners"
urlpatterns = [
    *record_urls("countries", "country", (
        reference.CountryListView, reference.CountryCreateView, reference.CountryDetailView,
        reference.CountryUpdateView, reference.CountryDeleteView, reference.CountryHistoryView,
    )),
    *record_urls("administrative-units", "administrativeunit", (
        reference.AdministrativeUnitListView, reference.AdministrativeUnitCreateView,
        reference.AdministrativeUnitDetailView, reference.AdministrativeUnitUpdateView,
        reference.AdministrativeUnitDeleteView, reference.AdministrativeUnitHistoryView,
    )),
    *record_urls("agencies", "agency", (
        reference.AgencyListView, reference.AgencyCreateView, reference.AgencyDetailView,
        reference.AgencyUpdateView, reference.AgencyDeleteView, reference.AgencyHistoryView,
    )),
    *record_urls("foreign-partners", "foreignpartner", (
        foreign.ForeignPartnerListView, foreign.ForeignPartnerCreateView, foreign.ForeignPartnerDetailView,
        foreign.ForeignPartnerUpdateView, foreign.ForeignPartnerDeleteView, foreign.ForeignPartnerHistoryView,
    )),
    *record_urls("contacts", "contact", (
        foreign.ContactListView, foreign.ContactCreateView, foreign.ContactDetailView,
        foreign.ContactUpdateView, foreign.ContactDeleteView, foreign.ContactHistoryView,
    )),
    *record_urls("agreements", "agreement", (
        foreign.AgreementListView, foreign.AgreementCreateView, foreign.AgreementDetailView,
        foreign.AgreementUpdateView, foreign.AgreementDeleteView, foreign.AgreementHistoryView,
    ), transition=foreign.AgreementTransitionView),
    *record_urls("associations", "friendshipassociation", (
        associations.FriendshipAssociationListView, associations.FriendshipAssociationCreateView,
        associations.FriendshipAssociationDetailView, associations.FriendshipAssociationUpdateView,
        associations.FriendshipAssociationDeleteView, associations.FriendshipAssociationHistoryView,
    )),
    *record_urls("association-reports", "associationreport", (
        associations.AssociationReportListView, associations.AssociationReportCreateView,
        associations.AssociationReportDetailView, associations.AssociationReportUpdateView,
        associations.AssociationReportDeleteView, associations.AssociationReportHistoryView,
    )),
    *record_urls("occasions", "occasion", (
        occasions.OccasionListView, occasions.OccasionCreateView, occasions.OccasionDetailView,
        occasions.OccasionUpdateView, occasions.OccasionDeleteView, occasions.OccasionHistoryView,
    )),
    *record_urls("greetings", "greeting", (
        occasions.GreetingListView, occasions.GreetingCreateView, occasions.GreetingDetailView,
        occasions.GreetingUpdateView, occasions.GreetingDeleteView, occasions.GreetingHistoryView,
    ), transition=occasions.GreetingTransitionView),
]
