import type { MessageKey, Translate } from '../i18n/index.tsx';
import { documentsVi } from './i18n.vi.ts';

const key = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('vi');

/** The message of each kind of document of Decree 30/2020, found by the name a document writes for its kind. */
const KINDS = new Map<string, MessageKey>(
  Object.entries(documentsVi)
    .filter(([id]) => id.startsWith('doc.type.'))
    .map(([id, name]) => [key(name), id as MessageKey]),
);

/** A document's kind in the UI's language; a kind outside the decree's list as the document wrote it. */
export function documentTypeName(t: Translate, typeName: string): string {
  const id = KINDS.get(key(typeName));
  return id ? t(id) : typeName;
}
