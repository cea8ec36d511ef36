import type {
  DocumentAgency,
  DocumentDetail,
  DocumentDirection,
  DocumentListItem,
  Organ,
  StoredFile,
  TraceStep,
} from '@ioc/shared';
import type { DocumentRow } from './documents.repo.ts';

type ListRow = Pick<
  DocumentRow,
  | 'id'
  | 'direction'
  | 'register_code'
  | 'year'
  | 'number'
  | 'type_name'
  | 'code_number'
  | 'code_notation'
  | 'issued_date'
  | 'organ_id'
  | 'organ_name'
  | 'subject'
  | 'priority'
  | 'due_date'
  | 'arrival_date'
  | 'created_at'
>;

/** "123/QĐ-UBND", as a document is cited. */
export const labelOf = (codeNumber: string, codeNotation: string) => `${codeNumber}/${codeNotation}`;

function core(row: ListRow) {
  return {
    id: Number(row.id),
    direction: row.direction as DocumentDirection,
    register: row.register_code,
    year: Number(row.year),
    number: Number(row.number),
    typeName: row.type_name,
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    label: labelOf(row.code_number, row.code_notation),
    issuedDate: row.issued_date,
    organ: { organId: row.organ_id, organName: row.organ_name },
    subject: row.subject,
    priority: Number(row.priority),
    dueDate: row.due_date,
    arrivalDate: row.arrival_date,
    createdAt: row.created_at,
  };
}

export function toListItem(row: ListRow, fileCount: number, taskCount: number): DocumentListItem {
  return { ...core(row), fileCount, taskCount };
}

export function toDetail(row: DocumentRow, files: StoredFile[], agencies: DocumentAgency[]): DocumentDetail {
  return {
    ...core(row),
    issuedPlace: row.issued_place,
    content: row.content,
    language: row.language,
    pageAmount: row.page_amount === null ? null : Number(row.page_amount),
    description: row.description,
    signer: row.signer_name ? { position: row.signer_position ?? '', fullName: row.signer_name } : null,
    recipients: JSON.parse(row.recipients) as Organ[],
    issuedAmount: row.issued_amount === null ? null : Number(row.issued_amount),
    steeringType: row.steering_type === null ? null : Number(row.steering_type),
    toPlaces: JSON.parse(row.to_places) as string[],
    trace: JSON.parse(row.trace) as TraceStep[],
    createdBy: row.created_by,
    files,
    agencies,
  };
}
