// What a package.json that no supported framework claims looks like, for the refusal message.
import type { PackageJson } from './types.js';

const LOOKALIKES: [string, string][] = [
  ['nuxt', 'a Nuxt app'],
  ['@sveltejs/kit', 'a SvelteKit app'],
  ['astro', 'an Astro site'],
  ['@remix-run/react', 'a Remix app'],
  ['@react-router/dev', 'a React Router app'],
  ['@angular/core', 'an Angular app'],
  ['gatsby', 'a Gatsby site'],
  ['react-scripts', 'a Create React App app'],
  ['vite', 'a Vite app'],
  ['express', 'an Express server'],
  ['hono', 'a Hono server'],
  ['fastify', 'a Fastify server'],
];

/** "a Remix app (package.json has @remix-run/react)", or what is missing when nothing looks familiar. */
export function lookalike(pkg: PackageJson, fallback: string): string {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const hit = LOOKALIKES.find(([name]) => name in deps);
  return hit ? `${hit[1]} (package.json has ${hit[0]})` : fallback;
}
