import { type Static, Type } from 'typebox';

/** `/healthz`: the process answers. */
export const HealthStatus = Type.Object({ status: Type.String(), node: Type.String() });
export type HealthStatus = Static<typeof HealthStatus>;

/** `/readyz`: whether this node can do its work, and what stands in the way when it cannot. */
export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('unavailable')]),
  database: Type.Boolean(),
  /** False while the database refuses writes (disk full, read-only): reads still work, but no work can be saved. */
  writes: Type.Boolean(),
  bus: Type.Boolean(),
  engine: Type.String(),
  busKind: Type.String(),
  /**
   * Only when IOC_MQTT_URL is set: connected to the MQTT broker. Reported, not required: without it this node stops
   * reading observations (the others of its shared-subscription group read them), but it still serves.
   */
  mqtt: Type.Optional(Type.Boolean()),
  problem: Type.Optional(Type.String()),
});
export type Readiness = Static<typeof Readiness>;
