import type { Organ, Signer, TraceStep } from '@ioc/shared';
import { invalid } from '../../../errors.ts';
import { encodedAttachments, inlineAttachments } from './attachments.ts';
import type { EdxmlDocument } from './edxml.ts';
import { type Problem, Reader } from './reader.ts';
import { childOf, childrenOf, readXml, type XNode } from './xml.ts';

function fail(problems: Problem[]): never {
  const message = problems.map((p) => `edXML field ${p.short} ${p.says}`).join('; ');
  throw invalid(
    message,
    problems.map((p) => p.detail),
  );
}

/**
 * The envelope of a file: the root itself (a bare `edXMLEnvelope`, or the SOAP-style `Envelope`), or the envelope the
 * exchange's gateway wraps in `<edXML>` beside the encoded files.
 */
function envelopeOf(root: XNode): XNode {
  if (root.name === 'edXML') {
    const envelope = childOf(root, 'edXMLEnvelope');
    if (envelope) return envelope;
    const message = 'The edXML package holds no <edXMLEnvelope>';
    throw invalid(message, [{ field: 'edXML/edXMLEnvelope', message: 'required', rule: 'required' }]);
  }
  if (root.name !== 'edXMLEnvelope' && root.name !== 'Envelope') {
    const expected = 'expected <edXML> or <edXMLEnvelope>';
    const message = `The file is not an edXML envelope: its root element is <${root.name}>, ${expected}`;
    throw invalid(message, [{ field: 'edXMLEnvelope', message: 'expected root element edXMLEnvelope', rule: 'root' }]);
  }
  return root;
}

/**
 * Reads edXML (QCVN 102:2016/BTTTT), any namespace prefix or none: a bare `edXMLEnvelope/edXMLHeader/MessageHeader`
 * (or the SOAP-style `Envelope/Header/MessageHeader`) with files in `edXMLBody/DocumentAttachment`, or the gateway's
 * `<edXML>` package with the files in `AttachmentEncoded`. Elements the IOC does not keep are passed over. The
 * metadata comes back as an incoming document's fields; every problem found is reported in one VALIDATION_FAILED error.
 */
export function parseEdxml(xml: string | Buffer): EdxmlDocument {
  const root = readXml(xml);
  const envelope = envelopeOf(root);
  const header = childOf(envelope, 'edXMLHeader') ?? childOf(envelope, 'Header');
  const body = childOf(envelope, 'edXMLBody') ?? childOf(envelope, 'Body');
  const top = header?.name ?? 'edXMLHeader';
  const r = new Reader(top);
  const mh = childOf(header, 'MessageHeader');
  if (!mh) {
    const short = header ? 'MessageHeader' : top;
    const field = header ? `${top}/MessageHeader` : top;
    fail([{ short, says: 'is missing', detail: { field, message: 'required', rule: 'required' } }]);
  }
  const H = 'MessageHeader';
  const get = (...names: string[]) => names.reduce<XNode | undefined>((n, name) => childOf(n, name), mh);

  const from = childOf(mh, 'From');
  if (!from) r.problem(`${H}/From/OrganName`, 'is missing', { message: 'required', rule: 'required' });
  const organ = from ? r.organ(from, `${H}/From`) : null;

  const recipients: Organ[] = [];
  const tos = childrenOf(mh, 'To');
  tos.forEach((to, i) => {
    if (to.children.every((c) => c.text.trim() === '')) return;
    const organ = r.organ(to, tos.length > 1 ? `${H}/To[${i + 1}]` : `${H}/To`);
    if (organ) recipients.push(organ);
  });
  if (recipients.length > 500) {
    r.problem(`${H}/To`, 'is repeated more than 500 times', {
      message: 'must NOT have more than 500 items',
      rule: 'maxItems',
      limit: 500,
    });
  }

  const documentId = r.text(get('DocumentId'), `${H}/DocumentId`, { max: 200 });
  const codeNumber = r.text(get('Code', 'CodeNumber'), `${H}/Code/CodeNumber`, { required: true, max: 20 });
  const codeNotation = r.text(get('Code', 'CodeNotation'), `${H}/Code/CodeNotation`, { required: true, max: 60 });
  const issuedPlace = r.text(get('PromulgationInfo', 'Place'), `${H}/PromulgationInfo/Place`, { max: 100 });
  const issuedDate = r.date(
    get('PromulgationInfo', 'PromulgationDate'),
    `${H}/PromulgationInfo/PromulgationDate`,
    true,
  );
  const typeName = r.text(get('DocumentType', 'TypeName'), `${H}/DocumentType/TypeName`, { required: true, max: 100 });
  const subject = r.text(get('Subject'), `${H}/Subject`, { required: true, max: 1000 });
  const content = r.text(get('Content'), `${H}/Content`, { max: 20000 });

  let signer: Signer | null = null;
  const signerInfo = get('SignerInfo');
  if (signerInfo) {
    const position = r.text(childOf(signerInfo, 'Position'), `${H}/SignerInfo/Position`, { max: 200 });
    const fullName = r.text(childOf(signerInfo, 'FullName'), `${H}/SignerInfo/FullName`, { max: 120 });
    if (fullName !== null) signer = { position: position ?? '', fullName };
  }

  const dueDate = r.date(get('DueDate'), `${H}/DueDate`, false);
  const toPlaces: string[] = [];
  childrenOf(get('ToPlaces'), 'Place').forEach((place, i) => {
    const value = r.text(place, `${H}/ToPlaces/Place[${i + 1}]`, { max: 300 });
    if (value !== null) toPlaces.push(value);
  });
  if (toPlaces.length > 200) {
    r.problem(`${H}/ToPlaces`, 'has more than 200 places', {
      message: 'must NOT have more than 200 items',
      rule: 'maxItems',
      limit: 200,
    });
  }
  const priority = r.int(get('OtherInfo', 'Priority'), `${H}/OtherInfo/Priority`, 0, 4);
  const issuedAmount = r.int(get('OtherInfo', 'PromulgationAmount'), `${H}/OtherInfo/PromulgationAmount`, 0, 100000);
  const pageAmount = r.int(get('OtherInfo', 'PageAmount'), `${H}/OtherInfo/PageAmount`, 0, 100000);
  const steeringType = r.int(get('SteeringType'), `${H}/SteeringType`, 0, 9);

  const trace: TraceStep[] = [];
  const traceHeaders = childrenOf(childOf(header, 'TraceHeaderList'), 'TraceHeader');
  traceHeaders.forEach((node, i) => {
    const at = `TraceHeaderList/TraceHeader[${i + 1}]`;
    const organId = r.text(childOf(node, 'OrganId'), `${at}/OrganId`, { max: 60 });
    const organName = r.text(childOf(node, 'OrganName'), `${at}/OrganName`, { max: 300 });
    const when = r.timestamp(childOf(node, 'Timestamp'), `${at}/Timestamp`);
    if (when !== null) trace.push({ organId, organName, at: when, note: null });
  });
  if (trace.length > 200) {
    r.problem('TraceHeaderList', 'has more than 200 steps', {
      message: 'must NOT have more than 200 items',
      rule: 'maxItems',
      limit: 200,
    });
  }

  const attachments = [
    ...inlineAttachments(body, r),
    ...encodedAttachments(envelope === root ? undefined : root, body, r),
  ];
  if (r.problems.length > 0) fail(r.problems);

  return {
    fields: {
      typeName: typeName!,
      codeNumber: codeNumber!,
      codeNotation: codeNotation!,
      issuedDate: issuedDate!,
      issuedPlace,
      organ: organ!,
      subject: subject!,
      content,
      language: 'vi',
      pageAmount,
      signer,
      recipients,
      priority: priority ?? 0,
      issuedAmount,
      dueDate,
      steeringType,
      toPlaces,
      trace,
    },
    documentId,
    attachments: attachments.map((a) => a.attachment),
    attachmentPaths: attachments.map((a) => a.path),
  };
}
