// Prisma's statements run as named prepared statements only where that is safe and bounded
// (api/db/prisma-client.ts): a name is stable per text, different texts never share one, a
// statement without parameters (possibly a script of several commands) and one with a long
// parameter list stay unnamed.
import { statementName } from '../../api/db/prisma-client';

const query = (sql: string, parameters: number) => ({
  sql,
  args: Array.from({ length: parameters }, () => 1),
});

describe('prepared statement names', () => {
  it('names a statement with parameters after its text, the same each time, within PostgreSQL’s 63 bytes', () => {
    const name = statementName(query('SELECT * FROM task WHERE id = $1', 1));
    expect(name).toMatch(/^sgf_[\w-]{40}$/);
    expect(statementName(query('SELECT * FROM task WHERE id = $1', 1))).toBe(name);
    expect(statementName(query('SELECT * FROM task WHERE id = $1 ', 1))).not.toBe(name);
  });

  it('leaves a statement without parameters unnamed (a script runs only unprepared)', () => {
    expect(statementName(query('CREATE TABLE a (id int); INSERT INTO a VALUES (1)', 0))).toBe('');
  });

  it('leaves a statement with a long parameter list unnamed (each list length would be kept)', () => {
    expect(statementName(query('SELECT 1 WHERE 1 IN ($1, …)', 64))).not.toBe('');
    expect(statementName(query('SELECT 1 WHERE 1 IN ($1, …)', 65))).toBe('');
  });
});
