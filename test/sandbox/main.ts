// Runs the sandbox on its own: `node out/sandbox/main.js [port]`. Prints one JSON line with its URL and
// the demo team's profile (settings, accounts and the environment they read secrets from), then serves
// until stopped.
import { startSandbox } from './server';
import { teamProfile } from './team/profile';

async function main(): Promise<void> {
  const sandbox = await startSandbox(Number(process.argv[2] ?? 0));
  console.log(JSON.stringify({ url: sandbox.url, ...teamProfile(sandbox.url) }));
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
