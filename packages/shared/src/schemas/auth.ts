import { type Static, Type } from 'typebox';
import { Nullable } from './common.ts';

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 80 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
export type LoginBody = Static<typeof LoginBody>;

export const OrgUnitRef = Type.Object({
  code: Type.String(),
  name: Type.String(),
  /** The English name where the catalogue has one. */
  nameEn: Type.Optional(Nullable(Type.String())),
});

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.Union([Type.Literal('user'), Type.Literal('apikey')]),
  orgUnit: Nullable(OrgUnitRef),
  /** The deployment's root unit (the province): what "the whole province" means on every page. */
  rootUnit: OrgUnitRef,
  /** The agency the user acts for in directed tasks (a department officer), if any. */
  agencyCode: Type.Optional(Nullable(Type.String())),
  roles: Type.Array(Type.String()),
  permissions: Type.Array(Type.String()),
  mustChangePassword: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const ChangePasswordBody = Type.Object({
  currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
  newPassword: Type.String({ minLength: 10, maxLength: 200 }),
});
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;
