"""Measurements shared by the template builder and the renderer, in twips
(1/20 pt; 567 twips are one centimetre).

They follow the layout of UN Geneva documents: a narrow text column set in
from both margins by 2 cm, numbers hanging to its left.
"""

COLUMN_INDENT = 1134  # the body text column starts 2 cm inside the margin
NUMBER_WIDTH = 567  # room for "12." or "(a)" before the tab
