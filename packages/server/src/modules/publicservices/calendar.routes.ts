import {
  CalendarDateParams,
  CalendarDay,
  CalendarQuery,
  ErrorResponse,
  OkResponse,
  SaveCalendarDayBody,
} from '@ioc/shared';
import { Type } from 'typebox';
import type { App, Services } from '../../http/app-types.ts';
import { requireActor } from '../../http/context.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function calendarRoutes(app: App, { workingCalendar }: Services): void {
  app.get(
    '/api/v1/calendar-days',
    {
      config: { permission: 'publicservices.read' },
      schema: {
        tags: ['public services'],
        summary: 'Days that differ from the usual week: holidays on weekdays, weekend days made working days',
        querystring: CalendarQuery,
        response: { 200: Type.Array(CalendarDay), ...errors },
      },
    },
    async (request) => workingCalendar.days(request.query.year),
  );
  app.put(
    '/api/v1/calendar-days/:date',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: 'Declare a day off or a working weekend day (e.g. a compensatory day the government announced)',
        params: CalendarDateParams,
        body: SaveCalendarDayBody,
        response: { 200: CalendarDay, ...errors },
      },
    },
    async (request) => workingCalendar.save(requireActor(request.actor), request.params.date, request.body),
  );
  app.delete(
    '/api/v1/calendar-days/:date',
    {
      config: { permission: 'publicservices.manage' },
      schema: {
        tags: ['public services'],
        summary: 'Make a day ordinary again',
        params: CalendarDateParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await workingCalendar.remove(requireActor(request.actor), request.params.date);
      return { ok: true as const };
    },
  );
}
