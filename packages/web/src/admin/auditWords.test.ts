import { describe, expect, it } from 'vitest';
import { testTranslators } from '../i18n/testing.ts';
import { ACTION_FAMILIES, actionWords, actorTypeWords, familyWords, recordWords } from './auditWords.ts';

const { tVi, tEn } = testTranslators();

describe('audit words', () => {
  it('says an action code in each language', () => {
    expect(actionWords(tVi, 'auth.login.failed')).toBe('Đăng nhập thất bại');
    expect(actionWords(tEn, 'auth.login.failed')).toBe('Sign-in failed');
    expect(actionWords(tEn, 'tasks.extension.approve')).toBe('Extension approved');
  });

  it('words a sync by its family, naming the service, and shows an unknown code as it is', () => {
    expect(actionWords(tVi, 'publicservices.sync.DongBoHoSoMC')).toBe('Đồng bộ hồ sơ (DongBoHoSoMC)');
    expect(actionWords(tEn, 'publicservices.sync.CapNhatTienDoHoSoMC')).toBe('Dossiers synced (CapNhatTienDoHoSoMC)');
    expect(actionWords(tEn, 'weather.station.move')).toBe('weather.station.move');
    expect(actionWords(tEn, 'users')).toBe('users');
  });

  it('says records, actors and families, falling back to the code', () => {
    expect(recordWords(tEn, 'ps_dossier')).toBe('Dossier');
    expect(recordWords(tVi, 'ps_dossier')).toBe('Hồ sơ');
    expect(recordWords(tEn, 'camera')).toBe('camera');
    expect(actorTypeWords(tVi, 'apikey')).toBe('Khóa API');
    for (const family of ACTION_FAMILIES) expect(familyWords(tEn, family)).not.toContain('audit.');
  });
});
