// The exact lines to print for a React + Vite app's own files that we leave alone. Pure.
// The sign-in pages (auth-ui/AuthRoutes.tsx) read the URL themselves (auth-ui/router.tsx), so
// they are mounted either under the app's react-router routes or by a small switch around its
// <App />. Those imports are what brings auth-ui/ into the app's type-check, hence strict mode.
import type { Instruction } from '../writer/instructions.js';
import { AUTH_UI_DIR, importFrom } from './react-vite-layout.js';
import type { OwnFile } from './types.js';

const PATHS = ['/login', '/signup', '/dashboard'];

function entryInstruction({ path, actual, current }: OwnFile): Instruction {
  const imports = [`import { App as AuthRoutes } from '${importFrom(path, 'src/App.tsx')}';`, `import '${importFrom(path, 'src/styles.css')}';`];
  if (current.includes('createBrowserRouter') || current.includes('createHashRouter')) {
    return {
      summary: `${actual} is yours, so it was left as it is. To serve the sign-in pages, add to it:`,
      lines: [...imports, '', '// in the routes array of createBrowserRouter([...]):', ...PATHS.map((p) => `{ path: '${p}', element: <AuthRoutes /> },`)],
    };
  }
  if (/<Routes\b/.test(current)) {
    return {
      summary: `${actual} is yours, so it was left as it is. To serve the sign-in pages, add to it:`,
      lines: [...imports, '', '// inside your <Routes>:', ...PATHS.map((p) => `<Route path="${p}" element={<AuthRoutes />} />`)],
    };
  }
  return {
    summary: `${actual} is yours, so it was left as it is. To show the sign-in pages on their paths and your app everywhere else, add to it:`,
    lines: [
      ...imports,
      `import { usePathname } from '${importFrom(path, 'src/router.tsx')}';`,
      '',
      'function Root() {',
      '  const path = usePathname();',
      `  return [${PATHS.map((p) => `'${p}'`).join(', ')}].includes(path) ? <AuthRoutes /> : <App />;`,
      '}',
      '',
      '// and render <Root /> in place of <App /> in createRoot(...).render(...)',
    ],
  };
}

/** The instruction for one of the app's files, or undefined for the generic diff. */
export function reactViteInstruction(file: OwnFile): Instruction | undefined {
  const { path, actual } = file;
  if (path === 'src/main.tsx') return entryInstruction(file);
  if (path === 'index.html') return { summary: `${actual} is yours and needs nothing from us.`, lines: [] };
  if (path === 'vite.config.ts') {
    return { summary: `${actual} is yours and needs nothing from us (the SPA stays on Vite's port 5173, which CORS_ORIGIN in .env names).`, lines: [] };
  }
  if (path === 'tsconfig.json') {
    if (/"strict"\s*:\s*true/.test(file.current)) return { summary: `${actual} is yours and already has what the generated code needs.`, lines: [] };
    const where = /"references"\s*:/.test(file.current) ? 'the project of it that checks src/ (tsconfig.app.json in a create-vite app)' : actual;
    return {
      summary: `${actual} is yours, so it was left as it is. Once src/main.tsx imports the sign-in pages, \`tsc -b\` checks ${AUTH_UI_DIR}/ too, and Better Auth's types need strict mode; in ${where}, add to compilerOptions:`,
      lines: ['"strict": true,'],
    };
  }
  return undefined;
}
