"""Reports built from real UN text, for the renderer's tests.

The paragraphs are typed from Slovenia's national report for its fourth UPR
(A/HRC/WG.6/48/SVN/1, in /work/shared/data/upr_slovenia_cycle4) into the
canonical section text, footnotes where the report has them. The (a), (b)
items are from CERD's concluding observations on Brazil (CERD/C/BRA/CO/18-20).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from drafting.sectiontext import parse
from templates_docx.model import ExportReport, ExportSection, InputUsed

INTRODUCTION = """\
In March 2022, the Republic of Slovenia (hereinafter: Slovenia) submitted to the \
UN OHCHR^[United Nations Office of the **High Commissioner** for \
[Human Rights](https://www.ohchr.org/en).] a voluntary mid-term report on the \
implementation of the UPR 3rd cycle recommendations.

Slovenia’s preparations for the UPR 4th cycle started in autumn 2023. The report \
was drafted in cooperation with the relevant ministries and government departments \
under the coordination of the Ministry of Foreign and European Affairs and endorsed \
by the Inter-Ministerial Commission on Human Rights.

During the drafting of the report, the NGOs, the Ombudsman and the Advocate of the \
Principle of Equality were briefed and consulted.
"""

INTERNATIONAL_OBLIGATIONS = """\
> (Recommendations 1, 5, 7–9, 11–12, 158–160)

Since the previous review, Slovenia has ratified the International Convention for \
the Protection of All Persons from Enforced Disappearance (in 2021).

At the Global Refugee Forum in 2023, Slovenia announced its ratification of the \
Convention on the Reduction of Statelessness. Slovenia is in favour of the \
UNHCR^[United Nations High Commissioner for Refugees.] *IBelong* Campaign, aiming \
to eradicate statelessness by 2024.
"""

INSTITUTIONAL_FRAMEWORK = """\
> (Recommendations 14–17, 161)

With the adoption of the Family Code in 2017, the Council of the Republic of \
Slovenia for Children and Family^[More information on the Council of the Republic \
of Slovenia for Children and Family is included in the *voluntary mid-term report* \
(Recommendation 16).] was established as a permanent consultative body of the \
Government.

The Committee also welcomes the following legislative and policy measures taken by \
the State party:

(a) The Migration Law (Law No. 13,445), in 2017;

(b) Law No. 12,711 on a quota system in the public higher education network and \
in federal institutes, in 2012;

(d) The Racial Equality Law (Law No. 12,288), in 2010;

The Committee welcomes the ratification by the State party of the following \
international instrument:

(c) The Inter-American Convention against Racism, Racial Discrimination and \
Related Forms of Intolerance, in 2021.
"""

NON_DISCRIMINATION = """\
### Hate speech

The amendment to the Criminal Code adopted in 2023 introduces hate crime as a \
mandatory aggravating circumstance to be taken into account in sentencing when the \
motive for committing the offence was any personal circumstance of the \
victim.^[The offence committed because of the victim's national, racial, religious \
or ethnic origin, sex, colour, background, financial situation, education, social \
status, political or other opinion, disability, sexual orientation or any other \
personal circumstance.]

- the Media Act;
- the Audiovisual Media Services Act.

1. Protection against Discrimination Act
2. Protection of Public Order Act

| Act | Article |
|---|---|
| Constitution | Article 14 |
| Criminal Code | **Article 297** |
"""

FOLLOW_UP = """\
The mid-term report was approved by the Government on 17 March 2022 and submitted \
to the UN OHCHR.
"""


def slovenia_report(**changes: object) -> ExportReport:
    report = ExportReport(
        symbol="A/HRC/WG.6/48/SVN/1",
        title=(
            "National report submitted pursuant to Human Rights Council "
            "resolutions 5/1 and 16/21"
        ),
        state="Slovenia",
        issued_on=dt.date(2024, 10, 30),
        original_language="English",
        language_code="en",
        organ="General Assembly",
        body_lines=(
            "Human Rights Council",
            "Working Group on the Universal Periodic Review",
            "Forty-eighth session",
            "Geneva, 20–31 January 2025",
        ),
        sections=(
            ExportSection("Introduction", 1, tuple(parse(INTRODUCTION))),
            ExportSection("Implementation of recommendations from previous cycles", 1),
            ExportSection(
                "International obligations", 2, tuple(parse(INTERNATIONAL_OBLIGATIONS))
            ),
            ExportSection(
                "Voluntary mid-term report", 1, tuple(parse(FOLLOW_UP)), True
            ),
            ExportSection(
                "Institutional framework of human rights protection",
                2,
                tuple(parse(INSTITUTIONAL_FRAMEWORK)),
            ),
            ExportSection(
                "Non-discrimination and elimination of hate speech",
                2,
                tuple(parse(NON_DISCRIMINATION)),
            ),
        ),
        inputs_used=(
            InputUsed(
                "Non-discrimination and elimination of hate speech",
                "Ministry of Justice",
                "3",
                dt.date(2024, 6, 12),
                (7,),
            ),
            InputUsed(
                "Introduction",
                "Ministry of Foreign and European Affairs",
                "2",
                dt.date(2024, 5, 3),
                (1, 2, 3),
            ),
        ),
    )
    return dataclasses.replace(report, **changes)  # type: ignore[arg-type]


# A French report written for these tests: the opening of a treaty report, in
# the style of the UN's French documents (non-breaking spaces before ; : ? !).
FRENCH_INTRODUCTION = """\
Le présent rapport est soumis conformément à l’article 9 de la Convention \
internationale sur l’élimination de toutes les formes de discrimination \
raciale. Il a été établi selon les directives figurant dans le document \
CERD/C/2007/1^[Directives pour l’établissement du document se rapportant \
spécifiquement à la Convention, adoptées par le Comité à sa soixante et \
onzième session.].

Le rapport a été élaboré par le Comité interministériel des droits de \
l’homme, en consultation avec l’institution nationale des droits de \
l’homme et les organisations de la société civile.

Le Comité a recommandé à l’État partie\u00a0:

(a) De renforcer la collecte de données ventilées par origine ethnique\u00a0;

(b) D’adopter un plan national de lutte contre le racisme.
"""

FRENCH_MEASURES = """\
### Cadre législatif

La loi n° 2021-1109 du 24 août 2021 a renforcé les sanctions pénales \
applicables aux propos racistes tenus en ligne^[Journal officiel du \
25 août 2021.].

| Mesure | Année |
|---|---|
| Plan national de lutte contre le racisme | 2023 |
| Formation des forces de l’ordre | 2024 |
"""


def french_report(**changes: object) -> ExportReport:
    report = ExportReport(
        symbol="CERD/C/FRA/23-24",
        title=(
            "Rapport valant vingt-troisième et vingt-quatrième rapports "
            "périodiques soumis par la France en application de l’article 9 "
            "de la Convention, attendu en 2024"
        ),
        state="France",
        issued_on=dt.date(2025, 3, 24),
        original_language="French",
        language_code="fr",
        organ=(
            "Convention internationale sur l’élimination de toutes les formes "
            "de discrimination raciale"
        ),
        body_lines=("Comité pour l’élimination de la discrimination raciale",),
        family="treaty_report",
        sections=(
            ExportSection("Introduction", 1, tuple(parse(FRENCH_INTRODUCTION))),
            ExportSection("Mesures de mise en œuvre", 1),
            ExportSection(
                "Article 4 de la Convention", 2, tuple(parse(FRENCH_MEASURES))
            ),
        ),
        inputs_used=(
            InputUsed(
                "Introduction",
                "Ministère de l’Europe et des affaires étrangères",
                "r2",
                dt.date(2025, 1, 15),
                (1, 2, 3),
            ),
            InputUsed(
                "Article 4 de la Convention",
                "Ministère de la justice",
                "r1",
                dt.date(2025, 2, 3),
                (4,),
            ),
        ),
    )
    return dataclasses.replace(report, **changes)  # type: ignore[arg-type]


# An Arabic report written for these tests. The first paragraph says that the
# State submits its report under the guidelines in document CCPR/C/2009/1; the
# second that the national committee consulted civil society in 2024.
ARABIC_INTRODUCTION = """\
تقدّم الدولة الطرف هذا التقرير الدوري وفقاً للمبادئ التوجيهية الواردة في \
الوثيقة CCPR/C/2009/1^[انظر المبادئ التوجيهية المتعلقة بالوثيقة الخاصة \
بمعاهدة بعينها CCPR/C/2009/1.].

أعدّت اللجنة الوطنية لحقوق الإنسان هذا التقرير بالتشاور مع منظمات المجتمع \
المدني خلال عام 2024، وعُرض مشروعه على البرلمان قبل اعتماده.

- قانون العقوبات المعدّل؛
- قانون الجمعيات الأهلية.
"""

ARABIC_FOLLOW_UP = """\
تابعت الحكومة تنفيذ التوصيات الواردة في الملاحظات الختامية \
(CCPR/C/JOR/CO/5)، ولا سيما التوصية المتعلقة بحرية التعبير.
"""


def arabic_report(**changes: object) -> ExportReport:
    report = ExportReport(
        symbol="CCPR/C/JOR/6",
        title="التقرير الدوري السادس المقدم من الأردن بموجب المادة 40 من العهد",
        state="الأردن",
        issued_on=dt.date(2025, 5, 12),
        original_language="Arabic",
        language_code="ar",
        organ="العهد الدولي الخاص بالحقوق المدنية والسياسية",
        body_lines=("اللجنة المعنية بحقوق الإنسان",),
        family="treaty_report",
        sections=(
            ExportSection("مقدمة", 1, tuple(parse(ARABIC_INTRODUCTION))),
            ExportSection(
                "متابعة الملاحظات الختامية", 1, tuple(parse(ARABIC_FOLLOW_UP))
            ),
        ),
        inputs_used=(
            InputUsed("مقدمة", "وزارة العدل", "r1", dt.date(2025, 4, 2), (1, 2)),
        ),
    )
    return dataclasses.replace(report, **changes)  # type: ignore[arg-type]
