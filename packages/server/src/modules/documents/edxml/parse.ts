import type { Organ, Signer, TraceStep } from '@ioc/shared';
import { invalid } from '../../../errors.ts';
import type { EdxmlAttachment, EdxmlDocument } from './edxml.ts';
import { type Problem, Reader, strictBase64 } from './reader.ts';
import { childOf, childrenOf, readXml, type XNode } from './xml.ts';

function readAttachments(body: XNode | undefined, header: Reader): EdxmlAttachment[] {
  const attachments: EdxmlAttachment[] = [];
  if (!body) return attachments;
  const r = header.under(body.name, true);
  childrenOf(body, 'DocumentAttachment').forEach((node, i) => {
    const at = `DocumentAttachment[${i + 1}]`;
    const name = r.text(childOf(node, 'AttachmentName'), `${at}/AttachmentName`, { required: true, max: 200 });
    const mime = r.text(childOf(node, 'ContentType'), `${at}/ContentType`, { max: 120 });
    const description = r.text(childOf(node, 'Description'), `${at}/Description`);
    const raw = childOf(node, 'AttachmentContent')?.text ?? '';
    let content: Buffer | null = null;
    if (raw.trim() === '') {
      r.problem(`${at}/AttachmentContent`, 'is missing', { message: 'required', rule: 'required' });
    } else {
      content = strictBase64(raw);
      if (!content) {
        r.problem(`${at}/AttachmentContent`, 'is not valid base64', { message: 'must be base64', rule: 'base64' });
      }
    }
    if (name !== null && content !== null) {
      attachments.push({ name, mime: mime ?? 'application/octet-stream', content, description });
    }
  });
  return attachments;
}

function fail(problems: Problem[]): never {
  const message = problems.map((p) => `edXML field ${p.short} ${p.says}`).join('; ');
  throw invalid(
    message,
    problems.map((p) => p.detail),
  );
}

/**
 * Reads an edXML envelope (QCVN 102:2016/BTTTT): `edXMLEnvelope/edXMLHeader/MessageHeader` (or the SOAP-style
 * `Envelope/Header/MessageHeader`), any namespace prefix. The metadata comes back as an incoming document's fields;
 * every problem found is reported in one VALIDATION_FAILED error.
 */
export function parseEdxml(xml: string | Buffer): EdxmlDocument {
  const root = readXml(xml);
  if (root.name !== 'edXMLEnvelope' && root.name !== 'Envelope') {
    const message = `The file is not an edXML envelope: its root element is <${root.name}>, expected <edXMLEnvelope>`;
    throw invalid(message, [{ field: 'edXMLEnvelope', message: 'expected root element edXMLEnvelope', rule: 'root' }]);
  }
  const header = childOf(root, 'edXMLHeader') ?? childOf(root, 'Header');
  const body = childOf(root, 'edXMLBody') ?? childOf(root, 'Body');
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

  const attachments = readAttachments(body, r);
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
    attachments,
  };
}
