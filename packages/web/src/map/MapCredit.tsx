import { useT } from '../i18n/index.tsx';

/** Where the shipped layer comes from (names as the README's data table gives them). */
const SOURCES: Record<string, { url: string }> = {
  'vietnamese-provinces-database-2025': { url: 'https://github.com/thanglequoc/vietnamese-provinces-database' },
};

/** The credit line on the map for boundaries the IOC shipped; a province's own boundaries need none from us. */
export function MapCredit({ source }: { source: string }) {
  const t = useT();
  const known = SOURCES[source];
  if (!known) return null;
  return (
    <p className="map-credit" data-testid="map-credit">
      {t('map.credit', { source: known.url.replace('https://', '') })}
    </p>
  );
}
