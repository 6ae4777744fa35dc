// Servers in tests start on a port freePort() found free; another test file may bind it first.
import { describe, expect, it } from 'vitest';
import { startOnFreePort } from '../helpers/server.js';

describe('startOnFreePort', () => {
  it('starts again on another port when the first one was taken meanwhile', async () => {
    const ports: number[] = [];
    const started = await startOnFreePort(async (port) => {
      ports.push(port);
      if (ports.length === 1) throw new Error('api exited before it was ready:\nlisten EADDRINUSE: address already in use 127.0.0.1:' + port);
      return `up on ${port}`;
    });
    expect(ports).toHaveLength(2);
    expect(started).toBe(`up on ${ports[1]}`);
  });

  it('gives up after three taken ports, and never retries another failure', async () => {
    let calls = 0;
    await expect(startOnFreePort(async () => { calls++; throw new Error('listen EADDRINUSE'); })).rejects.toThrow('EADDRINUSE');
    expect(calls).toBe(3);
    calls = 0;
    await expect(startOnFreePort(async () => { calls++; throw new Error('SyntaxError in server.ts'); })).rejects.toThrow('SyntaxError');
    expect(calls).toBe(1);
  });
});
