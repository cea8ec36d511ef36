import type { RaiseAlert } from '../alerts.service.ts';

/** What the rule engine reads of the time series (ObservationService, per the issue-14 contract). */
export interface RuleObservations {
  whenStored(
    listener: (batch: { points: { stream: string; t: number; value: number }[] }) => void | Promise<void>,
  ): void;
  latest(streams: readonly string[]): Promise<Map<string, { t: number; value: number }>>;
  window(stream: string, fromMs: number, toMs: number): Promise<{ t: number; value: number }[]>;
  lastSeen(): Promise<Map<string, number>>;
  listStreams(): Promise<RuleStreamInfo[]>;
}

export interface RuleStreamInfo {
  key: string;
  name: string;
  nameEn?: string | null;
  uom: string;
  cadenceSeconds: number | null;
  unit: string | null;
}

/** What it does to the alert list (AlertService). */
export interface RuleAlerts {
  raise(alerts: RaiseAlert[]): Promise<unknown>;
  resolve(dedupeKeys: readonly string[], reason: string): Promise<number>;
}
