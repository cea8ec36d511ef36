/**
 * Hà Tĩnh's hydro-meteorological network and large reservoirs, as the demo simulates them.
 *
 * Published facts (from the project's domain reference, §5 — "values read from official bulletins — verify"):
 * the flood alarm levels I/II/III of Decision 05/2020/QĐ-TTg at the four river stations, and each reservoir's storage
 * at its normal water level. Everything marked `model` is a parameter of the simulation, not a published figure:
 * typical dry-season levels, response times, the dead level under which storage is not counted. Coordinates are
 * approximate (within a few km); the commune is the one the station's old commune merged into on 1 July 2025.
 */

export interface RiverStation {
  id: string;
  name: string;
  nameEn: string;
  river: string;
  /** The commune or ward (2025) it stands in, by its name among the root unit's units. */
  commune: string;
  lat: number;
  lon: number;
  /** Flood alarm levels I, II, III in metres (null: none published). Verify against the current bulletin. */
  alarm: { I: number | null; II: number; III: number };
  verify: true;
  model: {
    /** Water level on a quiet day, m. */
    baseLevel: number;
    /** Hours from the centre of a rain event to the crest here. */
    lagHours: number;
    riseHours: number;
    fallHours: number;
  };
}

export interface Reservoir {
  id: string;
  name: string;
  nameEn: string;
  commune: string;
  lat: number;
  lon: number;
  /** Normal water level (mực nước dâng bình thường), or the design level where only that is known, m. */
  normalLevel: number;
  /** Storage at the normal level, million m³ (null: not in the reference, so no storage stream). */
  capacity: number | null;
  verify: true;
  note?: string;
  model: {
    /** How far below the normal level it sits on a quiet day, m. */
    drawdown: number;
    /** Level under which the simulation counts no storage, m. */
    deadLevel: number;
  };
}

export const RIVER_STATIONS: readonly RiverStation[] = [
  {
    id: 'son-diem',
    name: 'Sơn Diệm',
    nameEn: 'Son Diem',
    river: 'Ngàn Phố',
    commune: 'Xã Sơn Giang',
    lat: 18.53,
    lon: 105.4,
    alarm: { I: 10.0, II: 11.5, III: 13.0 },
    verify: true,
    model: { baseLevel: 7.2, lagHours: 8, riseHours: 6, fallHours: 30 },
  },
  {
    id: 'linh-cam',
    name: 'Linh Cảm',
    nameEn: 'Linh Cam',
    river: 'La',
    commune: 'Xã Đức Thọ',
    lat: 18.53,
    lon: 105.6,
    alarm: { I: 4.5, II: 5.5, III: 6.5 },
    verify: true,
    model: { baseLevel: 1.9, lagHours: 16, riseHours: 10, fallHours: 40 },
  },
  {
    id: 'hoa-duyet',
    name: 'Hòa Duyệt',
    nameEn: 'Hoa Duyet',
    river: 'Ngàn Sâu',
    commune: 'Xã Thượng Đức',
    lat: 18.38,
    lon: 105.55,
    alarm: { I: 7.5, II: 9.0, III: 10.5 },
    verify: true,
    model: { baseLevel: 4.8, lagHours: 11, riseHours: 8, fallHours: 34 },
  },
  {
    id: 'chu-le',
    name: 'Chu Lễ',
    nameEn: 'Chu Le',
    river: 'Ngàn Sâu',
    commune: 'Xã Hương Phố',
    lat: 18.22,
    lon: 105.7,
    alarm: { I: null, II: 12.0, III: 13.5 },
    verify: true,
    model: { baseLevel: 8.0, lagHours: 9, riseHours: 6, fallHours: 28 },
  },
];

export const RESERVOIRS: readonly Reservoir[] = [
  {
    id: 'ke-go',
    name: 'Hồ Kẻ Gỗ',
    nameEn: 'Ke Go reservoir',
    commune: 'Xã Cẩm Duệ',
    lat: 18.19,
    lon: 105.95,
    normalLevel: 32.5,
    capacity: 345,
    verify: true,
    note: 'spillway Dốc Miếu; October 2020: a release forced 43,028 people in Cẩm Xuyên to evacuate',
    model: { drawdown: 1.4, deadLevel: 19 },
  },
  {
    id: 'song-rac',
    name: 'Hồ Sông Rác',
    nameEn: 'Song Rac reservoir',
    commune: 'Xã Kỳ Thượng',
    lat: 18.06,
    lon: 106.08,
    normalLevel: 23.2,
    capacity: 124.5,
    verify: true,
    model: { drawdown: 1.2, deadLevel: 11 },
  },
  {
    id: 'thuong-tuy',
    name: 'Hồ Thượng Tuy',
    nameEn: 'Thuong Tuy reservoir',
    commune: 'Xã Đồng Lộc',
    lat: 18.37,
    lon: 105.72,
    normalLevel: 24.5,
    capacity: 18.9,
    verify: true,
    model: { drawdown: 1.0, deadLevel: 15 },
  },
  {
    id: 'ngan-truoi',
    name: 'Hồ Ngàn Trươi',
    nameEn: 'Ngan Truoi reservoir',
    commune: 'Xã Vũ Quang',
    lat: 18.25,
    lon: 105.38,
    normalLevel: 52,
    capacity: null,
    verify: true,
    note: 'design level 52 m; storage not in the reference',
    model: { drawdown: 1.8, deadLevel: 30 },
  },
];

/** The simulated observation interval: automatic river gauges every 5 minutes, reservoirs hourly. */
export const RIVER_CADENCE_SECONDS = 300;
export const RESERVOIR_CADENCE_SECONDS = 3600;
/** Days of history filled at the first start. */
export const HISTORY_DAYS = 30;
/**
 * The agency answering for the streams in the IOC: the Department of Agriculture and Environment, which keeps the
 * province's disaster-prevention office (the gauges themselves belong to the national hydro-meteorological service
 * and the reservoirs' operating companies, which are not agencies of the province).
 */
export const NETWORK_OWNER = 'SNNMT';
