import type { CreateDocumentBody } from '@ioc/shared';
import type { Insertable } from 'kysely';
import type { DocumentTable } from '../../db/schema.ts';
import { normalizeName } from '../agencies/agencies.ts';

/** Agency + số + ký hiệu + year of issue: what identifies a document under Decree 30/2020. */
export function identKey(
  organ: { organId?: string | null; organName: string },
  number: string,
  notation: string,
  issued: string,
) {
  return normalizeName(`${organ.organId || organ.organName}|${number}|${notation}|${issued.slice(0, 4)}`);
}

/** Where a document stands in its register; known only inside the registering transaction. */
export interface Numbering {
  register: string;
  year: number;
  number: number;
  codeNumber: string;
  arrival: string | null;
  identKey: string;
}

/** A document as stored: the entered metadata, its place in the register, who registered it and when. */
export function documentRow(
  body: Omit<CreateDocumentBody, 'register' | 'files'>,
  numbering: Numbering,
  at: Date,
  by: string,
): Insertable<DocumentTable> {
  return {
    register_code: numbering.register,
    direction: body.direction,
    year: numbering.year,
    number: numbering.number,
    type_name: body.typeName,
    code_number: numbering.codeNumber,
    code_notation: body.codeNotation,
    issued_date: body.issuedDate,
    issued_place: body.issuedPlace ?? null,
    organ_id: body.organ.organId ?? null,
    organ_name: body.organ.organName,
    subject: body.subject,
    content: body.content ?? null,
    language: body.language ?? 'vi',
    page_amount: body.pageAmount ?? null,
    description: body.description ?? null,
    signer_position: body.signer?.position ?? null,
    signer_name: body.signer?.fullName ?? null,
    recipients: JSON.stringify(body.recipients ?? []),
    priority: body.priority ?? 0,
    issued_amount: body.issuedAmount ?? null,
    due_date: body.dueDate ?? null,
    steering_type: body.steeringType ?? null,
    arrival_date: numbering.arrival,
    to_places: JSON.stringify(body.toPlaces ?? []),
    trace: JSON.stringify(body.trace ?? []),
    ident_key: numbering.identKey,
    created_at: at.toISOString(),
    created_by: by,
  };
}
