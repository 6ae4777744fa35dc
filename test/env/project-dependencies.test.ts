// The dependencies whose libraries may read variables by themselves: package.json, Python
// requirements and pyproject.toml, and the workspace packages an app uses.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dependenciesOf, pyprojectNames, requirementsNames } from '../../src/env/project-dependencies.js';
import { findWorkspace } from '../../src/env/workspace.js';
import { materialise } from './helpers.js';

describe('Python dependency names', () => {
  it('reads requirements lines, normalised, skipping options, comments and markers', () => {
    expect(requirementsNames('-r base.txt\nFastAPI[standard]>=0.110 # web\n\npydantic_settings==2.1; python_version>"3.8"\n--index-url x\nopenai\n')).toEqual(['fastapi', 'pydantic-settings', 'openai']);
  });

  it('reads PEP 621 arrays (one line or many, extras inside quotes), optional groups and Poetry tables', () => {
    const text = [
      '[project]',
      'name = "app"',
      'dependencies = ["fastapi[standard]>=0.110", "sqlmodel",',
      '  "Sentry-SDK[fastapi]",  # errors',
      ']',
      'requires-python = ">=3.10"',
      '[project.optional-dependencies]',
      'ai = ["openai>=1"]',
      '[dependency-groups]',
      'dev = [',
      '  "pytest",',
      ']',
      '[tool.poetry.dependencies]',
      'python = "^3.11"',
      'anthropic = "^0.30"',
      '[tool.ruff]',
      'line-length = 100',
    ].join('\n');
    expect(pyprojectNames(text)).toEqual(['fastapi', 'sqlmodel', 'sentry-sdk', 'openai', 'pytest', 'anthropic']);
  });
});

describe('dependenciesOf', () => {
  it('adds the dependencies of the workspace packages an app uses, transitively', () => {
    const root = materialise('c6-library-reads');
    const app = path.join(root, 'apps/web');
    expect([...dependenciesOf(app, findWorkspace(app))].sort()).toEqual(['@acme/ai', '@upstash/qstash', 'openai']);
  });

  it('without a workspace, is the directory\'s own manifests only', () => {
    const root = materialise('c6-library-reads');
    expect([...dependenciesOf(path.join(root, 'apps/web'))].sort()).toEqual(['@acme/ai', '@upstash/qstash']);
  });
});
