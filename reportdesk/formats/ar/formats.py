# Dates as UN documents write them in Arabic: 1 كانون الأول/ديسمبر 2023, the
# Levantine and the Egyptian month names side by side. "E" takes the
# alternative month names, which reportdesk/formats/months.py gives that form
# in our Arabic catalogue. Digits stay the ones UN Arabic documents use (0-9).
DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y، H:i"
SHORT_DATETIME_FORMAT = "j E Y، H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "E Y"
MONTH_DAY_FORMAT = "j E"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # no-break space
NUMBER_GROUPING = 3
