import type { MessageKey, Translate } from '../i18n/index.tsx';

const KIND_KEYS: Record<string, MessageKey> = {
  province: 'kind.province',
  city: 'kind.city',
  town: 'kind.town',
  district: 'kind.district',
  ward: 'kind.ward',
  commune: 'kind.commune',
  township: 'kind.township',
};

/** Phường, Xã, …; an unknown kind is shown as the server sent it. */
export function kindLabel(t: Translate, kind: string): string {
  const key = KIND_KEYS[kind];
  return key ? t(key) : kind;
}
