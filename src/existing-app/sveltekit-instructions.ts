// The exact lines to print for a SvelteKit app's own files that we leave alone. Pure: the
// planned file and the app's file in, lines out. The hooks lines are cut from our planned
// src/hooks.server.ts, so they always match the code we would have written.
import type { Instruction } from '../writer/instructions.js';
import type { OwnFile } from './types.js';

/** The lines of `text` from the one starting with `start` to the next `};` line. */
function block(lines: string[], start: RegExp): string[] {
  const from = lines.findIndex((l) => start.test(l));
  if (from < 0) return [];
  const to = lines.findIndex((l, i) => i > from && l === '};');
  return lines.slice(from, to < 0 ? undefined : to + 1);
}

const EXPORTS_HANDLE = /^\s*export\s+(?:const|let|var|(?:async\s+)?function)\s+handle\b/m;
const EXPORTS_INIT = /^\s*export\s+(?:const|let|var|(?:async\s+)?function)\s+init\b/m;

/** Names the file imports already (`import { a, type b as c }`, `import d`): ours must not import them twice. */
function importedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/^\s*import\s+(?:type\s+)?(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s/gm)) {
    if (m[1]) names.add(m[1]);
    for (const part of (m[2] ?? '').split(',')) {
      const local = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/).pop()?.trim();
      if (local) names.add(local);
    }
  }
  return names;
}

/** Our import line without the names `taken`; undefined when nothing is left to import. */
function withoutTaken(line: string, taken: Set<string>): string | undefined {
  const m = /^import (type )?\{ ([^}]*) \} from (.*)$/.exec(line);
  if (!m) return line;
  const names = (m[2] as string).split(', ').filter((n) => !taken.has(n.replace(/^type\s+/, '').split(' as ').pop() as string));
  return names.length ? `import ${m[1] ?? ''}{ ${names.join(', ')} } from ${m[3]}` : undefined;
}

function hooksInstruction({ actual, planned, current }: OwnFile): Instruction {
  const ours = planned.split('\n');
  const taken = importedNames(current);
  const imports = ours.filter((l) => l.startsWith('import ')).flatMap((l) => withoutTaken(l, taken) ?? []);
  const handle = block(ours, /^export const handle\b/).map((l, i) => (i === 0 ? l.replace('export const handle', 'const authHandle') : l));
  const init = block(ours, /^export const init\b/);
  const theirsHandle = EXPORTS_HANDLE.test(current);
  const theirsInit = EXPORTS_INIT.test(current);
  return {
    summary: `${actual} is yours, so it was left as it is. Better Auth answers /api/auth/* in a handle that runs before yours; add to it:`,
    lines: [
      ...(theirsHandle ? ["import { sequence } from '@sveltejs/kit/hooks';"] : []),
      ...imports,
      '',
      ...handle,
      '',
      ...(theirsHandle
        ? ['// rename your `export const handle` to `const appHandle`, then export both, ours first:', 'export const handle = sequence(authHandle, appHandle);']
        : ['export const handle = authHandle;']),
      '',
      ...(theirsInit
        ? ['// and first thing in your `init` (validates the auth settings when the server starts):', 'if (!building) await getAuth();']
        : init),
    ],
  };
}

function viteConfigInstruction({ actual, current }: OwnFile): Instruction {
  const lines: string[] = [];
  if (!/\bport\s*:\s*3000\b/.test(current)) {
    lines.push(
      '// in the config object: BETTER_AUTH_URL and ORIGIN in .env say port 3000',
      'server: { port: 3000, strictPort: true },',
      'preview: { port: 3000, strictPort: true },',
    );
  }
  if (current.includes('@sveltejs/adapter-') && !current.includes('@sveltejs/adapter-node')) {
    lines.push(
      ...(lines.length ? [''] : []),
      '// `npm start` (scripts/start.js) runs the adapter-node server in build/: in place of your adapter import',
      "import adapter from '@sveltejs/adapter-node';",
    );
  } else if (!current.includes('@sveltejs/adapter-node')) {
    lines.push(
      ...(lines.length ? [''] : []),
      '// `npm start` (scripts/start.js) runs the adapter-node server in build/: in svelte.config.js, in place of your adapter import',
      "import adapter from '@sveltejs/adapter-node';",
    );
  }
  return lines.length ? { summary: `${actual} is yours, so it was left as it is. Add:`, lines } : { summary: `${actual} is yours and already has what the generated code needs.`, lines: [] };
}

function tsconfigInstruction({ actual, current }: OwnFile): Instruction {
  return /"skipLibCheck"\s*:\s*true/.test(current)
    ? { summary: `${actual} is yours and already has what the generated code needs.`, lines: [] }
    : { summary: `${actual} is yours, so it was left as it is. Add:`, lines: ['"skipLibCheck": true,   // in compilerOptions: better-auth\'s types reference bun:sqlite'] };
}

/** The instruction for one of the app's files, or undefined for the generic diff. */
export function svelteKitInstruction(file: OwnFile): Instruction | undefined {
  const { path, actual } = file;
  const stem = path.replace(/\.[cm]?[jt]s$/, '');
  if (stem === 'src/hooks.server') return hooksInstruction(file);
  if (stem === 'vite.config') return viteConfigInstruction(file);
  if (path === 'tsconfig.json') return tsconfigInstruction(file);
  if (path === 'src/routes/+layout.svelte') {
    return { summary: `${actual} is yours, so it was left as it is (optional: the sign-in pages' styles are in src/app.css):`, lines: ["import '../app.css';   // in its <script>"] };
  }
  if (path === 'src/routes/+page.svelte') {
    return { summary: `${actual} is yours, so it was left as it is. Link to the new pages from it, e.g.:`, lines: ['<a href="/login">Sign in</a> · <a href="/signup">Sign up</a> · <a href="/dashboard">Dashboard</a>'] };
  }
  if (path === 'src/app.html' || path === 'src/app.d.ts') return { summary: `${actual} is yours and needs nothing from us.`, lines: [] };
  return undefined;
}
