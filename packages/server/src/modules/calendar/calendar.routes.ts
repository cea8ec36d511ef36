import { CalendarDateParams, CalendarDay, CalendarQuery, OkResponse, SaveCalendarDayBody } from '@ioc/shared';
import { Type } from 'typebox';
import type { App } from '../../http/app-types.ts';
import { actorOf } from '../../http/context.ts';
import { errorResponses } from '../../http/route-kit.ts';
import type { CalendarService } from './calendar.service.ts';

const errors = errorResponses(400, 401, 403, 404);

export function calendarRoutes(app: App, workingCalendar: CalendarService): void {
  app.get(
    '/api/v1/calendar-days',
    {
      config: { permission: null },
      schema: {
        tags: ['calendar'],
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
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Declare a day off or a working weekend day (e.g. a compensatory day the government announced)',
        params: CalendarDateParams,
        body: SaveCalendarDayBody,
        response: { 200: CalendarDay, ...errors },
      },
    },
    async (request) => workingCalendar.save(actorOf(request), request.params.date, request.body),
  );
  app.delete(
    '/api/v1/calendar-days/:date',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Make a day ordinary again',
        params: CalendarDateParams,
        response: { 200: OkResponse, ...errors },
      },
    },
    async (request) => {
      await workingCalendar.remove(actorOf(request), request.params.date);
      return { ok: true as const };
    },
  );
}
