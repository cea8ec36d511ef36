import type { PsFigures } from '@ioc/shared';
import { useMemo } from 'react';
import { useChart } from '../charts/useChart.ts';
import { useThemeColours } from '../charts/useThemeColours.ts';
import { useI18n } from '../i18n/index.tsx';
import { buildChannelOption, type ChannelSlice } from './chartOptions.ts';
import { psColours } from './charts.ts';

const CHANNELS = [
  { key: 'inPerson', label: 'ps.channel.inPerson' },
  { key: 'online', label: 'ps.channel.online' },
  { key: 'postal', label: 'ps.channel.postal' },
  { key: 'unknown', label: 'ps.channel.unknown' },
] as const;

/** How the period's dossiers were submitted: in person, online, by post (and those the portal did not say). */
export function ChannelCard({ figures }: { figures: PsFigures }) {
  const { t, fmt } = useI18n();
  const colours = useThemeColours(psColours);
  const slices = useMemo<ChannelSlice[]>(
    () => CHANNELS.map(({ key, label }) => ({ key, label: t(label), count: figures.channels[key] })),
    [figures, t],
  );
  const total = slices.reduce((sum, slice) => sum + slice.count, 0);
  const option = useMemo(() => {
    if (total === 0) return null;
    return buildChannelOption(
      slices.filter((slice) => slice.count > 0),
      colours,
      (slice) => `${slice.label}: ${fmt.count(slice.count)} (${fmt.rate(figures.channelShares[slice.key])})`,
    );
  }, [slices, total, colours, figures, fmt]);
  const chart = useChart(option);

  return (
    <section className="card ps-channel-card" aria-labelledby="ps-channel-title" data-testid="ps-channels">
      <header className="card-header">
        <h2 id="ps-channel-title">{t('ps.channel.title')}</h2>
      </header>
      {total === 0 && <p className="muted">{t('ps.channel.empty')}</p>}
      <div className="ps-channel-body" hidden={total === 0}>
        <div className="ps-donut-frame">
          <div ref={chart} className="ps-donut" role="img" aria-label={t('ps.channel.aria')} />
          <div className="ps-donut-centre" aria-hidden="true">
            <strong>{fmt.count(total)}</strong>
            <span>{t('ps.channel.total')}</span>
          </div>
        </div>
        <table className="ps-channel-table">
          <caption className="visually-hidden">{t('ps.channel.title')}</caption>
          <tbody>
            {slices.map((slice) => (
              <tr key={slice.key} data-testid={`ps-channel-${slice.key}`} data-value={slice.count}>
                <th scope="row">
                  <span className={`ps-dot ps-channel-${slice.key}`} aria-hidden="true" />
                  {slice.label}
                </th>
                <td className="num">{fmt.count(slice.count)}</td>
                <td className="num muted">{fmt.rate(figures.channelShares[slice.key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
