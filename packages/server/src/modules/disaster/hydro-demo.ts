import type { Kernel } from '../../kernel.ts';
import { rainfall, reservoirLevel, reservoirStorage, riverLevel } from './hydro-model.ts';
import {
  HISTORY_DAYS,
  NETWORK_OWNER,
  RESERVOIR_CADENCE_SECONDS,
  RESERVOIRS,
  type Reservoir,
  RIVER_CADENCE_SECONDS,
  RIVER_STATIONS,
  type RiverStation,
} from './hydro-network.ts';

type RuleInput = Parameters<Kernel['rules']['ensureRule']>[0];
type ObservationInput = Parameters<Kernel['observations']['ingest']>[0][number];

const DAY = 86_400_000;
/** Points per ingest call: large enough to be fast, small enough to keep memory flat. */
const CHUNK = 20_000;

/** One simulated stream: its key, cadence and the model that gives its value at an instant. */
interface SimulatedStream {
  key: string;
  cadenceSeconds: number;
  valueAt(t: number): number;
}

/** The streams the demo feeds, with their models. */
export function simulatedStreams(): SimulatedStream[] {
  const streams: SimulatedStream[] = [];
  for (const station of RIVER_STATIONS) {
    streams.push(
      {
        key: `${station.id}/water_level`,
        cadenceSeconds: RIVER_CADENCE_SECONDS,
        valueAt: (t) => riverLevel(station, t),
      },
      {
        key: `${station.id}/rainfall`,
        cadenceSeconds: RIVER_CADENCE_SECONDS,
        valueAt: (t) => rainfall(station, t, RIVER_CADENCE_SECONDS),
      },
    );
  }
  for (const reservoir of RESERVOIRS) {
    streams.push({
      key: `${reservoir.id}/water_level`,
      cadenceSeconds: RESERVOIR_CADENCE_SECONDS,
      valueAt: (t) => reservoirLevel(reservoir, t),
    });
    if (reservoir.capacity !== null) {
      streams.push({
        key: `${reservoir.id}/storage`,
        cadenceSeconds: RESERVOIR_CADENCE_SECONDS,
        valueAt: (t) => reservoirStorage(reservoir, reservoirLevel(reservoir, t)) ?? 0,
      });
    }
  }
  return streams;
}

/** The official alarm levels of a river station as a threshold rule on its water level (I info, II warning, III critical). */
export function floodAlarmRule(station: RiverStation, unit: string | null): RuleInput {
  const levels: NonNullable<RuleInput['levels']> = [];
  if (station.alarm.I !== null) levels.push({ level: 'I', severity: 'info', op: 'above', value: station.alarm.I });
  levels.push(
    { level: 'II', severity: 'warning', op: 'above', value: station.alarm.II },
    { level: 'III', severity: 'critical', op: 'above', value: station.alarm.III },
  );
  return {
    code: `flood-alarm:${station.id}`,
    name: `Báo động lũ sông ${station.river} tại ${station.name}`,
    nameEn: `Flood alarm, ${station.river} river at ${station.nameEn}`,
    type: 'threshold',
    streams: [`${station.id}/water_level`],
    levels,
    // An official level is crossed at the reading that crosses it; a crest wavering on the line stays one alert.
    pendingSeconds: 0,
    keepFiringSeconds: 30 * 60,
    ...(unit ? { route: { units: [unit] } } : {}),
    labels: { subsystem: 'disaster', river: station.river, station: station.name },
  };
}

/** The communes (2025) by name, to place the stations; none when the deployment is not Hà Tĩnh. */
async function communesByName(kernel: Kernel): Promise<Map<string, string>> {
  const units = await kernel.orgUnits.currentChildren(kernel.platform.config.rootUnit);
  return new Map(units.map((unit) => [unit.name, unit.id]));
}

/** A station (river gauge or reservoir) in its commune; answers the commune's unit id (null when not found). */
async function placeStation(
  kernel: Kernel,
  site: RiverStation | Reservoir,
  kind: 'hydro' | 'reservoir',
  attributes: Record<string, unknown>,
  communes: ReadonlyMap<string, string>,
): Promise<string | null> {
  const unit = communes.get(site.commune) ?? null;
  await kernel.observations.ensureStation({
    id: site.id,
    name: site.name,
    nameEn: site.nameEn,
    kind,
    unit,
    lat: site.lat,
    lon: site.lon,
    owner: NETWORK_OWNER,
    attributes: { ...attributes, commune: site.commune, verify: 'values from official bulletins: verify', demo: true },
  });
  return unit;
}

/** A river gauge with its water level and rainfall streams (idempotent); answers its unit id. */
export async function ensureRiverStation(
  kernel: Kernel,
  station: RiverStation,
  communes?: ReadonlyMap<string, string>,
): Promise<string | null> {
  const unit = await placeStation(
    kernel,
    station,
    'hydro',
    { river: station.river, alarmLevels: station.alarm },
    communes ?? (await communesByName(kernel)),
  );
  const common = { station: station.id, cadenceSeconds: RIVER_CADENCE_SECONDS, unit, owner: NETWORK_OWNER };
  await kernel.observations.ensureStream({
    ...common,
    metric: 'water_level',
    name: `Mực nước sông ${station.river} tại ${station.name}`,
    nameEn: `${station.river} river level at ${station.nameEn}`,
    uom: 'm',
  });
  await kernel.observations.ensureStream({
    ...common,
    metric: 'rainfall',
    name: `Lượng mưa tại ${station.name}`,
    nameEn: `Rainfall at ${station.nameEn}`,
    uom: 'mm',
    // Millimetres fallen since the previous reading: an hour's bucket shows the hour's total.
    valueKind: 'amount',
  });
  return unit;
}

/** Stations and streams of the network (idempotent upserts); answers each station's unit id. */
export async function ensureHydroNetwork(kernel: Kernel): Promise<Map<string, string | null>> {
  const { observations } = kernel;
  const communes = await communesByName(kernel);
  const unitOf = new Map<string, string | null>();
  for (const station of RIVER_STATIONS) unitOf.set(station.id, await ensureRiverStation(kernel, station, communes));
  for (const reservoir of RESERVOIRS) {
    const attributes = {
      normalLevel: reservoir.normalLevel,
      capacity: reservoir.capacity,
      ...(reservoir.note ? { note: reservoir.note } : {}),
    };
    const unit = await placeStation(kernel, reservoir, 'reservoir', attributes, communes);
    unitOf.set(reservoir.id, unit);
    const common = { station: reservoir.id, cadenceSeconds: RESERVOIR_CADENCE_SECONDS, unit, owner: NETWORK_OWNER };
    await observations.ensureStream({
      ...common,
      metric: 'water_level',
      name: `Mực nước ${reservoir.name}`,
      nameEn: `${reservoir.nameEn} water level`,
      uom: 'm',
    });
    if (reservoir.capacity !== null) {
      await observations.ensureStream({
        ...common,
        metric: 'storage',
        name: `Dung tích ${reservoir.name}`,
        nameEn: `${reservoir.nameEn} storage`,
        uom: 'million m3',
      });
    }
  }
  return unitOf;
}

/**
 * Adds every point the simulated streams are due up to `now`: from the point after each stream's last one, or
 * HISTORY_DAYS back for a stream with none (the history filled at the first start). What a restart missed is filled
 * the same way, up to HISTORY_DAYS back. Answers the number of points stored.
 */
export async function catchUp(kernel: Kernel, now: number): Promise<number> {
  const streams = simulatedStreams();
  const last = await kernel.observations.latest(streams.map((s) => s.key));
  let stored = 0;
  let chunk: ObservationInput[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    const report = await kernel.observations.ingest(chunk);
    stored += report.accepted;
    if (report.rejected.length > 0) {
      const first = report.rejected[0];
      throw new Error(`the hydro demo's points were refused: ${first?.stream ?? ''} ${first?.message ?? ''}`);
    }
    chunk = [];
  };
  for (const stream of streams) {
    const step = stream.cadenceSeconds * 1000;
    const from = Math.max(last.get(stream.key)?.t ?? Number.NEGATIVE_INFINITY, now - HISTORY_DAYS * DAY - step);
    for (let t = (Math.floor(from / step) + 1) * step; t <= now; t += step) {
      chunk.push({ stream: stream.key, time: t, value: stream.valueAt(t) });
      if (chunk.length >= CHUNK) await flush();
    }
  }
  await flush();
  return stored;
}

/** The alarm rules of the river stations (idempotent by code). */
export async function ensureFloodRules(kernel: Kernel, unitOf: ReadonlyMap<string, string | null>): Promise<number> {
  for (const station of RIVER_STATIONS)
    await kernel.rules.ensureRule(floodAlarmRule(station, unitOf.get(station.id) ?? null));
  return RIVER_STATIONS.length;
}

/**
 * The demo's hydro-meteorological network: stations, streams, 30 days of history at the first start (what a
 * restart missed at later ones), then the alarm rules — after the history, so a past crest raises no alert today.
 */
export async function seedHydroDemo(kernel: Kernel): Promise<{ stations: number; points: number; rules: number }> {
  const unitOf = await ensureHydroNetwork(kernel);
  const points = await catchUp(kernel, kernel.platform.now().getTime());
  const rules = await ensureFloodRules(kernel, unitOf);
  return { stations: RIVER_STATIONS.length + RESERVOIRS.length, points, rules };
}
