"""The site plus one page with an upload field, as the domain apps will build them (for the form tests)."""

from django import forms
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template import engines
from django.urls import include, path

from doingoai.files.forms import AttachmentField
from doingoai.files.services import attach_all
from partners.models import AssociationReport

PAGE = engines["django"].from_string(
    '{% extends "base.html" %}{% block content %}'
    '<form method="post" enctype="multipart/form-data">{% csrf_token %}'
    '{% include "includes/form_fields.html" %}<button type="submit">OK</button></form>'
    '{% include "files/_attachments.html" with attachments=attachments %}{% endblock %}'
)


class EvidenceForm(forms.Form):
    difficulties = forms.CharField(widget=forms.Textarea)
    members_count = forms.IntegerField(min_value=0)
    evidence = AttachmentField()


def evidence(request, pk):
    report = get_object_or_404(AssociationReport.objects.for_user(request.user), pk=pk)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report.difficulties = form.cleaned_data["difficulties"]
        report.save(update_fields=["difficulties"])
        attach_all(report, form.cleaned_data["evidence"], by=request.user, purpose="evidence")
        return HttpResponseRedirect(request.path)
    from doingoai.files.models import Attachment

    attachments = Attachment.objects.for_record(report).select_related("uploaded_by")
    return HttpResponse(PAGE.render({"form": form, "attachments": attachments}, request))


urlpatterns = [
    path("test-evidence/<int:pk>/", evidence, name="test_evidence"),
    path("", include("doingoai.urls")),
]
