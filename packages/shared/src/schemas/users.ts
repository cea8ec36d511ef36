import { type Static, Type } from 'typebox';
import { IsoDateTime, Nullable, OrgUnitCode, RowId } from './common.ts';

export const Username = Type.String({
  pattern: '^[a-z0-9._-]{3,40}$',
  description: 'lower-case letters, digits, . _ -',
});

/** A role's code as users are given it; unknown codes are refused by the service, naming them. */
const RoleCode = Type.String({ minLength: 1, maxLength: 40 });
/** A permission name (`resource.action`); unknown names are refused by the service. */
const PermissionName = Type.String({ maxLength: 80 });

/** The role a `/roles/:code` path names. */
export const RoleParams = Type.Object({ code: Type.String({ pattern: '^[a-z_]{2,40}$' }) });
export type RoleParams = Static<typeof RoleParams>;

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  email: Nullable(Type.String()),
  orgUnitCode: Type.String(),
  orgUnitName: Type.String(),
  agencyCode: Nullable(Type.String({ description: 'the agency the user acts for in directed tasks' })),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type User = Static<typeof User>;

export const CreateUserBody = Type.Object({
  username: Username,
  displayName: Type.String({ minLength: 1, maxLength: 120 }),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
  password: Type.Optional(Type.String({ minLength: 10, maxLength: 200 })),
  roles: Type.Array(RoleCode, { minItems: 1, uniqueItems: true }),
  orgUnitCode: OrgUnitCode,
  agencyCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))),
    roles: Type.Optional(Type.Array(RoleCode, { minItems: 1, uniqueItems: true })),
    orgUnitCode: Type.Optional(OrgUnitCode),
    agencyCode: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40 }))),
    disabled: Type.Optional(Type.Boolean()),
  },
  { minProperties: 1, additionalProperties: false },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

/** A generated password is shown once, in this response only. */
export const UserWithPassword = Type.Object({ user: User, temporaryPassword: Nullable(Type.String()) });
export type UserWithPassword = Static<typeof UserWithPassword>;
export const TemporaryPassword = Type.Object({ temporaryPassword: Type.String() });
export type TemporaryPassword = Static<typeof TemporaryPassword>;

export const Role = Type.Object({
  code: Type.String(),
  nameVi: Type.String(),
  nameEn: Type.String(),
  builtIn: Type.Boolean(),
  permissions: Type.Array(Type.String()),
});
export type Role = Static<typeof Role>;

export const UpdateRoleBody = Type.Object({ permissions: Type.Array(PermissionName, { uniqueItems: true }) });
export type UpdateRoleBody = Static<typeof UpdateRoleBody>;

export const PermissionInfo = Type.Object({ code: Type.String(), vi: Type.String(), en: Type.String() });
export type PermissionInfo = Static<typeof PermissionInfo>;

export const ApiKey = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  prefix: Type.String(),
  permissions: Type.Array(Type.String()),
  orgUnitCode: Type.String(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  /** Observations it sends for unknown streams register them. */
  autoRegisterStreams: Type.Boolean(),
});
export type ApiKey = Static<typeof ApiKey>;

export const CreateApiKeyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  permissions: Type.Array(PermissionName, { minItems: 1, uniqueItems: true }),
  orgUnitCode: OrgUnitCode,
  autoRegisterStreams: Type.Optional(
    Type.Boolean({ default: false, description: 'observations for unknown streams register them (off by default)' }),
  ),
});
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;

/** The secret `key` is returned once, at creation; only its hash is stored. */
export const CreatedApiKey = Type.Object({ apiKey: ApiKey, key: Type.String() });
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorType: Type.String(),
  actorId: Nullable(Type.Integer()),
  actorName: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Nullable(Type.String()),
  before: Type.Unknown(),
  after: Type.Unknown(),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object({
  actor: Type.Optional(Type.String({ maxLength: 80, description: 'username or API key name' })),
  action: Type.Optional(Type.String({ maxLength: 80, description: 'exact action or a prefix ending in "."' })),
  entityType: Type.Optional(
    Type.String({ pattern: '^[a-z_]{1,40}$', description: 'what was changed, e.g. user, task' }),
  ),
  actorType: Type.Optional(
    Type.Union([Type.Literal('user'), Type.Literal('apikey'), Type.Literal('system')], { description: 'who acted' }),
  ),
  hideAutomated: Type.Optional(
    Type.Boolean({
      description:
        'leave out the IOC acting on its own (demo, connectors, seeding; not the command line, not a refused request) and API keys',
    }),
  ),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  beforeId: Type.Optional(RowId()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
});
export type AuditQuery = Static<typeof AuditQuery>;

/** Entries newest first by their recorded time (ties by id); pass `nextBeforeId` as `beforeId` for the entries after them. */
export const AuditPage = Type.Object({ entries: Type.Array(AuditEntry), nextBeforeId: Nullable(Type.Integer()) });
export type AuditPage = Static<typeof AuditPage>;
