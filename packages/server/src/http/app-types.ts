import type {} from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Kernel } from '../kernel.ts';
import type { SUBSYSTEMS } from '../subsystems.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

type Subsystems = (typeof SUBSYSTEMS)[number];

/** The kernel's services, and each subsystem's under its name (`services.publicServices.dossierSync`). */
export type Services = Kernel & {
  [S in Subsystems as S['name']]: ReturnType<S['create']>;
};
