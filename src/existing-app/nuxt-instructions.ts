// The exact lines to print for a Nuxt app's own files that we leave alone. Pure. The
// nuxt.config lines are the options of our planned config that the app's config lacks.
import type { Instruction } from '../writer/instructions.js';
import type { OwnFile } from './types.js';

/** The `key: ...` option of our planned config, from its line to the line closing it at the same indent. */
function option(planned: string, key: string): string[] {
  const lines = planned.split('\n');
  const from = lines.findIndex((l) => new RegExp(`^  ${key}:`).test(l));
  if (from < 0) return [];
  if ((lines[from] as string).trimEnd().endsWith(',')) return [(lines[from] as string).slice(2)];
  const to = lines.findIndex((l, i) => i > from && l === '  },');
  return lines.slice(from, to + 1).map((l) => l.slice(2));
}

function configInstruction({ actual, planned, current }: OwnFile): Instruction {
  const lines: string[] = [];
  if (!current.includes('~/assets/main.css')) lines.push("// the sign-in pages' styles (app/assets/main.css):", ...option(planned, 'css'));
  if (planned.includes('runtimeConfig') && !/\bapiUrl\b/.test(current)) {
    lines.push(...(lines.length ? [''] : []), '// the API address the pages call, from NUXT_PUBLIC_API_URL at run time:', ...option(planned, 'runtimeConfig').filter((l) => !l.trimStart().startsWith('//')));
  }
  return lines.length
    ? { summary: `${actual} is yours, so it was left as it is. Add to the object in defineNuxtConfig({...}):`, lines }
    : { summary: `${actual} is yours and already has what the generated code needs.`, lines: [] };
}

function appVueInstruction({ actual, current }: OwnFile): Instruction {
  if (/<NuxtPage\b/.test(current)) return { summary: `${actual} is yours and already renders the pages (<NuxtPage />).`, lines: [] };
  return {
    summary: `${actual} is yours, so it was left as it is. It renders no pages yet: for /login, /signup and /dashboard, put in its <template>${current.includes('<NuxtWelcome') ? ' (in place of <NuxtWelcome />)' : ''}:`,
    lines: ['<NuxtPage />'],
  };
}

/** The instruction for one of the app's files, or undefined for the generic diff. */
export function nuxtInstruction(file: OwnFile): Instruction | undefined {
  const { path, actual } = file;
  if (/^nuxt\.config\.[cm]?[jt]s$/.test(path)) return configInstruction(file);
  if (path === 'app/app.vue') return appVueInstruction(file);
  if (path === 'tsconfig.json') {
    return /\.nuxt\/tsconfig\.app\.json/.test(file.current)
      ? { summary: `${actual} is yours and already has what the generated code needs (Nuxt's references).`, lines: [] }
      : { summary: `${actual} is yours, so it was left as it is. What we would have written, Nuxt 4's references:`, lines: file.planned.trimEnd().split('\n') };
  }
  if (path === 'app/pages/index.vue') {
    return { summary: `${actual} is yours, so it was left as it is. Link to the new pages from it, e.g.:`, lines: ['<NuxtLink to="/login">Sign in</NuxtLink> · <NuxtLink to="/signup">Sign up</NuxtLink> · <NuxtLink to="/dashboard">Dashboard</NuxtLink>'] };
  }
  return undefined;
}
