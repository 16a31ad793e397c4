"""Pages of report jobs: the catalogue, the request form of each document, the job's status, the download, and
"My reports".

Scope is checked twice: the records a document is about must be in the requester's `for_user` when the job is
requested, and in the downloader's when the file is downloaded (their role or the records may have changed).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from doingoai.views import FilteredListView

from . import services
from .documents import available_documents, get_document
from .filtersets import ReportJobFilterSet
from .models import ReportJob


class ReportJobListView(FilteredListView):
    """My reports: the jobs the user requested, newest first."""

    model = ReportJob
    filterset_class = ReportJobFilterSet
    sort_fields = {"created": "created_at", "title": "title", "status": "status", "kind": "kind"}
    default_sort = "-created"
    paginate_by = 25

    def annotate_queryset(self, queryset):
        return queryset.filter(requested_by=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["documents"] = {document.kind: document for document in available_documents(self.request.user)}
        context["labels"] = {kind: document.label for kind, document in context["documents"].items()}
        return context


@login_required
@require_GET
def catalogue(request):
    """The documents this user may ask for."""
    return render(request, "reports/catalogue.html", {"documents": available_documents(request.user)})


def _document_or_404(kind: str, user):
    document = get_document(kind)
    if document is None:
        raise Http404
    if not document.available_to(user):
        raise PermissionDenied
    return document


@login_required
@require_http_methods(["GET", "POST"])
def request_report(request, kind: str):
    """The form of one document. A record out of the user's scope (in the query string or the form) is a 404."""
    document = _document_or_404(kind, request.user)
    if request.method == "POST":
        form = document.form(request.user, request.POST)
        if form.is_valid():
            parameters = document.parameters(form.cleaned_data)
            job = services.request_report(document, parameters, title=document.title(form.cleaned_data),
                                          by=request.user)
            return HttpResponseRedirect(job.get_absolute_url())
        # A record id outside the user's scope is not a typing error: do not confirm that it exists.
        if any(form.has_error(name, code="invalid_choice") for name in document.record_fields):
            raise Http404
    else:
        initial = {name: value for name, value in request.GET.items() if name in document.form_class.base_fields}
        form = document.form(request.user, initial=initial)
        for name in document.record_fields:
            value = initial.get(name)
            if value and not (value.isdigit() and form.fields[name].queryset.filter(pk=value).exists()):
                raise Http404
    return render(request, "reports/reportjob_form.html", {"document": document, "form": form})


def _job_for(request, pk: int) -> ReportJob:
    return get_object_or_404(ReportJob.objects.for_user(request.user).select_related("requested_by"), pk=pk)


@login_required
@require_GET
def job_detail(request, pk: int):
    """The job's status; HTMX polls the same URL for the status fragment until the job is finished."""
    job = _job_for(request, pk)
    template = "reports/_reportjob_status.html" if request.htmx else "reports/reportjob_detail.html"
    return render(request, template, {"job": job, "document": get_document(job.kind)})


@login_required
@require_GET
def job_download(request, pk: int):
    """The PDF, to a user who may still see every record the document is about."""
    job = _job_for(request, pk)
    document = get_document(job.kind)
    if job.status != ReportJob.Status.DONE or not job.file or document is None:
        raise Http404(_("This report has no file."))
    if not document.in_scope(request.user, job.parameters):
        raise Http404
    try:
        handle = job.file.open("rb")
    except FileNotFoundError as error:
        raise Http404(_("The file of this report is missing.")) from error
    filename = f"{document.file_stem(job.parameters)}-{job.pk}.pdf"
    return FileResponse(handle, as_attachment=True, filename=filename, content_type="application/pdf")
