import type { AlertRuleInput, RulePreview } from '@ioc/shared';
import { useMemo, useState } from 'react';
import { apiCall } from '../../api/client.ts';
import { useErrorText } from '../../api/errorText.ts';
import { useChart } from '../../charts/useChart.ts';
import { useThemeColours } from '../../charts/useThemeColours.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { PreviewReadings } from './PreviewReadings.tsx';
import { previewColours, previewOption } from './previewOption.ts';

const DAYS = 7;

/**
 * When the rule as edited would have fired on the last 7 days of data, asked on demand (it replays every point); for
 * a rule on an indicator (monthly figures, nothing to replay by the day), which units it would alert now.
 */
export function PreviewChart({ input }: { input: () => AlertRuleInput }) {
  const { t, fmt } = useI18n();
  const errorText = useErrorText();
  const colours = useThemeColours(previewColours);
  const [preview, setPreview] = useState<RulePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      // A rule is tried before it is named: the preview needs no name or code of its own.
      const rule = input();
      const named = {
        ...rule,
        code: rule.code || 'preview',
        name: rule.name || 'preview',
        nameEn: rule.nameEn || 'preview',
      };
      setPreview(await apiCall('POST /api/v1/alert-rules/preview', { body: { rule: named, days: DAYS } }));
    } catch (cause) {
      setError(errorText(cause));
    } finally {
      setBusy(false);
    }
  };

  const option = useMemo(
    () =>
      preview && preview.points > 0
        ? previewOption(preview, colours, {
            severity: (severity) => t(`severity.${severity}`),
            span: (stream, from, to) =>
              t('alerts.preview.span', {
                stream,
                from: fmt.shortDateTime(new Date(from).toISOString()),
                to: fmt.shortDateTime(new Date(to).toISOString()),
              }),
            axisTime: (ms) => fmt.date(new Date(ms).toISOString()).slice(0, 5),
          })
        : null,
    [preview, colours, t, fmt],
  );
  const container = useChart(option);
  const rows = preview ? new Set([...preview.streams, ...preview.intervals.map((i) => i.stream)]).size : 0;
  const now = Boolean(input().indicator);
  const readings = preview?.readings;

  return (
    <section className="rule-preview" aria-labelledby="rule-preview-title" data-testid="rule-preview">
      <header className="rule-preview-head">
        <h3 id="rule-preview-title">{t(now ? 'alerts.preview.titleNow' : 'alerts.preview.title')}</h3>
        <button type="button" className="button" onClick={run} disabled={busy} data-testid="rule-preview-run">
          {busy ? t('alerts.preview.running') : t('alerts.preview.run')}
        </button>
      </header>
      <FormAlert message={error} span={false} />
      {!preview && !error && <p className="muted small">{t(now ? 'alerts.preview.hintNow' : 'alerts.preview.hint')}</p>}
      {readings && <PreviewReadings readings={readings} />}
      {preview && !readings && preview.points === 0 && <p className="muted">{t('alerts.preview.noData')}</p>}
      {preview && !readings && preview.points > 0 && (
        <p className="small" data-testid="rule-preview-summary" data-count={preview.intervals.length}>
          {t('alerts.preview.summary', {
            count: preview.intervals.length,
            points: preview.points,
            streams: preview.streams.length,
          })}
        </p>
      )}
      <div
        ref={container}
        className="rule-preview-chart"
        role="img"
        aria-label={t('alerts.preview.chart')}
        hidden={!option || Boolean(readings)}
        style={{ height: `${Math.max(140, 60 + rows * 28)}px` }}
      />
      {preview && preview.intervals.length > 0 && (
        <ol className="rule-preview-list small">
          {preview.intervals.slice(0, 20).map((interval) => (
            <li key={`${interval.stream}|${interval.level}|${interval.firedAt}`}>
              <span className={`severity-badge severity-${interval.severity}`}>
                {t(`severity.${interval.severity}`)}
              </span>{' '}
              {t('alerts.preview.tooltip', {
                stream: interval.stream,
                level: interval.level,
                from: fmt.shortDateTime(interval.firedAt),
                to: interval.resolvedAt ? fmt.shortDateTime(interval.resolvedAt) : t('alerts.preview.stillFiring'),
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
