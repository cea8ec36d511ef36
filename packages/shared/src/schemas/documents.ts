import { type Static, Type } from 'typebox';
import { IsoDateTime, isoDateTime, LocalDate, Nullable, RowId } from './common.ts';

export { LocalDate };

export const DocumentDirection = Type.Union([Type.Literal('incoming'), Type.Literal('outgoing')]);
export type DocumentDirection = Static<typeof DocumentDirection>;

/** Decree 30/2020 "độ khẩn": 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ (edXML's Priority codes). */
export const DocumentPriority = Type.Integer({ minimum: 0, maximum: 4 });

/** An agency as documents name it: the national agency id (e.g. 000.00.00.G22) when known, and its name. */
export const Organ = Type.Object({
  organId: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  organName: Type.String({ minLength: 1, maxLength: 300 }),
});
export type Organ = Static<typeof Organ>;

export const Signer = Type.Object({
  position: Type.String({ maxLength: 200 }),
  fullName: Type.String({ minLength: 1, maxLength: 120 }),
});
export type Signer = Static<typeof Signer>;

/** One processing step of an incoming document (TraceHeaderList): who handled it, when, what they did. */
export const TraceStep = Type.Object({
  organId: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  organName: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  at: IsoDateTime,
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
});
export type TraceStep = Static<typeof TraceStep>;

/** A file sent inline with a document or a task report; the server checks its size, type and computes its SHA-256. */
export const InlineFile = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  mime: Type.String({ minLength: 3, maxLength: 120 }),
  contentBase64: Type.String({ minLength: 1 }),
});
export type InlineFile = Static<typeof InlineFile>;

export const StoredFile = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer({ description: 'bytes' }),
  sha256: Type.String(),
  uploadedAt: Type.String(),
  uploadedBy: Type.String(),
});
export type StoredFile = Static<typeof StoredFile>;

/** The Decree 30/2020 (appendix VI) metadata of a document, as entered or imported. */
export const DocumentFields = {
  typeName: Type.String({ minLength: 1, maxLength: 100, description: 'Quyết định, Công văn, Kế hoạch…' }),
  codeNumber: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 20,
      description: 'Số; for an outgoing document left out, the register number is used',
    }),
  ),
  codeNotation: Type.String({ minLength: 1, maxLength: 60, description: 'ký hiệu, e.g. QĐ-UBND' }),
  issuedDate: LocalDate,
  issuedPlace: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  organ: Organ,
  subject: Type.String({ minLength: 1, maxLength: 1000, description: 'trích yếu' }),
  content: Type.Optional(Nullable(Type.String({ maxLength: 20000 }))),
  language: Type.Optional(Type.String({ maxLength: 10 })),
  pageAmount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  signer: Type.Optional(Nullable(Signer)),
  recipients: Type.Optional(Type.Array(Organ, { maxItems: 500 })),
  priority: Type.Optional(DocumentPriority),
  issuedAmount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
  dueDate: Type.Optional(Nullable(LocalDate)),
  steeringType: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 9 }))),
  /** Incoming only: when it arrived (defaults to now) and the places it was routed to. */
  arrivalDate: Type.Optional(Nullable(isoDateTime('when it arrived; default now'))),
  toPlaces: Type.Optional(Type.Array(Type.String({ maxLength: 300 }), { maxItems: 200 })),
  trace: Type.Optional(Type.Array(TraceStep, { maxItems: 200 })),
};

export const CreateDocumentBody = Type.Object(
  {
    direction: DocumentDirection,
    register: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'defaults to DEN / DI' })),
    ...DocumentFields,
    files: Type.Optional(Type.Array(InlineFile, { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type CreateDocumentBody = Static<typeof CreateDocumentBody>;

export const DocumentRegister = Type.Object({
  code: Type.String(),
  direction: DocumentDirection,
  name: Type.String(),
  nameEn: Type.String(),
});
export type DocumentRegister = Static<typeof DocumentRegister>;

const DocumentCore = {
  id: Type.Integer(),
  direction: DocumentDirection,
  register: Type.String(),
  year: Type.Integer(),
  number: Type.Integer({ description: 'ordinal in its register and year: DocOrdinal (out) or ArrivalNumber (in)' }),
  typeName: Type.String(),
  codeNumber: Type.String(),
  codeNotation: Type.String(),
  /** "123/QĐ-UBND" as it is cited. */
  label: Type.String(),
  issuedDate: Type.String(),
  organ: Organ,
  subject: Type.String(),
  priority: Type.Integer(),
  dueDate: Nullable(Type.String()),
  arrivalDate: Nullable(Type.String()),
  createdAt: Type.String(),
};

export const DocumentListItem = Type.Object({ ...DocumentCore, fileCount: Type.Integer(), taskCount: Type.Integer() });
export type DocumentListItem = Static<typeof DocumentListItem>;

/** How a document names one of the province's agencies: it issued it (`from`) or is sent to it (`to`). */
export const DocumentAgencyRole = Type.Union([Type.Literal('from'), Type.Literal('to')]);
export type DocumentAgencyRole = Static<typeof DocumentAgencyRole>;

export const DocumentAgency = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  role: DocumentAgencyRole,
});
export type DocumentAgency = Static<typeof DocumentAgency>;

export const DocumentDetail = Type.Object({
  ...DocumentCore,
  issuedPlace: Nullable(Type.String()),
  content: Nullable(Type.String()),
  language: Type.String(),
  pageAmount: Nullable(Type.Integer()),
  description: Nullable(Type.String()),
  signer: Nullable(Signer),
  recipients: Type.Array(Organ),
  issuedAmount: Nullable(Type.Integer()),
  steeringType: Nullable(Type.Integer()),
  toPlaces: Type.Array(Type.String()),
  trace: Type.Array(TraceStep),
  createdBy: Type.String(),
  files: Type.Array(StoredFile),
  agencies: Type.Array(DocumentAgency, {
    description:
      "the province's agencies the document is linked to (its organ and recipients matched); who may read it",
  }),
});
export type DocumentDetail = Static<typeof DocumentDetail>;

export const DocumentWarning = Type.Object({
  code: Type.String({ description: 'DUPLICATE_IDENTIFIER' }),
  message: Type.String(),
  documentIds: Type.Array(Type.Integer()),
});
export type DocumentWarning = Static<typeof DocumentWarning>;

export const CreateDocumentResult = Type.Object({ document: DocumentDetail, warnings: Type.Array(DocumentWarning) });
export type CreateDocumentResult = Static<typeof CreateDocumentResult>;

export const DocumentSearchQuery = Type.Object(
  {
    direction: Type.Optional(DocumentDirection),
    register: Type.Optional(Type.String({ maxLength: 20 })),
    q: Type.Optional(Type.String({ maxLength: 200, description: 'words of the subject, accents optional' })),
    number: Type.Optional(Type.String({ maxLength: 20, description: 'số (code number) or register number' })),
    notation: Type.Optional(Type.String({ maxLength: 60 })),
    organ: Type.Optional(Type.String({ maxLength: 300, description: 'issuing agency: its id or words of its name' })),
    from: Type.Optional(LocalDate),
    to: Type.Optional(LocalDate),
    year: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    before: Type.Optional(RowId('cursor: the last id of the previous page')),
  },
  { additionalProperties: false },
);
export type DocumentSearchQuery = Static<typeof DocumentSearchQuery>;

export const DocumentPage = Type.Object({
  documents: Type.Array(DocumentListItem),
  next: Nullable(Type.Integer({ description: 'pass as `before` for the next page' })),
});
export type DocumentPage = Static<typeof DocumentPage>;

export const FileUploadQuery = Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }) });
export type FileUploadQuery = Static<typeof FileUploadQuery>;

export const EdxmlImportQuery = Type.Object({
  register: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
});
export type EdxmlImportQuery = Static<typeof EdxmlImportQuery>;

export const EdxmlExportQuery = Type.Object({
  shape: Type.Optional(
    Type.Union([Type.Literal('gateway'), Type.Literal('envelope')], {
      description:
        "gateway (default): the national exchange's <edXML> package, files in AttachmentEncoded; envelope: a bare edXMLEnvelope, files inline",
    }),
  ),
});
export type EdxmlExportQuery = Static<typeof EdxmlExportQuery>;

export const DocumentSummaryQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 1945, maximum: 2200 })),
  from: Type.Optional(LocalDate),
  to: Type.Optional(LocalDate),
});
export type DocumentSummaryQuery = Static<typeof DocumentSummaryQuery>;

export const DocumentSummary = Type.Object({
  from: Type.String(),
  to: Type.String(),
  incoming: Type.Integer(),
  outgoing: Type.Integer(),
  byMonth: Type.Array(Type.Object({ month: Type.String(), incoming: Type.Integer(), outgoing: Type.Integer() })),
  byOrgan: Type.Array(Type.Object({ organName: Type.String(), incoming: Type.Integer(), outgoing: Type.Integer() }), {
    description: 'incoming by issuing agency, outgoing by recipient; the 30 largest',
  }),
});
export type DocumentSummary = Static<typeof DocumentSummary>;
