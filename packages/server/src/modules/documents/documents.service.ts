import type {
  CreateDocumentBody,
  CreateDocumentResult,
  DocumentDetail,
  DocumentPage,
  DocumentRegister,
  DocumentSearchQuery,
  DocumentWarning,
  StoredFile,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { type Actor, shownName } from '../auth/actor.ts';
import { dayIndexOf, localDateOf } from '../calendar/local-time.ts';
import { documentRow, identKey } from './document-row.ts';
import { toDetail, toListItem } from './document-view.ts';
import * as repo from './documents.repo.ts';
import { buildEdxml, parseEdxml } from './edxml/edxml.ts';
import { type CheckedFile, checkFile, checkInlineFiles } from './files/file-checks.ts';
import * as files from './files/files.repo.ts';
import { documentTerms, wordsOf } from './terms.ts';

const DEFAULT_REGISTER = { incoming: 'DEN', outgoing: 'DI' } as const;
/** Past this many documents a word is common: reading its documents first would cost more than the other filters. */
const DRIVER_CAP = 2_000;
/** How many of the newest documents a search of common words checks before intersecting whole posting lists. */
const RECENT_WINDOW = 20_000;

function checkDate(value: string | null | undefined, field: string): void {
  if (value === null || value === undefined) return;
  try {
    dayIndexOf(value);
  } catch {
    throw invalid(`${field.slice(1)} ${value} is not a calendar date`, [
      { field, message: 'not a date', rule: 'date' },
    ]);
  }
}

/** The incoming and outgoing registers: numbering, metadata, files, search and edXML. */
export class DocumentService {
  private registersCache: DocumentRegister[] | null = null;

  constructor(private readonly platform: Platform) {}

  async registers(): Promise<DocumentRegister[]> {
    if (!this.registersCache) {
      const rows = await repo.listRegisters(this.platform.db);
      this.registersCache = rows.map((r) => ({
        code: r.code,
        direction: r.direction as DocumentRegister['direction'],
        name: r.name,
        nameEn: r.name_en,
      }));
    }
    return this.registersCache;
  }

  /**
   * Registers a document: checks everything first (dates, register, files), then numbers, stores the metadata, its
   * search words, its files and the audit entry in one transaction. A document sharing its identifier with an
   * earlier one is stored and flagged, as the clerk may be registering a real second copy.
   */
  async create(actor: Actor, body: CreateDocumentBody, attachments: CheckedFile[] = []): Promise<CreateDocumentResult> {
    const { db, now, config, bus } = this.platform;
    const registerCode = body.register ?? DEFAULT_REGISTER[body.direction];
    const register = (await this.registers()).find((r) => r.code === registerCode);
    if (!register || register.direction !== body.direction) {
      throw invalid(`Register ${registerCode} is not an ${body.direction} register`, [
        { field: '/register', message: 'unknown register for this direction', rule: 'register' },
      ]);
    }
    checkDate(body.issuedDate, '/issuedDate');
    checkDate(body.dueDate, '/dueDate');
    if (body.direction === 'incoming' && !body.codeNumber) {
      throw invalid('An incoming document needs the number its sender gave it (codeNumber)', [
        { field: '/codeNumber', message: 'required for incoming documents', rule: 'required' },
      ]);
    }
    const stored = [...checkInlineFiles(body.files, config.maxUploadBytes), ...attachments];
    const at = now();
    const arrival = body.direction === 'incoming' ? (body.arrivalDate ?? at.toISOString()) : null;
    const year = Number((arrival ? localDateOf(Date.parse(arrival)) : body.issuedDate).slice(0, 4));
    const { files: _files, ...metadata } = body;

    const { id, warnings } = await auditedWrite(
      db,
      actor,
      { action: 'documents.register', entityType: 'document', entityId: null },
      async (trx) => {
        const number = await repo.nextNumber(trx, registerCode, year);
        const codeNumber = body.codeNumber ?? String(number);
        const key = identKey(body.organ, codeNumber, body.codeNotation, body.issuedDate);
        const earlier = await repo.idsWithIdent(trx, key);
        const newId = await repo.insertDocument(
          trx,
          documentRow(
            body,
            { register: registerCode, year, number, codeNumber, arrival, identKey: key },
            at,
            shownName(actor),
          ),
          documentTerms({
            subject: body.subject,
            codeNotation: body.codeNotation,
            organName: body.organ.organName,
            organId: body.organ.organId ?? null,
          }),
        );
        await files.insertFiles(trx, 'document', newId, stored, at.toISOString(), shownName(actor));
        const found: DocumentWarning[] =
          earlier.length > 0
            ? [
                {
                  code: 'DUPLICATE_IDENTIFIER',
                  message: `${codeNumber}/${body.codeNotation} of ${body.organ.organName} (${body.issuedDate.slice(0, 4)}) is already registered`,
                  documentIds: earlier,
                },
              ]
            : [];
        const after = {
          ...metadata,
          register: registerCode,
          year,
          number,
          codeNumber,
          files: stored.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
        };
        return { before: null, after, result: { id: newId, warnings: found }, entityId: String(newId) };
      },
      now,
    );
    const document = await this.get(id);
    await bus.publish('document.registered', { id, direction: body.direction, label: document.label }, null);
    return { document, warnings };
  }

  async get(id: number): Promise<DocumentDetail> {
    const { db } = this.platform;
    const row = await repo.findDocument(db, id);
    if (!row) throw notFound(`Document ${id}`);
    const byOwner = await files.filesOf(db, 'document', [id]);
    return toDetail(row, byOwner.get(id) ?? []);
  }

  async search(query: DocumentSearchQuery): Promise<DocumentPage> {
    const { db } = this.platform;
    const limit = query.limit ?? 50;
    const words = wordsOf(query.q ?? '');
    // The last word may still be being typed: it matches as a prefix once it has two letters.
    const typing = words.length > 0 && /[\p{L}\p{N}]$/u.test(query.q ?? '') && (words.at(-1)?.length ?? 0) >= 2;
    const prefix = typing ? words.pop() : undefined;
    const organ = query.organ?.trim();
    const organId = organ && /^[0-9A-Z.]+\.[A-Z0-9]+$/i.test(organ) && /\d/.test(organ) ? organ : undefined;
    const matches: repo.WordMatch[] = [
      ...[...words, ...wordsOf(query.notation ?? '')].map((term) => ({ term })),
      ...(organ && !organId ? wordsOf(organ).map((w) => ({ term: `o:${w}` })) : []),
      ...(prefix ? [{ prefix }] : []),
    ];
    const structured = Boolean(query.from || query.to || query.year !== undefined || organId || query.number);
    const filter: repo.DocumentFilter = {
      ...(query.direction ? { direction: query.direction } : {}),
      ...(query.register ? { register: query.register } : {}),
      ...(query.number ? { number: query.number.trim() } : {}),
      ...(organId ? { organId } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.before !== undefined ? { before: query.before } : {}),
      words: matches,
      driver: null,
      limit,
    };
    const rows = await this.find(filter, structured);
    const ids = rows.map((r) => Number(r.id));
    const [fileCounts, taskCounts] = await Promise.all([
      files.countFiles(db, 'document', ids),
      repo.taskCounts(db, ids),
    ]);
    return {
      documents: rows.map((r) => toListItem(r, fileCounts.get(Number(r.id)) ?? 0, taskCounts.get(Number(r.id)) ?? 0)),
      next: rows.length === limit ? (ids[ids.length - 1] ?? null) : null,
    };
  }

  /**
   * How a search runs, by how common its words are (each counted up to DRIVER_CAP documents). One rare word: its
   * documents first, the other words checked on each. All common, with dates, a year, an agency id or a number: the
   * documents' own indexes lead and the words are checked per document. All common and nothing else: the newest
   * RECENT_WINDOW documents checked word by word (common words usually meet there), else the posting lists intersected.
   */
  private async find(filter: repo.DocumentFilter, structured: boolean) {
    const { db } = this.platform;
    if (filter.words.length === 0) return repo.searchDocuments(db, filter);
    const sizes = await Promise.all(filter.words.map((w) => repo.postingSize(db, w, DRIVER_CAP)));
    const rarest = sizes.indexOf(Math.min(...sizes));
    if ((sizes[rarest] ?? 0) < DRIVER_CAP) return repo.searchDocuments(db, { ...filter, driver: rarest });
    if (structured) return repo.searchDocuments(db, filter);
    const recent = await repo.searchRecent(db, filter, RECENT_WINDOW);
    return recent.length === filter.limit ? recent : repo.searchByIntersection(db, filter);
  }

  /** Adds one file to a registered document (the body is the file itself). */
  async addFile(actor: Actor, id: number, name: string, content: Buffer): Promise<StoredFile> {
    const { db, now, config } = this.platform;
    const file = checkFile(name, content, config.maxUploadBytes, 'body');
    await this.get(id);
    const at = now().toISOString();
    await auditedWrite(
      db,
      actor,
      { action: 'documents.file.add', entityType: 'document', entityId: String(id) },
      async (trx) => {
        await files.insertFiles(trx, 'document', id, [file], at, shownName(actor));
        return { before: null, after: { name: file.name, size: file.size, sha256: file.sha256 }, result: null };
      },
      now,
    );
    const detail = await this.get(id);
    return detail.files[detail.files.length - 1] as StoredFile;
  }

  async file(id: number): Promise<{ name: string; mime: string; content: Buffer; ownerType: string; ownerId: number }> {
    const row = await files.fileWithContent(this.platform.db, id);
    if (!row) throw notFound(`File ${id}`);
    return {
      name: row.name,
      mime: row.mime,
      content: Buffer.from(row.content),
      ownerType: row.owner_type,
      ownerId: Number(row.owner_id),
    };
  }

  /** An edXML envelope received from another agency becomes an incoming document with its attachments. */
  async importEdxml(actor: Actor, xml: Buffer | string, register?: string): Promise<CreateDocumentResult> {
    const parsed = parseEdxml(xml);
    const { config } = this.platform;
    const attachments = parsed.attachments.map((a, i) =>
      checkFile(a.name, a.content, config.maxUploadBytes, `edXMLBody/DocumentAttachment[${i}]`),
    );
    return this.create(
      actor,
      { ...parsed.fields, direction: 'incoming', ...(register ? { register } : {}) },
      attachments,
    );
  }

  async exportEdxml(id: number): Promise<string> {
    return buildEdxml(await this.get(id));
  }
}
