"""Table-driven normalisation tests: expressions from many conflicts, anchors, expected spans.

Each row is written from the conventions of docs/time.md (past-tense reporting
points back, a weekday equal to the anchor's is the anchor day, a bare month
after the anchor's month is last year's, ...), not copied from the output.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conflict_events.temporal import TimeExpression, TimeFinder, find_times

D = dt.date
SUN = D(2025, 1, 5)  # Sunday
TUE = D(2018, 7, 3)  # Tuesday
MON = D(2018, 12, 24)  # Monday
FRI = D(2022, 7, 29)  # Friday
THU = D(2021, 7, 22)  # Thursday
SUN_LEAP = D(2024, 3, 24)  # Sunday, leap year

# (sentence, expression as written, anchor, start, end, precision)
CASES: list[tuple[str, str, dt.date, str, str, str]] = [
    # weekdays in past-tense reporting
    ("Russian forces shelled Kharkiv on Sunday.", "on Sunday", SUN, "2025-01-05", "2025-01-05", "day"),
    ("Drones hit a depot on Saturday.", "on Saturday", SUN, "2025-01-04", "2025-01-04", "day"),
    ("Rebels ambushed a convoy on Friday.", "on Friday", SUN, "2025-01-03", "2025-01-03", "day"),
    ("Police dispersed protesters on Monday.", "on Monday", SUN, "2024-12-30", "2024-12-30", "day"),
    (
        "The counterattack began on Sunday morning.",
        "on Sunday morning",
        SUN,
        "2025-01-05",
        "2025-01-05",
        "day",
    ),
    ("Fighters stormed the base late Saturday.", "late Saturday", SUN, "2025-01-04", "2025-01-04", "day"),
    (
        "Drones hit a fuel depot overnight on Saturday.",
        "overnight on Saturday",
        SUN,
        "2025-01-04",
        "2025-01-04",
        "day",
    ),
    ("The army denied the claim later Friday.", "later Friday", SUN, "2025-01-03", "2025-01-03", "day"),
    (
        "Gunmen raided the village late on Saturday.",
        "late on Saturday",
        SUN,
        "2025-01-04",
        "2025-01-04",
        "day",
    ),
    ("Sunday's strikes killed 15 civilians.", "Sunday's", SUN, "2025-01-05", "2025-01-05", "day"),
    ("SANA reported Saturday's attack.", "Saturday's", SUN, "2025-01-04", "2025-01-04", "day"),
    ("Clashes erupted Sunday night.", "Sunday night", SUN, "2025-01-05", "2025-01-05", "day"),
    ("Troops withdrew last Sunday.", "last Sunday", SUN, "2024-12-29", "2024-12-29", "day"),
    ("Troops withdrew last Friday.", "last Friday", SUN, "2025-01-03", "2025-01-03", "day"),
    ("Gunmen stormed a village on Saturday.", "on Saturday", MON, "2018-12-22", "2018-12-22", "day"),
    ("On Wednesday, nine herders were killed.", "On Wednesday", MON, "2018-12-19", "2018-12-19", "day"),
    ("Witnesses and police said Monday.", "Monday", MON, "2018-12-24", "2018-12-24", "day"),
    ("Shells fell on the market last Monday.", "last Monday", MON, "2018-12-17", "2018-12-17", "day"),
    ("A car bomb exploded Sunday night.", "Sunday night", MON, "2018-12-23", "2018-12-23", "day"),
    ("The prison was shelled on Thursday.", "on Thursday", FRI, "2022-07-28", "2022-07-28", "day"),
    ("Kyiv denied it later Friday.", "later Friday", FRI, "2022-07-29", "2022-07-29", "day"),
    ("On Sunday, the militia said it attacked.", "On Sunday", THU, "2021-07-18", "2021-07-18", "day"),
    ("An aid worker told reporters on Thursday.", "on Thursday", THU, "2021-07-22", "2021-07-22", "day"),
    (
        "Fighters stormed a base late on Saturday.",
        "late on Saturday",
        SUN_LEAP,
        "2024-03-23",
        "2024-03-23",
        "day",
    ),
    # weekdays pointing forwards
    ("The envoys will meet on Monday.", "on Monday", SUN, "2025-01-06", "2025-01-06", "day"),
    ("The envoys will meet on Sunday.", "on Sunday", SUN, "2025-01-12", "2025-01-12", "day"),
    ("Talks resume next Friday.", "next Friday", SUN, "2025-01-10", "2025-01-10", "day"),
    ("Both sides will sign the deal next Tuesday.", "next Tuesday", FRI, "2022-08-02", "2022-08-02", "day"),
    ("The delegation will arrive on Tuesday.", "on Tuesday", FRI, "2022-08-02", "2022-08-02", "day"),
    # days relative to the anchor
    ("Missiles struck the city yesterday.", "yesterday", SUN, "2025-01-04", "2025-01-04", "day"),
    ("Protests continued today.", "today", SUN, "2025-01-05", "2025-01-05", "day"),
    ("Rockets fired at the prison tonight killed 40.", "tonight", FRI, "2022-07-28", "2022-07-29", "range"),
    ("The president will address the nation tonight.", "tonight", FRI, "2022-07-29", "2022-07-29", "day"),
    ("Shelling resumed last night.", "last night", SUN, "2025-01-04", "2025-01-04", "day"),
    ("Drones attacked Odesa overnight.", "overnight", SUN, "2025-01-04", "2025-01-05", "range"),
    ("Sirens sounded this morning.", "this morning", SUN, "2025-01-05", "2025-01-05", "day"),
    ("Talks are due to open tomorrow.", "tomorrow", SUN, "2025-01-06", "2025-01-06", "day"),
    (
        "The town fell the day before yesterday.",
        "the day before yesterday",
        SUN,
        "2025-01-03",
        "2025-01-03",
        "day",
    ),
    (
        "The vote is set for the day after tomorrow.",
        "the day after tomorrow",
        SUN_LEAP,
        "2024-03-26",
        "2024-03-26",
        "day",
    ),
    ("A convoy was hit two days ago.", "two days ago", SUN, "2025-01-03", "2025-01-03", "day"),
    ("The hotel was attacked 10 days ago.", "10 days ago", SUN_LEAP, "2024-03-14", "2024-03-14", "day"),
    ("The siege began 10 days ago.", "10 days ago", SUN, "2024-12-26", "2024-12-26", "day"),
    # a plural unit with no count is a range in the past, never a span that ends before it starts
    ("The militia was founded decades ago.", "decades ago", SUN, "2005-01-05", "2015-01-05", "range"),
    ("The bridge was blown up a week ago.", "a week ago", SUN, "2024-12-29", "2024-12-29", "day"),
    ("The offensive began three weeks ago.", "three weeks ago", SUN, "2024-12-09", "2024-12-15", "week"),
    ("The town fell two months ago.", "two months ago", SUN, "2024-11-01", "2024-11-30", "month"),
    ("The ceasefire collapsed a year ago.", "a year ago", SUN, "2024-01-01", "2024-12-31", "year"),
    ("The hotel was attacked a month ago.", "a month ago", SUN_LEAP, "2024-02-01", "2024-02-29", "month"),
    (
        "Militants freed hostages a few days ago.",
        "a few days ago",
        SUN_LEAP,
        "2024-03-19",
        "2024-03-22",
        "range",
    ),
    ("Aid stopped several weeks ago.", "several weeks ago", SUN_LEAP, "2024-02-04", "2024-03-03", "range"),
    # rolling windows and vague recency
    (
        "Soldiers killed 340 fighters over the past day.",
        "over the past day",
        SUN,
        "2025-01-04",
        "2025-01-05",
        "range",
    ),
    (
        "At least 12 died in the past 24 hours.",
        "in the past 24 hours",
        SUN,
        "2025-01-04",
        "2025-01-05",
        "range",
    ),
    (
        "Six villages were hit in the past 48 hours.",
        "in the past 48 hours",
        SUN,
        "2025-01-03",
        "2025-01-05",
        "range",
    ),
    (
        "Forty people were killed in the past two weeks.",
        "in the past two weeks",
        MON,
        "2018-12-10",
        "2018-12-24",
        "range",
    ),
    (
        "Raids intensified over the past two weeks.",
        "over the past two weeks",
        SUN,
        "2024-12-22",
        "2025-01-05",
        "range",
    ),
    (
        "Fighting escalated over the past week.",
        "over the past week",
        SUN,
        "2024-12-29",
        "2025-01-05",
        "range",
    ),
    (
        "Prices doubled over the past three years.",
        "over the past three years",
        SUN_LEAP,
        "2021-03-24",
        "2024-03-24",
        "range",
    ),
    ("Troops advanced in recent months.", "in recent months", SUN, "2024-10-05", "2025-01-05", "range"),
    ("Attacks rose in recent days.", "in recent days", SUN, "2024-12-29", "2025-01-05", "range"),
    ("Attacks rose in recent weeks.", "in recent weeks", SUN, "2024-12-08", "2025-01-05", "range"),
    ("Attacks rose in recent years.", "in recent years", SUN, "2022-01-05", "2025-01-05", "range"),
    ("Conscripts have recently taken heavy losses.", "recently", SUN, "2024-12-06", "2025-01-05", "range"),
    (
        "More troops will arrive in the coming days.",
        "in the coming days",
        SUN_LEAP,
        "2024-03-24",
        "2024-03-30",
        "range",
    ),
    (
        "Elections are due in the next two weeks.",
        "in the next two weeks",
        SUN_LEAP,
        "2024-03-24",
        "2024-04-06",
        "range",
    ),
    # calendar periods relative to the anchor
    ("Shelling intensified last week.", "last week", SUN, "2024-12-23", "2024-12-29", "week"),
    ("Shelling intensified last week.", "last week", FRI, "2022-07-18", "2022-07-24", "week"),
    ("Strikes hit the port this week.", "this week", SUN, "2024-12-30", "2025-01-05", "week"),
    ("This week's bombardment hit Zabid.", "This week's", TUE, "2018-07-02", "2018-07-03", "week"),
    ("Strikes hit the port this week.", "this week", FRI, "2022-07-25", "2022-07-29", "week"),
    ("Officials met earlier this week.", "earlier this week", FRI, "2022-07-25", "2022-07-29", "week"),
    ("The talks will resume next week.", "next week", SUN, "2025-01-06", "2025-01-12", "week"),
    ("Bandits at the weekend killed nine herders.", "at the weekend", MON, "2018-12-22", "2018-12-23", "week"),
    ("Clashes broke out over the weekend.", "over the weekend", MON, "2018-12-22", "2018-12-23", "week"),
    ("Clashes broke out over the weekend.", "over the weekend", SUN, "2025-01-04", "2025-01-05", "week"),
    ("Clashes broke out last weekend.", "last weekend", MON, "2018-12-22", "2018-12-23", "week"),
    ("Clashes broke out last weekend.", "last weekend", SUN, "2024-12-28", "2024-12-29", "week"),
    ("Clashes broke out this past weekend.", "this past weekend", MON, "2018-12-22", "2018-12-23", "week"),
    ("A summit will be held next weekend.", "next weekend", SUN, "2025-01-11", "2025-01-12", "week"),
    ("Casualties rose this month.", "this month", SUN, "2025-01-01", "2025-01-05", "month"),
    (
        "The group claimed gains earlier this month.",
        "earlier this month",
        SUN_LEAP,
        "2024-03-01",
        "2024-03-24",
        "month",
    ),
    ("The army captured the airport last month.", "last month", TUE, "2018-06-01", "2018-06-30", "month"),
    ("Last month the siege was lifted.", "Last month", THU, "2021-06-01", "2021-06-30", "month"),
    ("Aid deliveries resume next month.", "next month", SUN, "2025-02-01", "2025-02-28", "month"),
    (
        "A new offensive is expected later this month.",
        "later this month",
        SUN,
        "2025-01-05",
        "2025-01-31",
        "month",
    ),
    ("Russia lost soldiers last year.", "last year", SUN, "2024-01-01", "2024-12-31", "year"),
    ("Attacks rose sharply this year.", "this year", SUN, "2025-01-01", "2025-01-05", "year"),
    (
        "Attacks rose sharply earlier this year.",
        "earlier this year",
        SUN_LEAP,
        "2024-01-01",
        "2024-03-24",
        "year",
    ),
    ("The rebels regrouped late last year.", "late last year", SUN, "2024-09-01", "2024-12-31", "year"),
    ("Troops arrived early last year.", "early last year", SUN, "2024-01-01", "2024-04-30", "year"),
    (
        "A truce is planned for the end of the month.",
        "the end of the month",
        SUN_LEAP,
        "2024-03-21",
        "2024-03-31",
        "month",
    ),
    # months and years without a day
    ("The incursion began in August.", "in August", SUN, "2024-08-01", "2024-08-31", "month"),
    ("Azov fighters surrendered in May.", "in May", FRI, "2022-05-01", "2022-05-31", "month"),
    ("The town was retaken in May.", "in May", SUN, "2024-05-01", "2024-05-31", "month"),
    ("Troops entered Tigray last November.", "last November", THU, "2020-11-01", "2020-11-30", "month"),
    (
        "Troops entered Tigray last November.",
        "last November",
        D(2021, 11, 20),
        "2020-11-01",
        "2020-11-30",
        "month",
    ),
    ("The siege ended in February.", "in February", SUN_LEAP, "2024-02-01", "2024-02-29", "month"),
    ("The camp was raided in June.", "in June", SUN_LEAP, "2023-06-01", "2023-06-30", "month"),
    ("Elections will be held in June.", "in June", SUN_LEAP, "2024-06-01", "2024-06-30", "month"),
    ("The militia was formed in January.", "in January", MON, "2018-01-01", "2018-01-31", "month"),
    ("Talks will start in January.", "in January", MON, "2019-01-01", "2019-01-31", "month"),
    ("Fighting flared in early January.", "in early January", SUN, "2025-01-01", "2025-01-05", "month"),
    ("Fighting flared in late December.", "in late December", SUN, "2024-12-21", "2024-12-31", "month"),
    ("Fighting flared in mid-December.", "in mid-December", SUN, "2024-12-11", "2024-12-20", "month"),
    (
        "Fighting flared at the end of December.",
        "the end of December",
        SUN,
        "2024-12-21",
        "2024-12-31",
        "month",
    ),
    (
        "The blockade began at the end of February.",
        "the end of February",
        SUN_LEAP,
        "2024-02-21",
        "2024-02-29",
        "month",
    ),
    ("The town fell in December 2024.", "in December 2024", SUN, "2024-12-01", "2024-12-31", "month"),
    ("The coalition intervened in March 2015.", "in March 2015", TUE, "2015-03-01", "2015-03-31", "month"),
    ("The rebels lost 2,000 fighters in 2024.", "in 2024", SUN, "2024-01-01", "2024-12-31", "year"),
    ("The offensive was launched in 2022.", "in 2022", SUN_LEAP, "2022-01-01", "2022-12-31", "year"),
    ("The rebels seized the city in mid-2024.", "in mid-2024", SUN, "2024-05-01", "2024-08-31", "year"),
    ("Ceasefire talks stalled in late 2023.", "in late 2023", SUN, "2023-09-01", "2023-12-31", "year"),
    ("The 2019 Nobel laureate declared victory.", "2019", THU, "2019-01-01", "2019-12-31", "year"),
    (
        "Violence surged in the first half of 2024.",
        "in the first half of 2024",
        SUN,
        "2024-01-01",
        "2024-06-30",
        "range",
    ),
    (
        "Deaths fell in the third quarter of 2024.",
        "in the third quarter of 2024",
        SUN,
        "2024-07-01",
        "2024-09-30",
        "range",
    ),
    ("Deaths fell in Q3 2023.", "in Q3 2023", SUN, "2023-07-01", "2023-09-30", "range"),
    (
        "Deaths fell in the fourth quarter.",
        "in the fourth quarter",
        SUN_LEAP,
        "2023-10-01",
        "2023-12-31",
        "range",
    ),
    ("The insurgency began in the 1990s.", "in the 1990s", SUN, "1990-01-01", "1999-12-31", "range"),
    (
        "The insurgency began in the early 2000s.",
        "in the early 2000s",
        SUN,
        "2000-01-01",
        "2009-12-31",
        "range",
    ),
    (
        "The camp was besieged in the spring of 2023.",
        "in the spring of 2023",
        SUN,
        "2023-03-01",
        "2023-05-31",
        "range",
    ),
    ("Fighting paused in the winter.", "in the winter", SUN, "2024-12-01", "2025-02-28", "range"),
    ("Fighting paused last summer.", "last summer", SUN_LEAP, "2023-06-01", "2023-08-31", "range"),
    ("The army will attack this summer.", "this summer", SUN_LEAP, "2024-06-01", "2024-08-31", "range"),
    ("Shelling was heavy this winter.", "this winter", SUN_LEAP, "2023-12-01", "2024-02-29", "range"),
    # days and months without a year
    ("The strike took place on January 3.", "on January 3", SUN, "2025-01-03", "2025-01-03", "day"),
    ("The strike took place on 3 January.", "on 3 January", SUN, "2025-01-03", "2025-01-03", "day"),
    ("Jihadists stormed the hotel on March 14.", "on March 14", SUN_LEAP, "2024-03-14", "2024-03-14", "day"),
    ("Gunmen attacked the church on Dec 24.", "on Dec 24", SUN, "2024-12-24", "2024-12-24", "day"),
    ("Kano, Dec 24: Gunmen killed 17 people.", "Dec 24", MON, "2018-12-24", "2018-12-24", "day"),
    ("The convoy was attacked on July 4.", "on July 4", FRI, "2022-07-04", "2022-07-04", "day"),
    ("The convoy was attacked on August 1.", "on August 1", FRI, "2021-08-01", "2021-08-01", "day"),
    ("Exports will resume on August 1.", "on August 1", FRI, "2022-08-01", "2022-08-01", "day"),
    (
        "The leap-day raid on 29 February killed four.",
        "on 29 February",
        SUN_LEAP,
        "2024-02-29",
        "2024-02-29",
        "day",
    ),
    (
        "Militants attacked on the 3rd of March.",
        "on the 3rd of March",
        SUN_LEAP,
        "2024-03-03",
        "2024-03-03",
        "day",
    ),
    ("Militants attacked on March 3rd.", "on March 3rd", SUN_LEAP, "2024-03-03", "2024-03-03", "day"),
    # explicit dates in every common format
    ("The order was signed on 2025-01-05.", "2025-01-05", SUN, "2025-01-05", "2025-01-05", "day"),
    ("The order was signed on 05/01/2025.", "05/01/2025", SUN, "2025-01-05", "2025-01-05", "day"),
    ("The order was signed on 1/2/2024.", "1/2/2024", SUN_LEAP, "2024-02-01", "2024-02-01", "day"),
    ("The order was signed on 13/02/2024.", "13/02/2024", SUN_LEAP, "2024-02-13", "2024-02-13", "day"),
    ("The order was signed on 02/13/2024.", "02/13/2024", SUN_LEAP, "2024-02-13", "2024-02-13", "day"),
    ("The order was signed on 3.2.2024.", "3.2.2024", SUN_LEAP, "2024-02-03", "2024-02-03", "day"),
    (
        "The order was signed on 5th January 2025.",
        "on 5th January 2025",
        SUN,
        "2025-01-05",
        "2025-01-05",
        "day",
    ),
    (
        "The order was signed on January 5, 2025.",
        "on January 5, 2025",
        SUN,
        "2025-01-05",
        "2025-01-05",
        "day",
    ),
    (
        "The raid on Feb. 29, 2024 killed four.",
        "on Feb. 29, 2024",
        SUN_LEAP,
        "2024-02-29",
        "2024-02-29",
        "day",
    ),
    (
        "It happened on Sunday, 5 January 2025.",
        "on Sunday, 5 January 2025",
        MON,
        "2025-01-05",
        "2025-01-05",
        "day",
    ),
    ("The massacre of 11 July 1995 is remembered.", "11 July 1995", SUN, "1995-07-11", "1995-07-11", "day"),
    ("The strike hit on Monday, March 4.", "on Monday, March 4", SUN, "2024-03-04", "2024-03-04", "day"),
    (
        "The strike hit on Tuesday, 3 January.",
        "on Tuesday, 3 January",
        SUN,
        "2023-01-03",
        "2023-01-03",
        "day",
    ),
    # ranges
    ("Troops advanced since August.", "since August", SUN, "2024-08-01", "2025-01-05", "range"),
    (
        "The army has lost 3,000 soldiers since the start of the campaign in August.",
        "since the start of the campaign in August",
        SUN,
        "2024-08-01",
        "2025-01-05",
        "range",
    ),
    ("The war has killed 10,000 people since 2015.", "since 2015", TUE, "2015-01-01", "2018-07-03", "range"),
    ("Prices have risen since last week.", "since last week", SUN_LEAP, "2024-03-11", "2024-03-24", "range"),
    ("The road has been closed since Monday.", "since Monday", SUN_LEAP, "2024-03-18", "2024-03-24", "range"),
    # a month or date with a year said relative to the anchor's
    ("Fighting in March last year killed dozens.", "in March last year", SUN_LEAP, "2023-03-01", "2023-03-31", "month"),
    (
        "Rebels seized Bunia in April of last year.",
        "in April of last year",
        SUN_LEAP,
        "2023-04-01",
        "2023-04-30",
        "month",
    ),
    ("May last year was the deadliest month.", "May last year", SUN_LEAP, "2023-05-01", "2023-05-31", "month"),
    ("He was detained on 7 October last year.", "on 7 October last year", SUN_LEAP, "2023-10-07", "2023-10-07", "day"),
    ("Talks collapsed in January this year.", "in January this year", SUN_LEAP, "2024-01-01", "2024-01-31", "month"),
    (
        "Gunmen struck Kaduna in late April last year.",
        "in late April last year",
        SUN_LEAP,
        "2023-04-21",
        "2023-04-30",
        "month",
    ),
    # ordinal words for days
    ("The siege began on the third of March.", "on the third of March", SUN_LEAP, "2024-03-03", "2024-03-03", "day"),
    (
        "It fell on the twenty-first of March.",
        "on the twenty-first of March",
        SUN_LEAP,
        "2024-03-21",
        "2024-03-21",
        "day",
    ),
    # "since" + a clause whose verb starts something: a range from the date it names to the anchor
    (
        "Millions have fled since the war began in April last year.",
        "since the war began in April last year",
        SUN_LEAP,
        "2023-04-01",
        "2024-03-24",
        "range",
    ),
    (
        "Thousands have died since fighting broke out on 15 April.",
        "since fighting broke out on 15 April",
        SUN_LEAP,
        "2023-04-15",
        "2024-03-24",
        "range",
    ),
    (
        "Repression grew since the army seized power in February 2021.",
        "since the army seized power in February 2021",
        SUN_LEAP,
        "2021-02-01",
        "2024-03-24",
        "range",
    ),
    (
        "Since the start of the year, 300 people have been killed.",
        "Since the start of the year",
        SUN_LEAP,
        "2024-01-01",
        "2024-03-24",
        "range",
    ),
    (
        "The group has been active since at least 2015.",
        "since at least 2015",
        SUN_LEAP,
        "2015-01-01",
        "2024-03-24",
        "range",
    ),
    (
        "Raids took place between 1 and 3 January.",
        "between 1 and 3 January",
        SUN,
        "2025-01-01",
        "2025-01-03",
        "range",
    ),
    (
        "Strikes hit the city on the night of 4 to 5 January.",
        "on the night of 4 to 5 January",
        SUN,
        "2025-01-04",
        "2025-01-05",
        "range",
    ),
    (
        "Eleven civilians were killed on Sunday and Monday.",
        "on Sunday and Monday",
        TUE,
        "2018-07-01",
        "2018-07-02",
        "range",
    ),
    (
        "Protests ran from Friday to Sunday.",
        "from Friday to Sunday",
        SUN,
        "2025-01-03",
        "2025-01-05",
        "range",
    ),
    ("The talks ran 3-5 March.", "3-5 March", SUN_LEAP, "2024-03-03", "2024-03-05", "range"),
    ("The talks ran March 3-5.", "March 3-5", SUN_LEAP, "2024-03-03", "2024-03-05", "range"),
    (
        "The talks ran from 28 February to 2 March.",
        "from 28 February to 2 March",
        SUN_LEAP,
        "2024-02-28",
        "2024-03-02",
        "range",
    ),
    (
        "The talks ran between March 1 and March 3.",
        "between March 1 and March 3",
        SUN_LEAP,
        "2024-03-01",
        "2024-03-03",
        "range",
    ),
    ("The drought lasted 2014-2016.", "2014-2016", SUN, "2014-01-01", "2016-12-31", "range"),
    (
        "The drought lasted between 2014 and 2016.",
        "between 2014 and 2016",
        SUN,
        "2014-01-01",
        "2016-12-31",
        "range",
    ),
    ("Attacks were recorded in 2023 and 2024.", "in 2023 and 2024", SUN, "2023-01-01", "2024-12-31", "range"),
    ("The town was besieged for three days.", "for three days", SUN, "2025-01-02", "2025-01-05", "range"),
    # times of day, days of the month, feasts, weeks of a month
    ("Rebels attacked on Sunday at 3 pm.", "at 3 pm", THU, "2021-07-18", "2021-07-18", "day"),
    ("The blast hit at 0600 GMT.", "at 0600 GMT", SUN, "2025-01-05", "2025-01-05", "day"),
    ("Troops stormed the camp at dawn.", "at dawn", SUN, "2025-01-05", "2025-01-05", "day"),
    ("The last convoy left on the 3rd.", "on the 3rd", SUN, "2025-01-03", "2025-01-03", "day"),
    ("The last convoy left on the 12th.", "on the 12th", SUN, "2024-12-12", "2024-12-12", "day"),
    (
        "Gunmen attacked a church on Christmas Eve.",
        "on Christmas Eve",
        SUN,
        "2024-12-24",
        "2024-12-24",
        "day",
    ),
    (
        "Gunmen attacked a church on Christmas Day.",
        "on Christmas Day",
        MON,
        "2017-12-25",
        "2017-12-25",
        "day",
    ),
    (
        "Bombers struck churches on Easter Sunday 2019.",
        "on Easter Sunday 2019",
        SUN,
        "2019-04-21",
        "2019-04-21",
        "day",
    ),
    ("Shelling stopped on New Year's Day.", "on New Year's Day", SUN, "2025-01-01", "2025-01-01", "day"),
    (
        "Raids peaked in the first week of December.",
        "in the first week of December",
        SUN,
        "2024-12-01",
        "2024-12-07",
        "week",
    ),
    (
        "Raids peaked in the last week of December 2023.",
        "in the last week of December 2023",
        SUN,
        "2023-12-25",
        "2023-12-31",
        "week",
    ),
    ("The mayor was abducted this past Sunday.", "this past Sunday", SUN, "2024-12-29", "2024-12-29", "day"),
    (
        "Rebels attacked on Sunday. Later in the day, troops withdrew.",
        "Later in the day",
        THU,
        "2021-07-18",
        "2021-07-18",
        "day",
    ),
    (
        "Deaths doubled over the past decade.",
        "over the past decade",
        SUN,
        "2010-01-01",
        "2019-12-31",
        "range",
    ),
    ("The truce expired at 7 a.m. on Dec. 1.", "at 7 a.m.", SUN, "2024-12-01", "2024-12-01", "day"),
    (
        "The attack took place at around 5:30 am (0330 GMT) on Monday.",
        "0330 GMT",
        SUN,
        "2024-12-30",
        "2024-12-30",
        "day",
    ),
    ("A similar attack in 2015 killed 12.", "in 2015", SUN, "2015-01-01", "2015-12-31", "year"),
    # TimeML's readings of periods without a count, running counts, anaphora
    ("Abductions doubled over the past year.", "over the past year", SUN, "2024-01-01", "2024-12-31", "year"),
    (
        "Shelling went on for a third consecutive day.",
        "a third consecutive day",
        SUN,
        "2025-01-05",
        "2025-01-05",
        "day",
    ),
    (
        "The siege ended on Friday, a week after the previous Friday.",
        "the previous Friday",
        SUN,
        "2024-12-27",
        "2024-12-27",
        "day",
    ),
    (
        "The ceasefire will expire on 20 January. Until then, convoys may pass.",
        "Until then",
        SUN,
        "2025-01-20",
        "2025-01-20",
        "day",
    ),
    ("The crops will be smaller this year than last.", "last", SUN, "2024-01-01", "2024-12-31", "year"),
    ("Clashes were frequent in the 1970s and 80s.", "80s", SUN, "1980-01-01", "1989-12-31", "range"),
    (
        "Earlier in the week, suicide bombers hit a market.",
        "Earlier in the week",
        FRI,
        "2022-07-25",
        "2022-07-29",
        "week",
    ),
    (
        "The group was founded in the late 1990s.",
        "in the late 1990s",
        SUN,
        "1990-01-01",
        "1999-12-31",
        "range",
    ),
    ("The talks were postponed until January.", "January", SUN_LEAP, "2025-01-01", "2025-01-31", "month"),
    ("Russia now controls a fifth of the country.", "now", SUN, "2025-01-05", "2025-01-05", "day"),
    # relative to another date in the text
    (
        "Rebels attacked on Sunday. Three days later, troops withdrew.",
        "Three days later",
        THU,
        "2021-07-21",
        "2021-07-21",
        "day",
    ),
    (
        "Rebels attacked on Sunday. In the days before, troops withdrew.",
        "the days before",
        THU,
        "2021-07-11",
        "2021-07-17",
        "range",
    ),
    (
        "Rebels attacked on Sunday. The next day, troops withdrew.",
        "The next day",
        THU,
        "2021-07-19",
        "2021-07-19",
        "day",
    ),
    (
        "Rebels attacked on Sunday. The day before, troops had withdrawn.",
        "The day before",
        THU,
        "2021-07-17",
        "2021-07-17",
        "day",
    ),
    (
        "Shells hit the market on Sunday. The shelling came a day after rebels attacked.",
        "a day after",
        THU,
        "2021-07-17",
        "2021-07-17",
        "day",
    ),
    (
        "Rebels attacked on Sunday. The following week, troops withdrew.",
        "The following week",
        THU,
        "2021-07-19",
        "2021-07-25",
        "week",
    ),
    (
        "Troops went in last November and he declared victory later that month.",
        "later that month",
        THU,
        "2020-11-01",
        "2020-11-30",
        "month",
    ),
    (
        "The convoy left on March 14. That day, two trucks were hit.",
        "That day",
        SUN_LEAP,
        "2024-03-14",
        "2024-03-14",
        "day",
    ),
    # horizons far ahead, counts from now (time6)
    ("The ministry wants the province cleared of mines by 2050.", "2050", SUN, "2050-01-01", "2050-12-31", "year"),
    ("Between 2030 and 2060 the delta may flood.", "2060", SUN, "2060-01-01", "2060-12-31", "year"),
    ("Two years from now the dam will be finished.", "Two years from now", SUN, "2027-01-01", "2027-12-31", "year"),
    ("The mandate ends six months from today.", "six months from today", SUN, "2025-07-01", "2025-07-31", "month"),
    ("The old fort dates from the 1800s.", "the 1800s", SUN, "1800-01-01", "1899-12-31", "range"),
    # a weekday of a month, more feasts, fiscal and half-year shorthands, years joined by a slash
    (
        "Voters went to the polls on the last Sunday of October.",
        "on the last Sunday of October",
        SUN,
        "2024-10-27",
        "2024-10-27",
        "day",
    ),
    (
        "The board will meet on the second Tuesday in March.",
        "on the second Tuesday in March",
        SUN,
        "2025-03-11",
        "2025-03-11",
        "day",
    ),
    ("Shops were looted on Black Friday.", "on Black Friday", SUN, "2024-11-29", "2024-11-29", "day"),
    ("Police banned the march on St. Patrick's Day.", "on St. Patrick's Day", SUN, "2024-03-17", "2024-03-17", "day"),
    ("The ministry's budget for FY2023 was cut.", "FY2023", SUN, "2023-01-01", "2023-12-31", "year"),
    ("Output fell in H2 2024.", "H2 2024", SUN, "2024-07-01", "2024-12-31", "range"),
    ("Aid spending in 2023/24 fell by a third.", "24", SUN, "2024-01-01", "2024-12-31", "year"),
    ("The port grew rich in the 18th and 19th centuries.", "19th centuries", SUN, "1800-01-01", "1899-12-31", "range"),
]


def _expression(sentence: str, written: str, anchor: dt.date) -> TimeExpression:
    found = TimeFinder().timespans(sentence, anchor)
    for e in found:
        if e.text == written:
            return e
    raise AssertionError(f"{written!r} not found in {sentence!r}: {[e.text for e in found]}")


def test_at_least_150_cases() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(("sentence", "written", "anchor", "start", "end", "precision"), CASES)
def test_normalisation(sentence: str, written: str, anchor: dt.date, start: str, end: str, precision: str) -> None:
    e = _expression(sentence, written, anchor)
    assert (e.begin.isoformat(), e.until.isoformat(), e.precision) == (start, end, precision)


NOT_TIMES = [
    "Officials may resign if the talks fail.",
    "Militants killed 2000 people in the raid.",
    "The fall of Mariupol shocked Kyiv.",
    "The army fired 1,500 shells.",
    "The group paid $2015 in ransom.",
    "Aid agencies warned that supplies may run out.",
    "He said the march would go ahead.",
    "The now-defunct militia disbanded.",
    "The convoy carried 2080 sacks of maize.",
    "Militants killed 2090 people between them.",
]


@pytest.mark.parametrize("sentence", NOT_TIMES)
def test_no_expression(sentence: str) -> None:
    assert find_times(sentence, SUN) == []
    # the same sentence beside a real expression: that one alone is found
    assert [e.text for e in find_times(f"{sentence} Talks resumed on Monday.", SUN)] == ["on Monday"]


def test_timex_values() -> None:
    text = "On Sunday morning, last week, in August, in 2024, at the weekend, over the past two weeks."
    assert [e.timex for e in find_times(text, SUN)] == [
        "2025-01-05TMO",
        "2024-W52",
        "2024-08",
        "2024",
        "2025-W01-WE",
        "P2W",
    ]


def test_day_first_setting() -> None:
    assert TimeFinder(day_first=False).find("signed on 05/01/2025", SUN)[0].begin == D(2025, 5, 1)
    assert TimeFinder().find("signed on 05/01/2025", SUN)[0].begin == D(2025, 1, 5)


def test_since_keeps_inner_month() -> None:
    outer = find_times("lost 3,000 soldiers since the start of the campaign in August", SUN)[0]
    assert outer.rule == "time.range.since"
    assert [(i.text, i.precision) for i in outer.inner] == [("in August", "month")]


def test_unresolved_reference_is_coarse() -> None:
    (e,) = find_times("Three days later, troops withdrew.", SUN)
    assert e.basis == "unresolved"
    assert e.precision == "range"


@pytest.mark.parametrize("mod", ["earlier", "later"])
def test_earlier_later_of_a_past_period_keeps_its_bounds(mod: str) -> None:
    # The anchor (Tuesday 1 Feb 2000) is not inside last weekend, so it must not split it.
    e = _expression(f"Fighting flared {mod} last weekend.", f"{mod} last weekend", dt.date(2000, 2, 1))
    assert (e.begin, e.until) == (dt.date(2000, 1, 29), dt.date(2000, 1, 30))


def test_last_years_is_not_the_year_of_the_month_before_it() -> None:
    found = [e.text for e in find_times("In March, last year's harvest ran out.", SUN_LEAP)]
    assert found == ["In March", "last year's"]


def test_since_with_a_clause_opens_a_range_from_the_date_on_its_verb() -> None:
    outer = find_times("Since he was arrested on Monday, his family has had no news.", SUN_LEAP)[0]
    assert (outer.rule, outer.begin, outer.until) == ("time.range.since", D(2024, 3, 18), SUN_LEAP)
    outer = find_times("Hezbollah has fired rockets since Hamas attacked Israel on October 7.", SUN_LEAP)[0]
    assert (outer.rule, outer.begin, outer.until) == ("time.range.since", D(2023, 10, 7), SUN_LEAP)


def test_since_clause_never_swallows_another_expression() -> None:
    found = find_times("Shops stayed shut since Sunday on August roads.", SUN_LEAP)
    assert [e.text for e in found] == ["since Sunday", "August"]


def test_now_inside_a_noun_phrase_is_no_time() -> None:
    assert find_times("Dissidents of the now defunct militia attacked troops.", SUN_LEAP) == []
    assert [e.timex for e in find_times("The militia is now defunct.", SUN_LEAP)] == ["PRESENT_REF"]


def test_a_night_across_two_weekdays_is_one_range() -> None:
    found = find_times("Gunmen raided the village on the night of Thursday to Friday.", SUN_LEAP)
    assert [(e.begin, e.until, e.precision) for e in found] == [(D(2024, 3, 21), D(2024, 3, 22), "range")]
    found = find_times("Men on motorbikes attacked overnight Thursday and Friday.", SUN_LEAP)
    assert [(e.begin, e.until, e.precision) for e in found] == [(D(2024, 3, 21), D(2024, 3, 22), "range")]


def test_an_offset_after_a_week_in_its_sentence_counts_from_that_week() -> None:
    text = (
        "Officials spoke on Friday. Last week, the army retook Lalibela, which the militia had overrun a day earlier."
    )
    last = find_times(text, SUN_LEAP)[-1]
    assert (last.text, last.begin, last.until, last.precision) == (
        "a day earlier",
        D(2024, 3, 10),
        D(2024, 3, 16),
        "range",
    )


def test_a_named_weekday_with_its_date_is_one_day() -> None:
    found = find_times("Last Monday, 5 August, insurgents surprised a couple.", D(2019, 8, 12))
    assert [(e.text, e.begin, e.precision) for e in found] == [("Last Monday, 5 August", D(2019, 8, 5), "day")]
