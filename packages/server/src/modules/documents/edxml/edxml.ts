import { createHash } from 'node:crypto';
import type { CreateDocumentBody, DocumentDetail } from '@ioc/shared';
import { edxmlHeader, leaf, parent } from './header.ts';
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
  /** Where each attachment was read (e.g. `AttachmentEncoded/Attachment[1]`), to name it when its file is refused. */
  attachmentPaths: string[];
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Writes a document's metadata (and, when given, its files) as a bare edXML envelope, files inline in
 * `edXMLBody/DocumentAttachment`, every element with the `edXML:` prefix.
 */
export function buildEdxml(doc: DocumentDetail, attachments: EdxmlAttachment[] = []): string {
  const body = attachments.map((a) =>
    parent('DocumentAttachment', [
      leaf('AttachmentName', a.name),
      leaf('ContentType', a.mime),
      leaf('Description', a.description),
      leaf('AttachmentContent', a.content.toString('base64')),
    ]),
  );
  const envelope: XOut = {
    ...parent('edXMLEnvelope', [edxmlHeader(doc, null), parent('edXMLBody', body)]),
    attrs: { 'xmlns:edXML': EDXML_NS },
  };
  return `${XML_DECLARATION}${writeXml(envelope, 'edXML')}\n`;
}

/** A name-based UUID (RFC 4122 version 5 layout over SHA-1): the same document always gets the same id. */
export function nameUuid(name: string): string {
  const hash = createHash('sha1').update(name).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Writes a document as the national exchange's gateway carries it: root `<edXML>` in the standard's namespace holding
 * the `edXML:`-prefixed envelope, whose `edXMLBody/edXMLManifest` lists each file by `cid:` ContentId, and beside it
 * `AttachmentEncoded` with the files in base64. `documentId` goes in MessageHeader/DocumentId (a GUID).
 */
export function buildGatewayEdxml(doc: DocumentDetail, attachments: EdxmlAttachment[], documentId: string): string {
  const contentIds = attachments.map((a, i) => `cid:${nameUuid(`${documentId}/${i}/${a.name}`)}`);
  const manifest: XOut = {
    ...parent(
      'edXMLManifest',
      attachments.map((a, i) =>
        parent('Reference', [
          leaf('ContentId', contentIds[i]),
          leaf('ContentType', a.mime),
          leaf('AttachmentName', a.name),
          ...(a.description ? [leaf('Description', a.description)] : []),
        ]),
      ),
    ),
    attrs: { version: '1.0' },
  };
  const envelope: XOut = {
    ...parent('edXMLEnvelope', [edxmlHeader(doc, documentId), parent('edXMLBody', [manifest])]),
    prefix: 'edXML',
    attrs: { 'xmlns:edXML': EDXML_NS },
  };
  // Outside the envelope the prefix is not declared: each encoded content declares it again, as the gateway writes it.
  const encoded: XOut = parent(
    'AttachmentEncoded',
    attachments.map((a, i) =>
      parent('Attachment', [
        leaf('ContentId', contentIds[i]),
        leaf('AttachmentName', a.name),
        leaf('ContentType', a.mime),
        {
          ...leaf('ContentTransferEncoded', a.content.toString('base64')),
          prefix: 'edXML',
          attrs: { 'xmlns:edXML': EDXML_NS },
        },
      ]),
    ),
  );
  const root: XOut = { ...parent('edXML', [envelope, encoded]), attrs: { xmlns: EDXML_NS } };
  return `${XML_DECLARATION}${writeXml(root, null)}\n`;
}
