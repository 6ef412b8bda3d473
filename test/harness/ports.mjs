// A free loopback port, for whatever a test starts that must listen on one of its own (code-server, tinyproxy).
import net from 'node:net';

/**
 * A TCP port on 127.0.0.1 that nothing listened on a moment ago: the system picks it, it is let go at once.
 * @returns {Promise<number>}
 */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}
