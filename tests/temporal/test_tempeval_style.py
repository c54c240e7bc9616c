"""TimeML values on international news in the style of TempEval-3's test articles (2013 wire copy).

Every sentence was written for this file; the expected values follow the TimeML conventions
of docs/time.md (the section "time7"): an underspecified weekday, month or season by the tense
of its clause, "last Tuesday" as the latest Tuesday before the article's date, "the previous
year" and "the next day" counted from the date the text last named, "last week" as an ISO week,
decades and centuries as TimeML writes them. The time step runs with the tense from the parse.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from conflict_events.draft import Draft
from conflict_events.extractors.time import TimeExtractor
from conflict_events.schema import Document

FRI = dt.date(2013, 3, 22)  # Friday
THU = dt.date(2013, 3, 21)  # Thursday
WED = dt.date(2013, 3, 20)  # Wednesday
MON = dt.date(2013, 3, 18)  # Monday

# (sentence, article date, {words inside the expression: TIMEX3 value})
CASES: list[tuple[str, dt.date, dict[str, str]]] = [
    ("The foreign minister arrived in Cairo on Tuesday for talks with the new government.", FRI,
     {"Tuesday": "2013-03-19"}),
    ("The two leaders will meet again on Tuesday in Geneva.", FRI, {"Tuesday": "2013-03-26"}),
    ("Rebels shelled the airport last Tuesday, the army said.", WED, {"last Tuesday": "2013-03-19"}),
    ("Talks collapsed last week after the opposition walked out.", FRI, {"last week": "2013-W11"}),
    ("Parliament is expected to vote on the budget next week.", FRI, {"next week": "2013-W13"}),
    ("The ceasefire was signed on March 12. The next day, fighting resumed in the north.", FRI,
     {"March 12": "2013-03-12", "The next day": "2013-03-13"}),
    ("The minister resigned on Monday. That week, three more officials quit.", FRI,
     {"Monday": "2013-03-18", "That week": "2013-W12"}),
    ("Elections will be held in June, the commission said.", FRI, {"June": "2013-06"}),
    ("The summit was held in November.", FRI, {"November": "2012-11"}),
    ("The senators were elected in November and took office in January.", FRI,
     {"November": "2012-11", "January": "2013-01"}),
    ("The drought last summer ruined the harvest.", FRI, {"last summer": "2012-SU"}),
    ("The government plans to hold a referendum this spring.", FRI, {"this spring": "2013-SP"}),
    ("The euro zone economy contracted in the final quarter of last year.", THU,
     {"the final quarter of last year": "2012-Q4"}),
    ("Unemployment stood at 7.9 percent a year ago.", FRI, {"a year ago": "2012"}),
    ("The dam was completed in 2008. Two years earlier, floods had destroyed the old one.", FRI,
     {"2008": "2008", "Two years earlier": "2006"}),
    ("The dam was finished in 2008. The previous year, floods had hit the valley.", FRI,
     {"2008": "2008", "The previous year": "2007"}),
    ("Deposits fell sharply in February from the previous month.", THU,
     {"February": "2013-02", "the previous month": "2013-01"}),
    ("The truce began on March 3, 2011. The previous week, rebels had shelled the town.", FRI,
     {"March 3, 2011": "2011-03-03", "The previous week": "2011-W08"}),
    ("Growth is forecast to pick up next year.", FRI, {"next year": "2014"}),
    ("In the 1980s, the country fought a long war with its neighbour.", FRI, {"the 1980s": "198"}),
    ("The cathedral was built in the 12th century.", FRI, {"the 12th century": "11"}),
    ("The city lost half its people in the last century.", FRI, {"the last century": "19"}),
    ("He will travel to Jordan on Friday before returning to Washington on Saturday.", THU,
     {"Friday": "2013-03-22", "Saturday": "2013-03-23"}),
    ("The envoy is expected to arrive on Monday and meet the president on Tuesday.", THU,
     {"Monday": "2013-03-25", "Tuesday": "2013-03-26"}),
    ("The banks will remain closed until Tuesday, the central bank said.", THU, {"Tuesday": "2013-03-26"}),
    ("Snow is forecast for Sunday across the north of the country.", FRI, {"Sunday": "2013-03-24"}),
    ("Finance ministers met in Brussels over the weekend.", MON, {"the weekend": "2013-W11-WE"}),
    ("He was arrested in Paris on March 6 and charged two days later.", FRI,
     {"March 6": "2013-03-06", "two days later": "2013-03-08"}),
    ("In 2009, rebels seized the north. A year later, the regime fell.", FRI,
     {"2009": "2009", "A year later": "2010"}),
    ("The law was passed by parliament earlier this year.", FRI, {"earlier this year": "2013"}),
    ("Polls open at 7 a.m. on Sunday in the first round.", FRI, {"Sunday": "2013-03-24"}),
    ("The talks resume this coming Monday in Geneva.", FRI, {"this coming Monday": "2013-03-25"}),
    ("The Winter Olympics open in Sochi next February.", FRI, {"next February": "2014-02"}),
    ("The fall in oil prices hurt the budget last year.", FRI, {"last year": "2012"}),
    ("The company went bankrupt in 2009. In March of that year, it laid off 500 workers.", FRI,
     {"2009": "2009", "March of that year": "2009-03"}),
    ("The finance minister said Thursday that the banks would reopen on Tuesday.", FRI,
     {"Thursday": "2013-03-21", "Tuesday": "2013-03-26"}),
    ("Officials said on Monday that the vote would take place on Wednesday.", FRI,
     {"Monday": "2013-03-18", "Wednesday": "2013-03-20"}),
    ("Thousands of pilgrims are expected in Rome for Holy Week.", FRI, {"Holy Week": "2013-W13"}),
    ("The new pope will celebrate his first Palm Sunday Mass in the square.", FRI, {"Palm Sunday": "2013-03-24"}),
    ("In a speech on Thursday, the president is expected to call on both sides to make peace.", WED,
     {"Thursday": "2013-03-21"}),
    ("The president will meet the prime minister later Wednesday.", WED, {"later Wednesday": "2013-03-20"}),
    ("Talks collapsed in the spring of 2010 and resumed two years later.", FRI,
     {"the spring of 2010": "2010-SP", "two years later": "2012"}),
    ("Officials said the talks could continue through the weekend.", THU, {"the weekend": "2013-W12-WE"}),
    ("The electoral commission said the vote would be held in October.", FRI, {"October": "2013-10"}),
    ("In January, the minister said talks would resume in February.", FRI,
     {"January": "2013-01", "February": "2013-02"}),
    ("The strike began on February 4. By the end of the month, 200 firms had closed.", FRI,
     {"February 4": "2013-02-04", "the end of the month": "2013-02"}),
    # under "would", a season or a quarter to come is this year's, as a month is (time8)
    ("The airline said it would resume flights to the island in the summer.", FRI, {"the summer": "2013-SU"}),
    ("The carmaker said output would fall in the fourth quarter.", FRI, {"the fourth quarter": "2013-Q4"}),
    # a time zone after a clock time belongs to it, and the day after the zone is the clock time's (time8)
    ("The bid was extended until 5 p.m. EDT April 9, the company said.", FRI, {"5 p.m. EDT": "2013-04-09T17:00"}),
    ("Polls close at 8 p.m. local time Sunday across the country.", FRI, {"Sunday": "2013-03-24"}),
    ("The ceasefire took effect at 6 a.m. GMT on Monday.", FRI, {"6 a.m. GMT": "2013-03-18T06:00"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "anchor", "expected"), CASES, ids=[c[0][:48] for c in CASES])
def test_timeml_value(nlp: Language, text: str, anchor: dt.date, expected: dict[str, str]) -> None:
    draft = TimeExtractor()(nlp(text), Draft(Document(id="t", text=text, date=anchor)))
    for words, value in expected.items():
        found = [t.value for t in draft.times if words in t.text]
        assert found[:1] == [value], (words, [(t.text, t.value) for t in draft.times])
