import type { FieldError } from '@ioc/shared';

/** One cell of the form: an element's total, or one category option of it (`POP`, `POP.MALE`). */
export function cellKey(element: string, category = ''): string {
  return category ? `${element}.${category}` : element;
}

/** A value as sent to POST /api/v1/data-entry; its index is what the server's field paths name. */
export interface SentValue {
  element: string;
  category?: string;
  value: number | null;
}

/** Problems with the whole form rather than one cell: the period is locked, a validation rule across elements fails. */
const FORM_RULES = new Set(['locked', 'validationRule', 'unitOutOfScope', 'closed', 'frequency']);
const VALUE_PATH = /^\/values\/(\d+)(?:\/\w+)?$/;

export interface MappedErrors {
  /** The first problem of each cell, by cell key. */
  cells: Map<string, FieldError>;
  /** Problems to show once above the form, one per rule and limit. */
  form: FieldError[];
}

/** Puts the server's field errors (`/values/<i>/value`, i = index in what was sent) onto the form's cells. */
export function mapEntryErrors(details: readonly FieldError[], sent: readonly SentValue[]): MappedErrors {
  const cells = new Map<string, FieldError>();
  const form: FieldError[] = [];
  const seen = new Set<string>();
  for (const detail of details) {
    const index = VALUE_PATH.exec(detail.field)?.[1];
    const value = index === undefined ? undefined : sent[Number(index)];
    if (value && !FORM_RULES.has(detail.rule ?? '')) {
      const key = cellKey(value.element, value.category);
      if (!cells.has(key)) cells.set(key, detail);
      continue;
    }
    const id = `${detail.rule ?? ''}|${detail.limit ?? ''}|${value ? '' : detail.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    form.push(detail);
  }
  return { cells, form };
}

/** A cell someone else stored after the form was loaded. */
export interface Conflict {
  key: string;
  element: string;
  category: string;
  /** The value stored now (null if they removed it). */
  current: number | null;
  mine: number | null;
  by: string | null;
  at: string | null;
}

const CHANGED_BY = /^changed by (.+) at (\S+): now/;

/** Reads a 409's details (`changed by X at T: now V`, limit V) into the cells in conflict. */
export function conflictsOf(details: readonly FieldError[], sent: readonly SentValue[]): Conflict[] {
  const out: Conflict[] = [];
  for (const detail of details) {
    if (detail.rule !== 'conflict') continue;
    const index = VALUE_PATH.exec(detail.field)?.[1];
    const value = index === undefined ? undefined : sent[Number(index)];
    if (!value) continue;
    const who = CHANGED_BY.exec(detail.message);
    const current = typeof detail.limit === 'number' ? detail.limit : Number(detail.limit);
    out.push({
      key: cellKey(value.element, value.category),
      element: value.element,
      category: value.category ?? '',
      current: detail.limit === undefined || Number.isNaN(current) ? null : current,
      mine: value.value,
      by: who?.[1] ?? null,
      at: who?.[2] ?? null,
    });
  }
  return out;
}
