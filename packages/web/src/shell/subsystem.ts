import type { Permission } from '@ioc/shared';
import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon.tsx';
import type { MessageKey, MessageSet } from '../i18n/index.tsx';
import type { EventDescriptions } from '../live/describeEvent.ts';

/** An entry of the side menu: a subsystem's own page (numbered) or an operations page (placed by `order`). */
export interface NavEntry {
  path: string;
  /** `nav-<testId>` on the link. */
  testId: string;
  label: MessageKey;
  /** Shown if the user holds any of these; no list means everyone signed in. */
  anyOf?: Permission[];
  icon?: IconName;
  /** A subsystem's page carries the subsystem's number, 1–7 as in the project's mission. */
  number?: number;
  /** Place among the operations pages: the map is 10, alerts 20, administration 100. */
  order?: number;
}

/** A page at a URL for those holding any of `anyOf`; a lazy component, so its code loads when first visited. */
export interface SubsystemRoute {
  path: string;
  anyOf: Permission[];
  page: ComponentType;
  /** Panels drawn over the page at a path below it (`tasks/:taskId`), lazy too. */
  panels?: { path: string; panel: ComponentType }[];
}

/** An old URL kept working. */
export interface Redirect {
  path: string;
  to: string;
}

/** A tab of the administration page at `/admin/<slug>`. */
export interface AdminTab {
  slug: string;
  label: MessageKey;
  permission: Permission;
  Component: ComponentType;
}

/** What an overview section is shown for: the user's unit (the root unit when they have none) and this month. */
export interface OverviewScope {
  unit: string;
  unitName: string;
  /** The current month in the province, `YYYYMM`. */
  month: string;
}

/** A section of the leaders' overview: `headline` spans the page first, `summary` sits beside the open alerts. */
export interface OverviewSection {
  id: string;
  place: 'headline' | 'summary';
  anyOf: Permission[];
  Component: ComponentType<OverviewScope>;
}

/**
 * Figures a built subsystem lends to the page of one still being built, on a topic both cover: the indicators
 * subsystem's health indicators on the health page until subsystem 4 lands. The composition root hands them over, so
 * neither subsystem imports the other.
 */
export interface RelatedSection {
  /** The pending page's path without its slash: `health`. */
  topic: string;
  id: string;
  anyOf: Permission[];
  Component: ComponentType;
}

/**
 * Everything a subsystem gives the shell, declared once in its folder's `module.tsx` and listed in `src/modules.ts`:
 * its pages, menu entries, administration tabs, overview sections, live events and strings.
 */
export interface Subsystem {
  /** 1–7, as in the project's mission; 8, floods and storms, the field it names beside them. */
  number: number;
  routes: SubsystemRoute[];
  redirects?: Redirect[];
  navigation: NavEntry[];
  adminTabs?: AdminTab[];
  overview?: OverviewSection[];
  /** Sections lent to the pages of subsystems still being built (see RelatedSection). */
  related?: RelatedSection[];
  /** How the live feed words the subsystem's events. */
  events?: EventDescriptions;
  /** Merged into the i18n catalogue; the keys are declared beside the strings. */
  messages?: MessageSet;
}
