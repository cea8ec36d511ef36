import type { indicatorsVi } from './i18n.vi.ts';

/** English strings of the indicators page, its overview sections and live events; the type makes a missing or extra key a compile error. */
export const indicatorsEn: Record<keyof typeof indicatorsVi, string> = {
  'nav.indicators': 'Socio-economic indicators',

  'health.indicators.title': 'Health indicators',
  'overview.kpis.title': 'Headline indicators',
  'overview.kpis.all': 'All indicators',
  'overview.kpis.empty': 'No indicator figures yet. The headline indicators show here once units enter their figures.',
  'overview.kpis.failed': 'The headline indicators could not be loaded.',
  'overview.discipline.title': 'Reporting discipline',
  'overview.discipline.all': 'Details',
  'overview.discipline.failed': 'Reporting discipline could not be loaded.',
  'overview.discipline.nothingExpected': 'No report is expected from this unit this month.',
  'overview.discipline.reportedDue':
    '{reported, number}/{expected, plural, one {# report due is} other {# reports due are}} in',
  'overview.discipline.reportedEarly':
    '{reported, number}/{expected, plural, one {# report} other {# reports}} in early',
  'overview.discipline.late': '{count, number} late',
  'overview.discipline.missing': '{count, number} missing',
  'overview.discipline.missingUnits': 'Units with missing reports',
  'overview.discipline.noneMissing': 'No unit is missing a report that is due.',
  'overview.discipline.bySet': 'By report form',
  'overview.discipline.more': '+{count, plural, one {# unit} other {# units}}',
  'overview.discipline.notDue':
    '{count, plural, one {# report form not yet due is} other {# report forms not yet due are}} left out (next deadline {at, date, day} {at, time, hourMinute}).',
  'overview.discipline.firstDeadline':
    'No report is due yet; the first deadline is {at, date, day} {at, time, hourMinute}.',

  'event.indicators.values': 'New figures',
  'event.indicators.values.text': 'Unit {unit} updated figures for {periods}',

  'indicators.title': 'Socio-economic indicators',
  'indicators.controls': 'Choose the indicator, period and unit',
  'indicators.backToProvince': 'Back to the province',
  'indicators.csv': 'Download CSV',
  'indicators.noData': 'No data',
  'indicators.noValue': 'No data',
  'indicators.noValueFor': 'No figure for {name} in {unit} for {period}.',
  'indicators.incomplete':
    '{period} is not over: figures run to the end of {latest}, and the comparison is with the whole of {lastYear}.',
  'indicators.showLatest': 'Show the latest period with data: {period}',
  'indicators.unknownCode': 'There is no indicator {code} in the catalogue; showing the default one.',
  'indicators.picker.label': 'Indicator',
  'indicators.picker.placeholder': 'Search by name or code…',
  'indicators.picker.headline': 'Headline indicators',
  'indicators.picker.all': 'All indicators (A–Z)',
  'indicators.period.reportedQuarterly': 'Reported quarterly: there are no monthly figures.',
  'indicators.period.reportedYearly': 'Reported yearly: there are no monthly or quarterly figures.',
  'indicators.unit.label': 'Unit',
  'indicators.kpi.title': 'Headline indicators',
  'indicators.kpi.vsLastYear': 'on last year',
  'indicators.kpi.failed': 'Could not load the figures',
  'indicators.plan.short': 'of year plan',
  'indicators.plan.none': 'No yearly plan set',
  'indicators.plan.cumulative':
    'Year to date at {percent, number, ::.0}% of the yearly plan; about {pace, number, ::precision-integer}% is on schedule.',
  'indicators.plan.level': 'Year to date at {percent, number, ::.0}% of the planned level for the year.',
  'indicators.plan.noYearToDate': 'Not every period since January has figures: no comparison with the plan',
  'indicators.growth.good': 'a good change',
  'indicators.growth.bad': 'a bad change',
  'indicators.trend.title': 'Trend: {name}',
  'indicators.trend.unit': 'unit: {unit}',
  'indicators.trend.value': 'Period value',
  'indicators.trend.lastYear': 'Same period last year',
  'indicators.trend.yearToDate': 'Year to date',
  'indicators.trend.level': 'Year to date',
  'indicators.trend.target': 'Yearly plan',
  'indicators.trend.ofPlan': 'of plan',
  'indicators.trend.empty': 'This indicator has no figures for this unit in this time range.',
  'indicators.trend.aria':
    'Trend of {name} for {unit}: value per period, same period last year, year to date and yearly plan.',
  'indicators.trend.noteCumulative':
    'Top: the value of each period (bars) and the same period a year earlier (dashed). Bottom: the year-to-date total climbing towards the yearly plan (dashed step). A year missing a period since January has no year-to-date total.',
  'indicators.trend.noteLevel':
    'Top: the value of each period (bars) and the same period a year earlier (dashed). Bottom: the value since January (a ratio of the totals, an average or the latest stock) against the planned level for its year (dashed step). A year missing a period since January has no year-to-date value.',
  'indicators.map.title': 'Map by commune and ward',
  'indicators.map.metric': 'Colour by',
  'indicators.map.metric.value': 'Value',
  'indicators.map.metric.plan': 'Plan progress',
  'indicators.map.metric.growth': 'On last year',
  'indicators.map.legend.below': 'Below {limit}',
  'indicators.map.legend.between': '{from} to under {to}',
  'indicators.map.legend.atLeast': '{limit} or more',
  'indicators.map.legend.plan.good': 'On schedule',
  'indicators.map.legend.plan.warn': 'Behind by less than 10%',
  'indicators.map.legend.plan.bad': 'Behind by 10% or more',
  'indicators.map.legend.plan.none': 'No plan set',
  'indicators.map.legend.growth.riseStrong': 'Up 10% or more',
  'indicators.map.legend.growth.rise': 'Up less than 10%',
  'indicators.map.legend.growth.flat': 'Unchanged',
  'indicators.map.legend.growth.fall': 'Down less than 10%',
  'indicators.map.legend.growth.fallStrong': 'Down 10% or more',
  'indicators.map.timeline': 'Period on the map',
  'indicators.map.pickPeriod': 'Select this period',
  'indicators.map.discs': 'No boundaries yet: each commune is a disc at its centre.',
  'indicators.map.hint': 'Click a commune or ward to see its figures. Scroll to zoom.',
  'indicators.map.rank': 'Ranked {rank, number} of {count, number}',
  'indicators.map.aria':
    'Map of {count, plural, one {# commune or ward} other {# communes and wards}} coloured by the indicator; {withValue, plural, one {# has} other {# have}} data. The ranking beside it has the same figures.',
  'indicators.ranking.title': 'Ranking of communes and wards',
  'indicators.ranking.subtitle':
    '{withValue, plural, one {# of {count, number} units has data} other {# of {count, number} units have data}}',
  'indicators.ranking.lowerBetter': 'lower is better',
  'indicators.ranking.caption': 'Communes and wards ranked by {name}',
  'indicators.ranking.valueUnit': 'Values in {unit}.',
  'indicators.ranking.planNote.cumulative':
    '% of plan: the total from January to the end of {period} against the yearly plan; about {pace, number, ::precision-integer}% is on schedule.',
  'indicators.ranking.planNote.year':
    '% of plan: the value for {period} against the yearly plan; about {pace, number, ::precision-integer}% is on schedule.',
  'indicators.ranking.planNote.level':
    '% of plan: the value from January to the end of {period} (a ratio of the totals, an average or the latest stock) against the planned level for the year.',
  'indicators.ranking.valueNote': 'Value: the figure for {period}.',
  'indicators.ranking.yearToDateNote':
    'Year to date: from January to the end of {period}, only when every period has figures.',
  'indicators.ranking.noYearToDate': 'A period since January has no figures: no year-to-date value and no % of plan.',
  'indicators.ranking.outOfScope.title': 'The province-wide ranking is not available to you',
  'indicators.ranking.outOfScope.text':
    "The map and the ranking compare all the province's communes and wards; your account may only see figures within your own unit.",
  'indicators.column.rank': 'Rank',
  'indicators.column.unit': 'Commune / ward',
  'indicators.column.value': 'Value',
  'indicators.column.yearToDate': 'Year to date',
  'indicators.column.plan': '% of plan',
  'indicators.column.growth': 'On last year',
  'indicators.empty.catalogue.title': 'No indicators yet',
  'indicators.empty.catalogue.text':
    'The indicator catalogue is empty. Whoever manages the catalogue defines the indicators and their formulas; then units enter or push their figures.',
  'indicators.empty.period.title': 'No data for this period',
  'indicators.empty.period.text':
    'No commune or ward has figures for {period} yet. Choose an earlier period or another indicator.',
  'indicators.empty.provinceOnly.title': 'Reported for the province only',
  'indicators.empty.provinceOnly.text':
    'This indicator is compiled and reported for the province as a whole, not by commune or ward, so there is no map or ranking.',
};
