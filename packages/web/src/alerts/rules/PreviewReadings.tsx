import type { RulePreviewReading } from '@ioc/shared';
import { formatPeriod } from '../../calendar/periods.ts';
import { localName, useI18n } from '../../i18n/index.tsx';

/** Units listed at most: the alerted come first, so a long tail of quiet units is what is left out. */
const SHOWN = 50;

/** An indicator rule's preview: each unit's latest figure and the level it would be alerted at now. */
export function PreviewReadings({ readings }: { readings: readonly RulePreviewReading[] }) {
  const { t, fmt, lang } = useI18n();
  if (readings.length === 0) return <p className="muted">{t('alerts.preview.noReadings')}</p>;
  const alerted = readings.filter((r) => r.level !== null).length;
  return (
    <>
      <p className="small" data-testid="rule-preview-summary" data-count={alerted}>
        {t('alerts.preview.summaryNow', { count: alerted, units: readings.length })}
      </p>
      <div className="table-wrap">
        <table className="table small" data-testid="rule-preview-readings">
          <thead>
            <tr>
              <th scope="col">{t('alerts.preview.unit')}</th>
              <th scope="col">{t('alerts.preview.period')}</th>
              <th scope="col" className="num">
                {t('alerts.preview.value')}
              </th>
              <th scope="col">{t('alerts.preview.level')}</th>
            </tr>
          </thead>
          <tbody>
            {readings.slice(0, SHOWN).map((reading) => (
              <tr key={reading.unit}>
                <td>{reading.unitName ? localName(lang, reading.unitName, reading.unitNameEn) : reading.unit}</td>
                <td>{formatPeriod(reading.period, lang)}</td>
                <td className="num">{fmt.number(reading.value, 2)}</td>
                <td>
                  {reading.severity ? (
                    <span className={`severity-badge severity-${reading.severity}`}>
                      {`${t('alerts.rules.level')} ${reading.level ?? ''}`}
                    </span>
                  ) : (
                    <span className="muted">{t('alerts.preview.noLevel')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
