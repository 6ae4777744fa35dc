// The README env table is read on GitHub: prose must survive Markdown's HTML handling.
import { describe, expect, it } from 'vitest';
import { renderEnvTable } from '../../src/env/render.js';
import type { EnvVar } from '../../src/env/types.js';

const VAR: EnvVar = {
  name: 'GITHUB_CLIENT_ID',
  group: 'OAuth: GitHub',
  description: 'File as file:<path> | relative & short.',
  required: true,
  kind: 'string',
  example: 'your-github-client-id',
  usedBy: ['backend'],
  secret: false,
  note: 'Callback URL: <BETTER_AUTH_URL>/api/auth/callback/github',
};

describe('renderEnvTable', () => {
  it('escapes angle brackets, ampersands and pipes in descriptions, and joins the note with a line break', () => {
    const row = renderEnvTable([VAR]).split('\n').find((line) => line.startsWith('| `GITHUB_CLIENT_ID`'));
    expect(row).toContain('file:&lt;path&gt; \\| relative &amp; short.<br>Callback URL: &lt;BETTER_AUTH_URL&gt;/api/auth/callback/github');
    expect(row).toContain('| `your-github-client-id` |');
  });
});
