import {
  ApiKey,
  CreateApiKeyBody,
  CreatedApiKey,
  CreateUserBody,
  IdParams,
  PermissionInfo,
  Role,
  RoleParams,
  TemporaryPassword,
  UpdateRoleBody,
  UpdateUserBody,
  User,
  UserWithPassword,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { Kernel } from '../../kernel.ts';

const errors = errorResponses(400, 401, 403, 404, 409);

export function userRoutes(app: App, { users, apiKeys }: Kernel): void {
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'users.read' },
      schema: { tags: ['admin'], summary: 'List users', response: { 200: Type.Array(User), ...errors } },
    },
    async () => users.list(),
  );
  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users.write' },
      schema: {
        tags: ['admin'],
        summary: 'Create a user; without a password a temporary one is generated and returned once',
        body: CreateUserBody,
        response: { 201: UserWithPassword, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await users.create(actorOf(request), request.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users.write' },
      schema: {
        tags: ['admin'],
        summary: 'Edit, disable or enable a user',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: User, ...errors },
      },
    },
    async (request) => users.update(actorOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { permission: 'users.write' },
      schema: {
        tags: ['admin'],
        summary: 'Reset a password to a temporary one, returned once; the user must change it at next sign-in',
        params: IdParams,
        response: { 200: TemporaryPassword, ...errors },
      },
    },
    async (request) => ({
      temporaryPassword: await users.resetPassword(actorOf(request), request.params.id),
    }),
  );

  app.get(
    '/api/v1/roles',
    {
      config: { permission: 'roles.read' },
      schema: {
        tags: ['admin'],
        summary: 'Roles and their permissions',
        response: { 200: Type.Array(Role), ...errors },
      },
    },
    async () => users.roles(),
  );
  app.get(
    '/api/v1/permissions',
    {
      config: { permission: 'roles.read' },
      schema: {
        tags: ['admin'],
        summary: 'Every permission with its description',
        response: { 200: Type.Array(PermissionInfo), ...errors },
      },
    },
    async () => users.permissions(),
  );
  app.put(
    '/api/v1/roles/:code',
    {
      config: { permission: 'roles.write' },
      schema: {
        tags: ['admin'],
        summary: "Replace a role's permissions",
        params: RoleParams,
        body: UpdateRoleBody,
        response: { 200: Role, ...errors },
      },
    },
    async (request) => users.setRolePermissions(actorOf(request), request.params.code, request.body.permissions),
  );

  app.get(
    '/api/v1/apikeys',
    {
      config: { permission: 'apikeys.read' },
      schema: {
        tags: ['admin'],
        summary: 'List API keys (never their secrets)',
        response: { 200: Type.Array(ApiKey), ...errors },
      },
    },
    async () => apiKeys.list(),
  );
  app.post(
    '/api/v1/apikeys',
    {
      config: { permission: 'apikeys.write' },
      schema: {
        tags: ['admin'],
        summary: 'Create an API key scoped to permissions and a unit; the key is shown once',
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await apiKeys.create(actorOf(request), request.body)),
  );
  app.post(
    '/api/v1/apikeys/:id/revoke',
    {
      config: { permission: 'apikeys.write' },
      schema: { tags: ['admin'], summary: 'Revoke an API key', params: IdParams, response: { 200: ApiKey, ...errors } },
    },
    async (request) => apiKeys.revoke(actorOf(request), request.params.id),
  );
}
