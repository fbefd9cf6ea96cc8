import { ZRole } from '../../api/auth/auth.types';
import { Role } from '../../prisma/generated/enums';

describe('roles', () => {
  it('are the same list in the database enum and in the engine/API schema', () => {
    expect(Object.values(Role).sort()).toEqual([...ZRole.options].sort());
  });
});
