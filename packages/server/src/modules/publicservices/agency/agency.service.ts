import type { PsAgency, SaveAgencyBody, SaveAgencyResult } from '@ioc/shared';
import type { Platform } from '../../../platform.ts';
import { auditedWrite } from '../../audit/audit.service.ts';
import type { Actor } from '../../auth/actor.ts';
import type { OrgUnitService } from '../../orgunits/orgunits.service.ts';
import { agencyMatcher } from '../agencies.ts';
import type { CalendarService } from '../calendar.service.ts';
import { listAgencies } from '../dossiers.repo.ts';
import { addDaily } from '../summary/daily.repo.ts';
import { DailyChanges } from '../summary/rollup.ts';
import * as repo from './agency.repo.ts';

const toAgency = (row: repo.AgencyRow): PsAgency => ({
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  unitId: row.unit_id,
  kind: row.kind as PsAgency['kind'],
  aliases: JSON.parse(row.aliases) as string[],
});

/**
 * The agencies dossiers are handled by, and the names the portal writes for them. Saving one also gives it the
 * stored dossiers whose name matched nothing before and matches it now, with their daily counts moved along.
 */
export class AgencyService {
  constructor(
    private readonly platform: Platform,
    private readonly orgUnits: OrgUnitService,
    private readonly workingCalendar: CalendarService,
  ) {}

  async list(): Promise<PsAgency[]> {
    return (await listAgencies(this.platform.db)).map(toAgency);
  }

  async save(actor: Actor, code: string, body: SaveAgencyBody): Promise<SaveAgencyResult> {
    await this.orgUnits.requireInScope(actor.scope, body.unitId);
    const { db, now } = this.platform;
    const calendar = await this.workingCalendar.calendar();
    return auditedWrite(
      db,
      actor,
      { action: 'publicservices.agency.save', entityType: 'ps_agency', entityId: code },
      async (trx) => {
        const before = await repo.findAgency(trx, code);
        const row: repo.AgencyRow = {
          code,
          name: body.name,
          name_en: body.nameEn,
          unit_id: body.unitId,
          kind: body.kind,
          aliases: JSON.stringify(body.aliases),
        };
        await repo.saveAgency(trx, row);
        const match = agencyMatcher([row]);
        const changes = new DailyChanges(calendar);
        let rematched = 0;
        for (const name of await repo.unmatchedNames(trx)) {
          if (!match(name)) continue;
          for (const dossier of await repo.unmatchedDossiers(trx, name)) {
            changes.change(dossier, { ...dossier, agency_code: code, unit_id: body.unitId });
            rematched++;
          }
          await repo.assignAgency(trx, name, code, body.unitId);
        }
        await addDaily(trx, changes.list());
        const agency = toAgency(row);
        return { before: before ? toAgency(before) : null, after: agency, result: { agency, rematched } };
      },
      now,
    );
  }
}
