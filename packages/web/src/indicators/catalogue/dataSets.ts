import type { DataElement } from '@ioc/shared';

/** The elements a data set of `frequency` may hold: the server refuses an element reported at another frequency. */
export function elementsOfFrequency(elements: readonly DataElement[], frequency: string): DataElement[] {
  return elements.filter((element) => element.frequency === frequency);
}

/** After the frequency changes, the chosen elements that still fit, and those that had to be taken out. */
export function keepElementsOfFrequency(
  selected: readonly string[],
  elements: readonly DataElement[],
  frequency: string,
): { kept: string[]; dropped: string[] } {
  const fits = new Set(elementsOfFrequency(elements, frequency).map((element) => element.code));
  return {
    kept: selected.filter((code) => fits.has(code)),
    dropped: selected.filter((code) => !fits.has(code)),
  };
}

export type ReportingMode = 'all' | 'list';

/** An empty list means every commune and ward reports, as does a list holding exactly all of them. */
export function reportingMode(units: readonly string[], communeIds: readonly string[]): ReportingMode {
  if (units.length === 0) return 'all';
  const listed = new Set(units);
  return communeIds.length > 0 && listed.size === communeIds.length && communeIds.every((id) => listed.has(id))
    ? 'all'
    : 'list';
}

/**
 * The `units` to send: "all communes" is an empty list, unless the set already listed every commune one by one, which
 * is kept as it was so that changing only the deadline does not rewrite the list.
 */
export function unitsToSave(
  mode: ReportingMode,
  chosen: readonly string[],
  original: readonly string[],
  communeIds: readonly string[],
): string[] {
  if (mode === 'list') return [...chosen];
  return original.length > 0 && reportingMode(original, communeIds) === 'all' ? [...original] : [];
}
