import type { OrgUnit, OrgUnitGroup } from '@ioc/shared';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';

/** The urban centres (org-unit groups) and the wards and communes in each. */
export function GroupList({ groups, units }: { groups: OrgUnitGroup[]; units: OrgUnit[] }) {
  const { t, lang } = useI18n();
  const names = new Map(units.map((unit) => [unit.id, localName(lang, unit.name, unit.nameEn)]));

  return (
    <section className="card" aria-labelledby="groups-title">
      <h2 id="groups-title">{t('overview.groups.title')}</h2>
      {groups.length === 0 ? (
        <EmptyState title={t('overview.groups.empty')} />
      ) : (
        <ul className="group-list" data-testid="group-list">
          {groups.map((group) => (
            <li key={group.code}>
              <div className="group-head">
                <strong>{localName(lang, group.name, group.nameEn)}</strong>
                <span className="badge">{t('overview.groups.members', { count: group.members.length })}</span>
              </div>
              {group.description && (
                <p className="muted small">{localName(lang, group.description, group.descriptionEn)}</p>
              )}
              <p className="chips">
                {group.members.map((id) => (
                  <Link key={id} to={`/units/${id}`} className="chip">
                    {names.get(id) ?? id}
                  </Link>
                ))}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
