// Importing a definition file: the overall shape is required, the engine's rules are left to the
// validator (an exported draft may be unfinished), and missing top-level lists are filled in.
import { validateDefinition } from '../../../workflows/engine/validate-definition';
import { readImportedDefinition } from '../../../web/src/designer/import-definition';

describe('definition import', () => {
  it('opens an unfinished graph and lets the validator report what is wrong', () => {
    const result = readImportedDefinition(
      JSON.stringify({
        key: 'volunteers',
        name: '社区志愿服务项目',
        nodes: [
          { id: 'start', kind: 'start', name: '开始' },
          { id: 'end', kind: 'end', name: '结束' },
        ],
      }),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.definition.edges).toEqual([]);
    expect(validateDefinition(result.definition).problems.map((problem) => problem.code)).toEqual(
      expect.arrayContaining(['MISSING_OUTGOING', 'UNREACHABLE_NODE']),
    );
  });

  it.each([
    ['not JSON', '{', /JSON|Unexpected|Expected/],
    ['not an object', '[]', /not an object/],
    ['no node list', '{"edges":[]}', /lists/],
    ['a node of no known kind', '{"nodes":[{"id":"a","kind":"robot"}]}', /nodes\[0\]/],
    ['an edge without ends', '{"nodes":[],"edges":[{"id":"e"}]}', /edges\[0\]/],
  ])('refuses %s', (_case, text, reason) => {
    const result = readImportedDefinition(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toMatch(reason);
  });
});
