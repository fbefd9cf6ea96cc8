// Vite plugin: rewrites `import { Table, Form } from 'antd'` and `import { PlusOutlined } from
// '@ant-design/icons'` in the app's sources to one import per module (`antd/es/table`,
// `@ant-design/icons/es/icons/PlusOutlined`, …). Through a barrel, everything some lazy area uses
// would count as reachable from the entry and be loaded at sign-in (the bundler wraps the barrel in
// one initialiser that touches every export the app uses anywhere); imported directly, a component or
// icon used only by a lazy area is bundled with that area.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

interface Barrel {
  /** The package the app imports from. */
  name: string;
  /** The file, inside the package, that re-exports each module as `export { default as X } from './x'`. */
  barrel: string;
  /** The import path of one re-exported module, given its file name in the barrel. */
  direct: (file: string) => string;
}

const BARRELS: Barrel[] = [
  { name: 'antd', barrel: 'es/index.js', direct: (folder) => `antd/es/${folder}` },
  {
    name: '@ant-design/icons',
    barrel: 'es/icons/index.js',
    direct: (file) => `@ant-design/icons/es/icons/${file}`,
  },
];

/** Export name → direct import path, read from the package's own barrel so new exports need no list here. */
function readDirectPaths({ name, barrel, direct }: Barrel): Map<string, string> {
  const require = createRequire(import.meta.url);
  const source = readFileSync(join(dirname(require.resolve(`${name}/package.json`)), barrel), 'utf8');
  const paths = new Map<string, string>();
  for (const match of source.matchAll(/export \{ default as (\w+) \} from ['"]\.\/([\w-]+)['"];/g)) {
    paths.set(match[1]!, direct(match[2]!));
  }
  return paths;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function antdDirectImports(): Plugin {
  const barrels = BARRELS.map((barrel) => ({
    name: barrel.name,
    statement: new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${escape(barrel.name)}['"];?`, 'g'),
    paths: readDirectPaths(barrel),
  }));
  return {
    name: 'antd-direct-imports',
    apply: 'build',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.[jt]sx?$/.test(id)) return null;
      let rewritten = code;
      for (const { name, statement, paths } of barrels) {
        if (!rewritten.includes(name)) continue;
        rewritten = rewritten.replace(statement, (_statement, list: string) => {
          const direct: string[] = [];
          const rest: string[] = [];
          for (const specifier of list
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)) {
            const [imported = '', local = imported] = specifier.split(/\s+as\s+/);
            const path = paths.get(imported);
            if (path) direct.push(`import ${local} from '${path}';`);
            else rest.push(specifier);
          }
          return [...direct, ...(rest.length ? [`import { ${rest.join(', ')} } from '${name}';`] : [])].join(
            '\n',
          );
        });
      }
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}
