import {
  CreateDocumentBody,
  CreateDocumentResult,
  DocumentDetail,
  DocumentPage,
  DocumentRegister,
  DocumentSearchQuery,
  DocumentSummary,
  DocumentSummaryQuery,
  EdxmlExportQuery,
  EdxmlImportQuery,
  FileUploadQuery,
  IdParams,
  StoredFile,
} from '@ioc/shared';
import { Type } from 'typebox';
import { invalid } from '../../errors.ts';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { acceptRawBody, errorResponses } from '../../http/route-kit.ts';
import type { DocumentServices } from './module.ts';

const errors = errorResponses(400, 401, 403, 404, 413, 415);
const tags = ['documents'];
const RAW_TYPES = ['application/octet-stream', 'application/xml', 'text/xml'];
const Binary = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

/** `attachment; filename*=` with the UTF-8 name, so "Quyết định.pdf" arrives as it was stored. */
export function attachmentHeader(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function documentRoutes(app: App, { documents, tasks, platform }: DocumentServices): void {
  // edXML carries its attachments in base64: a third larger than the files themselves.
  for (const type of RAW_TYPES) acceptRawBody(app, type, Math.ceil(platform.config.maxUploadBytes * 1.4));
  const bodyLimit = Math.ceil(platform.config.maxUploadBytes * 1.4) + 64 * 1024;

  app.get(
    '/api/v1/documents/registers',
    {
      config: { permission: 'documents.read' },
      schema: { tags, summary: 'The document registers', response: { 200: Type.Array(DocumentRegister), ...errors } },
    },
    async () => documents.registers(),
  );
  app.get(
    '/api/v1/documents',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          'Search the registers the caller reads, newest registered first: subject words (accents optional, the last word as a prefix), number, notation, issuing agency (id or name words), issue dates; page with `before`',
        querystring: DocumentSearchQuery,
        response: { 200: DocumentPage, ...errors },
      },
    },
    async (request) => documents.search(request.query, actorOf(request)),
  );
  app.post(
    '/api/v1/documents',
    {
      bodyLimit,
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary:
          'Register a document (Decree 30/2020 metadata, files inline in base64): numbered in its register and year; a duplicate identifier is stored and warned about',
        body: CreateDocumentBody,
        response: { 201: CreateDocumentResult, ...errors },
      },
    },
    async (request, reply) => {
      const result = await documents.create(actorOf(request), request.body);
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/v1/documents/summary',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: 'Documents the caller reads, in and out per month and per agency, over a year or a span of days',
        querystring: DocumentSummaryQuery,
        response: { 200: DocumentSummary, ...errors },
      },
    },
    async (request) => documents.summary(actorOf(request), request.query),
  );
  app.post(
    '/api/v1/documents/import/edxml',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary:
          "Register an incoming document from edXML (QCVN 102:2016; body = the XML, Content-Type application/xml): the national exchange gateway's <edXML> package (files in AttachmentEncoded) or a bare edXMLEnvelope; a malformed file or a missing field stores nothing and names the field",
        querystring: EdxmlImportQuery,
        response: { 201: CreateDocumentResult, ...errors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw invalid('Send the edXML file as the body with Content-Type application/xml', [
          { field: 'body', message: 'expected an XML file', rule: 'type' },
        ]);
      }
      const result = await documents.importEdxml(actorOf(request), request.body, request.query.register);
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/v1/documents/:id',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary: "A document with its metadata, files and linked agencies (404 when outside the caller's scope)",
        params: IdParams,
        response: { 200: DocumentDetail, ...errors },
      },
    },
    async (request) => documents.detail(actorOf(request), request.params.id),
  );
  app.get(
    '/api/v1/documents/:id/edxml',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          "A document and its files as edXML (QCVN 102:2016): the national exchange gateway's package, or with shape=envelope a bare envelope",
        params: IdParams,
        querystring: EdxmlExportQuery,
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const xml = await documents.exportEdxml(actorOf(request), request.params.id, request.query.shape);
      return reply
        .header('content-type', 'application/xml; charset=utf-8')
        .header('content-disposition', attachmentHeader(`document-${request.params.id}.edxml`))
        .send(xml);
    },
  );
  app.post(
    '/api/v1/documents/:id/files',
    {
      config: { permission: 'documents.write' },
      schema: {
        tags,
        summary:
          'Attach a file to a document (body = the file, Content-Type application/octet-stream; pdf, doc(x), xls(x), odt, ods, png, jpg, zip, txt, csv, xml; checked against its extension)',
        params: IdParams,
        querystring: FileUploadQuery,
        response: { 201: StoredFile, ...errors },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) {
        throw invalid('Send the file as the body with Content-Type application/octet-stream', [
          { field: 'body', message: 'expected the file', rule: 'type' },
        ]);
      }
      const file = await documents.addFile(actorOf(request), request.params.id, request.query.name, request.body);
      return reply.status(201).send(file);
    },
  );
  app.get(
    '/api/v1/files/:id',
    {
      config: { permission: 'documents.read' },
      schema: {
        tags,
        summary:
          "Download a stored file (a document's when you read the document, a task report's when you see the task)",
        params: IdParams,
        response: { 200: Binary, ...errors },
      },
    },
    async (request, reply) => {
      const file = await documents.file(actorOf(request), request.params.id);
      if (file.ownerType === 'task_event') await tasks.checkEventVisible(actorOf(request), file.ownerId);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', attachmentHeader(file.name))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}
