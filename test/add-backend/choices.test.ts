// Where add backend's choices come from: flags, the last run, the prompts (in this order:
// auth URL, algorithm, CORS origin, each offering the generated backends' default), or --yes.
import { describe, expect, it } from 'vitest';
import { runAddBackend } from '../../src/add-backend/run.js';
import { UsageError } from '../../src/errors.js';
import { copyFixture } from './fixtures.js';

const quiet = { out: () => {}, warn: () => {} };

describe('add backend choices', () => {
  it('asks for the auth URL, the algorithm and the CORS origin, offering the defaults', async () => {
    const asked: Array<{ message: string; initial: string; options?: readonly string[] }> = [];
    const answers = ['https://auth.example.com/', 'ES256', 'https://app.example.com'];
    const result = await runAddBackend(copyFixture('hono-ts'), {}, { ...quiet, ask: async (q) => (asked.push(q), answers[asked.length - 1]!) });
    expect(asked.map((q) => [q.message.match(/\((\w+)\)$/)?.[1], q.initial])).toEqual([
      ['BETTER_AUTH_URL', 'http://localhost:3000'],
      ['JWT_ALGORITHM', 'EdDSA'],
      ['CORS_ORIGIN', 'https://auth.example.com'],
    ]);
    expect(asked[1]!.options).toEqual(['EdDSA', 'ES256', 'RS256']);
    expect(result.choices).toEqual({ authUrl: 'https://auth.example.com', algorithm: 'ES256', corsOrigin: 'https://app.example.com' });
  });

  it('does not ask for a CORS origin when the app sets CORS up, nor with --no-cors; flags are never asked again', async () => {
    const asked: string[] = [];
    const ask = async (q: { message: string; initial: string }) => (asked.push(q.message), q.initial);
    expect((await runAddBackend(copyFixture('express5-ts'), { authUrl: 'http://localhost:4000' }, { ...quiet, ask })).choices.corsOrigin).toBeNull();
    expect((await runAddBackend(copyFixture('hono-ts'), { cors: false, algorithm: 'RS256' }, { ...quiet, ask })).choices.corsOrigin).toBeNull();
    expect(asked.map((m) => m.match(/\((\w+)\)$/)?.[1])).toEqual(['JWT_ALGORITHM', 'BETTER_AUTH_URL']);
  });

  it('--yes takes the defaults; without a terminal and without --yes a missing choice is a usage error', async () => {
    expect((await runAddBackend(copyFixture('fastify5-esm'), { yes: true }, quiet)).choices).toEqual({ authUrl: 'http://localhost:3000', algorithm: 'EdDSA', corsOrigin: 'http://localhost:3000' });
    await expect(runAddBackend(copyFixture('fastify5-esm'), {}, quiet)).rejects.toThrow(new UsageError('--auth-url is missing and there is no terminal to ask; pass it, or --yes for the default (http://localhost:3000)'));
  });
});
