/**
 * A real forward proxy for tests: Debian's tinyproxy, started on loopback with a configuration of its own
 * (basic auth optional) and stopped after. `.ci/run` installs it; without it the tests that need it fail,
 * saying so. What went through it is read from its log.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../harness/ports.mjs';

export const TINYPROXY = process.env.SPACES_TINYPROXY ?? '/usr/bin/tinyproxy';

export interface Tinyproxy {
  readonly url: string;
  /** Every request the proxy took, as its log has it: `CONNECT host:port` or `GET http://…`. */
  requests(): string[];
  stop(): Promise<void>;
}

export async function startTinyproxy(auth?: { user: string; password: string }): Promise<Tinyproxy> {
  if (!existsSync(TINYPROXY)) throw new Error(`tinyproxy not found at ${TINYPROXY}: install it with 'apt-get install -y tinyproxy' (or set SPACES_TINYPROXY)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'spaces-tinyproxy-'));
  const port = await freePort();
  const log = path.join(dir, 'tinyproxy.log');
  const config = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    'MaxClients 50',
    'Allow 127.0.0.1',
    `LogFile "${log}"`,
    'LogLevel Connect',
    ...(auth ? [`BasicAuth ${auth.user} ${auth.password}`] : []),
  ];
  writeFileSync(path.join(dir, 'tinyproxy.conf'), `${config.join('\n')}\n`);
  const child = spawn(TINYPROXY, ['-d', '-c', path.join(dir, 'tinyproxy.conf')], { stdio: 'ignore' });
  await listening(port, child);
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => (existsSync(log) ? [...readFileSync(log, 'utf8').matchAll(/Request \(file descriptor \d+\): (\S+ \S+)/g)].map((m) => m[1]!) : []),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `port` accepts connections; rejects if the proxy exits first. */
async function listening(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tinyproxy exited (${child.exitCode}) before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
