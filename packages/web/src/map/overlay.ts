/**
 * What the map page colours the communes by: their kind (ward or commune), the open alerts about each, or an
 * indicator's value for a period. Pure functions, so each class and count is checked by hand in overlay.test.ts.
 */

export type OverlayChoice = { kind: 'units' } | { kind: 'alerts' } | { kind: 'indicator'; code: string };

/** A legend line: a stylesheet colour variable and the values it stands for (`to` null: and above). */
export interface OverlayClass {
  colour: string;
  from: number;
  to: number | null;
}

export interface OverlayShading {
  /** Unit code → stylesheet colour variable; a unit not listed has no value. */
  colourOf: Map<string, string>;
  classes: OverlayClass[];
  /** Whether some unit has no value (the legend then shows the hatched "no data" swatch). */
  missing: boolean;
}

export const OVERLAY_RAMP = ['--overlay-1', '--overlay-2', '--overlay-3', '--overlay-4', '--overlay-5'];
export const ALERT_RAMP = ['--alerts-0', '--alerts-1', '--alerts-2', '--alerts-3', '--alerts-4'];
/** Fixed classes for alert counts, so the same count keeps its colour from one day to the next. */
export const ALERT_CLASSES: readonly { from: number; to: number | null }[] = [
  { from: 0, to: 0 },
  { from: 1, to: 1 },
  { from: 2, to: 4 },
  { from: 5, to: 9 },
  { from: 10, to: null },
];

export function parseOverlay(value: string | null): OverlayChoice {
  if (value === 'alerts') return { kind: 'alerts' };
  if (value?.startsWith('indicator:') && value.length > 'indicator:'.length) {
    return { kind: 'indicator', code: value.slice('indicator:'.length) };
  }
  return { kind: 'units' };
}

export function overlayKey(choice: OverlayChoice): string {
  return choice.kind === 'indicator' ? `indicator:${choice.code}` : choice.kind;
}

/** Open alerts per commune: alerts about the province, a closed unit or no unit are counted apart as `elsewhere`. */
export function countAlerts(
  alerts: readonly { unit: string | null }[],
  communes: readonly string[],
): { byUnit: Map<string, number>; elsewhere: number } {
  const byUnit = new Map(communes.map((code) => [code, 0]));
  let elsewhere = 0;
  for (const alert of alerts) {
    const current = alert.unit === null ? undefined : byUnit.get(alert.unit);
    if (current === undefined) elsewhere += 1;
    else byUnit.set(alert.unit!, current + 1);
  }
  return { byUnit, elsewhere };
}

export function shadeAlertCounts(counts: Map<string, number>): OverlayShading {
  const colourOf = new Map<string, string>();
  for (const [code, count] of counts) {
    const index = ALERT_CLASSES.findIndex((c) => count >= c.from && (c.to === null || count <= c.to));
    colourOf.set(code, ALERT_RAMP[index]!);
  }
  return { colourOf, classes: ALERT_CLASSES.map((c, i) => ({ colour: ALERT_RAMP[i]!, ...c })), missing: false };
}

/**
 * Up to five classes of about as many communes each (quantiles of the distinct values), on a single-hue ramp:
 * magnitude, not judgement. Two classes still show light and dark.
 */
export function shadeValues(values: Map<string, number | null>): OverlayShading {
  const present = [...values.values()].filter((v): v is number => v !== null && Number.isFinite(v));
  const missing = present.length < values.size;
  if (present.length === 0) return { colourOf: new Map(), classes: [], missing };
  const breaks = quantileBreaks(present, OVERLAY_RAMP.length);
  const colourFor = (index: number) =>
    breaks.length === 1
      ? OVERLAY_RAMP[2]!
      : OVERLAY_RAMP[Math.round((index * (OVERLAY_RAMP.length - 1)) / (breaks.length - 1))]!;
  const classes = breaks.map((from, index) => ({
    colour: colourFor(index),
    from,
    to: index + 1 < breaks.length ? breaks[index + 1]! : Math.max(...present),
  }));
  const colourOf = new Map<string, string>();
  for (const [code, value] of values) {
    if (value === null || !Number.isFinite(value)) continue;
    let index = 0;
    while (index + 1 < breaks.length && value >= breaks[index + 1]!) index += 1;
    colourOf.set(code, classes[index]!.colour);
  }
  return { colourOf, classes, missing };
}

/** The lower bound of each class: class i holds values ≥ breaks[i] and < breaks[i+1]. */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const breaks: number[] = [sorted[0]!];
  for (let i = 1; i < classes; i++) {
    const value = sorted[Math.floor((i * sorted.length) / classes)]!;
    if (value > breaks[breaks.length - 1]!) breaks.push(value);
  }
  return breaks;
}
