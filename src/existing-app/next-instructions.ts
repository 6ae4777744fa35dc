// What to tell the user about a file of an existing Next.js app that was left alone because it
// is theirs (their middleware or proxy, next.config, tsconfig, layout...): the exact lines to
// add, or that nothing is needed. Pure: contents in, lines out.
import { parseJsonc } from '../detect/jsonc.js';
import { unifiedDiff } from '../env/diff.js';
import type { Plan } from '../plan/plan.js';
import type { Instruction } from '../writer/instructions.js';
import type { OwnFile } from './types.js';

function lines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

function proxyInstruction(file: string, plan: Plan): Instruction {
  const fn = plan.layout.proxyFile;
  return {
    summary: `${file} is yours, so it was left as it is. To send signed-out visitors of /dashboard to /login, add to it:`,
    lines: [
      "import { getSessionCookie } from 'better-auth/cookies';",
      "import { NextResponse, type NextRequest } from 'next/server';",
      '',
      `// first thing in \`export function ${fn}(request: NextRequest)\`:`,
      "if (request.nextUrl.pathname.startsWith('/dashboard') && !getSessionCookie(request)) {",
      "  const login = new URL('/login', request.url);",
      "  login.searchParams.set('next', request.nextUrl.pathname);",
      '  return NextResponse.redirect(login);',
      '}',
      '',
      "// and in `export const config`, make the matcher include '/dashboard/:path*'.",
    ],
  };
}

function tsconfigInstruction(file: string, current: string, plan: Plan): Instruction {
  const json = parseJsonc(current) as { compilerOptions?: { skipLibCheck?: unknown; paths?: Record<string, unknown> }; exclude?: unknown } | undefined;
  if (!json) return { summary: `${file} is yours and could not be read as JSON; compare it with ours:`, lines: lines(unifiedDiff(file, current, '')) };
  const add: string[] = [];
  const options = json.compilerOptions ?? {};
  if (options.skipLibCheck !== true) add.push('"skipLibCheck": true,   // in compilerOptions: better-auth\'s types reference bun:sqlite');
  const aliasKey = `${plan.layout.alias}*`;
  if (!options.paths || !(aliasKey in options.paths)) {
    add.push(`"paths": { "${aliasKey}": ["./${plan.layout.srcDir ? 'src/' : ''}*"] },   // in compilerOptions: the generated imports use ${plan.layout.alias}lib/...`);
  }
  if (plan.options.backend !== 'next' && !(Array.isArray(json.exclude) && json.exclude.includes('backend'))) {
    add.push('"exclude": ["node_modules", "backend"]   // the API server in backend/ has its own tsconfig');
  }
  return add.length
    ? { summary: `${file} is yours, so it was left as it is. Add:`, lines: add }
    : { summary: `${file} is yours and already has what the generated code needs.`, lines: [] };
}

function nextConfigInstruction(file: string, current: string, plan: Plan): Instruction {
  if (plan.options.db === 'sqlite' && !current.includes('better-sqlite3')) {
    return {
      summary: `${file} is yours, so it was left as it is. SQLite's driver is a native addon; add to the config object:`,
      lines: ["serverExternalPackages: ['better-sqlite3'],"],
    };
  }
  return { summary: `${file} is yours and needs nothing from us.`, lines: [] };
}

/** The lines for the app's own `actual` standing for the planned `path`; undefined: the generic diff. */
export function nextInstruction({ path, actual, current, plan }: OwnFile): Instruction | undefined {
  const appDir = plan.layout.srcDir ? 'src/' : '';
  const stem = (p: string) => p.replace(/\.[cm]?[jt]sx?$/, '');
  if (stem(path) === `${appDir}${plan.layout.proxyFile}`) return proxyInstruction(actual, plan);
  if (path === 'tsconfig.json') return tsconfigInstruction(actual, current, plan);
  if (stem(path) === 'next.config') return nextConfigInstruction(actual, current, plan);
  if (stem(path) === `${appDir}app/layout`) return { summary: `${actual} is yours and needs nothing from us.`, lines: [] };
  if (stem(path) === `${appDir}app/page`) {
    return { summary: `${actual} is yours, so it was left as it is. Link to the new pages from it, e.g.:`, lines: ['<a href="/login">Sign in</a> · <a href="/signup">Sign up</a> · <a href="/dashboard">Dashboard</a>'] };
  }
  if (path === `${appDir}app/globals.css`) {
    return { summary: `${actual} is yours, so it was left as it is (optional: the sign-in pages use the classes row, error and secondary).`, lines: [] };
  }
  if (path === 'next-env.d.ts') return { summary: `${actual} is maintained by Next.js; left as it is.`, lines: [] };
  return undefined;
}
