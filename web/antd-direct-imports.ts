// Vite plugin: rewrites `import { Table, Form } from 'antd'` in the app's sources to one import per
// component module (`antd/es/table`, …). Through the barrel, every component some lazy area uses
// would count as reachable from the entry and be loaded at sign-in; imported directly, a component
// used only by a lazy area is bundled with that area.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const BARREL_IMPORT = /import\s*\{([^}]*)\}\s*from\s*['"]antd['"];?/g;

/** Component name → module folder, read from antd's own barrel so new components need no list here. */
function readComponentFolders(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const barrel = readFileSync(join(dirname(require.resolve('antd/package.json')), 'es', 'index.js'), 'utf8');
  const folders = new Map<string, string>();
  for (const match of barrel.matchAll(/export \{ default as (\w+) \} from '\.\/([\w-]+)';/g)) {
    folders.set(match[1]!, match[2]!);
  }
  return folders;
}

export function antdDirectImports(): Plugin {
  const folders = readComponentFolders();
  return {
    name: 'antd-direct-imports',
    apply: 'build',
    transform(code, id) {
      if (id.includes('node_modules') || !/\.[jt]sx?$/.test(id) || !code.includes('antd')) return null;
      const rewritten = code.replace(BARREL_IMPORT, (_statement, list: string) => {
        const direct: string[] = [];
        const rest: string[] = [];
        for (const specifier of list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)) {
          const [imported = '', local = imported] = specifier.split(/\s+as\s+/);
          const folder = folders.get(imported);
          if (folder) direct.push(`import ${local} from 'antd/es/${folder}';`);
          else rest.push(specifier);
        }
        return [...direct, ...(rest.length ? [`import { ${rest.join(', ')} } from 'antd';`] : [])].join('\n');
      });
      return rewritten === code ? null : { code: rewritten, map: null };
    },
  };
}
