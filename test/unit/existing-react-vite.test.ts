// Adding Better Auth + JWT to existing React + Vite apps made by the real starter (create-vite
// react-ts; and one using react-router's createBrowserRouter): what is detected, that nothing of
// the app is overwritten and nothing new lands in src/ (our sign-in UI goes to auth-ui/, outside
// the app's tsconfig projects), and the exact lines printed for its entry, tsconfig, index.html
// and vite.config.
import { execa } from 'execa';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectTarget } from '../../src/detect/project.js';
import { MANIFEST_FILE, type Manifest } from '../../src/plan/manifest.js';
import { REPO_ROOT } from '../helpers/deps-cache.js';
import { createReactViteApp, REACT_ROUTER_RANGE } from '../helpers/existing-react-vite.js';
import { GIT_ENV, printedLines, runCli } from '../helpers/existing-sveltekit.js';
import { fileTree } from '../helpers/tree.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const srcFiles = (dir: string) => readdirSync(join(dir, 'src'), { recursive: true, encoding: 'utf8' }).sort();
const tree = (dir: string) => fileTree(dir, { skip: ['.git', 'node_modules'] });

let plain: string;
let router: string;

beforeAll(async () => {
  await execa('node', ['scripts/build.mjs'], { cwd: REPO_ROOT });
  [plain, router] = await Promise.all([createReactViteApp('react-ts'), createReactViteApp('react-router')]);
}, 300_000);

describe('detection', () => {
  it('finds the Vite and React versions, the language and the router of each app', () => {
    expect(inspectTarget(plain)).toMatchObject({
      kind: 'app',
      app: { framework: 'react-vite', version: '^8.3.4', versionSource: 'package.json', layout: { srcDir: false, alias: '@/' }, language: 'TypeScript', details: ['React ^19.3.1', 'no router'] },
    });
    expect(inspectTarget(router)).toMatchObject({ kind: 'app', app: { framework: 'react-vite', details: ['React ^19.3.1', `react-router ${REACT_ROUTER_RANGE} (yours)`] } });
  });
});

describe('adding to a create-vite react-ts app', () => {
  it('reports what it found, adds the sign-in UI in auth-ui/ and the auth server, overwrites nothing, and adds to src/ only vite-env.d.ts', async () => {
    const own = ['index.html', 'src/main.tsx', 'src/App.tsx', 'src/index.css', 'vite.config.ts', 'tsconfig.json', 'tsconfig.app.json'];
    const before = Object.fromEntries(own.map((f) => [f, read(plain, f)]));
    const srcBefore = srcFiles(plain);
    const r = await runCli(['.', '--yes', '--no-install'], plain);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'Found React + Vite ^8.3.4 (from package.json; not installed), imports through relative paths (lib/, server/ and the sign-in UI in auth-ui/ at the project root), TypeScript, React ^19.3.1, no router, no lockfile.',
    );
    for (const [file, text] of Object.entries(before)) expect(read(plain, file), file).toBe(text);
    expect(read(plain, 'auth-ui/AuthRoutes.tsx')).toContain('export function App()');
    for (const file of ['auth-ui/pages/LoginPage.tsx', 'auth-ui/router.tsx', 'auth-ui/styles.css', 'server/index.ts', 'lib/auth.ts']) expect(existsSync(join(plain, file)), file).toBe(true);
    // Only a declaration file, which type-checks in the app's tsconfig as it is (no strict mode).
    expect(srcFiles(plain).filter((f) => !srcBefore.includes(f))).toEqual(['vite-env.d.ts']);

    expect(printedLines(r.stdout, 'src/main.tsx')).toEqual([
      "import { App as AuthRoutes } from '../auth-ui/AuthRoutes';",
      "import '../auth-ui/styles.css';",
      "import { usePathname } from '../auth-ui/router';",
      '',
      'function Root() {',
      '  const path = usePathname();',
      "  return ['/login', '/signup', '/dashboard'].includes(path) ? <AuthRoutes /> : <App />;",
      '}',
      '',
      '// and render <Root /> in place of <App /> in createRoot(...).render(...)',
    ]);
    expect(r.stdout).toContain(
      "  - tsconfig.json is yours, so it was left as it is. Once src/main.tsx imports the sign-in pages, `tsc -b` checks auth-ui/ too, and Better Auth's types need strict mode; in the project of it that checks src/ (tsconfig.app.json in a create-vite app), add to compilerOptions:\n\n      \"strict\": true,\n",
    );
    expect(r.stdout).toContain('  - index.html is yours and needs nothing from us.\n');
    expect(r.stdout).toContain("  - vite.config.ts is yours and needs nothing from us (the SPA stays on Vite's port 5173, which CORS_ORIGIN in .env names).\n");
    expect(r.stdout).toContain('kept your script "build": "tsc -b && vite build" in package.json; ours would be: "build": "vite build"');

    const pkg = JSON.parse(read(plain, 'package.json')) as { scripts: Record<string, string>; dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.dependencies).toMatchObject({ react: '^19.3.1', 'better-auth': '1.7.25', hono: expect.any(String) });
    expect(pkg.devDependencies).toMatchObject({ typescript: '~7.0.2', vite: '^8.3.4' });
    // create-vite's tsconfig.json lists no files: `tsc --noEmit` would check nothing.
    expect(pkg.scripts).toMatchObject({ dev: 'vite', 'dev:api': 'tsx watch server/index.ts', start: 'tsx server/index.ts', typecheck: 'tsc -p tsconfig.auth.json --noEmit' });
    expect(JSON.parse(read(plain, 'tsconfig.auth.json'))).toMatchObject({ compilerOptions: { strict: true, noEmit: true }, include: ['auth-ui', 'lib', 'server', 'scripts', 'src/vite-env.d.ts'] });
    expect(JSON.parse(read(plain, 'tsconfig.auth.json'))).not.toHaveProperty('extends');
    const manifest = JSON.parse(read(plain, MANIFEST_FILE)) as Manifest;
    expect(manifest.skipped).toEqual(['index.html', 'src/main.tsx', 'tsconfig.json', 'vite.config.ts']);
    expect(manifest.files['auth-ui/AuthRoutes.tsx']).toMatch(/^sha256-/);

    const after = tree(plain);
    const again = await runCli(['.', '--no-install'], plain);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(tree(plain)).toEqual(after);
  });

  it('in an app with react-router, prints the routes to add to its createBrowserRouter and keeps its own typecheck script', async () => {
    const pkgFile = join(router, 'package.json');
    const own = JSON.parse(read(router, 'package.json')) as { scripts: Record<string, string> };
    writeFileSync(pkgFile, `${JSON.stringify({ ...own, scripts: { ...own.scripts, typecheck: 'tsc -b' } }, null, 2)}\n`);
    await execa('git', ['commit', '-qam', 'own typecheck'], { cwd: router, env: GIT_ENV });
    const r = await runCli(['.', '--yes', '--no-install'], router);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(`, React ^19.3.1, react-router ${REACT_ROUTER_RANGE} (yours), no lockfile.`);
    expect(printedLines(r.stdout, 'src/main.tsx')).toEqual([
      "import { App as AuthRoutes } from '../auth-ui/AuthRoutes';",
      "import '../auth-ui/styles.css';",
      '',
      '// in the routes array of createBrowserRouter([...]):',
      "{ path: '/login', element: <AuthRoutes /> },",
      "{ path: '/signup', element: <AuthRoutes /> },",
      "{ path: '/dashboard', element: <AuthRoutes /> },",
    ]);
    expect((JSON.parse(read(router, 'package.json')) as { scripts: Record<string, string> }).scripts.typecheck).toBe('tsc -b');
    expect(r.stdout).toContain('kept your script "typecheck": "tsc -b" in package.json; ours would be: "typecheck": "tsc -p tsconfig.auth.json --noEmit"');
  });
});
