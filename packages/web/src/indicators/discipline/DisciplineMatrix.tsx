import type { DataSetDiscipline, UnitDiscipline } from '@ioc/shared';
import { Link } from 'react-router';
import { useAuth } from '../../auth/AuthContext.tsx';
import { localName, useI18n } from '../../i18n/index.tsx';
import { entrySearch } from '../data/selection.ts';
import type { ReportStatus } from './discipline.ts';
import './discipline.css';

type Cell = UnitDiscipline['cells'][number];

const STATUSES: ReportStatus[] = ['onTime', 'late', 'missing', 'pending'];

function CellText({ cell }: { cell: Cell }) {
  const { t } = useI18n();
  // Days late to a tenth: `+1,5 ngày`, and `+1 day` agrees in English.
  const days = Math.round(cell.daysLate * 10) / 10;
  switch (cell.status) {
    case 'onTime':
      return <>✓ {t('discipline.status.onTime')}</>;
    case 'late':
      return <>{t('discipline.cell.late', { days })}</>;
    case 'missing':
      return <>{t('discipline.status.missing')}</>;
    case 'pending':
      return <>{t('discipline.status.pending')}</>;
  }
}

interface DisciplineMatrixProps {
  dataSets: readonly DataSetDiscipline[];
  /** Already sorted and filtered. */
  rows: readonly UnitDiscipline[];
  total: number;
  onlyLate: boolean;
}

/** Units × data sets, one coloured status per report; a cell opens the unit's form when the user enters data. */
export function DisciplineMatrix({ dataSets, rows, total, onlyLate }: DisciplineMatrixProps) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const mayEnter = can('indicators.write');

  const titleOf = (cell: Cell) => {
    if (cell.submittedAt) return t('discipline.cell.submitted', { at: new Date(cell.submittedAt) });
    if (cell.status === 'missing') return t('discipline.cell.overdue', { days: Math.round(cell.daysLate * 10) / 10 });
    return t('discipline.status.pending');
  };

  return (
    <section className="discipline-matrix-section" aria-labelledby="discipline-matrix-title">
      <div className="toolbar">
        <h2 id="discipline-matrix-title">{t('discipline.matrix')}</h2>
        <p className="muted small">
          {onlyLate ? t('discipline.countFiltered', { shown: rows.length, total }) : t('discipline.count', { total })}
        </p>
        <ul className="legend-inline status-legend">
          {STATUSES.map((status) => (
            <li key={status}>
              <span className={`swatch status-${status}`} aria-hidden="true" />
              {t(`discipline.status.${status}`)}
            </li>
          ))}
        </ul>
      </div>
      {rows.length === 0 ? (
        <p className="notice notice-success">{onlyLate ? t('discipline.noneLate') : t('discipline.noUnits')}</p>
      ) : (
        <div className="table-wrap discipline-matrix-wrap">
          <table className="table discipline-matrix" data-testid="discipline-matrix">
            <thead>
              <tr>
                <th scope="col">{t('data.unit')}</th>
                {dataSets.map((set) => (
                  <th key={set.code} scope="col" className="discipline-set-col" title={set.code}>
                    {localName(lang, set.name, set.nameEn)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.unit} data-unit={row.unit}>
                  <th scope="row">
                    <Link to={`/units/${row.unit}`}>{localName(lang, row.name, row.nameEn)}</Link>
                  </th>
                  {dataSets.map((set) => {
                    const cell = row.cells.find((candidate) => candidate.dataSet === set.code);
                    if (!cell) {
                      return (
                        <td key={set.code} className="status-cell status-none" title={t('discipline.notExpected')}>
                          —
                        </td>
                      );
                    }
                    const pill = (
                      <span className={`status-pill status-${cell.status}`}>
                        <CellText cell={cell} />
                      </span>
                    );
                    return (
                      <td
                        key={set.code}
                        className="status-cell"
                        data-testid={`discipline-cell-${row.unit}-${set.code}`}
                        data-status={cell.status}
                        title={titleOf(cell)}
                      >
                        {mayEnter ? (
                          <Link
                            to={`/data${entrySearch({ set: set.code, unit: row.unit, period: set.period, tab: 'entry' })}`}
                            className="status-link"
                          >
                            {pill}
                          </Link>
                        ) : (
                          pill
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
