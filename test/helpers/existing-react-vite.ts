// Existing React + Vite apps for the `--cwd` tests, made at test time by the real starter
// (create-vite, a devDependency, `--template react-ts`), never committed; one of them rewired
// to react-router's createBrowserRouter as such apps commonly are. And the printed lines
// applied the way a user would paste them.
import { execa } from 'execa';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_VERSIONS, REPO_ROOT } from './deps-cache.js';
import { GIT_ENV } from './existing-sveltekit.js';

export type ReactViteFixture = 'react-ts' | 'react-router';

/** The router version a react-router fixture declares: the deps cache installs that version. */
export const REACT_ROUTER_RANGE = `^${FIXTURE_VERSIONS['react-router']}`;

const ROUTER_MAIN = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createBrowserRouter, RouterProvider } from 'react-router'
import './index.css'
import App from './App.tsx'

const router = createBrowserRouter([
  { path: '/', element: <App /> },
])

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
)
`;

/** `create-vite --template react-ts` into `<fresh temp>/<name>`, committed to git. */
export async function createReactViteApp(kind: ReactViteFixture, name = `rv-${kind}`): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'cbaj-existing-rv-'));
  const made = await execa('node', [join(REPO_ROOT, 'node_modules/create-vite/index.js'), name, '--template', 'react-ts', '--no-interactive'], { cwd: root, reject: false, all: true, env: { CI: '1' }, timeout: 60_000 });
  if (made.exitCode !== 0) throw new Error(`create-vite failed:\n${made.all ?? ''}`);
  const dir = join(root, name);
  if (kind === 'react-router') {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    pkg.dependencies['react-router'] = REACT_ROUTER_RANGE;
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    writeFileSync(join(dir, 'src/main.tsx'), ROUTER_MAIN);
  }
  await execa('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: GIT_ENV });
  await execa('git', ['add', '-A'], { cwd: dir, env: GIT_ENV });
  await execa('git', ['commit', '-qm', 'app'], { cwd: dir, env: GIT_ENV });
  return dir;
}

const code = (lines: string[]) => lines.filter((l) => !l.trimStart().startsWith('//'));

/** Applies the printed src/main.tsx lines of an app without a router: imports on top, Root before the render, <Root /> rendered. */
export function applyMainLines(dir: string, lines: string[]): void {
  const file = join(dir, 'src/main.tsx');
  const text = readFileSync(file, 'utf8');
  const imports = code(lines).filter((l) => l.startsWith('import '));
  const rest = code(lines).filter((l) => !l.startsWith('import '));
  const render = text.indexOf('createRoot(');
  writeFileSync(file, `${imports.join('\n')}\n${text.slice(0, render)}${rest.join('\n')}\n\n${text.slice(render).replace('<App />', '<Root />')}`);
}

/** Applies the printed src/main.tsx lines of an app with createBrowserRouter: imports on top, the routes first in its array. */
export function applyRouteLines(dir: string, lines: string[]): void {
  const file = join(dir, 'src/main.tsx');
  const text = readFileSync(file, 'utf8');
  const imports = code(lines).filter((l) => l.startsWith('import '));
  const routes = code(lines).filter((l) => l.trim() !== '' && !l.startsWith('import '));
  const array = 'createBrowserRouter([';
  if (!text.includes(array)) throw new Error(`no ${array} in src/main.tsx`);
  writeFileSync(file, `${imports.join('\n')}\n${text.replace(array, `${array}\n${routes.map((r) => `  ${r}`).join('\n')}`)}`);
}

/** Applies the printed "strict": true line to tsconfig.app.json (create-vite's project for src/). */
export function applyStrictLine(dir: string, lines: string[]): void {
  const file = join(dir, 'tsconfig.app.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace('"compilerOptions": {', `"compilerOptions": {\n    ${code(lines).join('\n    ')}`));
}
