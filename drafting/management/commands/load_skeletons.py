from django.core.management.base import BaseCommand, CommandError

from drafting.skeletons import SkeletonError, load_skeletons


class Command(BaseCommand):
    help = "Create or refresh the skeletons from drafting/skeletons/*.yaml."

    def handle(self, *args: object, **options: object) -> None:
        try:
            result = load_skeletons()
        except SkeletonError as err:
            raise CommandError(str(err)) from err
        self.stdout.write(
            f"{len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged"
        )
