import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { apiKey, updateQueries, useApiQuery } from '../api/queries.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingBlock } from '../components/LoadingBlock.tsx';
import { useToast } from '../components/Toasts.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLiveReload } from '../live/useLiveReload.ts';
import { ProfileForm } from './ProfileForm.tsx';

export function UnitProfileCard({ unitId, closed }: { unitId: string; closed: boolean }) {
  const { t, fmt } = useI18n();
  const { can } = useAuth();
  const { showToast } = useToast();
  const queryClient = useQueryClient();
  const request = { params: { id: unitId } };
  const profile = useApiQuery('GET /api/v1/orgunits/:id/profile', request);
  const [editing, setEditing] = useState(false);

  // Someone else may be editing the same profile; show their change when it lands.
  useLiveReload('orgunit.updated', [apiKey('GET /api/v1/orgunits/:id/profile', request)], {
    when: (event) => event.payload.id === unitId && !editing,
  });
  const outOfScope = profile.error instanceof ApiError && profile.error.code === 'OUT_OF_SCOPE';
  const mayEdit = can('orgunits.profile.write') && !closed;
  const current = profile.data ?? null;

  const rows: [string, string][] = current
    ? [
        [t('profile.headName'), current.headName ?? '—'],
        [t('profile.phone'), current.phone ?? '—'],
        [t('profile.email'), current.email ?? '—'],
        [t('profile.address'), current.address ?? '—'],
        [t('profile.population'), fmt.number(current.population)],
        [t('profile.households'), fmt.number(current.households)],
      ]
    : [];

  return (
    <section className="card unit-profile" aria-labelledby="unit-profile-title" data-testid="unit-profile">
      <div className="card-header">
        <h2 id="unit-profile-title">{t('profile.title')}</h2>
        {current && mayEdit && !editing && (
          <button
            type="button"
            className="button button-small"
            onClick={() => setEditing(true)}
            data-testid="profile-edit"
          >
            {t('common.edit')}
          </button>
        )}
      </div>
      {outOfScope && (
        <p className="notice notice-info" data-testid="profile-out-of-scope">
          {t('profile.outOfScope')}
        </p>
      )}
      {profile.error !== null && !outOfScope && <ErrorNotice error={profile.error} onRetry={profile.refetch} />}
      {profile.isLoading && <LoadingBlock />}
      {current && editing && (
        <ProfileForm
          unitId={unitId}
          profile={current}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            updateQueries(queryClient, 'GET /api/v1/orgunits/:id/profile', () => saved, request);
            setEditing(false);
            showToast({ title: t('profile.savedTitle'), text: t('profile.saved'), tone: 'success' });
          }}
        />
      )}
      {current && !editing && (
        <>
          <dl className="facts">
            {rows.map(([label, value]) => (
              <div key={label} className="facts-row">
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            {current.updatedAt
              ? t('profile.updated', {
                  at: new Date(current.updatedAt),
                  by: current.updatedBy ?? t('common.system'),
                })
              : t('profile.neverUpdated')}
          </p>
        </>
      )}
    </section>
  );
}
