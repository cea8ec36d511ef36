import type { MessageKey, Translate } from '../i18n/index.tsx';
import { auditVi } from './audit.i18n.vi.ts';

const known = (key: string): key is MessageKey & keyof typeof auditVi => Object.hasOwn(auditVi, key);

/**
 * An action code in words: its own message, else its parent's with the last part as detail
 * (`publicservices.sync.DongBoHoSoMC` → "Dossiers synced (DongBoHoSoMC)"), else the code as it is.
 */
export function actionWords(t: Translate, code: string): string {
  const own = `audit.act.${code}`;
  if (known(own)) return t(own);
  const cut = code.lastIndexOf('.');
  const parent = `audit.act.${code.slice(0, cut)}`;
  if (cut > 0 && known(parent)) return t(parent, { detail: code.slice(cut + 1) });
  return code;
}

/** What kind of record an entry changed, in words; an unknown kind as its code. */
export function recordWords(t: Translate, entityType: string): string {
  const key = `audit.record.${entityType}`;
  return known(key) ? t(key) : entityType;
}

/** Who acted, by kind: a user, an API key or the IOC itself. */
export function actorTypeWords(t: Translate, actorType: string): string {
  const key = `audit.actor.${actorType}`;
  return known(key) ? t(key) : actorType;
}

/** The families of actions the kind filter offers, each an action prefix (the sync apart: it is most of the log). */
export const ACTION_FAMILIES = [
  'auth',
  'access',
  'users',
  'roles',
  'apikeys',
  'orgunits',
  'agencies',
  'calendar',
  'indicators',
  'publicservices',
  'publicservices.sync',
  'documents',
  'tasks',
  'alerts',
] as const;

export const familyWords = (t: Translate, family: (typeof ACTION_FAMILIES)[number]): string =>
  t(`audit.family.${family}`);
