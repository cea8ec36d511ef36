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

/** One unit's value of an indicator in the latest period it has one. */
export interface IndicatorReading {
  unit: string;
  /** The period's id ('2026', '202603'). */
  period: string;
  value: number;
}

/**
 * Where indicator rules read their values: the indicators subsystem registers one (kernel.rules.registerIndicatorSource),
 * so the platform reads indicators without importing the subsystem.
 */
export interface RuleIndicatorSource {
  /** The latest period's value of an indicator or data element code per unit: those given, else every unit with data. */
  latest(code: string, units?: readonly string[]): Promise<IndicatorReading[]>;
}

/** What indicator rules do to the alert list: the whole current set of a rule's breaches, and its open alerts. */
export interface IndicatorRuleAlerts {
  reconcile(kind: string, current: RaiseAlert[], options: { keyPrefix?: string }): Promise<unknown>;
  active(kind: string, options: { keyPrefix?: string }): Promise<{ dedupeKey: string }[]>;
  resolve(dedupeKeys: readonly string[], reason: string): Promise<number>;
}
