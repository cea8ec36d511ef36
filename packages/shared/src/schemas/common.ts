import { type Static, type TSchema, Type } from 'typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const OrgUnitCode = Type.String({
  pattern: '^[0-9]{2,6}$',
  description: 'GSO code, e.g. 42 (province) or 18073',
});
export const IsoDateTime = Type.String({ format: 'date-time' });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse' },
);

export const OkResponse = Type.Object({ ok: Type.Literal(true) });

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export type IdParams = Static<typeof IdParams>;
