import { type Static, Type } from 'typebox';
import { Nullable, OrgUnitCode } from './common.ts';

const AgencyKind = Type.Union([Type.Literal('department'), Type.Literal('commune'), Type.Literal('other')]);

/** National electronic id of an agency (QCVN 102, Decision 20/2020/QĐ-TTg): V1V2V3.Z1Z2.Y1Y2.Hxx, e.g. 000.00.00.H27. */
export const NationalAgencyId = Type.String({
  pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9A-Z]{2}$',
});

/** One of the province's organisations: a department or a commune's People's Committee, as every subsystem names it. */
export const Agency = Type.Object({
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  unitId: Type.String({ description: 'the org unit its records count for' }),
  kind: AgencyKind,
  aliases: Type.Array(Type.String(), { description: 'other names source systems write for it (e.g. DonViXuLy)' }),
  nationalId: Nullable(NationalAgencyId),
});
export type Agency = Static<typeof Agency>;

export const SaveAgencyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 500 }),
    nameEn: Type.String({ minLength: 1, maxLength: 500 }),
    unitId: OrgUnitCode,
    kind: AgencyKind,
    aliases: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
    nationalId: Type.Optional(Nullable(NationalAgencyId)),
  },
  { additionalProperties: false },
);
export type SaveAgencyBody = Static<typeof SaveAgencyBody>;

export const AgencyCodeParams = Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_.-]{1,100}$' }) });

export const SaveAgencyResult = Type.Object({
  agency: Agency,
  rematched: Type.Integer({
    description: "subsystems' stored records (e.g. dossiers) whose agency name had matched nothing and now matches it",
  }),
});
export type SaveAgencyResult = Static<typeof SaveAgencyResult>;

export const AgencyImportResult = Type.Object({
  saved: Type.Integer(),
  rematched: Type.Integer({ description: "subsystems' stored records given to the imported agencies" }),
});
export type AgencyImportResult = Static<typeof AgencyImportResult>;
