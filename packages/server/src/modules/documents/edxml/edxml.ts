import type { CreateDocumentBody, DocumentDetail, Organ } from '@ioc/shared';
import { writeXml, type XOut } from './xml.ts';

export { parseEdxml } from './parse.ts';

/** The edXML namespace of QCVN 102:2016/BTTTT (exchange of electronic documents between state agencies). */
export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

export interface EdxmlAttachment {
  name: string;
  mime: string;
  content: Buffer;
  description: string | null;
}

export interface EdxmlDocument {
  /** The metadata as an incoming document's fields: organ = From, recipients = To list. */
  fields: Omit<CreateDocumentBody, 'direction' | 'register' | 'files'>;
  /** MessageHeader/DocumentId, when the sender gave one. */
  documentId: string | null;
  attachments: EdxmlAttachment[];
}

const leaf = (name: string, text?: string | number | null): XOut => ({
  name,
  text: text === null || text === undefined ? '' : String(text),
});
const parent = (name: string, children: XOut[]): XOut => ({ name, children });

const organ = (name: string, o: Organ): XOut =>
  parent(name, [
    leaf('OrganId', o.organId),
    leaf('OrganName', o.organName),
    leaf('OrganAdd'),
    leaf('Email'),
    leaf('Telephone'),
    leaf('Fax'),
    leaf('Website'),
  ]);

/** 'YYYY-MM-DD' → 'yyyy/MM/dd' as the standard writes days. */
const slashDate = (day: string) => day.replace(/^([0-9]{4})-([0-9]{2})-([0-9]{2})$/, '$1/$2/$3');

/** An instant → Vietnam's wall-clock time 'yyyy/MM/dd HH:mm:ss'; text that is not an instant is written as it is. */
function timestamp(at: string): string {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return at;
  const local = new Date(t + 7 * 3_600_000).toISOString();
  return `${slashDate(local.slice(0, 10))} ${local.slice(11, 19)}`;
}

/**
 * Writes a document's metadata (and, when given, its files) as an edXML envelope with the `edXML:` prefix. Elements the
 * system does not keep (DocumentId, DocumentType/Type, OrganAdd…) are written empty.
 */
export function buildEdxml(doc: DocumentDetail, attachments: EdxmlAttachment[] = []): string {
  const header: XOut[] = [
    organ('From', doc.organ),
    ...doc.recipients.map((r) => organ('To', r)),
    leaf('DocumentId'),
    parent('Code', [leaf('CodeNumber', doc.codeNumber), leaf('CodeNotation', doc.codeNotation)]),
    parent('PromulgationInfo', [leaf('Place', doc.issuedPlace), leaf('PromulgationDate', slashDate(doc.issuedDate))]),
    parent('DocumentType', [leaf('Type'), leaf('TypeName', doc.typeName)]),
    leaf('Subject', doc.subject),
    leaf('Content', doc.content),
  ];
  if (doc.signer) {
    header.push(
      parent('SignerInfo', [
        leaf('Competence'),
        leaf('Position', doc.signer.position),
        leaf('FullName', doc.signer.fullName),
      ]),
    );
  }
  if (doc.dueDate) header.push(leaf('DueDate', slashDate(doc.dueDate)));
  if (doc.toPlaces.length > 0)
    header.push(
      parent(
        'ToPlaces',
        doc.toPlaces.map((p) => leaf('Place', p)),
      ),
    );
  header.push(
    parent('OtherInfo', [
      leaf('Priority', doc.priority),
      leaf('SphereOfPromulgation'),
      leaf('TyperNotation'),
      leaf('PromulgationAmount', doc.issuedAmount),
      leaf('PageAmount', doc.pageAmount),
    ]),
  );
  if (doc.steeringType !== null) header.push(leaf('SteeringType', doc.steeringType));

  const edXMLHeader: XOut[] = [parent('MessageHeader', header)];
  if (doc.trace.length > 0) {
    const steps = doc.trace.map((step) =>
      parent('TraceHeader', [
        leaf('OrganId', step.organId),
        ...(step.organName ? [leaf('OrganName', step.organName)] : []),
        leaf('Timestamp', timestamp(step.at)),
      ]),
    );
    edXMLHeader.push(parent('TraceHeaderList', steps));
  }

  const body = attachments.map((a) =>
    parent('DocumentAttachment', [
      leaf('AttachmentName', a.name),
      leaf('ContentType', a.mime),
      leaf('Description', a.description),
      leaf('AttachmentContent', a.content.toString('base64')),
    ]),
  );

  const envelope = parent('edXMLEnvelope', [parent('edXMLHeader', edXMLHeader), parent('edXMLBody', body)]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeXml(envelope, 'edXML', ` xmlns:edXML="${EDXML_NS}"`)}\n`;
}
