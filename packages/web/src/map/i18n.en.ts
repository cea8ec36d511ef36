import type { mapVi } from './i18n.vi.ts';

export const mapEn: Record<keyof typeof mapVi, string> = {
  'map.overlay.label': 'Status overlay',
  'map.overlay.units': 'Kind of unit (commune, ward)',
  'map.overlay.alerts': 'Open alerts',
  'map.overlay.indicators': 'Socio-economic indicators',
  'map.overlay.indicator': 'Indicator',
  'map.overlay.loading': 'Loading the overlay…',
  'map.legend.alerts': 'Open alerts',
  'map.legend.count': '{from, number}',
  'map.legend.countRange': '{from, number} – {to, number}',
  'map.legend.countAtLeast': '{from, number} or more',
  'map.legend.range': '{from} – {to}',
  'map.legend.noValue': 'No data',
  'map.legend.alertsElsewhere':
    '{count, plural, one {# alert concerns the province or an agency, not one commune or ward.} other {# alerts concern the province or an agency, not one commune or ward.}}',
  'map.legend.alertsTotal': '{count, plural, one {# open alert on the map} other {# open alerts on the map}}',
  'map.legend.alertsCapped': 'Only the latest {count, number} alerts are counted.',
  'map.legend.indicatorNote': 'Values for {period}, in five classes of about as many communes and wards each.',
  'map.tooltip.alerts': '{count, plural, one {# open alert} other {# open alerts}}',
  'map.tooltip.value': '{value} ({period})',
  'map.tooltip.noValue': 'No data for {period}',
  'map.empty.indicator': 'No commune or ward has a figure for this indicator in {period}.',
  'map.empty.indicatorHint':
    'Pick another period (a quarter or a year): some indicators are reported only quarterly or yearly.',
  'map.empty.alerts': 'No open alerts in your scope.',
  'map.empty.units': 'No communes or wards to draw yet.',
  'map.empty.indicators': 'The catalogue has no indicators yet.',
  'map.credit':
    '2025 administrative boundaries: {source} (MIT licence), after the merger map sapnhap.bando.com.vn — an illustrative layer, not an official boundary.',
  'map.outline.legend': 'Province boundary',
};
