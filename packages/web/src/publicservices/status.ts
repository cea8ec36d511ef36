import type { MessageKey, Translate } from '../i18n/index.tsx';

/** The portal's TrangThaiHoSo codes 1–10 (domain reference §2), in words. */
const STATUS_KEYS: Record<number, MessageKey> = {
  1: 'ps.status.1',
  2: 'ps.status.2',
  3: 'ps.status.3',
  4: 'ps.status.4',
  5: 'ps.status.5',
  6: 'ps.status.6',
  7: 'ps.status.7',
  8: 'ps.status.8',
  9: 'ps.status.9',
  10: 'ps.status.10',
};

export type StatusTone = 'info' | 'progress' | 'waiting' | 'done' | 'stopped';

/** A dossier's status in words; a code the portal may add later is shown as its number, not hidden. */
export function statusLabel(t: Translate, status: number): string {
  const key = STATUS_KEYS[status];
  return key ? t(key) : t('ps.status.other', { status });
}

/** The colour family of a status badge: arriving, being processed, waiting on the citizen, done, stopped. */
export function statusTone(status: number): StatusTone {
  switch (status) {
    case 1:
    case 2:
      return 'info';
    case 4:
      return 'progress';
    case 5:
    case 6:
      return 'waiting';
    case 9:
    case 10:
      return 'done';
    case 3:
    case 7:
    case 8:
      return 'stopped';
    default:
      return 'info';
  }
}
