"""Month names in the form a language's UN documents date them.

Django's "E" date format takes the "alt. month" names. Marking them here
puts them in our catalogues, which take precedence over Django's: the Arabic
catalogue gives the UN's double names ("كانون الثاني/يناير"), the others the
names Django already has. reportdesk/formats/ar uses "E"; nothing else does.
"""

from django.utils.translation import pgettext_lazy

UN_MONTHS = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
