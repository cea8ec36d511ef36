import type {
  Agency,
  CreateDocumentBody,
  CreateDocumentResult,
  DocumentDetail,
  DocumentPage,
  DocumentRegister,
  DocumentSearchQuery,
  DocumentSummary,
  DocumentSummaryQuery,
  DocumentWarning,
  EdxmlExportQuery,
  StoredFile,
} from '@ioc/shared';
import { invalid, notFound } from '../../errors.ts';
import type { Platform } from '../../platform.ts';
import type { AgencyService } from '../agencies/agencies.service.ts';
import { agencyMatcher } from '../agencies/agencies.ts';
import { auditedWrite } from '../audit/audit.service.ts';
import { type Actor, shownName } from '../auth/actor.ts';
import { dayIndexOf, localDateOf } from '../calendar/local-time.ts';
import type { OrgUnitService } from '../orgunits/orgunits.service.ts';
import { readableAgencies, registrarLink } from './document-access.ts';
import * as links from './document-agencies.repo.ts';
import { agencyLinks, shownAgencies } from './document-links.ts';
import { documentRow, identKey } from './document-row.ts';
import { toDetail, toListItem } from './document-view.ts';
import * as repo from './documents.repo.ts';
import { documentSummary } from './documents-summary.ts';
import { buildEdxml, buildGatewayEdxml, nameUuid, parseEdxml } from './edxml/edxml.ts';
import { unzippedAttachment } from './edxml/unzip.ts';
import { type CheckedFile, checkFile, checkInlineFiles } from './files/file-checks.ts';
import * as files from './files/files.repo.ts';
import { documentTerms, wordsOf } from './terms.ts';

const DEFAULT_REGISTER = { incoming: 'DEN', outgoing: 'DI' } as const;
/** How long the agencies and their matcher are reused: registrations come in bursts (imports, the demo's history). */
const AGENCIES_KEPT_MS = 5_000;
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

/** The incoming and outgoing registers: numbering, metadata, agency links, files, search, edXML; each read scoped. */
export class DocumentService {
  private registersCache: DocumentRegister[] | null = null;
  private agencyCache: { list: Agency[]; match: (written: string) => Agency | null; until: number } | null = null;

  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly agencies: AgencyService,
  ) {}

  /** The province's agencies and a matcher over them, kept a few seconds; `forgetAgencies` when one is saved. */
  private async agencyLookup() {
    if (!this.agencyCache || this.agencyCache.until < Date.now()) {
      const list = await this.agencies.list();
      this.agencyCache = { list, match: agencyMatcher(list), until: Date.now() + AGENCIES_KEPT_MS };
    }
    return this.agencyCache;
  }

  forgetAgencies(): void {
    this.agencyCache = null;
  }

  /** The agencies whose documents the actor reads (`document-access.ts`); null: the whole register. */
  private async readable(actor: Actor): Promise<string[] | null> {
    const { list } = await this.agencyLookup();
    return readableAgencies(actor, list, this.platform.config.rootUnit, (unit) =>
      this.orgUnits.inScope(actor.scope, unit),
    );
  }

  private async mayRead(actor: Actor, id: number): Promise<boolean> {
    const { db } = this.platform;
    const readable = await this.readable(actor);
    return readable === null ? (await repo.findDocument(db, id)) !== undefined : links.isReadable(db, id, readable);
  }

  /** A document the actor may not read answers as one that does not exist: its existence is not disclosed either. */
  private async requireReadable(actor: Actor, id: number): Promise<void> {
    if (!(await this.mayRead(actor, id))) throw notFound(`Document ${id}`);
  }

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
    const { list: agencies, match } = await this.agencyLookup();
    const linked = agencyLinks(body.organ, body.recipients ?? [], match);
    const own = registrarLink(actor, agencies, config.rootUnit, body.direction);
    if (own && !linked.some((l) => l.agencyCode === own.agencyCode)) linked.push(own);

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
        await links.insertLinks(
          trx,
          linked.map((l) => ({ documentId: newId, ...l })),
        );
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
          agencies: linked,
        };
        return { before: null, after, result: { id: newId, warnings: found }, entityId: String(newId) };
      },
      now,
    );
    const document = await this.get(id);
    // Live only to the people of the agencies it names (and those whose scope covers their units), as it is read.
    const codes = [...new Set(linked.map((l) => l.agencyCode))];
    const units = [...new Set(agencies.filter((a) => codes.includes(a.code)).map((a) => a.unitId))];
    await bus.publish('document.registered', { id, direction: body.direction, label: document.label }, null, {
      agencies: codes,
      units,
    });
    return { document, warnings };
  }

  /** A document as its reader sees it; one outside the reader's scope is not found. */
  async detail(actor: Actor, id: number): Promise<DocumentDetail> {
    await this.requireReadable(actor, id);
    return this.get(id);
  }

  private async get(id: number): Promise<DocumentDetail> {
    const { db } = this.platform;
    const row = await repo.findDocument(db, id);
    if (!row) throw notFound(`Document ${id}`);
    const [byOwner, linked, { list }] = await Promise.all([
      files.filesOf(db, 'document', [id]),
      links.linksOf(db, [id]),
      this.agencyLookup(),
    ]);
    return toDetail(row, byOwner.get(id) ?? [], shownAgencies(linked.get(id) ?? [], list));
  }

  /** The documents a reader reads, counted in and out per month and agency. */
  async summary(actor: Actor, query: DocumentSummaryQuery): Promise<DocumentSummary> {
    const { db, now } = this.platform;
    return documentSummary(db, query, now(), await this.readable(actor));
  }

  /**
   * Searches the documents `reader` may read; without a reader (the benchmark, system callers) the whole register.
   * A reader scoped to agencies that read no document gets an empty page at once.
   */
  async search(query: DocumentSearchQuery, reader?: Actor): Promise<DocumentPage> {
    const { db } = this.platform;
    const limit = query.limit ?? 50;
    const agencies = reader ? await this.readable(reader) : null;
    if (agencies?.length === 0) return { documents: [], next: null };
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
      ...(agencies ? { agencies } : {}),
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
   * How a search runs, by how common its words are (each counted up to DRIVER_CAP documents) and, for a scoped reader,
   * how many documents their agencies read (counted the same way). The smallest of these under DRIVER_CAP leads: its
   * documents first, the rest checked on each. All common, with dates, a year, an agency id or a number: the
   * documents' own indexes lead and the words and scope are checked per document. All common and nothing else: the
   * newest RECENT_WINDOW documents checked word by word (common words usually meet there), else the posting lists
   * intersected.
   */
  private async find(filter: repo.DocumentFilter, structured: boolean) {
    const { db } = this.platform;
    const readable = filter.agencies ? await links.readableIdsUpTo(db, filter.agencies, DRIVER_CAP) : null;
    const scope = readable?.length ?? DRIVER_CAP;
    const sizes = await Promise.all(filter.words.map((w) => repo.postingSize(db, w, DRIVER_CAP)));
    const rarest = sizes.indexOf(Math.min(...sizes));
    const rarestSize = sizes[rarest] ?? DRIVER_CAP;
    if (rarestSize < DRIVER_CAP && rarestSize <= scope) return repo.searchDocuments(db, { ...filter, driver: rarest });
    if (readable && scope < DRIVER_CAP) return repo.searchDocuments(db, { ...filter, driver: 'scope', readable });
    if (filter.words.length === 0 || structured) return repo.searchDocuments(db, filter);
    const recent = await repo.searchRecent(db, filter, RECENT_WINDOW);
    return recent.length === filter.limit ? recent : repo.searchByIntersection(db, filter);
  }

  /** Adds one file to a registered document (the body is the file itself). */
  async addFile(actor: Actor, id: number, name: string, content: Buffer): Promise<StoredFile> {
    const { db, now, config } = this.platform;
    const file = checkFile(name, content, config.maxUploadBytes, 'body');
    await this.requireReadable(actor, id);
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

  /** A stored file; a document's file only for those who read the document (a task report's is checked by its task). */
  async file(
    actor: Actor,
    id: number,
  ): Promise<{ name: string; mime: string; content: Buffer; ownerType: string; ownerId: number }> {
    const row = await files.fileWithContent(this.platform.db, id);
    if (!row) throw notFound(`File ${id}`);
    if (row.owner_type === 'document' && !(await this.mayRead(actor, Number(row.owner_id)))) {
      throw notFound(`File ${id}`);
    }
    return {
      name: row.name,
      mime: row.mime,
      content: Buffer.from(row.content),
      ownerType: row.owner_type,
      ownerId: Number(row.owner_id),
    };
  }

  /**
   * edXML received from another agency (a bare envelope or the exchange gateway's package) becomes an incoming
   * document with its attachments; a file some systems zip on the way is unzipped first.
   */
  async importEdxml(actor: Actor, xml: Buffer | string, register?: string): Promise<CreateDocumentResult> {
    const parsed = parseEdxml(xml);
    const { config } = this.platform;
    const attachments = parsed.attachments.map((a, i) =>
      checkFile(
        a.name,
        unzippedAttachment(a.name, a.content, config.maxUploadBytes),
        config.maxUploadBytes,
        parsed.attachmentPaths[i] ?? `attachment[${i + 1}]`,
      ),
    );
    return this.create(
      actor,
      { ...parsed.fields, direction: 'incoming', ...(register ? { register } : {}) },
      attachments,
    );
  }

  /**
   * A document and its files as edXML: by default the package the national exchange's gateway reads (DocumentId a
   * GUID fixed per document), or a bare envelope.
   */
  async exportEdxml(actor: Actor, id: number, shape: EdxmlExportQuery['shape'] = 'gateway'): Promise<string> {
    const detail = await this.detail(actor, id);
    const stored = await files.contentsOf(this.platform.db, 'document', id);
    const attachments = stored.map((f) => ({
      name: f.name,
      mime: f.mime,
      content: Buffer.from(f.content),
      description: null,
    }));
    if (shape === 'envelope') return buildEdxml(detail, attachments);
    return buildGatewayEdxml(detail, attachments, nameUuid(`ioc-document:${detail.id}:${detail.createdAt}`));
  }
}
