import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useT } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { MapCredit } from '../map/MapCredit.tsx';
import { buildMapData } from '../map/mapData.ts';
import { OverlayControls } from '../map/OverlayControls.tsx';
import { OverlayEmpty } from '../map/OverlayEmpty.tsx';
import { OverlayLegend } from '../map/OverlayLegend.tsx';
import { overlayKey, parseOverlay } from '../map/overlay.ts';
import { UnitMap } from '../map/UnitMap.tsx';
import { UnitSearch } from '../map/UnitSearch.tsx';
import { defaultMapPeriod, useMapOverlay } from '../map/useMapOverlay.ts';
import '../map/map.css';

export function MapPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const geojson = useApiQuery('GET /api/v1/orgunits/geojson');
  const data = useMemo(() => (geojson.data ? buildMapData(geojson.data) : null), [geojson.data]);
  const indicators = useApiQuery('GET /api/v1/indicators', can('indicators.read') ? {} : null);

  const requested = parseOverlay(params.get('overlay'));
  // An overlay the user may not read falls back to the kinds of unit.
  const choice =
    (requested.kind === 'alerts' && !can('alerts.read')) || (requested.kind === 'indicator' && !can('indicators.read'))
      ? parseOverlay(null)
      : requested;
  const defaultPeriod = useMemo(() => defaultMapPeriod(new Date()), []);
  const period = params.get('period') ?? defaultPeriod;
  const overlay = useMapOverlay(data, choice, period, indicators.data);

  useLiveReload('boundaries.imported', ['GET /api/v1/orgunits/geojson']);

  const select = (patch: { overlay?: string; period?: string }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined || value === 'units') next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };
  const withoutBoundary = data?.units.filter((unit) => !unit.hasBoundary).length ?? 0;
  const openUnit = (code: string) => navigate(`/units/${code}`);

  return (
    <div className="page page-full">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('map.title')}</h1>
          <p className="muted">{t('map.subtitle')}</p>
        </div>
        {data && <UnitSearch units={data.units} onFound={(unit) => openUnit(unit.code)} />}
      </header>
      {geojson.error !== null && <ErrorNotice error={geojson.error} onRetry={geojson.refetch} />}
      {geojson.isLoading && <LoadingBlock />}
      {data && data.units.length === 0 && <EmptyState title={t('map.empty.units')} />}
      {data && data.units.length > 0 && (
        <>
          <OverlayControls
            choice={overlayKey(choice)}
            indicators={indicators.data}
            canAlerts={can('alerts.read')}
            canIndicators={can('indicators.read')}
            period={period}
            showPeriod={choice.kind === 'indicator'}
            onChange={select}
          />
          {withoutBoundary > 0 && (
            <div className="notice notice-info" data-testid="map-boundary-note">
              <span>
                {data.mode === 'centroids'
                  ? t('map.note.centroids')
                  : t('map.note.partial', { count: withoutBoundary })}{' '}
                {can('orgunits.write') ? (
                  <Link to="/admin/boundaries">{t('map.note.upload')}</Link>
                ) : (
                  t('map.note.askAdmin')
                )}
              </span>
            </div>
          )}
          {overlay.error !== null && <ErrorNotice error={overlay.error} onRetry={overlay.retry} />}
          <div className="map-frame">
            <UnitMap data={data} colouring={overlay.colouring} overlay={overlayKey(choice)} onSelect={openUnit} />
            <OverlayLegend data={data} choice={choice} overlay={overlay} period={period} />
            <OverlayEmpty choice={choice} overlay={overlay} period={period} />
            {data.source && <MapCredit source={data.source} />}
          </div>
        </>
      )}
    </div>
  );
}
