// `check env --format json` is read by scripts: besides the findings it says how much of the
// project was looked at, so a run that listed or parsed nothing can be told from a clean one.
import { describe, expect, it } from 'vitest';
import { runCheckEnvCommand } from '../../src/commands/check-env.js';
import { checkEnv } from '../../src/env/check.js';
import { fixtureEnvVarsFor } from './fixture-registry.js';
import { captureIo, materialise } from './helpers.js';

describe('check env --format json', () => {
  it('reports how many files were listed and parsed', async () => {
    const dir = materialise('plain-clean');
    const inject = { envVarsFor: fixtureEnvVarsFor };
    const io = captureIo();
    expect(await runCheckEnvCommand({ cwd: dir, format: 'json' }, io, inject)).toBe(0);
    const json = JSON.parse(io.out()) as { files?: { listed: number; parsed: number } };
    const { stats } = await checkEnv({ cwd: dir, ...inject });
    expect(json.files).toEqual({ listed: stats.filesListed, parsed: stats.filesParsed });
    // src/server.ts and worker/tasks.py; the env files are listed but hold no code.
    expect(json.files?.parsed).toBe(2);
    expect(json.files?.listed).toBeGreaterThanOrEqual(2);
  });
});
