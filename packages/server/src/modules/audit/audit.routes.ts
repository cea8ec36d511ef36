import { AuditPage, AuditQuery, ErrorResponse } from '@ioc/shared';
import type { App } from '../../http/app-types.ts';
import type { Kernel } from '../../kernel.ts';
import { searchAudit } from './audit.service.ts';

export function auditRoutes(app: App, { platform }: Kernel): void {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['admin'],
        summary:
          'The audit log, newest first by recorded time; filter by user, action (or action prefix ending in "."), entity type, kind of actor, time; hide automated entries',
        querystring: AuditQuery,
        response: { 200: AuditPage, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => searchAudit(platform.db, request.query),
  );
}
