import type { Platform } from '../../platform.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { systemActor } from '../auth/actor.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findUserByUsername, insertUser, newUserRow, setUserRoles } from '../auth/users.repo.ts';

/** Demo people, one per role, so a visitor can see what each kind of user sees. Names are invented. */
export const DEMO_USERS = [
  { username: 'lanhdao', displayName: 'Nguyễn Văn Minh (Lãnh đạo UBND tỉnh)', roles: ['leader'], unit: '42' },
  { username: 'vanhanh', displayName: 'Trần Thị Hà (Vận hành IOC)', roles: ['operator'], unit: '42' },
  { username: 'yte', displayName: 'Hoàng Thị Mai (Sở Y tế)', roles: ['unit_officer'], unit: '42', agency: 'SYT' },
  { username: 'thanhsen', displayName: 'Lê Văn Sơn (UBND phường Thành Sen)', roles: ['unit_officer'], unit: '18073' },
  { username: 'kyanh', displayName: 'Phạm Thị Lan (UBND xã Kỳ Anh)', roles: ['unit_officer'], unit: '18775' },
] as const;

/** Idempotent: creates what is missing, leaves what demo users changed since. */
export async function seedDemo(platform: Platform): Promise<string[]> {
  const { db, config, now } = platform;
  const created: string[] = [];
  for (const user of DEMO_USERS) {
    if (await findUserByUsername(db, user.username)) continue;
    const hash = await hashPassword(config.demoPassword);
    await db.transaction().execute(async (trx) => {
      const id = await insertUser(
        trx,
        newUserRow({
          username: user.username,
          display_name: user.displayName,
          email: null,
          password_hash: hash,
          org_unit_id: user.unit,
          agency_code: 'agency' in user ? user.agency : null,
          must_change_password: 0,
          created_at: now().toISOString(),
        }),
      );
      await setUserRoles(trx, id, [...user.roles]);
      await appendAudit(
        trx,
        systemActor('demo', config.rootUnit),
        { action: 'users.create', entityType: 'user', entityId: String(id) },
        null,
        {
          username: user.username,
          roles: user.roles,
          orgUnit: user.unit,
          agency: 'agency' in user ? user.agency : null,
        },
        now(),
      );
    });
    created.push(user.username);
  }
  return created;
}
