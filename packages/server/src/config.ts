import { accessSync, constants } from 'node:fs';
import { isIP } from 'node:net';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** One table of every `IOC_*` setting: the README's configuration section and `ioc config` are read from it. */
interface Setting<T> {
  description: string;
  default: string | undefined;
  parse: (raw: string) => T;
}

class ConfigError extends Error {}

const text = (raw: string) => raw;
const int = (min: number, max: number) => (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`must be a whole number from ${min} to ${max}`);
  return n;
};
const bool = (raw: string) => {
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError('must be 1/0, true/false, yes/no or on/off');
};
const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string) => {
    if (!values.includes(raw as T)) throw new ConfigError(`must be one of ${values.join(', ')}`);
    return raw as T;
  };
const url =
  (...protocols: string[]) =>
  (raw: string) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new ConfigError(`is not a URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
    }
    if (!protocols.includes(parsed.protocol)) throw new ConfigError(`must start with ${protocols.join(' or ')}//`);
    return raw.replace(/\/$/, '');
  };
const serviceList = (raw: string) => {
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0 || names.some((name) => !/^[A-Za-z0-9_.-]{1,100}$/.test(name))) {
    throw new ConfigError('must be a comma-separated list of service names (letters, digits, _ . -)');
  }
  return [...new Set(names)];
};
const instant = (raw: string) => {
  const parts = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(raw);
  const at = Date.parse(raw);
  // Date.parse takes 30 February as 2 March: the day must exist in its month.
  const dayExists =
    parts !== null &&
    new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]))).getUTCDate() === Number(parts[3]);
  if (!dayExists || Number.isNaN(at)) {
    throw new ConfigError('must be an ISO 8601 instant with its offset, e.g. 2026-11-27T09:00:00+07:00');
  }
  return new Date(at);
};
/** Host names, IP addresses and networks (CIDR), comma-separated: what an administrator lets connectors reach. */
const hostList = (raw: string) => {
  const entries = raw
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  for (const entry of entries) {
    const [address = '', prefix, ...rest] = entry.split('/');
    const bits = isIP(address) === 6 ? 128 : 32;
    const network = isIP(address) !== 0 && rest.length === 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
    const name = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry);
    if (!(network && Number(prefix ?? bits) <= bits) && !name) {
      throw new ConfigError(`'${entry}' is not a host name, an IP address or a network such as 10.20.0.0/16`);
    }
  }
  return entries;
};
const readableFile = (raw: string) => {
  try {
    accessSync(raw, constants.R_OK);
  } catch {
    throw new ConfigError('is not a readable file');
  }
  return resolve(raw);
};
const subjectPrefix = (raw: string) => {
  if (!/^[A-Za-z0-9_-]{1,40}(\.[A-Za-z0-9_-]{1,40}){0,5}$/.test(raw)) {
    throw new ConfigError('must be NATS subject tokens separated by dots (letters, digits, _ -), no wildcards');
  }
  return raw;
};
/** A shared-subscription group: one topic level, so no '/', and no wildcards. */
const mqttGroup = (raw: string) => {
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) throw new ConfigError('must be a name of letters, digits, _ . - (no / + #)');
  return raw;
};
/** Settings whose value is never printed: in problems, and by `ioc config`. */
export const isSecretSetting = (name: string) => /PASSWORD|SECRET/.test(name);

/** A URL as it may be printed: a user name, password or token in it replaced by ***. */
export function withoutCredentials(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.username) url.username = '***';
    if (url.password) url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return raw.includes('@') ? '(a URL with credentials, not shown)' : raw;
  }
}

/** A setting's value as logs, errors and `ioc config` show it: never a secret, never a URL's credentials. */
export function printableSetting(name: string, raw: string): string {
  if (isSecretSetting(name)) return raw ? '***' : raw;
  return /_URL$/.test(name) ? withoutCredentials(raw) : raw;
}
const optional =
  <T>(parse: (raw: string) => T) =>
  (raw: string): T | undefined =>
    raw === '' ? undefined : parse(raw);

export const SETTINGS = {
  IOC_PORT: { description: 'HTTP port of the web app and API', default: '8080', parse: int(1, 65535) },
  IOC_HOST: { description: 'address to listen on', default: '0.0.0.0', parse: text },
  IOC_DATA_DIR: { description: 'folder for the embedded SQLite database and backups', default: './data', parse: text },
  IOC_DATABASE_URL: {
    description: 'PostgreSQL URL (postgres://user@host:5432/db); empty = embedded SQLite in IOC_DATA_DIR',
    default: '',
    parse: optional(url('postgres:', 'postgresql:')),
  },
  IOC_BUS_URL: {
    description: 'NATS URL (nats://host:4222) so several servers share live events; empty = in-process bus',
    default: '',
    parse: optional(url('nats:')),
  },
  IOC_BUS_SUBJECT: {
    description:
      'NATS subject prefix of this install (events go to PREFIX.events, ended sign-ins to PREFIX.revocations): the same on every node of one install, different for two installs sharing a NATS; empty = ioc.IOC_ROOT_UNIT (ioc.42)',
    default: '',
    parse: optional(subjectPrefix),
  },
  IOC_BUS_CA_FILE: {
    description: "CA certificate (PEM) of the NATS server: TLS is then required and the server's certificate checked",
    default: '',
    parse: optional(readableFile),
  },
  IOC_BUS_CREDS_FILE: {
    description:
      'NATS credentials file (user JWT and NKey seed) this node signs in with; or put user:password@ or a token@ in IOC_BUS_URL',
    default: '',
    parse: optional(readableFile),
  },
  IOC_ROOT_UNIT: {
    description:
      "code of the deployment's root unit (the province: 42 for Hà Tĩnh); it must be among the units seeded at first start",
    default: '42',
    parse: (raw: string) => {
      if (!/^[A-Za-z0-9_.-]{1,40}$/.test(raw)) throw new ConfigError('must be a unit code (letters, digits, _ . -)');
      return raw;
    },
  },
  IOC_DEMO: {
    description:
      'seed the demo users and demo data (and run simulators as subsystems add them); 0 for a production install',
    default: '1',
    parse: bool,
  },
  IOC_ADMIN_PASSWORD: {
    description: 'password of the first `admin` user (only used when it is created); empty = random, printed once',
    default: '',
    parse: optional((raw: string) => {
      if (raw.length < 10) throw new ConfigError('must be at least 10 characters');
      return raw;
    }),
  },
  IOC_DEMO_PASSWORD: {
    description: 'password of the demo users (IOC_DEMO=1 only)',
    default: 'HaTinh@2025',
    parse: text,
  },
  IOC_PUBLIC_URL: {
    description: 'external URL (https://ioc.example.vn); writes from browsers must come from this origin',
    default: '',
    parse: optional(url('http:', 'https:')),
  },
  IOC_SESSION_HOURS: { description: 'idle lifetime of a sign-in session, hours', default: '12', parse: int(1, 720) },
  IOC_LOGIN_MAX_FAILURES: {
    description: 'failed sign-ins of one user before a temporary lock-out (an IP gets twice as many)',
    default: '5',
    parse: int(1, 100),
  },
  IOC_LOGIN_LOCK_MINUTES: {
    description: 'length of the lock-out and of the failure window',
    default: '15',
    parse: int(1, 1440),
  },
  IOC_AUDIT_KEY_FILE: {
    description:
      "file holding the audit chain's HMAC key, created (mode 0600) at first start when missing; every node of one install needs the same file; empty = audit.key in IOC_DATA_DIR",
    default: '',
    parse: optional((raw: string) => resolve(raw)),
  },
  IOC_MAX_UPLOAD_MB: {
    description: 'largest accepted upload (boundary files, imports), MB',
    default: '50',
    parse: int(1, 2048),
  },
  IOC_TRUST_PROXY: { description: 'trust X-Forwarded-For from a reverse proxy', default: '0', parse: bool },
  IOC_LOG_LEVEL: {
    description: 'log level; debug adds one line per request (method, path, status, time)',
    default: 'info',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  IOC_WEB_DIR: { description: 'built web app to serve', default: 'packages/web/dist', parse: text },
  IOC_NODE_ID: { description: 'name of this server in a cluster (logs, events)', default: '', parse: text },
  IOC_CLOCK_START: {
    description:
      "start the server's clock at this instant (ISO 8601 with offset) and let it run from there, to rehearse or test a given day; empty = the real time",
    default: '',
    parse: optional(instant),
  },
  IOC_ONESTOP_TOKEN_URL: {
    description:
      "token URL of the province's one-stop system (client credentials); with the next three, sets up connector `onestop`",
    default: '',
    parse: optional(url('http:', 'https:')),
  },
  IOC_ONESTOP_BASE_URL: {
    description: 'URL under which its services are called: GET {base}/{service}?tuNgay=&denNgay=',
    default: '',
    parse: optional(url('http:', 'https:')),
  },
  IOC_ONESTOP_CLIENT_ID: { description: 'client id given by the one-stop system', default: '', parse: text },
  IOC_ONESTOP_CLIENT_SECRET: {
    description: 'client secret given by the one-stop system (never shown)',
    default: '',
    parse: text,
  },
  IOC_ONESTOP_SERVICES: {
    description: 'services to read, in order, comma-separated',
    default: 'DongBoHoSoMC,CapNhatTienDoHoSoMC',
    parse: serviceList,
  },
  IOC_ONESTOP_INTERVAL: {
    description: 'seconds between two reads of the one-stop system',
    default: '300',
    parse: int(30, 86_400),
  },
  IOC_ONESTOP_PAGE_SIZE: {
    description: 'records per page when the system pages (?page=1,2,…); empty = one request per service',
    default: '',
    parse: optional(int(1, 10_000)),
  },
  IOC_CONNECTOR_TIMEOUT: {
    description: 'seconds a connector waits for each answer of a source system',
    default: '30',
    parse: int(1, 600),
  },
  IOC_CONNECTOR_ALLOW_HOSTS: {
    description:
      'hosts (names, IP addresses or networks such as 10.20.0.0/16, comma-separated) a connector may reach although they are not public: loopback, private, link-local; empty = public addresses only',
    default: '',
    parse: hostList,
  },
  IOC_NOTIFY_GROUP_SECONDS: {
    description:
      'alerts raised within this many seconds go to a webhook or e-mail endpoint as one notification, grouped by kind and unit; 0 = each at once',
    default: '30',
    parse: int(0, 3600),
  },
  IOC_WEBHOOK_TIMEOUT: {
    description: 'seconds a webhook receiver (or the SMTP server) has to answer one notification',
    default: '10',
    parse: int(1, 120),
  },
  IOC_WEBHOOK_BACKOFF_SECONDS: {
    description:
      'wait before the first retry of a failed notification; each retry waits IOC_WEBHOOK_BACKOFF_FACTOR times longer (at most 6 h), less a random 0–50 %',
    default: '30',
    parse: int(0, 3600),
  },
  IOC_WEBHOOK_BACKOFF_FACTOR: {
    description: 'how much longer each retry of a notification waits than the one before',
    default: '2',
    parse: int(1, 10),
  },
  IOC_WEBHOOK_MAX_ATTEMPTS: {
    description: 'attempts of one notification (webhook or e-mail) before it is marked failed',
    default: '8',
    parse: int(1, 50),
  },
  IOC_WEBHOOK_ALLOW_HOSTS: {
    description:
      'hosts (names, IP addresses or networks, comma-separated) a webhook may be sent to although they are not public, e.g. an SMS gateway on the province network; empty = public addresses only',
    default: '',
    parse: hostList,
  },
  IOC_SMTP_URL: {
    description:
      'SMTP server for e-mail notifications (smtp://user:password@host:587 with STARTTLS when offered, smtps://…:465); empty = no e-mail endpoints',
    default: '',
    parse: optional(url('smtp:', 'smtps:')),
  },
  IOC_SMTP_FROM: {
    description: 'sender of e-mail notifications',
    default: 'IOC <ioc@localhost>',
    parse: text,
  },
  IOC_IMPORT_MAX_ROWS: {
    description:
      'most filled rows a spreadsheet (.xlsx) import reads; a template has one row per unit, and a larger file is refused before it is read to the end',
    default: '5000',
    parse: int(10, 1_000_000),
  },
  IOC_DEMO_DOSSIERS_PER_DAY: {
    description: "demo one-stop system's intake on a working day (IOC_DEMO=1 only; 0 = no public-services demo)",
    default: '3000',
    parse: int(0, 100_000),
  },
  IOC_DEMO_HISTORY_MONTHS: {
    description: 'months of demo dossier history filled in after the first start (IOC_DEMO=1 only)',
    default: '24',
    parse: int(0, 120),
  },
  IOC_PS_ONTIME_THRESHOLD: {
    description: 'on-time rate (%) over 30 days under which an agency handling dossiers is alerted',
    default: '90',
    parse: int(1, 100),
  },
  IOC_TASK_NEARLY_DUE_DAYS: {
    description: 'a directed task is "nearly due" in its last N days up to and including its deadline',
    default: '3',
    parse: int(1, 60),
  },
  IOC_TASK_REVIEW_REMINDERS: {
    description: 'reminders in a year after which a unit is flagged for a review of its head',
    default: '3',
    parse: int(1, 100),
  },
  IOC_DEMO_DOCUMENTS_PER_DAY: {
    description: 'demo documents registered per working day, with about one task per eight (IOC_DEMO=1 only; 0 = none)',
    default: '32',
    parse: int(0, 10_000),
  },
  IOC_OBS_RETENTION_DAYS: {
    description:
      'days of raw observations (and minute rollups) kept; older months are dropped whole (PostgreSQL partitions); hour and day rollups stay',
    default: '400',
    parse: int(1, 36_500),
  },
  IOC_OBS_QUEUE_LIMIT: {
    description:
      'observations waiting for the writer beyond which ingest answers 503 with Retry-After (memory stays bounded)',
    default: '200000',
    parse: int(100, 10_000_000),
  },
  IOC_MQTT_URL: {
    description:
      'MQTT broker (mqtt://host:1883, mqtts://…; user:password@ in the URL if it asks) whose ioc/obs/<station>/<metric> messages are stored as observations; empty = no MQTT ingest',
    default: '',
    parse: optional(url('mqtt:', 'mqtts:', 'ws:', 'wss:')),
  },
  IOC_MQTT_GROUP: {
    description:
      'shared-subscription group ($share/<group>/ioc/obs/+/+): the servers of one install use the same group and split the messages',
    default: 'ioc',
    parse: mqttGroup,
  },
  IOC_MQTT_AUTOREGISTER: {
    description:
      'an MQTT message for an unknown stream registers the station and stream (off: it is refused and counted)',
    default: '0',
    parse: bool,
  },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof SETTINGS;
export type ConfigValues = { [K in keyof Settings]: ReturnType<Settings[K]['parse']> };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  busUrl: string | undefined;
  /** Prefix of this install's NATS subjects. */
  busSubject: string;
  busCaFile: string | undefined;
  busCredsFile: string | undefined;
  /** The audit chain's HMAC key, outside the database. */
  auditKeyFile: string;
  /** The deployment's root unit: the province whose units, agencies and figures the IOC serves. */
  rootUnit: string;
  demo: boolean;
  adminPassword: string | undefined;
  demoPassword: string;
  publicUrl: string | undefined;
  sessionHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  maxUploadBytes: number;
  trustProxy: boolean;
  logLevel: string;
  webDir: string;
  nodeId: string;
  /** When set, the server's clock starts at this instant instead of the real time, and runs from there. */
  clockStart: Date | undefined;
  /** The one-stop connector set up from IOC_ONESTOP_*; null when they are not set. */
  onestop: OnestopSettings | null;
  connectorTimeoutSeconds: number;
  /** Hosts, addresses and networks connectors may reach although they are not public (IOC_CONNECTOR_ALLOW_HOSTS). */
  connectorAllowHosts: string[];
  /** Notifications (issue 14): grouping window, retries with backoff, where webhooks may go, SMTP. */
  notifications: NotificationSettings;
  importMaxRows: number;
  onTimeAlertThreshold: number;
  taskNearlyDueDays: number;
  taskReviewReminders: number;
  demoDocumentsPerDay: number;
  demoDossiersPerDay: number;
  demoHistoryMonths: number;
  /** Days of raw observations kept (IOC_OBS_RETENTION_DAYS). */
  obsRetentionDays: number;
  /** Observations that may wait for the writer before ingest is refused (IOC_OBS_QUEUE_LIMIT). */
  obsQueueLimit: number;
  /** MQTT broker whose observations are ingested; undefined = no MQTT ingest. */
  mqttUrl: string | undefined;
  /** Shared-subscription group the servers of one install split the MQTT messages in. */
  mqttGroup: string;
  mqttAutoRegister: boolean;
}

export interface NotificationSettings {
  groupSeconds: number;
  timeoutSeconds: number;
  backoffSeconds: number;
  backoffFactor: number;
  maxAttempts: number;
  /** Hosts webhooks may reach although they are not public (IOC_WEBHOOK_ALLOW_HOSTS). */
  allowHosts: string[];
  smtpUrl: string | undefined;
  smtpFrom: string;
}

export interface OnestopSettings {
  tokenUrl: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  services: string[];
  intervalSeconds: number;
  pageSize: number | null;
}

const ONESTOP_REQUIRED = [
  'IOC_ONESTOP_TOKEN_URL',
  'IOC_ONESTOP_BASE_URL',
  'IOC_ONESTOP_CLIENT_ID',
  'IOC_ONESTOP_CLIENT_SECRET',
] as const;

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates every setting; collects all problems so one restart fixes them all. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(SETTINGS) as [string, Setting<unknown>][]) {
    const raw = (env[name] ?? setting.default ?? '').trim();
    try {
      values[name] = setting.parse(raw);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(`${name}=${JSON.stringify(printableSetting(name, raw))} ${error.message}`);
    }
  }
  for (const name of Object.keys(env)) {
    if (name.startsWith('IOC_') && !(name in SETTINGS) && !name.startsWith('IOC_TEST_')) {
      problems.push(`${name} is not a known setting (known: ${Object.keys(SETTINGS).join(', ')})`);
    }
  }
  const onestopGiven = ONESTOP_REQUIRED.filter((name) => values[name] !== undefined && values[name] !== '');
  if (onestopGiven.length > 0 && onestopGiven.length < ONESTOP_REQUIRED.length) {
    const missing = ONESTOP_REQUIRED.filter((name) => !onestopGiven.includes(name));
    problems.push(`${ONESTOP_REQUIRED.join(', ')} go together: ${missing.join(', ')} missing`);
  }
  if (problems.length > 0) throw new InvalidConfigError(problems);
  const v = values as ConfigValues;
  return {
    port: v.IOC_PORT,
    host: v.IOC_HOST,
    dataDir: resolve(v.IOC_DATA_DIR),
    databaseUrl: v.IOC_DATABASE_URL,
    busUrl: v.IOC_BUS_URL,
    busSubject: v.IOC_BUS_SUBJECT ?? `ioc.${v.IOC_ROOT_UNIT}`,
    busCaFile: v.IOC_BUS_CA_FILE,
    busCredsFile: v.IOC_BUS_CREDS_FILE,
    auditKeyFile: v.IOC_AUDIT_KEY_FILE ?? join(resolve(v.IOC_DATA_DIR), 'audit.key'),
    rootUnit: v.IOC_ROOT_UNIT,
    demo: v.IOC_DEMO,
    adminPassword: v.IOC_ADMIN_PASSWORD,
    demoPassword: v.IOC_DEMO_PASSWORD,
    publicUrl: v.IOC_PUBLIC_URL,
    sessionHours: v.IOC_SESSION_HOURS,
    loginMaxFailures: v.IOC_LOGIN_MAX_FAILURES,
    loginLockMinutes: v.IOC_LOGIN_LOCK_MINUTES,
    maxUploadBytes: v.IOC_MAX_UPLOAD_MB * 1024 * 1024,
    trustProxy: v.IOC_TRUST_PROXY,
    logLevel: v.IOC_LOG_LEVEL,
    webDir: resolve(v.IOC_WEB_DIR),
    nodeId: v.IOC_NODE_ID || `${hostname()}-${process.pid}`,
    clockStart: v.IOC_CLOCK_START,
    onestop:
      v.IOC_ONESTOP_TOKEN_URL && v.IOC_ONESTOP_BASE_URL && v.IOC_ONESTOP_CLIENT_ID && v.IOC_ONESTOP_CLIENT_SECRET
        ? {
            tokenUrl: v.IOC_ONESTOP_TOKEN_URL,
            baseUrl: v.IOC_ONESTOP_BASE_URL,
            clientId: v.IOC_ONESTOP_CLIENT_ID,
            clientSecret: v.IOC_ONESTOP_CLIENT_SECRET,
            services: v.IOC_ONESTOP_SERVICES,
            intervalSeconds: v.IOC_ONESTOP_INTERVAL,
            pageSize: v.IOC_ONESTOP_PAGE_SIZE ?? null,
          }
        : null,
    connectorTimeoutSeconds: v.IOC_CONNECTOR_TIMEOUT,
    connectorAllowHosts: v.IOC_CONNECTOR_ALLOW_HOSTS,
    notifications: {
      groupSeconds: v.IOC_NOTIFY_GROUP_SECONDS,
      timeoutSeconds: v.IOC_WEBHOOK_TIMEOUT,
      backoffSeconds: v.IOC_WEBHOOK_BACKOFF_SECONDS,
      backoffFactor: v.IOC_WEBHOOK_BACKOFF_FACTOR,
      maxAttempts: v.IOC_WEBHOOK_MAX_ATTEMPTS,
      allowHosts: v.IOC_WEBHOOK_ALLOW_HOSTS,
      smtpUrl: v.IOC_SMTP_URL,
      smtpFrom: v.IOC_SMTP_FROM,
    },
    importMaxRows: v.IOC_IMPORT_MAX_ROWS,
    onTimeAlertThreshold: v.IOC_PS_ONTIME_THRESHOLD,
    taskNearlyDueDays: v.IOC_TASK_NEARLY_DUE_DAYS,
    taskReviewReminders: v.IOC_TASK_REVIEW_REMINDERS,
    demoDocumentsPerDay: v.IOC_DEMO_DOCUMENTS_PER_DAY,
    demoDossiersPerDay: v.IOC_DEMO_DOSSIERS_PER_DAY,
    demoHistoryMonths: v.IOC_DEMO_HISTORY_MONTHS,
    obsRetentionDays: v.IOC_OBS_RETENTION_DAYS,
    obsQueueLimit: v.IOC_OBS_QUEUE_LIMIT,
    mqttUrl: v.IOC_MQTT_URL,
    mqttGroup: v.IOC_MQTT_GROUP,
    mqttAutoRegister: v.IOC_MQTT_AUTOREGISTER,
  };
}
