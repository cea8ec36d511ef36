import type { disasterVi, healthPendingVi } from './pending.i18n.vi.ts';

/** English strings of the pending pages added after the kit's catalogue (see pending.i18n.vi.ts). */
export const disasterEn: Record<keyof typeof disasterVi, string> = {
  'nav.disaster': 'Floods and storms',
  'pending.disaster':
    'Disaster prevention: river levels at the hydrological stations (Sơn Diệm, Linh Cảm, Hòa Duyệt, Chu Lễ) against alarm levels I, II and III; rainfall; reservoir levels and storage (Kẻ Gỗ, Sông Rác…); flood and storm warnings and disaster-risk levels by commune and ward.',
};

export const healthPendingEn: Record<keyof typeof healthPendingVi, string> = {
  'pending.health.related':
    "The health subsystem is not yet connected to the health sector's systems. Meanwhile, the health indicators below come from the commune health stations' and the Department of Health's reports in the socio-economic indicators subsystem.",
};
