import type { CreateDocumentBody, DocumentDirection, InlineFile } from '@ioc/shared';
import type { MessageKey } from '../i18n/index.tsx';

export interface RegisterDraft {
  direction: DocumentDirection;
  typeName: string;
  codeNumber: string;
  codeNotation: string;
  issuedDate: string;
  issuedPlace: string;
  organName: string;
  organId: string;
  subject: string;
  signerPosition: string;
  signerName: string;
  priority: number;
  dueDate: string;
  pageAmount: string;
}

export type RegisterField =
  | 'typeName'
  | 'codeNumber'
  | 'codeNotation'
  | 'issuedDate'
  | 'organ'
  | 'subject'
  | 'signer'
  | 'dueDate'
  | 'pageAmount';

export const REGISTER_FIELDS: readonly RegisterField[] = [
  'typeName',
  'codeNumber',
  'codeNotation',
  'issuedDate',
  'organ',
  'subject',
  'signer',
  'dueDate',
  'pageAmount',
];

export function emptyDraft(direction: DocumentDirection, today: string): RegisterDraft {
  return {
    direction,
    typeName: 'Công văn',
    codeNumber: '',
    codeNotation: '',
    issuedDate: today,
    issuedPlace: direction === 'outgoing' ? 'Hà Tĩnh' : '',
    organName: direction === 'outgoing' ? 'UBND tỉnh Hà Tĩnh' : '',
    organId: '',
    subject: '',
    signerPosition: '',
    signerName: '',
    priority: 0,
    dueDate: '',
    pageAmount: '',
  };
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What must be filled before a document can be registered. An outgoing document may leave its number out: the
 * register gives the next one. A deadline cannot come before the document was issued.
 */
export function validateRegister(draft: RegisterDraft): Partial<Record<RegisterField, MessageKey>> {
  const errors: Partial<Record<RegisterField, MessageKey>> = {};
  if (!draft.typeName.trim()) errors.typeName = 'common.required';
  if (draft.direction === 'incoming' && !draft.codeNumber.trim()) errors.codeNumber = 'common.required';
  if (draft.codeNumber.trim().length > 20) errors.codeNumber = 'doc.form.numberTooLong';
  if (!draft.codeNotation.trim()) errors.codeNotation = 'common.required';
  if (!LOCAL_DATE.test(draft.issuedDate)) errors.issuedDate = 'common.required';
  if (!draft.organName.trim()) errors.organ = 'common.required';
  if (!draft.subject.trim()) errors.subject = 'common.required';
  if (draft.signerPosition.trim() && !draft.signerName.trim()) errors.signer = 'doc.form.signerName';
  if (draft.dueDate && LOCAL_DATE.test(draft.issuedDate) && draft.dueDate < draft.issuedDate) {
    errors.dueDate = 'doc.form.dueBeforeIssued';
  }
  if (draft.pageAmount && !/^\d{1,6}$/.test(draft.pageAmount.trim())) errors.pageAmount = 'doc.form.wholeNumber';
  return errors;
}

/** The API's body: blanks left out rather than sent as empty strings, which the schema would refuse. */
export function registerBody(draft: RegisterDraft, files: InlineFile[]): CreateDocumentBody {
  const text = (value: string) => value.trim() || undefined;
  const body: CreateDocumentBody = {
    direction: draft.direction,
    typeName: draft.typeName.trim(),
    codeNotation: draft.codeNotation.trim(),
    issuedDate: draft.issuedDate,
    organ: { organName: draft.organName.trim(), organId: text(draft.organId) ?? null },
    subject: draft.subject.trim(),
    priority: draft.priority,
  };
  const codeNumber = text(draft.codeNumber);
  if (codeNumber) body.codeNumber = codeNumber;
  const place = text(draft.issuedPlace);
  if (place) body.issuedPlace = place;
  const signerName = text(draft.signerName);
  if (signerName) body.signer = { position: draft.signerPosition.trim(), fullName: signerName };
  if (draft.dueDate) body.dueDate = draft.dueDate;
  if (draft.pageAmount.trim()) body.pageAmount = Number(draft.pageAmount.trim());
  if (files.length > 0) body.files = files;
  return body;
}
