from django.core.management.base import BaseCommand

from drafting.demo import DEMO_PASSWORD, PEOPLE, load_demo


class Command(BaseCommand):
    help = "Load the demo reports built from the real UN documents in shared/data."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Rebuild the demo reports from scratch.",
        )

    def handle(self, *args: object, **options: object) -> None:
        result = load_demo(reset=bool(options["reset"]))
        for slug in result.created:
            self.stdout.write(f"created report {slug}")
        for slug in result.kept:
            self.stdout.write(f"report {slug} is already loaded; kept as it is")
        self.stdout.write(f"\nDemo sign-ins (password for all: {DEMO_PASSWORD}):")
        for username, full_name, entity, _kind, role in PEOPLE:
            self.stdout.write(
                f"  {username:<18} {full_name:<16} {role.label}, {entity}"
            )
