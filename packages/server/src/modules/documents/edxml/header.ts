import type { DocumentDetail, Organ } from '@ioc/shared';
import type { XOut } from './xml.ts';

export const leaf = (name: string, text?: string | number | null): XOut => ({
  name,
  text: text === null || text === undefined ? '' : String(text),
});
export const parent = (name: string, children: XOut[]): XOut => ({ name, children });

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
 * A document's metadata as `edXMLHeader` (MessageHeader, then TraceHeaderList), in the standard's element order.
 * Elements the system does not keep (DocumentType/Type, OrganAdd…) are written empty.
 */
export function edxmlHeader(doc: DocumentDetail, documentId: string | null): XOut {
  const header: XOut[] = [
    organ('From', doc.organ),
    ...doc.recipients.map((r) => organ('To', r)),
    leaf('DocumentId', documentId),
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
  return parent('edXMLHeader', edXMLHeader);
}
