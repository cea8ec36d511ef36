import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';

export const AlertSeverity = Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('critical')]);

export const Alert = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'what raised it, e.g. indicator.anomaly' }),
  severity: AlertSeverity,
  unit: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  title: Type.String(),
  titleEn: Type.String(),
  detail: Type.Record(Type.String(), Type.Unknown()),
  status: Type.Union([Type.Literal('open'), Type.Literal('acknowledged')]),
  raisedAt: Type.String(),
  updatedAt: Type.String(),
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
});
export type Alert = Static<typeof Alert>;

export const AlertListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('all')])),
  kind: Type.Optional(Type.String({ maxLength: 60 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});
export type AlertListQuery = Static<typeof AlertListQuery>;
