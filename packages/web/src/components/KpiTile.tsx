import type { ReactNode } from 'react';

/** The grades a tile's split is coloured in, from bad to best. */
export type KpiTone = 'bad' | 'warn' | 'good' | 'best';

/** One part of a figure drawn as a split bar with its legend (overdue, due soon, not yet due). */
export interface KpiSegment {
  key: string;
  label: string;
  value: number;
  /** The part's count as written, in the UI language. */
  text: string;
  tone: KpiTone;
}

interface KpiTileProps {
  /** `data-testid` of the tile; a segment's is `<testId>-<key>`. */
  testId: string;
  label: string;
  /** The figure as written (`3.890`, `53,2%`), or what stands in for it (`—`, `…`). */
  value: ReactNode;
  /** The figure itself, for `data-value`; null or undefined when there is none, and the value is muted. */
  raw: number | null | undefined;
  unit?: string | undefined;
  /** The unit follows the figure without a space (`2,12%`). */
  unitSticks?: boolean;
  note?: ReactNode;
  /** A percentage 0–100 drawn as a thin bar under the value; null when there is nothing to draw. */
  share?: number | null | undefined;
  segments?: readonly KpiSegment[];
  /** A figure that is bad or worrying when not zero: a coloured edge and value. */
  tone?: 'bad' | 'warn' | undefined;
  /** Tiles that carry a tone keep an edge for it even when they are fine, so a row of them lines up. */
  toned?: boolean;
  wide?: boolean;
  /** The tile picks the figure shown below it: the label is a button, the picked tile is marked. */
  pick?: { selected: boolean; onPick(): void };
  /** Said above the value when the figure is for another period than the page's. */
  period?: ReactNode;
  heading?: 'h2' | 'h3';
  busy?: boolean;
  /** Lines under the value: progress against the plan, the change on last year, a sparkline. */
  children?: ReactNode;
}

function tileClass({ tone, toned, wide, pick, raw }: Pick<KpiTileProps, 'tone' | 'toned' | 'wide' | 'pick' | 'raw'>) {
  const classes = ['kpi-tile'];
  if (toned) classes.push('kpi-tile-toned');
  if (tone && raw) classes.push(`kpi-tile-${tone}`);
  if (wide) classes.push('kpi-tile-wide');
  if (pick) classes.push('kpi-tile-pickable');
  if (pick?.selected) classes.push('kpi-tile-selected');
  return classes.join(' ');
}

/** One headline figure: the tiles of every subsystem page and of the overview. */
export function KpiTile(props: KpiTileProps) {
  const { testId, label, value, raw, unit, unitSticks = false, note, share, segments, pick, period, children } = props;
  const Heading = props.heading ?? 'h3';
  const known = raw !== null && raw !== undefined;
  const total = segments?.reduce((sum, segment) => sum + segment.value, 0) ?? 0;
  return (
    <article className={tileClass(props)} data-testid={testId} data-value={raw ?? undefined} aria-busy={props.busy}>
      <Heading className="kpi-tile-label">
        {pick ? (
          <button
            type="button"
            className="kpi-tile-button"
            aria-pressed={pick.selected}
            title={label}
            onClick={pick.onPick}
          >
            {label}
          </button>
        ) : (
          label
        )}
      </Heading>
      {period && (
        <p className="kpi-tile-period" data-testid="kpi-period">
          {period}
        </p>
      )}
      <p className="kpi-tile-value">
        <span className={known ? 'kpi-tile-number' : 'muted'}>{value}</span>
        {unit && known && <small>{unitSticks ? unit : ` ${unit}`}</small>}
      </p>
      {share !== undefined && (
        <span className="kpi-tile-bar" aria-hidden="true">
          {share !== null && <span className="kpi-tile-bar-fill" style={{ width: `${Math.min(100, share)}%` }} />}
        </span>
      )}
      {segments && (
        <>
          <span className="kpi-tile-split" aria-hidden="true">
            {total > 0 &&
              segments.map((segment) =>
                segment.value > 0 ? (
                  <span
                    key={segment.key}
                    className={`kpi-tile-split-part kpi-tone-${segment.tone}`}
                    style={{ flexGrow: segment.value }}
                  />
                ) : null,
              )}
          </span>
          <ul className="kpi-tile-legend">
            {segments.map((segment) => (
              <li key={segment.key} data-testid={`${testId}-${segment.key}`} data-value={segment.value}>
                <span className={`kpi-tile-dot kpi-tone-${segment.tone}`} aria-hidden="true" />
                {segment.label} <strong>{segment.text}</strong>
              </li>
            ))}
          </ul>
        </>
      )}
      {children}
      {note && <p className="kpi-tile-note">{note}</p>}
    </article>
  );
}
