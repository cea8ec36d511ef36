import type { EdxmlAttachment } from './edxml.ts';
import { type Reader, strictBase64 } from './reader.ts';
import { childOf, childrenOf, type XNode } from './xml.ts';

/** An attachment and where it was read, to name it when its file is refused. */
export interface ReadAttachment {
  attachment: EdxmlAttachment;
  path: string;
}

/** The bytes of a base64 element, or a problem named at `path` (missing, not base64). */
function decoded(r: Reader, raw: string, path: string): Buffer | null {
  if (raw.trim() === '') {
    r.problem(path, 'is missing', { message: 'required', rule: 'required' });
    return null;
  }
  const content = strictBase64(raw);
  if (!content) r.problem(path, 'is not valid base64', { message: 'must be base64', rule: 'base64' });
  return content;
}

/** Files inline in the bare envelope: `edXMLBody/DocumentAttachment`, each with its name, type and base64 content. */
export function inlineAttachments(body: XNode | undefined, header: Reader): ReadAttachment[] {
  const read: ReadAttachment[] = [];
  if (!body) return read;
  const r = header.under(body.name, true);
  childrenOf(body, 'DocumentAttachment').forEach((node, i) => {
    const at = `DocumentAttachment[${i + 1}]`;
    const name = r.text(childOf(node, 'AttachmentName'), `${at}/AttachmentName`, { required: true, max: 200 });
    const mime = r.text(childOf(node, 'ContentType'), `${at}/ContentType`, { max: 120 });
    const description = r.text(childOf(node, 'Description'), `${at}/Description`);
    const content = decoded(r, childOf(node, 'AttachmentContent')?.text ?? '', `${at}/AttachmentContent`);
    if (name !== null && content !== null) {
      read.push({
        attachment: { name, mime: mime ?? 'application/octet-stream', content, description },
        // Counted from 0 among the files kept, as earlier releases named a refused file.
        path: `edXMLBody/DocumentAttachment[${read.length}]`,
      });
    }
  });
  return read;
}

/** "cid:abc", "<abc>" and "abc" name the same content. */
const contentKey = (id: string | null) =>
  id === null
    ? null
    : id
        .trim()
        .replace(/^cid:/i, '')
        .replace(/^<(.*)>$/, '$1');

interface Encoded {
  key: string | null;
  path: string;
  name: string | null;
  mime: string | null;
  description: string | null;
  content: Buffer | null;
  used: boolean;
}

/**
 * Files as the exchange's gateway packs them: `edXMLBody/edXMLManifest/Reference` lists each by ContentId (`cid:…`),
 * and `AttachmentEncoded/Attachment`, beside the envelope, carries it in `ContentTransferEncoded`. A reference with no
 * content is a problem; content no reference lists is kept too, under its own name.
 */
export function encodedAttachments(
  wrapper: XNode | undefined,
  body: XNode | undefined,
  header: Reader,
): ReadAttachment[] {
  const er = header.under('AttachmentEncoded', true);
  const nodes = childrenOf(wrapper, 'AttachmentEncoded').flatMap((e) => childrenOf(e, 'Attachment'));
  const encoded: Encoded[] = nodes.map((node, i) => {
    const at = `Attachment[${i + 1}]`;
    return {
      key: contentKey(er.text(childOf(node, 'ContentId'), `${at}/ContentId`, { max: 300 })),
      path: `AttachmentEncoded/${at}`,
      name: er.text(childOf(node, 'AttachmentName'), `${at}/AttachmentName`, { max: 200 }),
      mime: er.text(childOf(node, 'ContentType'), `${at}/ContentType`, { max: 120 }),
      description: er.text(childOf(node, 'Description'), `${at}/Description`),
      content: decoded(er, childOf(node, 'ContentTransferEncoded')?.text ?? '', `${at}/ContentTransferEncoded`),
      used: false,
    };
  });

  const read: ReadAttachment[] = [];
  const keep = (file: Encoded, name: string | null, mime: string | null, description: string | null) => {
    file.used = true;
    const shown = name ?? file.name;
    if (shown === null) {
      er.problem(`${file.path.slice('AttachmentEncoded/'.length)}/AttachmentName`, 'is missing', {
        message: 'required',
        rule: 'required',
      });
    }
    if (shown === null || file.content === null) return;
    read.push({
      attachment: {
        name: shown,
        mime: mime ?? file.mime ?? 'application/octet-stream',
        content: file.content,
        description: description ?? file.description,
      },
      path: file.path,
    });
  };

  if (body) {
    const br = header.under(body.name, true);
    childrenOf(childOf(body, 'edXMLManifest'), 'Reference').forEach((ref, i) => {
      const at = `edXMLManifest/Reference[${i + 1}]`;
      const key = contentKey(br.text(childOf(ref, 'ContentId'), `${at}/ContentId`, { required: true, max: 300 }));
      const name = br.text(childOf(ref, 'AttachmentName'), `${at}/AttachmentName`, { max: 200 });
      const mime = br.text(childOf(ref, 'ContentType'), `${at}/ContentType`, { max: 120 });
      const description = br.text(childOf(ref, 'Description'), `${at}/Description`);
      if (key === null) return;
      const file = encoded.find((e) => !e.used && e.key === key);
      if (file) keep(file, name, mime, description);
      else {
        br.problem(`${at}/ContentId`, `names no attachment in AttachmentEncoded (${key})`, {
          message: 'no AttachmentEncoded/Attachment has this ContentId',
          rule: 'reference',
        });
      }
    });
  }
  for (const file of encoded) if (!file.used) keep(file, null, null, null);
  return read;
}
