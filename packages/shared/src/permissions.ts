/** Every permission is `resource.action`; routes check one, the UI hides what the user lacks. */
export const PERMISSIONS = {
  'orgunits.read': { vi: 'Xem đơn vị hành chính', en: 'View administrative units' },
  'orgunits.write': { vi: 'Quản lý đơn vị, nhóm và ranh giới', en: 'Manage units, groups and boundaries' },
  'orgunits.profile.write': { vi: 'Cập nhật hồ sơ đơn vị', en: 'Update a unit profile' },
  'users.read': { vi: 'Xem người dùng', en: 'View users' },
  'users.write': { vi: 'Quản lý người dùng', en: 'Manage users' },
  'roles.read': { vi: 'Xem vai trò', en: 'View roles' },
  'roles.write': { vi: 'Sửa quyền của vai trò', en: 'Edit role permissions' },
  'apikeys.read': { vi: 'Xem khóa API', en: 'View API keys' },
  'apikeys.write': { vi: 'Tạo và thu hồi khóa API', en: 'Create and revoke API keys' },
  'audit.read': { vi: 'Xem nhật ký kiểm toán', en: 'View the audit log' },
  'agencies.manage': {
    vi: 'Quản lý cơ quan, đơn vị (sở, UBND xã) và mã định danh',
    en: 'Manage agencies (departments, communes) and their national ids',
  },
  'calendar.manage': { vi: 'Quản lý lịch làm việc, ngày nghỉ', en: 'Manage the working calendar and holidays' },
  'events.read': { vi: 'Nhận sự kiện trực tiếp', en: 'Receive live events' },
  'indicators.read': { vi: 'Xem chỉ tiêu KT-XH', en: 'View socio-economic indicators' },
  'indicators.write': { vi: 'Nhập số liệu chỉ tiêu', en: 'Enter indicator values' },
  'indicators.manage': {
    vi: 'Quản lý danh mục chỉ tiêu, công thức',
    en: 'Manage the indicator catalogue and formulas',
  },
  'publicservices.read': { vi: 'Xem dịch vụ công', en: 'View public services' },
  'publicservices.manage': {
    vi: 'Quản lý danh mục dịch vụ công, kết nối một cửa',
    en: 'Manage public-service catalogues and one-stop connectors',
  },
  'documents.read': { vi: 'Xem văn bản, nhiệm vụ', en: 'View documents and tasks' },
  'documents.write': { vi: 'Đăng ký văn bản đến, đi', en: 'Register incoming and outgoing documents' },
  'tasks.write': { vi: 'Cập nhật nhiệm vụ', en: 'Update tasks' },
  'tasks.assign': { vi: 'Giao nhiệm vụ', en: 'Assign tasks' },
  'health.read': { vi: 'Xem y tế', en: 'View health' },
  'education.read': { vi: 'Xem giáo dục', en: 'View education' },
  'tourism.read': { vi: 'Xem du lịch', en: 'View tourism' },
  'cameras.read': { vi: 'Xem camera', en: 'View cameras' },
  'alerts.read': { vi: 'Xem cảnh báo', en: 'View alerts' },
  'alerts.write': { vi: 'Xử lý cảnh báo', en: 'Handle alerts' },
  'alerts.manage': { vi: 'Quản lý quy tắc cảnh báo và tạm ngưng thông báo', en: 'Manage alert rules and silences' },
  'ingest.write': { vi: 'Đẩy dữ liệu vào hệ thống', en: 'Push data into the IOC' },
  'notifications.manage': {
    vi: 'Quản lý kênh thông báo (webhook, thư điện tử)',
    en: 'Manage notification channels (webhooks, e-mail)',
  },
  'observations.read': { vi: 'Xem số liệu quan trắc', en: 'View observations (live data)' },
  'observations.write': { vi: 'Gửi số liệu quan trắc', en: 'Send observations' },
  'observations.manage': { vi: 'Quản lý trạm và chuỗi số liệu', en: 'Manage stations and streams' },
} as const satisfies Record<string, { vi: string; en: string }>;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

const READ_ALL = ALL_PERMISSIONS.filter(
  (p) => p.endsWith('.read') && !['users.read', 'roles.read', 'apikeys.read', 'audit.read'].includes(p),
);

/** Built-in roles and what they may do on first start; an administrator can change all but `admin`. */
export const BUILT_IN_ROLES = {
  admin: { vi: 'Quản trị hệ thống', en: 'Administrator', permissions: ALL_PERMISSIONS },
  leader: {
    vi: 'Lãnh đạo',
    en: 'Leader',
    permissions: [
      ...READ_ALL,
      'tasks.assign',
      'tasks.write',
      'documents.write',
      'alerts.write',
      'alerts.manage',
    ] as Permission[],
  },
  operator: {
    vi: 'Cán bộ vận hành IOC',
    en: 'IOC operator',
    permissions: [...READ_ALL, 'alerts.write', 'alerts.manage'] as Permission[],
  },
  unit_officer: {
    vi: 'Cán bộ đơn vị (Sở, xã)',
    en: 'Unit officer',
    permissions: [...READ_ALL, 'orgunits.profile.write', 'indicators.write', 'tasks.write'] as Permission[],
  },
  integrator: {
    vi: 'Tích hợp (máy)',
    en: 'Integrator (machine)',
    permissions: ['ingest.write', 'observations.write', 'orgunits.read'] as Permission[],
  },
} as const;

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;
