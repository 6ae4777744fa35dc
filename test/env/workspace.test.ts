// Reading a workspace: pnpm-workspace.yaml's packages list, npm/yarn globs with `**` and
// `!` exclusions, dependencies by name whatever the version spec.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findWorkspace, pnpmWorkspaceGlobs, workspaceDependencies, workspaceDependents } from '../../src/env/workspace.js';
import { tempDir } from './helpers.js';

function tree(files: Record<string, unknown>): string {
  const root = tempDir();
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

describe('pnpm-workspace.yaml', () => {
  it('reads block items with either quote, skipping comments and the keys after the list', () => {
    expect(pnpmWorkspaceGlobs('# x\npackages:\n  - "apps/*"\n  - \'packages/**\' # all\n  # not this\n  - !**/test/**\ncatalog:\n  - react\n')).toEqual(['apps/*', 'packages/**', '!**/test/**']);
  });

  it('reads a flow list and CRLF lines', () => {
    expect(pnpmWorkspaceGlobs('packages: [apps/*, "packages/*"]\r\n')).toEqual(['apps/*', 'packages/*']);
    expect(pnpmWorkspaceGlobs('packages:\r\n  - apps/*\r\n')).toEqual(['apps/*']);
  });
});

describe('findWorkspace', () => {
  const files = {
    'package.json': { name: 'root', workspaces: ['apps/*', 'packages/**', '!packages/**/fixtures/*'] },
    'apps/web/package.json': { name: 'web', dependencies: { ui: '^2.0.0' }, devDependencies: { 'test-utils': 'workspace:*' } },
    'packages/ui/package.json': { name: 'ui', peerDependencies: { tokens: '*' } },
    'packages/design/tokens/package.json': { name: 'tokens' },
    'packages/ui/fixtures/sample/package.json': { name: 'sample' },
    'packages/test-utils/package.json': { name: 'test-utils' },
    'packages/ui/node_modules/left-pad/package.json': { name: 'left-pad' },
    'other/package.json': { name: 'other' },
  };

  it('finds the root from a member, with nested globs, exclusions and no node_modules', () => {
    const root = tree(files);
    const ws = findWorkspace(path.join(root, 'apps/web'));
    expect(ws?.root).toBe(root);
    expect(ws?.packages.map((p) => p.dir)).toEqual(['', 'apps/web', 'packages/design/tokens', 'packages/test-utils', 'packages/ui']);
  });

  it('follows dependencies of every kind transitively, and knows the dependents', () => {
    const ws = findWorkspace(tree(files));
    const web = ws?.packages.find((p) => p.name === 'web');
    const tokens = ws?.packages.find((p) => p.name === 'tokens');
    if (!ws || !web || !tokens) throw new Error('workspace not read');
    expect(workspaceDependencies(ws, web).map((p) => p.name)).toEqual(['tokens', 'test-utils', 'ui']);
    expect(workspaceDependents(ws, tokens).map((p) => p.name)).toEqual(['web', 'ui']);
  });

  it('is none for a directory the workspace does not list', () => {
    expect(findWorkspace(path.join(tree(files), 'other'))).toBeUndefined();
  });
});
