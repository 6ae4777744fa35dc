// Where our sign-in UI goes in an existing React + Vite app: a folder at the project root beside
// lib/ and server/, not src/. create-vite's tsconfig.app.json checks only src/ and leaves strict
// mode off, and Better Auth's client types need strict mode (without it useSession's data is
// `never` and argument-less calls are refused), so pages in src/ would break the app's own
// `tsc -b` until the printed "strict": true is in. Outside src/ they are type-checked only once
// src/main.tsx imports them: the step that the printed lines (strict mode included) complete.
// The imports between the moved files stay valid: the folder sits at src/'s depth.
import path from 'node:path';

export const AUTH_UI_DIR = 'auth-ui';

/** A new project's paths → the paths in an existing app. The app's src/App.tsx stays its own. */
export const REACT_VITE_MOVES: Readonly<Record<string, string>> = {
  'src/App.tsx': `${AUTH_UI_DIR}/AuthRoutes.tsx`,
  'src/router.tsx': `${AUTH_UI_DIR}/router.tsx`,
  'src/pages/LoginPage.tsx': `${AUTH_UI_DIR}/pages/LoginPage.tsx`,
  'src/pages/SignupPage.tsx': `${AUTH_UI_DIR}/pages/SignupPage.tsx`,
  'src/pages/DashboardPage.tsx': `${AUTH_UI_DIR}/pages/DashboardPage.tsx`,
  'src/styles.css': `${AUTH_UI_DIR}/styles.css`,
};

/** The import specifier for a new project's file `planned`, written in the app's file `from`. */
export function importFrom(from: string, planned: string): string {
  const target = REACT_VITE_MOVES[planned] ?? planned;
  const relative = path.posix.relative(path.posix.dirname(from), target).replace(/\.tsx?$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}
