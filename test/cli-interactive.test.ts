// The prompts, driven through a real pseudo-terminal (util-linux `script`), the way a person
// meets them: keys are typed only once the question is on screen.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requirePrerequisite } from './helpers/prerequisites.js';

const BIN = fileURLToPath(new URL('../bin/create-better-auth-jwt.js', import.meta.url));
const scriptProbe = spawnSync('script', ['--version'], { encoding: 'utf8' });
const SUITE = 'interactive prompts in a terminal';
const noTerminal = requirePrerequisite({
  suite: SUITE,
  needs: '`script` (util-linux) for a pseudo-terminal',
  missing: scriptProbe.status === 0 ? undefined : (scriptProbe.error?.message ?? `script --version exited ${scriptProbe.status}`),
  install: 'apt-get install bsdutils',
});

const ENTER = '\r';
const DOWN = '\u001b[B';
const SPACE = ' ';
const CTRL_C = '\u0003';

interface Terminal {
  /** Resolves once `text` has appeared on screen (escape codes removed); bounded. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  type(keys: string): void;
  exit: Promise<number | null>;
  screen(): string;
}

function plain(output: string): string {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r/g, '');
}

function openTerminal(cwd: string, args: string[]): Terminal {
  const command = ['stty cols 100 rows 40;', 'exec', JSON.stringify(process.execPath), JSON.stringify(BIN), ...args].join(' ');
  const child: ChildProcessWithoutNullStreams = spawn('script', ['-qfec', command, '/dev/null'], {
    cwd,
    env: { ...process.env, npm_config_user_agent: 'npm/11 node/v20' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    async waitFor(text, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!plain(output).includes(text)) {
        if (Date.now() > deadline) throw new Error(`"${text}" never appeared; the screen was:\n${plain(output)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    type(keys) {
      child.stdin.write(keys);
    },
    exit,
    screen: () => plain(output),
  };
}

describe.skipIf(noTerminal !== undefined)(SUITE, () => {
  it('asks for each option, writes the chosen project and prints the command that reproduces it', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cbaj-pty-'));
    const term = openTerminal(cwd, ['my-app', '--no-install', '--no-git']);
    await term.waitFor('Which framework?');
    term.type(ENTER);
    await term.waitFor('Where does the protected API live?');
    term.type(ENTER);
    await term.waitFor('Where should the browser keep the access token?');
    term.type(DOWN + ENTER); // memory → cookie
    await term.waitFor('Which OAuth providers?');
    term.type(DOWN + SPACE + ENTER); // google, github, … → github
    await term.waitFor('Which database?');
    term.type(ENTER);
    await term.waitFor('Which API client flavour?');
    term.type(DOWN + ENTER); // fetch → axios
    await term.waitFor('Which package manager?');
    term.type(ENTER);
    expect(await term.exit).toBe(0);

    const screen = term.screen();
    expect(screen).toContain(
      'npx create-better-auth-jwt my-app --framework next --backend next --storage cookie --providers github --db sqlite --http axios --pm npm --no-install --no-git --yes',
    );
    const manifest = JSON.parse(readFileSync(join(cwd, 'my-app', 'create-better-auth-jwt.json'), 'utf8')) as {
      options: Record<string, unknown>;
    };
    expect(manifest.options).toMatchObject({ storage: 'cookie', providers: ['github'], http: 'axios', db: 'sqlite' });
    // The secret went to .env only, never to the screen.
    const secret = /^BETTER_AUTH_SECRET=(.+)$/m.exec(readFileSync(join(cwd, 'my-app', '.env'), 'utf8'))?.[1];
    expect(secret).toBeTruthy();
    expect(screen).not.toContain(secret);
  });

  it('Ctrl-C at a prompt says "cancelled", exits 130 and writes nothing', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cbaj-pty-'));
    const term = openTerminal(cwd, ['my-app']);
    await term.waitFor('Which framework?');
    term.type(CTRL_C);
    expect(await term.exit).toBe(130);
    expect(term.screen()).toMatch(/cancelled/i);
    expect(term.screen()).not.toMatch(/\bat .+\.js:\d+/); // no stack trace
    expect(existsSync(join(cwd, 'my-app'))).toBe(false);
  });
});
