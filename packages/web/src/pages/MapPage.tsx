import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useT } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { buildMapData } from '../map/mapData.ts';
import { UnitMap } from '../map/UnitMap.tsx';
import { UnitSearch } from '../map/UnitSearch.tsx';

export function MapPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const geojson = useApiQuery('GET /api/v1/orgunits/geojson');
  const data = useMemo(() => (geojson.data ? buildMapData(geojson.data) : null), [geojson.data]);

  useLiveReload('boundaries.imported', ['GET /api/v1/orgunits/geojson']);

  const wards = data?.units.filter((unit) => unit.kind === 'ward').length ?? 0;
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
      {data && (
        <>
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
          <div className="map-frame">
            <UnitMap data={data} onSelect={openUnit} />
            <aside className="map-legend" aria-label={t('map.legend.title')}>
              <h2>{t('map.legend.title')}</h2>
              <ul>
                <li>
                  <span className="swatch swatch-ward" aria-hidden="true" />
                  {t('kind.ward')} ({wards})
                </li>
                <li>
                  <span className="swatch swatch-commune" aria-hidden="true" />
                  {t('kind.commune')} ({data.units.length - wards})
                </li>
                {withoutBoundary > 0 && (
                  <li>
                    <span className="swatch swatch-disc" aria-hidden="true" />
                    {t('map.legend.disc')}
                  </li>
                )}
              </ul>
              <p className="muted small">{t('map.legend.hint')}</p>
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
