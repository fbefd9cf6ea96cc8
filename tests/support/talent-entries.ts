// Applications for the talent tests: valid identity numbers (GB 11643 check digit) made from a
// number, and a complete, valid application entry around one.
import { identityCheckCharacter } from '../../api/talent/identity-number';
import type { TApplicationEntryInput } from '../../api/talent/talent.types';

/** A valid identity number, different for every n below 366 000; odd n are men, even n women. */
export function identityNumberFor(n: number): string {
  const birth = new Date(Date.UTC(1980, 0, 1 + Math.floor(n / 1000)));
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const sequence = String(n % 1000).padStart(3, '0');
  const first17 = `370102${ymd}${sequence}`;
  return `${first17}${identityCheckCharacter(first17)}`;
}

/** A valid entry for a round whose reference date is 2026-12-31. */
export function applicationEntryFor(
  n: number,
  overrides: Partial<TApplicationEntryInput> = {},
): TApplicationEntryInput {
  const identityNumber = identityNumberFor(n);
  return {
    name: `申报人${n}`,
    gender: n % 2 === 1 ? 'male' : 'female',
    birthDate: `${identityNumber.slice(6, 10)}-${identityNumber.slice(10, 12)}-${identityNumber.slice(12, 14)}`,
    identityNumber,
    phone: '13905310000',
    employerName: '历城区洪家楼街道社会工作服务站',
    unitType: 'urban_community',
    field: 'community_building',
    socialWorkSince: '2015-07-01',
    socialWorkYears: 11,
    certificates: [{ kind: 'social_worker', level: 'intermediate' }],
    ...overrides,
  };
}
