# Dates as UN documents write them in French: 1 décembre 2023. (The UN writes
# "1er" for the first of the month; a Django format string cannot, so the
# interface shows "1 décembre".) Thousands are separated by a space.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u202f"  # narrow no-break space
NUMBER_GROUPING = 3
