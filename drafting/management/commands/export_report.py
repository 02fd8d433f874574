from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from drafting.export import build_export
from drafting.models import Report


class Command(BaseCommand):
    help = "Export a report to a Word file in UN layout."

    def add_arguments(self, parser):
        parser.add_argument("slug", help="The report's short name, e.g. svn-upr4.")
        parser.add_argument(
            "--output", required=True, help="Where to write the .docx file."
        )

    def handle(self, *args: object, **options: object) -> None:
        from templates_docx.render import TemplateError, render_report

        slug = str(options["slug"])
        report = Report.objects.filter(slug=slug).first()
        if report is None:
            known = ", ".join(Report.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No report is called {slug!r}. Reports: {known}.")
        output = Path(str(options["output"]))
        if output.suffix.lower() != ".docx":
            raise CommandError(f"{output} should end in .docx.")
        try:
            result = render_report(build_export(report))
        except TemplateError as err:
            raise CommandError(str(err)) from err
        output.write_bytes(result.content)
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(f"wrote {output} ({len(result.content):,} bytes)")
