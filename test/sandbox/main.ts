// Runs the sandbox on its own: `node out/sandbox/main.js [port]`. Prints its URL, stops on Ctrl+C.
import { startSandbox } from './server';

async function main(): Promise<void> {
  const sandbox = await startSandbox(Number(process.argv[2] ?? 0));
  console.log(sandbox.url);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
